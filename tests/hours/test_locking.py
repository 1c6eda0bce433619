import datetime
from decimal import Decimal

import pytest

from hours import services
from hours.models import HourEntry, TimesheetLocked, TimesheetStep
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(log, last_month, burgerbaner, coordinator, signer):
    entry = log(last_month, "3")
    services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    services.approve_timesheet(entry.timesheet, by=coordinator)
    services.countersign_timesheet(entry.timesheet, by=signer)
    entry.refresh_from_db()
    return entry


def test_submitted_timesheet_is_locked_in_the_model(log, last_month, burgerbaner):
    entry = log(last_month, "3")
    services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    entry.refresh_from_db()
    entry.hours = Decimal("8")
    with pytest.raises(TimesheetLocked):
        entry.save()
    with pytest.raises(TimesheetLocked):
        entry.delete()
    with pytest.raises(TimesheetLocked):
        log(last_month + datetime.timedelta(days=1), "1")
    assert HourEntry.objects.get().hours == Decimal("3")


def test_signed_hours_cannot_be_edited_or_deleted_by_anyone(client, signed, admin_user):
    with pytest.raises(TimesheetLocked):
        services.update_entry(
            signed,
            by=signed.timesheet.burgerbaner.user,
            agreement=signed.agreement,
            date=signed.date,
            hours=Decimal("1"),
            description="x",
        )
    with pytest.raises(TimesheetLocked):
        services.delete_entry(signed, by=signed.timesheet.burgerbaner.user)
    step = TimesheetStep.objects.first()
    with pytest.raises(TimesheetLocked):
        step.delete()
    assert HourEntry.objects.get().hours == Decimal("3")


def test_a_correction_is_a_new_entry_in_a_later_month(signed, log, today, burgerbaner):
    with pytest.raises(services.HoursError, match="Schrijf op wat je verbetert"):
        log(today, "-1", is_correction=True)
    with pytest.raises(services.HoursError, match="Kies de dag die je verbetert"):
        log(today, "-1", is_correction=True, correction_reason="1 uur te veel geschreven.")
    correction = log(
        today,
        "-1",
        is_correction=True,
        correction_reason="Vorige maand 1 uur te veel geschreven.",
        corrects_date=signed.date,
    )
    assert correction.timesheet != signed.timesheet
    assert correction.hours == Decimal("-1")
    services.submit_timesheet(correction.timesheet, by=burgerbaner.user)


def test_adding_to_a_signed_month_points_to_a_correction(signed, log, last_month):
    with pytest.raises(TimesheetLocked, match="Voeg dan een correctie toe"):
        log(last_month + datetime.timedelta(days=2), "1")


def test_correction_through_the_page(client, signed, agreement, today, burgerbaner):
    from django.urls import reverse

    log_in(client, burgerbaner.user)
    url = reverse("hours_home") + "?correctie=1"
    data = {
        "date": today.isoformat(),
        "agreement": agreement.pk,
        "hours": "-1,5",
        "description": "Minder uren",
        "correction_reason": "",
        "corrects_date": signed.date.isoformat(),
    }
    response = client.post(url, data)
    assert "Dit veld is verplicht." in response.text
    data["correction_reason"] = "Op de 3e was ik ziek."
    assert client.post(url, data).status_code == 302
    correction = HourEntry.objects.get(is_correction=True)
    assert correction.hours == Decimal("-1.5")
    assert correction.timesheet.month == today.replace(day=1)
    assert correction.corrects_date == signed.date
