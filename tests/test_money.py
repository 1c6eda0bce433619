from decimal import Decimal

import pytest
from django.template import Context, Template

from burgerbaan.money import format_euro, round_cents


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("2100"), "€\xa02.100,00"),
        (Decimal("5.6"), "€\xa05,60"),
        (Decimal("0"), "€\xa00,00"),
        (Decimal("-12.5"), "-€\xa012,50"),
        (Decimal("1234567.891"), "€\xa01.234.567,89"),
        ("3.30", "€\xa03,30"),
        (None, ""),
        ("geen getal", ""),
    ],
)
def test_euro_is_shown_the_dutch_way(amount, shown):
    assert format_euro(amount) == shown


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-0.005", "-0.01")],
)
def test_rounding_is_half_up_to_the_cent(amount, rounded):
    assert round_cents(Decimal(amount)) == Decimal(rounded)


def test_template_filter_uses_the_same_formatting():
    html = Template("{% load burgerbaan %}{{ value|euro }}").render(
        Context({"value": Decimal("2100")})
    )
    assert html == "€\xa02.100,00"


def test_dates_are_shown_as_day_month_year(settings):
    import datetime

    html = Template("{{ day|date }}").render(Context({"day": datetime.date(2026, 11, 24)}))
    assert html == "24-11-2026"
