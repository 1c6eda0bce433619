import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from hours.models import HourEntry, Timesheet
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

URL = reverse("hours_home")


def post(client, agreement, **overrides):
    data = {
        "date": overrides.pop("day", None) or "",
        "agreement": agreement.pk,
        "hours": "2.5",
        "description": "Koffie schenken",
    }
    data.update(overrides)
    return client.post(URL, data)


def test_burgerbaner_logs_hours_into_the_months_timesheet(client, burgerbaner, agreement, today):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, day=today.isoformat())
    assert response.status_code == 302
    entry = HourEntry.objects.get()
    assert entry.hours == Decimal("2.50")
    assert entry.timesheet == Timesheet.objects.get(
        burgerbaner=burgerbaner, organisation=agreement.organisation, month=today.replace(day=1)
    )
    page = client.get(URL)
    assert "Koffie schenken" in page.text
    assert "Je uren zijn opgeslagen." in page.text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hours": "1.3"}, "Schrijf uren in kwartieren"),
        ({"hours": "0"}, "Vul meer dan 0 uur in."),
        ({"hours": "-2"}, "Vul meer dan 0 uur in."),
        ({"hours": "25"}, "niet meer dan 24 uur op één dag"),
        ({"hours": "abc"}, "Schrijf het aantal uren als een getal, zoals 1,5, of als 1:30."),
        ({"description": ""}, "Dit veld is verplicht."),
        ({"date": "2000-01-01"}, "geen actieve vrijwilligersovereenkomst"),
        ({"date": "niet-een-datum"}, "Voer een geldige datum in."),
    ],
)
def test_bad_hours_are_refused_in_dutch_and_nothing_saved(
    client, burgerbaner, agreement, today, overrides, message
):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, **{"date": today.isoformat(), **overrides})
    assert response.status_code == 200
    assert message in response.text
    assert not HourEntry.objects.exists()
    assert not Timesheet.objects.exists()


def test_no_hours_in_the_future(client, burgerbaner, agreement, today):
    log_in(client, burgerbaner.user)
    tomorrow = today + datetime.timedelta(days=1)
    response = post(client, agreement, date=tomorrow.isoformat())
    assert "dag die nog moet komen" in response.text
    assert not HourEntry.objects.exists()


def test_24_hours_a_day_counts_all_non_profits_together(
    client, burgerbaner, agreement, other_nonprofit, today, log
):
    from tests.factories import VolunteerAgreementFactory

    second = VolunteerAgreementFactory(
        burgerbaner=burgerbaner, organisation=other_nonprofit, start_date=agreement.start_date
    )
    log(today, "20")
    log_in(client, burgerbaner.user)
    response = post(client, second, date=today.isoformat(), hours="4.25")
    assert "al 20 uur geschreven" in response.text
    post(client, second, date=today.isoformat(), hours="4")
    assert HourEntry.objects.count() == 2


def test_cannot_log_on_someone_elses_agreement(client, burgerbaner, other_burgerbaner, today):
    log_in(client, burgerbaner.user)
    theirs = other_burgerbaner.volunteeragreements.get()
    response = post(client, theirs, date=today.isoformat())
    assert response.status_code == 200
    assert not HourEntry.objects.exists()


def test_going_over_the_maximum_warns_first_then_saves(
    client, burgerbaner, agreement, allowance, today, log, rules
):
    from tests.factories import year_rules

    year_rules(today.year, monthly_maximum=Decimal("60.00"))
    first = today.replace(day=1)
    log(first, "11")  # 11 × € 5,00 = € 55,00 this month already
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=first.isoformat(), hours="2")
    assert "€\xa05,00 boven het maandmaximum" in response.text
    assert "Toch opslaan" in response.text
    assert HourEntry.objects.count() == 1

    response = post(client, agreement, date=first.isoformat(), hours="2", confirm_over_maximum="on")
    assert response.status_code == 302
    assert HourEntry.objects.count() == 2
    page = client.get(URL)
    assert "wordt dit jaar niet uitbetaald" in page.text


def test_edit_and_delete_while_open(client, burgerbaner, agreement, today, log):
    entry = log(today, "2")
    log_in(client, burgerbaner.user)
    client.post(
        reverse("entry_edit", args=[entry.pk]),
        {"date": today.isoformat(), "agreement": agreement.pk, "hours": "3", "description": "X"},
    )
    entry.refresh_from_db()
    assert entry.hours == Decimal("3")
    client.post(reverse("entry_delete", args=[entry.pk]), {"bevestigd": "1"})
    assert not HourEntry.objects.exists()


def test_nobody_edits_someone_elses_entry(client, other_burgerbaner, today, log):
    entry = log(today, "2")
    log_in(client, other_burgerbaner.user)
    assert client.post(reverse("entry_delete", args=[entry.pk])).status_code == 404
    assert HourEntry.objects.filter(pk=entry.pk).exists()


