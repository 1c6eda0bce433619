from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.iban import IBANFormField
from intake import place_choice, spam
from intake.models import Application, Referral, Stage
from places.models import District, KindOfWork, Place

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = {"rows": 3}

SPAM_MESSAGE = _(
    "Je aanmelding is niet verstuurd. Wacht even, kijk je antwoorden na en verstuur het "
    "formulier opnieuw."
)


NOT_ONLINE = _("Deze plek staat niet (meer) online. Kies een andere plek.")


class PlacesField(forms.ModelMultipleChoiceField):
    """The places chosen, by number. The form never lists every place: the page shows the
    chosen ones and what a search finds (``intake.place_choice``)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid_choice": NOT_ONLINE,
        "invalid_pk_value": NOT_ONLINE,
        "too_many": _("Kies hoogstens %(max)s plekken."),
    }

    def __init__(self, **kwargs):
        super().__init__(queryset=Place.objects.public(), required=False, **kwargs)

    def clean(self, value):
        if value and len(value) > place_choice.MAX_PLACES:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"max": place_choice.MAX_PLACES},
            )
        return super().clean(value)


def kinds_of_work_field(label):
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=KindOfWork.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies zoveel als je wilt. Mag je leeg laten."),
    )


class ApplicationForm(forms.ModelForm):
    """What intake needs, and nothing more: no BSN, no date of birth."""

    places = PlacesField(label=_("Plekken die je kiest"))
    kinds_of_work = kinds_of_work_field(_("Wat voor werk lijkt je leuk?"))
    # People never see this field; a bot that fills in everything fills it in too.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Application
        fields = [
            "name",
            "email",
            "phone",
            "district",
            "kinds_of_work",
            "wants",
            "can",
            "wants_to_learn",
            "availability",
            "places",
            "referred_by_name",
            "plan_consent",
        ]
        labels = {
            "name": _("Je naam"),
            "email": _("Je e-mailadres"),
            "phone": _("Je telefoonnummer"),
            "district": _("In welk deel van Almere woon je?"),
            "wants": _("Wat wil je graag doen?"),
            "can": _("Wat kun je goed?"),
            "wants_to_learn": _("Wat wil je leren?"),
            "availability": _("Wanneer kun je?"),
            "referred_by_name": _("Meldt een organisatie je aan? Welke?"),
            "plan_consent": _(
                "De coördinator van de plekken die ik kies mag lezen wat ik hier schrijf."
            ),
        }
        help_texts = {
            "email": _("Vul je e-mailadres of je telefoonnummer in, of allebei."),
            "district": _("Dan zoeken we werk dicht bij huis."),
            "wants": _("Bijvoorbeeld: met mensen werken, buiten bezig zijn, iets maken."),
            "availability": _("Bijvoorbeeld: dinsdag en donderdag, alleen 's ochtends."),
            "referred_by_name": _("Bijvoorbeeld je dagbesteding. Leeg laten als dat niet zo is."),
        }
        widgets = {
            "wants": forms.Textarea(attrs=TEXT),
            "can": forms.Textarea(attrs=TEXT),
            "wants_to_learn": forms.Textarea(attrs=TEXT),
            "availability": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("Kies je stadsdeel")), *District.choices]
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not self.is_bound:
            self.initial["started"] = spam.start_token()

    def clean(self):
        data = super().clean()
        if data.get("website") or spam.too_fast(data.get("started", "")):
            raise forms.ValidationError(SPAM_MESSAGE, code="spam")
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error(
                "email",
                _("Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken."),
            )
        return data


class ConversationForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Datum en tijd van het eerste gesprek"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    note = forms.CharField(
        label=_("Notitie"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXT)
    )


class PlanForm(forms.ModelForm):
    note = forms.CharField(
        label=_("Notitie over het gesprek"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXT),
    )

    class Meta:
        model = Application
        fields = ["wants", "can", "wants_to_learn", "availability", "talents"]
        widgets = {name: forms.Textarea(attrs=TEXT) for name in fields}


class PlacementForm(forms.Form):
    """What the pilot needs at placement: only now a date of birth, and an IBAN to pay."""

    place = forms.ModelChoiceField(
        label=_("Plek"),
        queryset=Place.objects.public(),
        widget=forms.HiddenInput,
        error_messages={"required": _("Kies een plek."), "invalid_choice": NOT_ONLINE},
    )
    legal_name = forms.CharField(label=_("Officiële naam"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Hierheen gaat de uitnodiging om in te loggen.")
    )
    date_of_birth = forms.DateField(label=_("Geboortedatum"), widget=DATE)
    start_date = forms.DateField(label=_("Startdatum"), widget=DATE)
    hourly_rate = forms.DecimalField(
        label=_("Vergoeding per uur (€)"), max_digits=6, decimal_places=2, min_value=0.01
    )
    iban = IBANFormField(label=_("IBAN voor uitbetaling"))

    def chosen_place_id(self) -> int | None:
        """The place ticked on the form as sent, or the one it started with."""
        value = self.data.get("place") if self.is_bound else self.initial.get("place")
        value = getattr(value, "pk", value)
        found = place_choice.ids([value])
        return found[0] if found else None


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom niet? Dit krijgt de aanmelder te lezen."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Notitie"), max_length=4000, widget=forms.Textarea(attrs=TEXT))


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Notitie"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXT)
    )


class StageFilterForm(forms.Form):
    fase = forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle open aanmeldingen"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fase"].choices += Stage.choices


class ReferralForm(forms.ModelForm):
    """A referrer applies for a client: what intake needs, and the client's consent."""

    places = PlacesField(label=_("Plekken voor je cliënt"))
    kinds_of_work = kinds_of_work_field(_("Wat voor werk lijkt je cliënt leuk?"))
    consent_by = forms.CharField(
        label=_("Wie gaf toestemming?"),
        max_length=150,
        help_text=_("Je cliënt zelf, of diens vertegenwoordiger (met naam)."),
    )
    consent_on = forms.DateField(label=_("Wanneer?"), widget=DATE)
    consent_how = forms.ChoiceField(label=_("Hoe?"), choices=Referral.ConsentHow.choices)

    class Meta:
        model = Application
        fields = [
            "name",
            "email",
            "phone",
            "district",
            "kinds_of_work",
            "wants",
            "can",
            "wants_to_learn",
            "availability",
            "places",
            "plan_consent",
        ]
        labels = {
            "name": _("Naam van je cliënt"),
            "email": _("E-mailadres van je cliënt"),
            "phone": _("Telefoonnummer van je cliënt"),
            "district": _("In welk deel van Almere woont je cliënt?"),
            "wants": _("Wat wil je cliënt graag doen?"),
            "can": _("Wat kan je cliënt goed?"),
            "wants_to_learn": _("Wat wil je cliënt leren?"),
            "availability": _("Wanneer kan je cliënt?"),
            "plan_consent": _(
                "De coördinator van de gekozen plekken mag lezen wat hier staat "
                "(je cliënt vindt dat goed)."
            ),
        }
        help_texts = {
            "email": _("Vul een e-mailadres of een telefoonnummer in, of allebei."),
        }
        widgets = {
            "wants": forms.Textarea(attrs=TEXT),
            "can": forms.Textarea(attrs=TEXT),
            "wants_to_learn": forms.Textarea(attrs=TEXT),
            "availability": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("Kies een stadsdeel")), *District.choices]
        self.fields["consent_how"].choices = [
            ("", _("Kies hoe")),
            *Referral.ConsentHow.choices,
        ]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error(
                "email",
                _(
                    "Vul een e-mailadres of een telefoonnummer in, zodat we je cliënt "
                    "kunnen bereiken."
                ),
            )
        return data


