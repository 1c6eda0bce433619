"""The months to pay come from the money story, kept until money changes: the treasurer's
home and dashboard agree, and each change that moves money shows at once."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hours import services as hours_services
from payments import services
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def month_link(month: int) -> str:
    return reverse("month_proposal", args=[YEAR, month])


def test_approving_a_month_takes_it_off_both_lists_at_once(
    client, burgerbaner, countersigned, treasurer, django_assert_max_num_queries
):
    countersigned(3, [3])
    log_in(client, treasurer)
    assert month_link(3) in client.get(reverse("treasurer_home")).text
    assert month_link(3) in client.get(reverse("treasurer_dashboard")).text
    # Kept: a second visit tells no money story.
    with django_assert_max_num_queries(20):
        client.get(reverse("treasurer_home"))

    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert month_link(3) not in client.get(reverse("treasurer_home")).text
    assert month_link(3) not in client.get(reverse("treasurer_dashboard")).text

    countersigned(4, [3])  # a countersignature adds a month
    assert month_link(4) in client.get(reverse("treasurer_dashboard")).text


def test_the_dashboard_shows_a_corrected_month_that_was_paid_before(
    client, burgerbaner, countersigned, coordinator, signer, treasurer
):
    """It counted only months without any payment, and missed this one."""
    countersigned(6, [2, 3])
    services.approve_month(burgerbaner, YEAR, 6, by=treasurer)
    log_in(client, treasurer)
    assert month_link(6) not in client.get(reverse("treasurer_dashboard")).text
    correction = hours_services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=burgerbaner.volunteeragreements.get(),
        date=datetime.date(YEAR, 7, 10),
        hours=Decimal("5"),
        description="Vergeten",
        is_correction=True,
        correction_reason="Op 4 juni vergeten te schrijven",
        corrects_date=datetime.date(YEAR, 6, 4),
    )
    hours_services.submit_timesheet(correction.timesheet, by=burgerbaner.user)
    hours_services.approve_timesheet(correction.timesheet, by=coordinator)
    hours_services.countersign_timesheet(correction.timesheet, by=signer)
    page = client.get(reverse("treasurer_dashboard")).text
    assert f'{month_link(6)}">Juni {YEAR}</a>: 1 burgerbaner' in page
