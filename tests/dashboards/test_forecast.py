"""The forecast: from the recent pace, the month the annual maximum is reached; staff see
who reaches it within two months."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from payments import cap, services
from tests.conftest import YEAR
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory, year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

OCTOBER_15 = datetime.date(YEAR, 10, 15)


@pytest.fixture
def in_october(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: OCTOBER_15)


def at_pace(person, per_month: str, months=range(1, 10)):
    """Allowance from elsewhere every month: the easiest steady pace."""
    AllowanceAgreementFactory(
        burgerbaner=person,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
        hourly_rate=Decimal("5.00"),
    )
    for month in months:
        services.record_elsewhere(
            person,
            organisation_name="Sportclub",
            month=datetime.date(YEAR, month, 1),
            amount=Decimal(per_month),
            by=person.user,
        )


def test_the_forecast_follows_the_pace_of_the_last_three_months(db):
    rules = year_rules(YEAR)
    steady = cap.Overview(
        year=YEAR, month=10, rules=rules, earned_by_month={m: Decimal("200") for m in range(1, 10)}
    )
    assert steady.forecast_month(OCTOBER_15) == 11  # 1.800 used, 300 left at 200 a month
    slow = cap.Overview(
        year=YEAR, month=10, rules=rules, earned_by_month={m: Decimal("100") for m in range(1, 10)}
    )
    assert slow.forecast_month(OCTOBER_15) is None  # 1.200 left: not this year
    stopped = cap.Overview(
        year=YEAR, month=10, rules=rules, earned_by_month={m: Decimal("200") for m in range(1, 7)}
    )
    assert stopped.forecast_month(OCTOBER_15) is None  # nothing in the last three months


def test_the_burgerbaner_sees_the_month_they_reach_the_annual_maximum(
    client, burgerbaner, in_october
):
    year_rules(YEAR)
    at_pace(burgerbaner, "200")
    log_in(client, burgerbaner.user)
    page = client.get(reverse("burgerbaner_dashboard")).text
    assert "In dit tempo bereik je het jaarmaximum in november." in page


def test_staff_see_who_reaches_it_within_two_months(
    client,
    admin_user,
    treasurer,
    burgerbaner,
    other_burgerbaner,
    in_october,
    django_assert_max_num_queries,
):
    year_rules(YEAR)
    at_pace(burgerbaner, "200")
    at_pace(other_burgerbaner, "50")
    log_in(client, admin_user)
    with django_assert_max_num_queries(60) as few:
        page = client.get(reverse("admin_dashboard")).text
    queries = len(few.captured_queries)
    assert "Fatima el Amrani</a>: in november " + str(YEAR) in page
    assert "Jan de Vries</a>:" not in page
    detail = client.get(reverse("burgerbaner_detail", args=[burgerbaner.pk])).text
    assert "In dit tempo bereikt deze burgerbaner het jaarmaximum in november." in detail

    for _ in range(4):
        at_pace(BurgerbanerFactory(), "210", months=range(1, 11))
    with django_assert_max_num_queries(queries):
        page = client.get(reverse("admin_dashboard")).text
    assert page.count("al bereikt") == 4

    client.logout()
    log_in(client, treasurer)
    assert "Fatima el Amrani</a>: in november" in client.get(reverse("treasurer_dashboard")).text
