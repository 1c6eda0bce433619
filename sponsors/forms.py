from django import forms
from django.utils.translation import gettext_lazy as _


class YearForm(forms.Form):
    jaar = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Dit jaar klopt niet."),
            "min_value": _("Dit jaar klopt niet."),
            "max_value": _("Dit jaar klopt niet."),
        },
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Controlecode"),
        max_length=40,
        help_text=_("De code onderaan de verklaring, bijvoorbeeld ABCD-EFGH-2345."),
    )
