from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from agreements.models import VolunteerAgreement
from hours.models import HourEntry


class AgreementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.organisation.name


class HourEntryForm(forms.ModelForm):
    agreement = AgreementChoiceField(
        label=_("Bij welke organisatie?"),
        queryset=VolunteerAgreement.objects.none(),
        empty_label=_("Kies een organisatie"),
    )
    hours = forms.DecimalField(
        label=_("Hoeveel uur?"),
        max_digits=4,
        decimal_places=2,
        help_text=_("In kwartieren: 1,25 is 1 uur en een kwartier."),
    )
    confirm_over_maximum = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = HourEntry
        fields = ["date", "agreement", "hours", "description"]
        widgets = {"date": DateInput(attrs={"max": ""})}

    def __init__(self, *args, burgerbaner, **kwargs):
        super().__init__(*args, **kwargs)
        self.burgerbaner = burgerbaner
        agreements = burgerbaner.volunteeragreements.exclude(
            status__in=["draft", "awaiting"]
        ).select_related("organisation")
        self.fields["agreement"].queryset = agreements
        if len(agreements) == 1:
            self.fields["agreement"].initial = agreements[0].pk
        today = timezone.localdate()
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        self.fields["date"].initial = today
        self.fields["description"].widget.attrs["autocomplete"] = "on"
        decimal_input(self.fields["hours"])


class CorrectionForm(HourEntryForm):
    hours = forms.DecimalField(
        label=_("Hoeveel uur erbij of eraf?"),
        max_digits=4,
        decimal_places=2,
        help_text=_("Minder uren? Zet er een min voor, bijvoorbeeld -1,5."),
    )

    class Meta(HourEntryForm.Meta):
        fields = [*HourEntryForm.Meta.fields, "correction_reason"]
        widgets = {
            **HourEntryForm.Meta.widgets,
            "correction_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["correction_reason"].required = True

    def clean(self):
        data = super().clean()
        data["is_correction"] = True
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom keur je af?"),
        help_text=_("De burgerbaner leest dit. Schrijf wat er anders moet."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
