"""A coordinator chooses timesheets to approve: all shown at once, or those of one non-profit."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.services import grant_role
from hours import services
from hours.models import Timesheet, TimesheetStatus
from tests.factories import BurgerbanerFactory, OrganisationFactory, VolunteerAgreementFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

QUEUE = reverse("approve_queue")


def submitted(organisation, month: datetime.date) -> Timesheet:
    person = BurgerbanerFactory()
    agreement = VolunteerAgreementFactory(
        burgerbaner=person, organisation=organisation, start_date=month
    )
    entry = services.log_hours(
        person, by=person.user, agreement=agreement, date=month, hours=Decimal("2"), description="X"
    )
    services.submit_timesheet(entry.timesheet, by=person.user)
    return entry.timesheet


@pytest.fixture
def two_places(coordinator, nonprofit, other_nonprofit, admin_user, last_month):
    grant_role(coordinator, Role.Kind.COORDINATOR, other_nonprofit, by=admin_user)
    return {
        nonprofit: [submitted(nonprofit, last_month) for _ in range(2)],
        other_nonprofit: [submitted(other_nonprofit, last_month)],
    }


def test_all_shown_timesheets_are_approved_with_one_button_without_ticking(
    client, coordinator, two_places
):
    log_in(client, coordinator)
    page = client.get(QUEUE).text
    assert "Alle 3 getoonde overzichten aftekenen" in page
    shown = re.findall(r'name="shown" value="(\d+)"', page)
    client.post(QUEUE, {"shown": shown, "alle": "1", "bevestigd": "1"})
    assert set(Timesheet.objects.values_list("status", flat=True)) == {TimesheetStatus.APPROVED}


def test_the_chosen_button_approves_only_what_was_ticked(
    client, coordinator, two_places, nonprofit
):
    first, second = two_places[nonprofit]
    log_in(client, coordinator)
    client.post(QUEUE, {"timesheet": [first.pk], "shown": [first.pk, second.pk], "bevestigd": "1"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (TimesheetStatus.APPROVED, TimesheetStatus.SUBMITTED)


def test_the_queue_narrows_to_one_non_profit(client, coordinator, two_places, other_nonprofit):
    log_in(client, coordinator)
    response = client.get(QUEUE, {"organisatie": other_nonprofit.pk})
    assert list(response.context["timesheets"]) == two_places[other_nonprofit]
    assert 'name="organisatie"' in response.text
    assert "Alle organisaties" in response.text


def test_a_non_profit_that_is_not_theirs_is_refused_in_dutch(client, coordinator, two_places):
    elsewhere = OrganisationFactory(name="Elders")
    log_in(client, coordinator)
    response = client.get(QUEUE, {"organisatie": elsewhere.pk})
    assert response.status_code == 400
    assert "Kies een organisatie uit de lijst." in response.text


def test_a_coordinator_of_one_place_gets_no_filter(client, coordinator, nonprofit, last_month):
    submitted(nonprofit, last_month)
    log_in(client, coordinator)
    assert 'name="organisatie"' not in client.get(QUEUE).text


def test_boxes_to_tick_are_at_least_24_px():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/app.css").read_text()
    rule = re.search(r'input\[type="checkbox"\], input\[type="radio"\] \{([^}]*)\}', css)
    assert "width: 1.5rem" in rule.group(1) and "height: 1.5rem" in rule.group(1)
