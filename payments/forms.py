from django import forms
from django.utils import timezone
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
