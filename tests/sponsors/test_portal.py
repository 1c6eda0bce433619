import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from sources.models import FundingSource
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_a_sponsor_sees_what_its_own_money_made_possible(client, sponsor_user, funded):
    funded(6)
    other = FundingSource.objects.create(name="Ander Fonds", kind=FundingSource.Kind.FUND)
    funded(2, source=other)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    [row] = response.context["rows"]
    assert (row.year, row.citizen_jobs_shown, row.hours, row.paid) == (
        YEAR,
        6,
        Decimal("60"),
        Decimal("336.00"),
    )
    assert row.nonprofits_shown == "minder dan 5"
    assert "€\xa0336,00" in response.text


def test_fewer_than_five_people_read_minder_dan_5(client, sponsor_user, funded):
    funded(2)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"))
    assert response.context["rows"][0].citizen_jobs_shown == "minder dan 5"
    assert "minder dan 5" in response.text


def test_the_outcomes_are_of_the_people_the_sponsor_funds_only(client, sponsor_user, funded):
    from guidance.models import Wellbeing

    mine = funded(5)
    others = funded(5, source=FundingSource.objects.create(name="Fonds", kind="fund"))
    for person in mine:
        Wellbeing.objects.create(burgerbaner=person, year=YEAR, quarter=1, feeling=5)
    for person in others:
        Wellbeing.objects.create(burgerbaner=person, year=YEAR, quarter=1, feeling=1)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    assert response.context["outcomes"]["year"].questions[0].mean == 5


def test_the_outcomes_count_the_hours_and_money_of_the_months_the_sponsor_paid_for(
    client, sponsor_user, funded, nonprofit, treasurer
):
    """Someone funded by the sponsor until June and by a fund from July: the sponsor's
    outcomes count their March, not their September, exactly as its figures do."""
    import datetime

    from agreements.models import AgreementStatus, AllowanceAgreement
    from hours.models import Timesheet, TimesheetStatus
    from tests.factories import AllowanceAgreementFactory
    from tests.funding.conftest import pay

    people = funded(5)
    moved = people[0]
    AllowanceAgreement.objects.filter(burgerbaner=moved).update(
        end_date=datetime.date(YEAR, 6, 30), status=AgreementStatus.ENDED
    )
    AllowanceAgreementFactory(
        burgerbaner=moved,
        source=FundingSource.objects.create(name="Fonds", kind="fund"),
        start_date=datetime.date(YEAR, 7, 1),
        end_date=datetime.date(YEAR, 12, 31),
    )
    Timesheet.objects.create(
        burgerbaner=moved,
        organisation=nonprofit,
        month=datetime.date(YEAR, 9, 1),
        status=TimesheetStatus.COUNTERSIGNED,
        total_hours=Decimal("7"),
    )
    pay(moved, YEAR, 9, "39.20", treasurer)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    [row] = response.context["rows"]
    year = response.context["outcomes"]["year"]
    assert (year.hours, year.paid) == (row.hours, row.paid) == (Decimal("50"), Decimal("280.00"))
    third = response.context["outcomes"]["quarters"][2]
    assert (third.hours, third.paid) == (Decimal("0"), Decimal("0"))


def test_the_sponsor_portal_shows_no_name_or_personal_data_anywhere(
    client, sponsor_user, funded, burgerbaner, sponsor_source
):
    """Crawl every page the sponsor reaches: no burgerbaner's name, e-mail or IBAN."""
    people = funded(6)
    burgerbaner.allowanceagreements.update(source=sponsor_source)
    people.append(burgerbaner)
    log_in(client, sponsor_user)
    seen, queue, pages = set(), [reverse("sponsor_portal"), reverse("home")], []
    while queue:
        url = queue.pop()
        if url in seen or not url.startswith("/") or url.startswith(("/accounts/", "/static/")):
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code != 200:
            continue
        if response["Content-Type"].startswith("text/html"):
            queue += re.findall(r'href="([^"#]+)"', response.text)
        pages.append((url, response.content.decode("latin-1")))
    assert any(url.startswith("/sponsor/verklaring/") for url, _ in pages)
    for person in people:
        for secret in (person.legal_name, person.user.email, person.iban):
            for url, text in pages:
                assert secret not in text, f"{secret} on {url}"


def test_someone_without_a_sponsor_role_gets_403(client, treasurer):
    log_in(client, treasurer)
    assert client.get(reverse("sponsor_portal")).status_code == 403


def test_an_odd_year_is_refused_plainly(client, sponsor_user):
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"), {"jaar": "1"})
    assert response.status_code == 400
    assert "Dit jaar klopt niet." in response.text


def test_the_portal_runs_a_fixed_number_of_queries(
    client, sponsor_user, funded, django_assert_max_num_queries
):
    funded(5)
    log_in(client, sponsor_user)
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    funded(8)
    cache.clear()  # the figures are kept for ten minutes: count them made anew
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("sponsor_portal"), {"jaar": YEAR})


def test_no_outcomes_when_the_sponsor_funds_fewer_than_five_people(client, sponsor_user, funded):
    """Many answers of two people would still be the answers of two people."""
    from guidance.models import Wellbeing

    for person in funded(2):
        for quarter in (1, 2, 3, 4):
            Wellbeing.objects.create(burgerbaner=person, year=YEAR, quarter=quarter, feeling=2)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    assert response.context["outcomes"] is None
    assert "Dan tonen we hier niets" in response.text


def test_the_figures_are_kept_until_money_changes_and_the_page_says_from_when(
    client, sponsor_user, funded, django_assert_max_num_queries
):
    funded(5)
    log_in(client, sponsor_user)
    first = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    assert "Cijfers bijgewerkt om" in first.text
    with django_assert_max_num_queries(8):  # session, user, roles: no figures
        again = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    assert again.context["rows"][0].citizen_jobs_shown == 5
    funded(1)
    now = client.get(reverse("sponsor_portal"), {"jaar": YEAR})
    assert now.context["rows"][0].citizen_jobs_shown == 6


def test_a_withdrawn_story_consent_leaves_the_portal_at_once(client, sponsor_user, funded):
    from guidance.models import Wellbeing

    answers = [
        Wellbeing.objects.create(
            burgerbaner=person,
            year=YEAR,
            quarter=1,
            feeling=4,
            own_words=f"Ik voel me nuttig {n}",
            story_consent=True,
        )
        for n, person in enumerate(funded(5))
    ]
    log_in(client, sponsor_user)
    assert "Ik voel me nuttig 0" in client.get(reverse("sponsor_portal"), {"jaar": YEAR}).text
    answers[0].story_consent = False
    answers[0].save()
    assert "Ik voel me nuttig 0" not in client.get(reverse("sponsor_portal"), {"jaar": YEAR}).text
