import datetime
import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from agreements.models import VolunteerAgreement
from burgerbaan.forms import IdsField
from hours.models import HourEntry

CLOCK = re.compile(r"^\s*(-?)(\d{1,2}):(\d{2})\s*$")


class HoursField(forms.DecimalField):
    """Hours as 1,5 or 1.5, or as on a clock: 1:30 is one and a half hours."""

    default_error_messages = {
        "invalid": _("Schrijf het aantal uren als een getal, zoals 1,5, of als 1:30."),
    }

    def to_python(self, value):
        clock = CLOCK.match(value) if isinstance(value, str) else None
        if clock is None:
            return super().to_python(value)
        sign, whole, minutes = clock.groups()
        if int(minutes) not in (0, 15, 30, 45):
            raise forms.ValidationError(
                _("Schrijf uren in kwartieren: bijvoorbeeld 1:15, 1:30 of 1:45."), code="quarter"
            )
        hours = Decimal(whole) + Decimal(minutes) / 60
        return -hours if sign else hours


class AgreementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.organisation.name


class HourEntryForm(forms.ModelForm):
    agreement = AgreementChoiceField(
        label=_("Bij welke organisatie?"),
        queryset=VolunteerAgreement.objects.none(),
        empty_label=_("Kies een organisatie"),
    )
    hours = HoursField(
        label=_("Hoeveel uur?"),
        max_digits=4,
        decimal_places=2,
        help_text=_("In kwartieren: 1,25 of 1:15 is 1 uur en een kwartier."),
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
    hours = HoursField(
        label=_("Hoeveel uur erbij of eraf?"),
        max_digits=4,
        decimal_places=2,
        help_text=_("Minder uren? Zet er een min voor, bijvoorbeeld -1,5."),
    )

    class Meta(HourEntryForm.Meta):
        fields = ["corrects_date", *HourEntryForm.Meta.fields, "correction_reason"]
        widgets = {
            **HourEntryForm.Meta.widgets,
            "corrects_date": DateInput(attrs={"max": ""}),
            "correction_reason": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"date": _("Vandaag")}
        help_texts = {
            "corrects_date": _(
                "De correctie telt in de maand van die dag, met het bedrag per uur van die dag."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["correction_reason"].required = True
        self.fields["corrects_date"].required = True
        self.fields["corrects_date"].label = _("Welke dag verbeter je?")
        self.fields["corrects_date"].widget.attrs["max"] = timezone.localdate().isoformat()

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


# The pilot keeps no hours from before this week (the first Monday of 2000).
FIRST_WEEK = datetime.date(2000, 1, 3)
ODD_WEEK = _("Deze week kunnen we niet laten zien. Kies een week vanaf 2000 op de urenpagina.")


class WeekForm(forms.Form):
    """The week in the link of the hours page (``?week=2026-03-02``): its Monday.

    No week means this week; a week still to come shows this week too.
    """

    week = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": ODD_WEEK}
    )

    def clean_week(self) -> datetime.date:
        today = timezone.localdate()
        day = self.cleaned_data["week"] or today
        if day < FIRST_WEEK:
            raise forms.ValidationError(ODD_WEEK)
        day = min(day, today)
        return day - datetime.timedelta(days=day.weekday())


class ChooseTimesheetsForm(forms.Form):
    """The timesheets ticked in a sign-off queue, or all those it showed ("alle")."""

    timesheet = IdsField(required=False)
    shown = IdsField(required=False)
    alle = forms.BooleanField(required=False)

    def chosen_ids(self) -> list[int]:
        return self.cleaned_data["shown" if self.cleaned_data["alle"] else "timesheet"]


class QueueFilterForm(forms.Form):
    """The non-profit a coordinator narrows their sign-off queue to (``?organisatie=``)."""

    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=None,
        required=False,
        empty_label=_("Alle organisaties"),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisations
