import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput, decimal_input
from accounts.models import Burgerbaner
from burgerbaan.forms import IdsField
from payments import permissions
from payments.errors import PaymentError
from payments.models import Extra
from payments.services import (
    check_amount,
    check_execution_date,
    check_extra,
    check_month_ended,
)


class ExtraForm(forms.ModelForm):
    burgerbaner = forms.ModelChoiceField(
        label=_("Burgerbaner"),
        queryset=Burgerbaner.objects.none(),
        empty_label=_("Kies een burgerbaner"),
        error_messages={
            "invalid_choice": _(
                "Kies een burgerbaner uit de lijst. Een gift of reiskosten voor jezelf "
                "registreert een collega van Safe Almere."
            )
        },
    )
    confirm_over_maximum = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Extra
        fields = ["burgerbaner", "date", "kind", "amount", "description"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["burgerbaner"].queryset = permissions.extra_recipients(user).order_by(
            "legal_name"
        )
        decimal_input(self.fields["amount"])
        self.fields["date"].initial = timezone.localdate()

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        try:
            check_amount(amount)
        except PaymentError as exc:
            raise forms.ValidationError(exc.message) from exc
        return amount

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("amount") is not None:
            try:
                check_extra(date=data["date"], amount=data["amount"])
            except PaymentError as exc:
                self.add_error(exc.field, exc.message)
        return data


class CorrectExtraForm(forms.Form):
    """Take back (part of) a gift or travel costs."""

    amount = forms.DecimalField(
        label=_("Hoeveel neem je terug?"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Het hele bedrag, of een deel als er te veel is geregistreerd."),
    )
    reason = forms.CharField(label=_("Waarom?"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimal_input(self.fields["amount"])


class MarkPaidForm(forms.Form):
    execution_date = forms.DateField(
        label=_("Uitgevoerd door de bank op"), widget=DateInput(), initial=timezone.localdate
    )

    def clean_execution_date(self):
        day = self.cleaned_data["execution_date"]
        try:
            check_execution_date(day)
        except PaymentError as exc:
            raise forms.ValidationError(exc.message) from exc
        return day


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom kwam de betaling terug?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MonthForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100)
    month = forms.IntegerField(label=_("Maand"), min_value=1, max_value=12)

    def clean(self):
        data = super().clean()
        if data.get("year") and data.get("month"):
            try:
                check_month_ended(data["year"], data["month"])
            except PaymentError as exc:
                self.add_error(exc.field, exc.message)
        return data


class ChooseBurgerbanersForm(forms.Form):
    """The burgerbaners ticked on the month's proposal."""

    burgerbaner = IdsField()


def _recent_months(count: int = 24) -> list[tuple[str, str]]:
    """This month and the ones before it, as "oktober 2026", newest first."""
    month = timezone.localdate().replace(day=1)
    choices = []
    for _step in range(count):
        choices.append((month.isoformat(), date_format(month, "F Y")))
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return choices


class ElsewhereForm(forms.Form):
    """Volunteer allowance received from another organisation in one month."""

    organisation_name = forms.CharField(label=_("Van welke organisatie?"), max_length=200)
    month = forms.TypedChoiceField(
        label=_("Voor welke maand?"),
        coerce=datetime.date.fromisoformat,
        error_messages={"invalid_choice": _("Kies een maand uit de lijst.")},
    )
    amount = forms.DecimalField(
        label=_("Hoeveel kreeg je?"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Bijvoorbeeld 45,00."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = _recent_months()
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        decimal_input(self.fields["amount"])

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        try:
            check_amount(amount)
        except PaymentError as exc:
            raise forms.ValidationError(exc.message) from exc
        return amount


class CorrectElsewhereForm(forms.Form):
    """Take back (part of) an allowance from elsewhere that was recorded wrongly."""

    amount = forms.DecimalField(
        label=_("Hoeveel neem je terug?"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Het hele bedrag, of een deel als er te veel staat."),
    )
    note = forms.CharField(label=_("Waarom?"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimal_input(self.fields["amount"])


class MonthField(forms.CharField):
    """A month as 2026-10 (the browser's month picker), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError as exc:
            raise forms.ValidationError(_("Kies een maand, bijvoorbeeld 2026-10.")) from exc


class BenefitPeriodForm(forms.Form):
    """The months of the overview for the municipality or UWV."""

    van = MonthField(label=_("Van maand"))
    tot = MonthField(label=_("Tot en met maand"))

    def clean(self):
        data = super().clean()
        first, last = data.get("van"), data.get("tot")
        if first and last:
            if last < first:
                self.add_error("tot", _("Deze maand ligt vóór de eerste maand."))
            elif (last.year - first.year) * 12 + last.month - first.month >= 36:
                self.add_error("tot", _("Kies een periode van hoogstens drie jaar."))
        return data


class ChoosePaymentsForm(forms.Form):
    """The payments the treasurer saw on the confirm page of a new batch."""

    betaling = IdsField()