def test_copy_last_week_repeats_the_pattern(client, burgerbaner, agreement, today, log):
    week_start = today - datetime.timedelta(days=today.weekday())
    log(week_start - datetime.timedelta(days=7), "3", "Maandag koken")
    log(week_start - datetime.timedelta(days=6), "2", "Dinsdag afwassen")
    log_in(client, burgerbaner.user)
    client.post(reverse("copy_week") + f"?week={week_start.isoformat()}", {"bevestigd": "1"})
    copied = HourEntry.objects.filter(date__gte=week_start)
    expected = 2 if today.weekday() >= 1 else 1  # never into the future
    assert copied.count() == expected
    assert copied.first().description == "Maandag koken"


def test_hours_page_queries_do_not_grow(
    client, burgerbaner, agreement, allowance, today, log, django_assert_max_num_queries
):
    log(today, "1")
    log_in(client, burgerbaner.user)
    with django_assert_max_num_queries(25) as few:
        client.get(URL)
    for day in range(1, 29):
        log(today.replace(day=1) + datetime.timedelta(days=day % today.day), "0.25", f"Dag {day}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


@pytest.mark.parametrize("written", ["1:30", "1,5", "1.5"])
def test_hours_are_understood_as_written_on_a_clock_or_with_a_comma_or_dot(
    client, burgerbaner, agreement, today, written
):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=today.isoformat(), hours=written)
    assert response.status_code == 302
    assert HourEntry.objects.get().hours == Decimal("1.50")


def test_minutes_that_are_no_quarter_are_refused_with_an_example(
    client, burgerbaner, agreement, today
):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=today.isoformat(), hours="1:20")
    assert "Schrijf uren in kwartieren: bijvoorbeeld 1:15, 1:30 of 1:45." in response.text
    assert not HourEntry.objects.exists()


def test_an_error_is_shown_once_at_its_field(client, burgerbaner, agreement, today):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=today.isoformat(), hours="1.3")
    message = "Schrijf uren in kwartieren"
    assert response.text.count(message) == 1
    at_field = response.text.index('id="id_hours_error"')
    assert response.text.index(message) > at_field
    assert re.search(r"aria-describedby=\"[^\"]*id_hours_error", response.text)


def test_too_many_hours_on_an_empty_day_do_not_speak_of_0_hours_already(
    client, burgerbaner, agreement, today
):
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=today.isoformat(), hours="25")
    assert "Je kunt niet meer dan 24 uur op één dag schrijven." in response.text
    assert "al 0 uur" not in response.text


def test_a_handed_in_month_is_told_before_the_over_maximum_warning(
    client, burgerbaner, agreement, allowance, today, log
):
    from hours import services
    from tests.factories import year_rules

    year_rules(today.year, monthly_maximum=Decimal("60.00"))
    first = today.replace(day=1)
    entry = log(first, "11")
    services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=first.isoformat(), hours="2")
    assert "is al ingediend of goedgekeurd" in response.text
    assert "Toch opslaan" not in response.text
    assert "boven het maandmaximum" not in response.text
    assert HourEntry.objects.count() == 1


def test_a_closed_month_is_named_by_its_name(client, burgerbaner, agreement, today, log):
    from django.utils import formats

    from hours import services

    first = today.replace(day=1)
    entry = log(first, "1")
    services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    log_in(client, burgerbaner.user)
    response = post(client, agreement, date=first.isoformat(), hours="1")
    month = formats.date_format(first, "F Y")  # "oktober 2026"
    assert f"Je urenoverzicht van {month} voor" in response.text
    assert f"van {first:%m-%Y} voor" not in response.text


def test_a_new_burgerbaner_sees_from_when_they_can_write_hours(
    client, burgerbaner, agreement, today
):
    from agreements.models import AgreementStatus

    start = today + datetime.timedelta(days=12)
    agreement.start_date = start
    agreement.save()
    log_in(client, burgerbaner.user)
    page = client.get(URL).text
    assert f"Bij Buurtkamer De Polderhoek kun je uren schrijven vanaf {start.day} " in page

    type(agreement).objects.filter(pk=agreement.pk).update(
        status=AgreementStatus.AWAITING_SIGNATURES
    )
    page = client.get(URL).text
    assert "zodra jullie allebei de vrijwilligersovereenkomst hebben getekend" in page
    assert 'name="hours"' not in page


def test_someone_without_any_agreement_hears_how_they_get_one(client, db):
    from tests.factories import BurgerbanerFactory

    newcomer = BurgerbanerFactory()
    log_in(client, newcomer.user)
    page = client.get(URL).text
    assert "Je hebt nog geen vrijwilligersovereenkomst." in page
    assert 'name="hours"' not in page
