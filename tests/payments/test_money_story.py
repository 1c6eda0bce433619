"""One money story: the dashboard, the payments page, the specification and the statement
tell the same figures, and money over a monthly maximum never counts toward the year."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Burgerbaner
from burgerbaan.money import format_euro
from demo import pilot
from payments import cap
from payments.models import Payment
from payments.pdf import specification
from reports.statements import statement_html
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db


def test_demo_burgerbaner1_sees_the_same_room_everywhere(client, settings):
    """The issue's case: the dashboard said € 0,00 left for the year while the September
    specification said € 1.260,00, and € 150 signed money went missing without a word."""
    pilot.seed()
    person = Burgerbaner.objects.get(user__email="burgerbaner1@burgerbaan.test")
    today = timezone.localdate()
    overview = cap.overview(person, today.year, today.month)
    # Fatima signs more than the monthly maximum every month: the rest is never paid and
    # does not eat the year's room.
    assert overview.over_month_year > 0
    assert overview.counted_year <= len(overview.story_months) * overview.monthly_maximum
    assert overview.left_year > 0
    left = format_euro(overview.left_year)
    not_paid = format_euro(overview.not_paid_year)

    client.force_login(person.user)
    for page in ("burgerbaner_dashboard", "my_payments", "hours_home"):
        text = client.get(reverse(page)).text
        assert left in text, page
        assert not_paid in text, page
        assert "Vastgehouden" not in text

    payment = Payment.objects.filter(burgerbaner=person).order_by("-month").first()
    spec = render_to_string("payments/pdf/specification.html", specification(payment))
    assert left in spec
    story = overview.story(payment.month)
    assert story.signed == payment.amount + story.not_paid + story.to_pay
    assert (
        f"Niet uitbetaald: boven het maandmaximum van {format_euro(overview.monthly_maximum)}"
        in spec
    )
    assert format_euro(story.over_month) in spec

    statement = statement_html(person, today.year)
    assert format_euro(overview.not_paid_year) in statement


def test_money_over_a_monthly_maximum_does_not_count_toward_the_annual_one(
    burgerbaner, countersigned
):
    for month in (1, 2, 3):
        countersigned(month, list(range(1, 9)))  # 40 h × 5,60 = 224,00 a month
    overview = cap.overview(burgerbaner, YEAR, 3)
    assert overview.over_month_year == Decimal("42.00")
    assert overview.counted_year == Decimal("630.00")
    assert overview.left_year == Decimal("1470.00")
    assert overview.proposal(2).proposed == Decimal("210.00")
    assert overview.proposal(2).over_month == Decimal("14.00")


def test_waiting_money_is_named_as_waiting_when_the_year_has_no_rules(burgerbaner, allowance):
    from rules.models import YearRules

    YearRules.objects.filter(year=YEAR).delete()
    overview = cap.Overview(year=YEAR, month=4, rules=None, earned_by_month={4: Decimal("50")})
    proposal = overview.proposal(4)
    assert proposal.proposed == 0
    assert proposal.reason.startswith("wacht")


def test_a_month_never_shows_more_room_than_the_year_has_left(
    burgerbaner, allowance, countersigned
):
    from accounts.models import Role
    from payments.services import set_opening_balance
    from tests.factories import user_with_role

    set_opening_balance(
        burgerbaner,
        year=YEAR,
        amount=Decimal("2050.00"),
        note="",
        by=user_with_role(Role.Kind.TREASURER),
    )
    overview = cap.overview(burgerbaner, YEAR, 5)
    assert overview.left_year == Decimal("50.00")
    assert overview.left_month == Decimal("50.00")
