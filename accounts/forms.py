import datetime
import re

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils import timezone

from accounts.models import Burgerbaner, Organisation, Role
from accounts.services import ROLE_ORGANISATION, RoleNotAllowed, check_role, email_taken

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class EmailMixin:
    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email_taken(email):
            raise forms.ValidationError(
                "Er is al iemand met dit e-mailadres. "
                "Zoek die persoon op, of gebruik een ander adres."
            )
        return email


PROFILE_FIELDS = ["street", "postcode", "city", "phone", "iban", "personal_plan"]


class ProfileForm(forms.ModelForm):
    """What a burgerbaner may change about themselves."""

    class Meta:
        model = Burgerbaner
        fields = [*PROFILE_FIELDS, "benefit"]
        labels = {"benefit": "Krijg je een uitkering?"}
        widgets = {
            "benefit": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "personal_plan": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value:
            return value
        match = POSTCODE_RE.match(value)
        if not match:
            raise forms.ValidationError("Vul een postcode in zoals 1311 AB.")
        return f"{match[1]} {match[2].upper()}"


class BurgerbanerForm(EmailMixin, ProfileForm):
    """An admin adds a burgerbaner; they then get an invitation by e-mail."""

    email = forms.EmailField(label="E-mailadres")

    class Meta(ProfileForm.Meta):
        # The benefit is the person's own to say, on their own profile page.
        fields = ["legal_name", "email", "date_of_birth", "start_date", *PROFILE_FIELDS]
        widgets = {
            **ProfileForm.Meta.widgets,
            "date_of_birth": DateInput(),
            "start_date": DateInput(),
        }

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate():
            raise forms.ValidationError("De geboortedatum kan niet in de toekomst liggen.")
        if born < datetime.date(1900, 1, 1):
            raise forms.ValidationError(
                "Controleer de geboortedatum: het jaar lijkt niet te kloppen."
            )
        return born

    def profile_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "email"}


class BurgerbanerAdminEditForm(BurgerbanerForm):
    """An admin corrects a burgerbaner's profile; the e-mail address stays as it is."""

    class Meta(BurgerbanerForm.Meta):
        fields = [f for f in BurgerbanerForm.Meta.fields if f != "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["email"]


class StaffInviteForm(EmailMixin, forms.Form):
    name = forms.CharField(label="Naam", max_length=150)
    email = forms.EmailField(label="E-mailadres")
    kind = forms.ChoiceField(label="Rol", choices=Role.Kind.choices)
    organisation = forms.ModelChoiceField(
        label="Organisatie (voor een coördinator, verwijzer of sponsor)",
        queryset=Organisation.objects.filter(
            kind__in=[
                Organisation.Kind.NONPROFIT,
                Organisation.Kind.DAYCARE,
                Organisation.Kind.SPONSOR,
            ]
        ),
        required=False,
    )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in ROLE_ORGANISATION:
            try:
                check_role(kind, data.get("organisation"))
            except RoleNotAllowed as exc:
                self.add_error("organisation", exc.message)
        return data


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="Kies een wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk.")
        return data


def decimal_input(field: forms.DecimalField) -> forms.DecimalField:
    """Accept 2,5 as well as 2.5, with the number keyboard on a phone."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    field.widget.is_localized = True
    return field


class PeopleSearchForm(forms.Form):
    """The search on the admin's list of people (``?zoek=``)."""

    zoek = forms.CharField(
        required=False,
        error_messages={"null_characters_not_allowed": "Zoek zonder vreemde tekens."},
    )

    def clean_zoek(self) -> str:
        return self.cleaned_data["zoek"][:100]
