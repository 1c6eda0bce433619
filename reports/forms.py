from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

NOT_IN_LIST = _("Deze organisatie staat niet in de lijst. Kies er een uit de lijst.")


class ReportFilterForm(forms.Form):
    """The filters of the year report and its exports, from the link."""

    organisatie = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=Organisation.Kind.NONPROFIT),
        required=False,
        error_messages={"invalid_choice": NOT_IN_LIST},
    )
    sponsor = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=Organisation.Kind.SPONSOR),
        required=False,
        error_messages={"invalid_choice": NOT_IN_LIST},
    )
