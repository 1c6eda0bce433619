"""The coordinator approves after confirming; the next month opens naming the one approved."""

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from hours import services
from hours.models import Timesheet, TimesheetStatus
from tests.factories import BurgerbanerFactory, VolunteerAgreementFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_handed_in(burgerbaner, nonprofit, log, last_month, agreement):
    first = log(last_month, "3").timesheet
    services.submit_timesheet(first, by=burgerbaner.user)
    other = BurgerbanerFactory(legal_name="Kees Bakker")
    VolunteerAgreementFactory(burgerbaner=other, organisation=nonprofit, start_date=last_month)
    second = services.log_hours(
        other,
        by=other.user,
        agreement=other.volunteeragreements.get(),
        date=last_month,
        hours=2,
        description="Tuin",
    ).timesheet
    services.submit_timesheet(second, by=other.user)
    return first, second


def test_approving_asks_first_then_names_the_month_and_person(
    client, coordinator, two_handed_in, last_month
):
    first, second = two_handed_in
    log_in(client, coordinator)
    url = reverse("timesheet_approve", args=[first.pk])
    ask = client.post(url)
    assert "Dit urenoverzicht aftekenen?" in ask.text
    assert "Fatima el Amrani" in ask.text and "3 uur" in ask.text
    assert Timesheet.objects.get(pk=first.pk).status == TimesheetStatus.SUBMITTED

    done = client.post(url, {"bevestigd": "1"})
    assert done["Location"] == second.get_absolute_url()
    page = client.get(done["Location"])
    month = date_format(last_month, "F Y")
    assert f"Afgetekend: {month} van Fatima el Amrani. Dank je wel." in page.text
    assert "Kees Bakker" in page.text
    assert Timesheet.objects.get(pk=first.pk).status == TimesheetStatus.APPROVED


def test_approving_several_from_the_queue_lists_them_first(client, coordinator, two_handed_in):
    first, second = two_handed_in
    log_in(client, coordinator)
    chosen = {"timesheet": [first.pk, second.pk]}
    ask = client.post(reverse("approve_queue"), chosen)
    assert "Deze 2 urenoverzichten aftekenen?" in ask.text
    assert "Fatima el Amrani" in ask.text and "Kees Bakker" in ask.text
    assert not Timesheet.objects.filter(status=TimesheetStatus.APPROVED).exists()
    done = client.post(reverse("approve_queue"), {**chosen, "bevestigd": "1"}, follow=True)
    assert "2 urenoverzichten zijn goedgekeurd." in done.text
    assert Timesheet.objects.filter(status=TimesheetStatus.APPROVED).count() == 2
