"""A new installation knows the official maxima and pays 2026 without anyone typing them."""

import datetime
from decimal import Decimal

import pytest

from agreements import services
from agreements.models import AllowanceAgreement
from rules.models import YearRules
from rules.services import hourly_maximum_on
from tests.factories import BurgerbanerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("year", "annual", "monthly", "hourly", "hourly_young"),
    [
        (2023, "1900.00", "190.00", "5.00", "2.75"),
        (2024, "2100.00", "210.00", "5.50", "3.25"),
        (2025, "2100.00", "210.00", "5.60", "3.30"),
        (2026, "2200.00", "220.00", "5.75", "3.40"),
    ],
)
def test_each_official_year_is_there_with_its_figures_and_source(
    year, annual, monthly, hourly, hourly_young
):
    rules = YearRules.objects.get(year=year)
    assert rules.annual_maximum == Decimal(annual)
    assert rules.monthly_maximum == Decimal(monthly)
    assert rules.hourly_maximum == Decimal(hourly)
    assert rules.hourly_maximum_under_21 == Decimal(hourly_young)
    assert str(year) in rules.source


def test_the_2026_figures_name_their_announcement():
    assert "Staatssecretaris van Financiën" in YearRules.objects.get(year=2026).source


def test_a_new_installation_makes_a_2026_agreement_at_the_2026_maximum(admin_user):
    person = BurgerbanerFactory(date_of_birth=datetime.date(1990, 5, 1))
    young = BurgerbanerFactory(date_of_birth=datetime.date(2007, 5, 1))
    agreement = services.create_agreement(
        AllowanceAgreement,
        by=admin_user,
        burgerbaner=person,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        hourly_rate=Decimal("5.75"),
        iban="NL91ABNA0417164300",
    )
    assert agreement.hourly_rate == Decimal("5.75")
    assert hourly_maximum_on(young, datetime.date(2026, 3, 1)) == Decimal("3.40")
