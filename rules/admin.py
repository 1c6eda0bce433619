from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.services import announce_to_admins
from burgerbaan.history_admin import HistoryAdmin
from rules.models import YearRules
from rules.money import payments as payments_of_year
from rules.services import ReasonNeeded, check_reason, save_year_rules


class YearRulesForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("Reden van de wijziging"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Nodig zodra er voor dit jaar vergoeding is goedgekeurd. De andere beheerders "
            "krijgen de reden te zien."
        ),
    )

    class Meta:
        model = YearRules
        fields = [
            "year",
            "annual_maximum",
            "monthly_maximum",
            "hourly_maximum",
            "hourly_maximum_under_21",
            "source",
        ]

    def clean(self):
        data = super().clean()
        years = {self.instance.year} if self.instance.pk else set()
        if data.get("year"):
            years.add(data["year"])
        try:
            check_reason(years, data.get("reason", ""))
        except ReasonNeeded as exc:
            self.add_error("reason", exc.message)
        return data


@admin.register(YearRules)
class YearRulesAdmin(HistoryAdmin):
    form = YearRulesForm
    list_display = [
        "year",
        "annual_maximum",
        "monthly_maximum",
        "hourly_maximum",
        "hourly_maximum_under_21",
        "source",
    ]

    # The maxima decide what anyone may be paid: every change is told to the other admins.
    def save_model(self, request, obj, form, change):
        changes = [
            f"{form[f].label}: {form.initial.get(f, '(nieuw)')} → {form.cleaned_data[f]}"
            for f in form.changed_data
            if f != "reason"
        ]
        stored_year = form.initial.get("year") if change else None
        save_year_rules(
            obj,
            changes=changes,
            reason=form.cleaned_data.get("reason", ""),
            by=request.user,
            stored_year=stored_year,
        )

    # What was paid in a year was measured against its rules: they stay as long as the money does.
    def has_delete_permission(self, request, obj=None):
        if obj is not None and payments_of_year().has_payments(obj.year):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._announce_deleted(request, [obj.year])

    def delete_queryset(self, request, queryset):
        years = sorted(queryset.values_list("year", flat=True))
        super().delete_queryset(request, queryset)
        self._announce_deleted(request, years)

    def _announce_deleted(self, request, years):
        listed = ", ".join(str(year) for year in years)
        body = f"De jaarregels van {listed} zijn verwijderd."
        announce_to_admins(f"Jaarregels {listed} verwijderd", body, by=request.user)
