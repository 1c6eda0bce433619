from decimal import Decimal

from django import template

from accounts.iban import group_iban, mask_iban
from burgerbaan.dates import month_name as name_of_month
from burgerbaan.money import format_euro

register = template.Library()


@register.filter
def euro(amount) -> str:
    return format_euro(amount)


@register.filter
def iban(value: str) -> str:
    return group_iban(value or "")


@register.filter
def masked_iban(value: str) -> str:
    return mask_iban(value or "")


@register.filter
def hours(value) -> str:
    """5,5 and 1,25 and 3: hours without trailing zeros, with a decimal comma."""
    if value is None or value == "":
        return "0"
    text = f"{Decimal(value).quantize(Decimal('0.01')).normalize():f}"
    return text.replace(".", ",")


@register.filter
def month_name(day) -> str:
    """A date's month as people say it: "oktober 2026"."""
    return name_of_month(day) if day else ""


@register.simple_tag(name="month_name")
def month_name_of(year, month) -> str:
    return name_of_month(year, month)
