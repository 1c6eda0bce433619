from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from accounts.models import Organisation, Role, User
from agreements.models import AllowanceAgreement, VolunteerAgreement
from agreements.services import check_terms
from burgerbaan.errors import DomainError
from burgerbaan.money import format_euro
from rules.models import YearRules


class TermsForm(forms.ModelForm):
    """The terms of an agreement; the service's own checks run in ``clean``."""

    def __init__(self, *args, burgerbaner, **kwargs):
        super().__init__(*args, **kwargs)
        self.burgerbaner = burgerbaner
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                decimal_input(field)

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                check_terms(
                    self._meta.model,
                    {"burgerbaner": self.burgerbaner, **data},
                    exclude=self.instance if self.instance.pk else None,
                )
            except DomainError as exc:
                field = exc.field if exc.field in self.fields else None
                self.add_error(field, exc.message)
        return data


class VolunteerAgreementForm(TermsForm):
    class Meta:
        model = VolunteerAgreement
        fields = [
            "organisation",
            "coordinator",
            "work_description",
            "place",
            "hours_per_week",
            "start_date",
            "end_date",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "work_description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.NONPROFIT
        )
        self.fields["coordinator"].queryset = User.objects.filter(
            roles__kind=Role.Kind.COORDINATOR
        ).distinct()
        # Each coordinator under their own non-profit: the list shows who belongs where, and
        # the service's check refuses a coordinator of another one at this field.
        roles = (
            Role.objects.filter(
                kind=Role.Kind.COORDINATOR, organisation__kind=Organisation.Kind.NONPROFIT
            )
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__name")
        )
        groups: dict[str, list] = {}
        for role in roles:
            groups.setdefault(role.organisation.name, []).append((role.user_id, role.user.name))
        self.fields["coordinator"].choices = [
            ("", _("Kies een coördinator van de gekozen organisatie")),
            *groups.items(),
        ]

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours <= 0:
            raise forms.ValidationError(_("Vul meer dan 0 uur per week in."))
        return hours


class AllowanceAgreementForm(TermsForm):
    class Meta:
        model = AllowanceAgreement
        fields = [
            "start_date",
            "end_date",
            "hourly_rate",
            "hourly_rate_from_21",
            "iban",
            "sponsor",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].required = True
        self.fields["sponsor"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.SPONSOR
        )
        self._show_the_legal_maximum()
        if not self.instance.pk:
            year = timezone.localdate().year
            self.initial.setdefault("iban", self.burgerbaner.iban)
            self.initial.setdefault("start_date", timezone.localdate())
            self.initial.setdefault("end_date", f"{year}-12-31")

    def _show_the_legal_maximum(self) -> None:
        """The Belastingdienst's hourly maximum beside the rate, so nobody has to look it up."""
        start = self.data.get("start_date") if self.is_bound else None
        year = self.instance.start_date.year if self.instance.pk else timezone.localdate().year
        if start and str(start)[:4].isdigit():
            year = int(str(start)[:4])
        rules = YearRules.objects.filter(year=year).first()
        if rules is None:
            return
        self.fields["hourly_rate"].help_text = _(
            "Wettelijk maximum in %(year)s: %(adult)s per uur vanaf 21 jaar, %(young)s per uur "
            "onder 21."
        ) % {
            "year": year,
            "adult": format_euro(rules.hourly_maximum),
            "young": format_euro(rules.hourly_maximum_under_21),
        }
        self.fields["hourly_rate_from_21"].help_text = _(
            "Voor wie tijdens de overeenkomst 21 wordt. Wettelijk maximum in %(year)s: "
            "%(adult)s per uur."
        ) % {"year": year, "adult": format_euro(rules.hourly_maximum)}


class EndAgreementForm(forms.Form):
    ended_on = forms.DateField(label=_("Laatste dag van de overeenkomst"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class SignForm(forms.Form):
    agree = forms.BooleanField(
        label=_("Ik heb de overeenkomst gelezen en ik ga akkoord."),
        error_messages={"required": _("Zet een vinkje als je akkoord gaat.")},
    )
    # The fingerprint of the text on the page: the signature is bound to what was read.
    document_sha256 = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
