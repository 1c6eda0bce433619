from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import decimal_input

MINIMUM = Decimal("1.00")
MAXIMUM = Decimal("10000.00")
OUT_OF_RANGE = _("Kies een bedrag tussen € 1,00 en € 10.000,00, zoals 25 of 12,50.")


class AmountForm(forms.Form):
    """The amount the QR code fills in (``?bedrag=25``); the donor can still see it first."""

    bedrag = forms.DecimalField(
        label=_("Bedrag in euro"),
        max_digits=7,
        decimal_places=2,
        min_value=MINIMUM,
        max_value=MAXIMUM,
        error_messages={
            "required": OUT_OF_RANGE,
            "invalid": OUT_OF_RANGE,
            "min_value": OUT_OF_RANGE,
            "max_value": OUT_OF_RANGE,
            "max_digits": OUT_OF_RANGE,
            "max_decimal_places": _("Een bedrag heeft hoogstens 2 cijfers achter de komma."),
            "max_whole_digits": OUT_OF_RANGE,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimal_input(self.fields["bedrag"])

    def amount(self, default: Decimal) -> Decimal:
        """The chosen amount when it is valid, ``default`` otherwise."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["bedrag"].quantize(Decimal("0.01"))
        return default