class AskPlaceForm(forms.Form):
    message = forms.CharField(
        label=_("Waarom wil je deze plek? (mag je leeg laten)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXT),
    )


class StopForm(forms.Form):
    last_day = forms.DateField(label=_("Je laatste dag"), widget=DATE)
    message = forms.CharField(
        label=_("Wil je iets uitleggen? (mag je leeg laten)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXT),
    )


class InviteForm(forms.Form):
    place = forms.ModelChoiceField(label=_("Plek"), queryset=Place.objects.none())
    email = forms.EmailField(
        label=_("E-mailadres van de burgerbaner"),
        help_text=_("De burgerbaner krijgt je uitnodiging te zien en zegt zelf ja of nee."),
    )
    message = forms.CharField(
        label=_("Je uitnodiging"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXT),
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places


YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Je antwoord"), choices=YES_NO, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Waarom niet? Dit krijgt de ander te lezen."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXT),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "nee" and not data.get("reason", "").strip():
            self.add_error("reason", _("Schrijf op waarom niet. De ander krijgt dit te lezen."))
        return data


class DecideForm(AnswerForm):
    start = forms.DateField(
        label=_("Begint op"),
        required=False,
        widget=DATE,
        help_text=_("Alleen bij een nieuwe plek. Leeg: vandaag."),
    )
