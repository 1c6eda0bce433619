from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from accounts.models import Organisation, Role, User
from agreements.models import AllowanceAgreement, VolunteerAgreement
from agreements.services import check_bijstand_informed, check_terms
from burgerbaan.errors import DomainError
from burgerbaan.money import format_euro
from rules.models import YearRules
from sources.models import FundingSource, own_money_source


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

    def __init__(self, *args, refresh_url: str = "", **kwargs):
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
        of_organisation: dict[str, list] = {}
        for role in roles:
            groups.setdefault(role.organisation.name, []).append((role.user_id, role.user.name))
            of_organisation.setdefault(str(role.organisation_id), []).append(
                (role.user_id, role.user.name)
            )
        chosen = self._chosen_organisation()
        if chosen:
            # Once the organisation is chosen, only its own coordinators are offered.
            self.fields["coordinator"].choices = [
                ("", _("Kies een coördinator")),
                *of_organisation.get(chosen, []),
            ]
        else:
            self.fields["coordinator"].choices = [
                ("", _("Kies een coördinator van de gekozen organisatie")),
                *groups.items(),
            ]
        if refresh_url:
            # Choosing another organisation swaps in the list of its coordinators (htmx);
            # without JavaScript the grouped list and the server's check still hold.
            self.fields["organisation"].widget.attrs.update(
                {
                    "hx-get": refresh_url,
                    "hx-trigger": "change",
                    "hx-include": "this",
                    "hx-select": "#id_coordinator",
                    "hx-target": "#id_coordinator",
                    "hx-swap": "outerHTML",
                }
            )

    def _chosen_organisation(self) -> str:
        if self.is_bound:
            value = self.data.get("organisation", "")
        else:
            value = self.initial.get("organisation") or self.instance.organisation_id or ""
        return str(value) if str(value).isdigit() else ""

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours <= 0:
            raise forms.ValidationError(_("Vul meer dan 0 uur per week in."))
        return hours


class AllowanceAgreementForm(TermsForm):
    def clean(self):
        data = super().clean()
        start = data.get("start_date")
        if start and not self.errors and not getattr(self.instance, "bijstand_informed_at", None):
            try:
                check_bijstand_informed(
                    self.burgerbaner, start, data.get("bijstand_informed", False)
                )
            except DomainError as exc:
                self.add_error(
                    "bijstand_informed" if "bijstand_informed" in self.fields else None,
                    exc.message,
                )
        return data

    class Meta:
        model = AllowanceAgreement
        fields = [
            "start_date",
            "end_date",
            "hourly_rate",
            "hourly_rate_from_21",
            "iban",
            "source",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    bijstand_informed = forms.BooleanField(
        label=_("Ik heb verteld wat de vergoeding betekent voor de bijstand."),
        required=False,
        help_text=_(
            "Deze persoon is jonger dan 27 en krijgt bijstand. Dan gaat elke vergoeding boven "
            "de kosten die de persoon echt maakt van de bijstand af; boven een maximum kan "
            "het hele bedrag meetellen. Vertel dit eerst, en dat de persoon de vergoeding "
            "meldt bij de gemeente."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        informed_before = getattr(self.instance, "bijstand_informed_at", None)
        if informed_before or not self.burgerbaner.young_on_bijstand(timezone.localdate()):
            # Asked only where it applies; the service checks the agreement's own start date.
            del self.fields["bijstand_informed"]
        self.fields["end_date"].required = True
        # Left empty, the cooperative pays from its own money, as it did before sponsors came.
        source = self.fields["source"]
        # A source no longer in use stays choosable on the agreement that already names it.
        current = self.instance.source_id if self.instance.pk else None
        source.queryset = FundingSource.objects.filter(Q(active=True) | Q(pk=current)).exclude(
            kind=FundingSource.Kind.OWN
        )
        source.required = False
        source.empty_label = _("Eigen geld van de Stadscoöperatie")
        source.help_text = _("Wie betaalt deze vergoeding?")
        if self.instance.pk and self.instance.source.kind == FundingSource.Kind.OWN:
            self.initial["source"] = None
        self._show_the_legal_maximum()
        if not self.instance.pk:
            year = timezone.localdate().year
            self.initial.setdefault("iban", self.burgerbaner.iban)
            self.initial.setdefault("start_date", timezone.localdate())
            self.initial.setdefault("end_date", f"{year}-12-31")

    def clean_source(self):
        return self.cleaned_data["source"] or FundingSource.objects.get(pk=own_money_source())

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


class RenewalForm(forms.Form):
    """Per running allowance agreement: renew it or not, and at which hourly rate."""

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = proposals
        for proposal in proposals:
            pk = proposal.agreement.pk
            name = proposal.agreement.burgerbaner.legal_name
            self.fields[f"renew_{pk}"] = forms.BooleanField(
                label=_("%(name)s verlengen") % {"name": name}, required=False, initial=True
            )
            self.fields[f"rate_{pk}"] = decimal_input(
                forms.DecimalField(
                    label=_("Vergoeding per uur voor %(name)s") % {"name": name},
                    max_digits=6,
                    decimal_places=2,
                    required=False,
                    initial=proposal.rate,
                )
            )

    def rows(self):
        for proposal in self.proposals:
            pk = proposal.agreement.pk
            yield proposal, self[f"renew_{pk}"], self[f"rate_{pk}"]

    def clean(self):
        data = super().clean()
        for proposal in self.proposals:
            pk = proposal.agreement.pk
            if not data.get(f"renew_{pk}"):
                continue
            rate = data.get(f"rate_{pk}")
            if rate is None:
                if f"rate_{pk}" not in self.errors:
                    self.add_error(f"rate_{pk}", _("Vul de vergoeding per uur in."))
            elif rate <= 0:
                self.add_error(f"rate_{pk}", _("De vergoeding per uur moet meer dan € 0,00 zijn."))
            elif rate > proposal.maximum:
                self.add_error(
                    f"rate_{pk}",
                    _("Dat is meer dan het maximum van %(max)s per uur.")
                    % {"max": format_euro(proposal.maximum)},
                )
        if not self.errors and not self.rates():
            raise forms.ValidationError(_("Zet een vinkje bij wie je wilt verlengen."))
        return data

    def rates(self) -> dict:
        return {
            proposal.agreement.pk: self.cleaned_data[f"rate_{proposal.agreement.pk}"]
            for proposal in self.proposals
            if self.cleaned_data.get(f"renew_{proposal.agreement.pk}")
        }
