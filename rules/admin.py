from django.contrib import admin

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
