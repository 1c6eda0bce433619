"""The burgerbaner hands in a month after confirming, and may take it back until the
coordinator acts."""

import pytest
from django.urls import reverse

from hours import services
from hours.models import Timesheet, TimesheetStatus
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def timesheet(log, last_month):
    return log(last_month, "3").timesheet


def status(timesheet):
    return Timesheet.objects.get(pk=timesheet.pk).status


def test_handing_in_asks_to_confirm_first(client, burgerbaner, timesheet):
    log_in(client, burgerbaner.user)
    ask = client.post(reverse("timesheet_submit", args=[timesheet.pk]))
    assert "indienen?" in ask.text
    assert "Je dient 3 uur in." in ask.text
    assert "kun je de maand terugnemen" in ask.text
    assert status(timesheet) == TimesheetStatus.OPEN

    done = client.post(
        reverse("timesheet_submit", args=[timesheet.pk]), {"bevestigd": "1"}, follow=True
    )
    assert "Je uren zijn ingediend." in done.text
    assert status(timesheet) == TimesheetStatus.SUBMITTED
    assert "Terugnemen" in done.text


def test_taking_back_opens_the_month_again_and_keeps_the_step(client, burgerbaner, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    log_in(client, burgerbaner.user)
    response = client.post(reverse("timesheet_withdraw", args=[timesheet.pk]), follow=True)
    assert "Je hebt" in response.text and "teruggenomen" in response.text
    assert status(timesheet) == TimesheetStatus.OPEN
    assert list(timesheet.steps.values_list("action", flat=True)) == ["submit", "withdraw"]
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    assert status(timesheet) == TimesheetStatus.SUBMITTED


def test_after_the_coordinator_acted_it_cannot_be_taken_back(
    client, burgerbaner, coordinator, timesheet
):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    log_in(client, burgerbaner.user)
    response = client.post(reverse("timesheet_withdraw", args=[timesheet.pk]), follow=True)
    assert "De coördinator heeft al naar deze maand gekeken" in response.text
    assert status(timesheet) == TimesheetStatus.APPROVED


def test_nobody_else_takes_a_month_back(client, burgerbaner, coordinator, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    log_in(client, coordinator)
    assert client.post(reverse("timesheet_withdraw", args=[timesheet.pk])).status_code == 403
    assert status(timesheet) == TimesheetStatus.SUBMITTED
