from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from places.models import District, KindOfWork, Place

# Filter on hours per week: (label, lowest, highest).
HOURS = {
    "tot-8": (_("tot 8 uur"), 1, 8),
    "8-16": (_("9 tot 16 uur"), 9, 16),
    "meer-16": (_("meer dan 16 uur"), 17, 40),
}


class PlaceFilterForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort werk"), required=False, choices=[("", _("Alle")), *KindOfWork.choices]
    )
    stadsdeel = forms.ChoiceField(
        label=_("Stadsdeel"), required=False, choices=[("", _("Heel Almere")), *District.choices]
    )
    uren = forms.ChoiceField(
        label=_("Uren per week"),
        required=False,
        choices=[("", _("Maakt niet uit"))] + [(key, label) for key, (label, *_r) in HOURS.items()],
    )

    def filter(self, places):
        data = self.cleaned_data
        if data.get("soort"):
            places = places.filter(kind_of_work=data["soort"])
        if data.get("stadsdeel"):
            places = places.filter(district=data["stadsdeel"])
        if data.get("uren"):
            _label, low, high = HOURS[data["uren"]]
            places = places.filter(hours_per_week__gte=low, hours_per_week__lte=high)
        return places


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = [
            "organisation",
            "title",
            "kind_of_work",
            "description",
            "district",
            "address",
            "hours_per_week",
            "days_and_times",
            "guidance",
            "what_to_bring",
            "number_of_places",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "guidance": forms.Textarea(attrs={"rows": 3}),
            "what_to_bring": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "title": _("Kort en duidelijk, bijvoorbeeld: gastvrouw of gastheer in de buurtkamer."),
            "address": _("Waar het werk is. Dit staat op de openbare pagina."),
            "days_and_times": _("Bijvoorbeeld: dinsdag en donderdag, 10.00 tot 14.00 uur."),
            "guidance": _("Wie helpt je op het werk, en hoe vaak praat je samen?"),
            "what_to_bring": _("Bijvoorbeeld: werkschoenen. Of: je hoeft niets mee te nemen."),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
        if self.instance.pk:
            # A place stays with its non-profit.
            del self.fields["organisation"]


class FilledForm(forms.Form):
    filled = forms.IntegerField(label=_("Bezette plekken"), min_value=0, max_value=50)


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("Wat moet er veranderen?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
