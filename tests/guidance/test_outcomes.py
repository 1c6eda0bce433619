"""Outcomes for admins: groups under five are not shown; a story only with its author's consent."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from guidance.models import Goal, ResearchConsent, Wellbeing
from guidance.services import set_research_consent
from reports import outcomes, research
from tests.factories import BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db
YEAR = 2026


def answer(n: int, *, feeling=4, words="", consent=False, quarter=2):
    people = [BurgerbanerFactory() for _ in range(n)]
    for person in people:
        Wellbeing.objects.create(
            burgerbaner=person,
            year=YEAR,
            quarter=quarter,
            feeling=feeling,
            own_words=words,
            story_consent=consent,
        )
    return people


def test_four_answers_are_not_shown_five_are(client, admin_user):
    answer(4)
    log_in(client, admin_user)
    page = client.get(reverse("outcomes_report", args=[YEAR])).text
    assert "Gemiddeld" not in page
    assert "minder dan 5" in page
    answer(1)
    page = client.get(reverse("outcomes_report", args=[YEAR])).text
    assert "Gemiddeld 4.0 van 5, 5 antwoorden" in page.replace(",0", ".0")


def test_a_story_appears_only_when_its_author_agreed(client, admin_user):
    answer(4, words="Ik kom weer onder de mensen.", consent=True)
    answer(2, words="Niet voor een verslag.", consent=False)
    log_in(client, admin_user)
    page = client.get(reverse("outcomes_report", args=[YEAR])).text
    assert "Ik kom weer onder de mensen." in page
    assert "Niet voor een verslag." not in page


def test_no_story_is_shown_while_fewer_than_five_answered(client, admin_user):
    answer(3, words="Alleen ik zei dit.", consent=True)
    log_in(client, admin_user)
    assert "Alleen ik zei dit." not in client.get(reverse("outcomes_report", args=[YEAR])).text


def test_a_small_count_of_goals_reads_minder_dan_5(burgerbaner):
    for title in ("Een", "Twee"):
        Goal.objects.create(
            burgerbaner=burgerbaner,
            title=title,
            state="reached",
            reached_on=datetime.date(YEAR, 5, 1),
            created_by=burgerbaner.user,
        )
    assert outcomes.outcomes(YEAR)["year"].goals_reached_shown == "minder dan 5"


def test_a_sponsor_sees_only_the_people_it_funds():
    funded = answer(5, feeling=5)
    answer(5, feeling=1)
    mine = outcomes.outcomes(YEAR, burgerbaner_ids=[p.pk for p in funded])
    assert mine["year"].questions[0].mean == 5


def research_rows(year=YEAR):
    with zipfile.ZipFile(io.BytesIO(research.export_zip(year))) as archive:
        names = archive.namelist()
        data = archive.read(f"burgerbaan-onderzoek-{year}/gegevens.csv").decode()
    return names, data


def test_the_research_export_holds_only_who_consented_without_names(burgerbaner, other_burgerbaner):
    set_research_consent(burgerbaner, by=burgerbaner.user, given=True)
    Wellbeing.objects.create(burgerbaner=burgerbaner, year=YEAR, quarter=1, feeling=3)
    names, data = research_rows()
    assert f"burgerbaan-onderzoek-{YEAR}/codeboek.csv" in names
    lines = data.strip().splitlines()
    assert len(lines) == 1 + 4  # a header, then four quarters of the one who said yes
    assert research.pseudonym(burgerbaner.pk) in data
    for secret in (burgerbaner.legal_name, burgerbaner.user.email, burgerbaner.iban, "1980"):
        assert secret not in data
    assert research.pseudonym(other_burgerbaner.pk) not in data


def test_withdrawing_consent_removes_the_person_from_the_next_export(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post(reverse("research_consent"), {"given": "ja"})
    assert research.pseudonym(burgerbaner.pk) in research_rows()[1]
    client.post(reverse("research_consent"), {"given": "nee"})
    assert research.pseudonym(burgerbaner.pk) not in research_rows()[1]
    assert [c.given for c in ResearchConsent.objects.order_by("at", "pk")] == [True, False]


def test_the_admin_downloads_the_research_export(client, admin_user):
    log_in(client, admin_user)
    response = client.get(reverse("research_export", args=[YEAR]))
    assert response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(response.content)).testzip() is None
