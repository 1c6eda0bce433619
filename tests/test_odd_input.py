"""Odd values in links and lists never give a 500: a plain Dutch page or message instead.

Every parameter a view reads from the query string or a list of ticked boxes
(dates, ids, years) goes through a form; what it refuses answers with a 400
page that says what was wrong, or a message at the field, and changes nothing.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hours.models import Timesheet
from payments.models import Payment
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

ODD_DATES = ["0001-01-01", "0001-01-08", "1999-12-31", "2000-01-02", "2025-02-30", "abc", "\x00"]
ODD_IDS = ["abc", "²", "٣x", "-1", "0", "99999999999999999999", "1.5", "\x00", " "]


def refused_plainly(response) -> None:
    assert response.status_code == 400
    text = response.content.decode()
    assert "Deze link klopt niet" in text
    assert "Traceback" not in text


@pytest.mark.parametrize("week", ODD_DATES)
def test_hours_page_with_an_odd_week_says_so(client, burgerbaner, week):
    log_in(client, burgerbaner.user)
    response = client.get(reverse("hours_home"), {"week": week})
    refused_plainly(response)
    assert "week" in response.content.decode()


@pytest.mark.parametrize("week", ODD_DATES)
def test_copy_last_week_with_an_odd_week_copies_nothing(client, burgerbaner, week):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("copy_week") + "?week=" + week)
    refused_plainly(response)
    assert not Timesheet.objects.exists()


def test_the_first_week_of_the_pilot_links_to_no_earlier_week(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.get(reverse("hours_home"), {"week": "2000-01-05"})
    assert response.status_code == 200
    assert "?week=1999-" not in response.text and "?week=2000-01-03" in response.text


def test_hours_page_with_a_normal_or_future_week_still_works(client, burgerbaner):
    log_in(client, burgerbaner.user)
    assert client.get(reverse("hours_home"), {"week": "2026-01-07"}).status_code == 200
    assert client.get(reverse("hours_home"), {"week": "9999-12-31"}).status_code == 200
    assert client.get(reverse("hours_home"), {"week": ""}).status_code == 200


@pytest.fixture
def waiting(burgerbaner, coordinator):
    """A month handed in by the burgerbaner, and one approved by the coordinator."""
    from hours import services

    agreement = burgerbaner.volunteeragreements.get()
    sheets = []
    for month in (2, 3):
        entry = services.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=datetime.date(2026, month, 2),
            hours=Decimal("2"),
            description="Koffie",
        )
        services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
        sheets.append(entry.timesheet)
    services.approve_timesheet(sheets[1], by=coordinator)
    return {"approve_queue": sheets[0], "countersign_queue": sheets[1]}


@pytest.mark.parametrize("odd", ODD_IDS)
@pytest.mark.parametrize(
    ("queue", "role"), [("approve_queue", "coordinator"), ("countersign_queue", "signer")]
)
def test_sign_off_queues_refuse_an_odd_id_and_sign_nothing(
    client, people, waiting, queue, role, odd
):
    timesheet = Timesheet.objects.get(pk=waiting[queue].pk)
    log_in(client, people[role])
    response = client.post(reverse(queue), {"timesheet": [timesheet.pk, odd]}, follow=True)
    assert response.status_code == 200
    assert "Deze keuze klopt niet" in response.content.decode()
    assert Timesheet.objects.get(pk=timesheet.pk).status == timesheet.status


@pytest.mark.parametrize("odd", ODD_IDS)
def test_month_approval_refuses_an_odd_id_and_pays_nothing(client, treasurer, odd):
    log_in(client, treasurer)
    response = client.post(
        reverse("month_proposal", args=[YEAR, 3]), {"burgerbaner": [odd]}, follow=True
    )
    assert response.status_code == 200
    assert "Deze keuze klopt niet" in response.content.decode()
    assert not Payment.objects.exists()


@pytest.mark.parametrize("odd", ODD_IDS)
@pytest.mark.parametrize("name", ["organisatie", "sponsor"])
def test_report_filters_refuse_an_odd_id(client, admin_user, name, odd):
    log_in(client, admin_user)
    refused_plainly(client.get(reverse("year_report", args=[YEAR]), {name: odd}))
    refused_plainly(
        client.get(reverse("report_export", args=[YEAR, "personen", "csv"]), {name: odd})
    )


def test_report_filter_on_a_real_organisation_still_works(client, admin_user, nonprofit):
    log_in(client, admin_user)
    response = client.get(reverse("year_report", args=[YEAR]), {"organisatie": nonprofit.pk})
    assert response.status_code == 200


@pytest.mark.parametrize("odd", ["\x00", "a\x00b"])
def test_people_search_with_odd_characters_says_so_at_the_field(client, admin_user, odd):
    log_in(client, admin_user)
    response = client.get(reverse("admin_dashboard"), {"zoek": odd})
    assert response.status_code == 200
    assert "Zoek zonder vreemde tekens" in response.content.decode()


@pytest.mark.parametrize("odd", ["\x00", "a\x00b", "tuin\x07", "%", "_", "x" * 5000])
def test_a_place_search_with_odd_characters_answers_plainly(client, odd):
    response = client.get(reverse("apply"), {"zoek": odd})
    assert response.status_code == 200
    # A search of control characters only is no search; anything else finds no place here.
    assert ("Geen plekken gevonden" in response.text) == bool(odd.strip("\x00\x07"))


@pytest.mark.parametrize("value", ODD_IDS)
def test_odd_values_in_the_vacancy_bank_and_the_application_form(client, admin_user, value):
    assert client.get(reverse("apply"), {"plek": value}).status_code == 200
    assert client.get(reverse("apply"), {"places": value, "zoek": value}).status_code == 200
    response = client.get(
        reverse("place_list"), {"soort": value, "stadsdeel": value, "uren": value, "pagina": value}
    )
    assert response.status_code == 200
    log_in(client, admin_user)
    assert client.get(reverse("intake_funnel"), {"fase": value, "pagina": value}).status_code == 200
