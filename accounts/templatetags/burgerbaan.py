from decimal import Decimal

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

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


@register.simple_tag
def options(choices, selected=None) -> str:
    """The ``<option>`` elements of (value, label) pairs, ``selected`` marked: one call
    instead of a template loop over hundreds of organisations."""
    # Plain escaping: format_html per option took 10 ms for 500 organisations.
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
            f"{escape(label)}</option>"
            for value, label in choices
        )
    )
