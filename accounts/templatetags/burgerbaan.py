from django import template

from accounts.iban import group_iban, mask_iban
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
