"""The hourly maximum holds at every proposal and approval, not only when the agreement
is made: what lies above the maximum for the person's age on the day of work is not paid."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from payments import cap, services
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_5_60(allowance):
    allowance.hourly_rate = Decimal("5.60")
    allowance.save()
    return allowance


def test_a_corrected_date_of_birth_lowers_the_rate_at_the_next_approval(
    client, burgerbaner, at_5_60, countersigned, treasurer, foundation
):
    countersigned(3, [3, 4], "5")  # 10 h
    burgerbaner.date_of_birth = datetime.date(YEAR - 19, 1, 1)  # turns out to be 19
    burgerbaner.save()
    overview = cap.overview(burgerbaner, YEAR, 3)
    assert overview.signed(3) == Decimal("33.00")  # 10 h × 3,30
    assert overview.story(3).above_rate == Decimal("23.00")
    log_in(client, treasurer)
    page = client.get(reverse("month_proposal", args=[YEAR, 3])).text
    assert "€\xa023,00 niet uitbetaald: het bedrag per uur was hoger dan het uurmaximum" in page
    assert services.approve_month(burgerbaner, YEAR, 3, by=treasurer).amount == Decimal("33.00")


def test_a_lowered_hourly_maximum_holds_for_hours_already_signed(
    burgerbaner, at_5_60, countersigned, treasurer, foundation
):
    from rules.models import YearRules

    countersigned(4, [1, 2], "5")
    YearRules.objects.filter(year=YEAR).update(hourly_maximum=Decimal("5.00"))
    assert services.approve_month(burgerbaner, YEAR, 4, by=treasurer).amount == Decimal("50.00")


def test_the_rate_changes_on_the_21st_birthday_without_a_second_rate(
    burgerbaner, at_5_60, countersigned
):
    burgerbaner.date_of_birth = datetime.date(YEAR - 21, 5, 15)
    burgerbaner.save()
    countersigned(5, [14, 15], "5")  # 5 h at 20 (3,30), 5 h at 21 (5,60)
    assert cap.overview(burgerbaner, YEAR, 5).signed(5) == Decimal("44.50")
