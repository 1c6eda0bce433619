from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from guidance.models import CheckIn, GoalState

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCALE = [
    (1, "1 – helemaal niet"),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, "5 – helemaal wel"),
]
QUESTIONS = {
    "feeling": "Ik voel me goed.",
    "contact": "Ik heb meer contact met mensen dan voor mijn burgerbaan.",
    "useful": "Ik voel me nuttig.",
    "learning": "Ik leer nieuwe dingen.",
}


class CheckInForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Bij welke organisatie", queryset=None, required=False, empty_label="Stadscoöperatie"
    )
    status = forms.ChoiceField(
        label="Het gesprek is", choices=CheckIn.Status.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(label="Datum", widget=DATE)
    talked_about = forms.CharField(
        label="Waar ging het over",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )
    agreed = forms.CharField(
        label="Wat spraken jullie af",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    next_date = forms.DateField(label="Volgend gesprek", widget=DATE, required=False)

    def __init__(self, *args, organisations, admin: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        field.required = not admin
        if not admin:
            field.empty_label = None
        if organisations.count() == 1 and not admin:
            field.initial = organisations.first()

    def clean(self):
        data = super().clean()
        day, status, following = data.get("date"), data.get("status"), data.get("next_date")
        today = timezone.localdate()
        if day and status == CheckIn.Status.HELD and day > today:
            self.add_error("date", "Een gesprek dat al is gehouden, ligt niet in de toekomst.")
        if day and status == CheckIn.Status.HELD and not data.get("talked_about"):
            self.add_error("talked_about", "Schrijf kort op waar het gesprek over ging.")
        if day and following and following <= day:
            self.add_error("next_date", "Het volgende gesprek komt na dit gesprek.")
        if day and abs((day - today).days) > 3 * 366:
            self.add_error("date", "Kies een datum binnen drie jaar van vandaag.")
        return data


class OwnWordsForm(forms.Form):
    own_words = forms.CharField(
        label="Wat wil je zelf over dit gesprek zeggen?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )


class GoalForm(forms.Form):
    title = forms.CharField(
        label="Wat wil je leren of bereiken?",
        max_length=200,
        help_text="Bijvoorbeeld: zelf een groep koffie schenken, of beter Nederlands spreken.",
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Schrijf op wat je wilt leren of bereiken.")
        return title


class GoalStateForm(forms.Form):
    state = forms.ChoiceField(
        label="Hoe gaat het met dit doel?", choices=GoalState.choices, widget=forms.RadioSelect
    )


class EvaluationForm(forms.Form):
    due_on = forms.DateField(label="Evaluatie op", widget=DATE)


def _scale(question: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=question,
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class WellbeingForm(forms.Form):
    feeling = _scale(QUESTIONS["feeling"])
    contact = _scale(QUESTIONS["contact"])
    useful = _scale(QUESTIONS["useful"])
    learning = _scale(QUESTIONS["learning"])
    learned = forms.CharField(
        label="Wat heb je geleerd?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    own_words = forms.CharField(
        label="Wil je nog iets vertellen?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    story_consent = forms.BooleanField(
        label="Mijn woorden mogen zonder mijn naam in een verslag voor sponsors staan.",
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not any(
            data.get(name) not in (None, "") for name in [*QUESTIONS, "learned", "own_words"]
        ):
            raise forms.ValidationError(
                "Je hebt nog niets ingevuld. Vul één of meer vragen in, of kies 'Nu niet'."
            )
        return data


class ResearchConsentForm(forms.Form):
    given = forms.TypedChoiceField(
        label="Mogen je gegevens zonder naam mee in het onderzoek?",
        choices=[("ja", "Ja, dat mag"), ("nee", "Nee, liever niet")],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
