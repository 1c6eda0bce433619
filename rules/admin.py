from django.contrib import admin

from accounts.services import announce_to_admins
from burgerbaan.history_admin import HistoryAdmin
from rules.models import YearRules


@admin.register(YearRules)
class YearRulesAdmin(HistoryAdmin):
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
        super().save_model(request, obj, form, change)
        if form.changed_data:
            lines = [
                f"{form[f].label}: {form.initial.get(f, '(nieuw)')} → {form.cleaned_data[f]}"
                for f in form.changed_data
            ]
            verb = "gewijzigd" if change else "toegevoegd"
            body = f"De jaarregels van {obj.year} zijn {verb}.\n\n" + "\n".join(lines)
            announce_to_admins(f"Jaarregels {obj.year} {verb}", body, by=request.user)

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
