from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from sources.models import FundingSource


class ReceiptForm(forms.Form):
    """Money received, booked by hand (a transfer the bank statement did not match)."""

    source = forms.ModelChoiceField(
        label=_("Bron"),
        queryset=FundingSource.objects.all(),
        empty_label=_("Kies een bron"),
        error_messages={"invalid_choice": _("Kies een bron uit de lijst.")},
    )
    amount = forms.DecimalField(label=_("Bedrag"), max_digits=10, decimal_places=2)
    received_on = forms.DateField(label=_("Ontvangen op"), widget=DateInput())
    description = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimal_input(self.fields["amount"])


class CorrectReceiptForm(forms.Form):
    reason = forms.CharField(label=_("Waarom tegenboeken?"), max_length=200)
