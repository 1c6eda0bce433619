from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rules.models import YearRules


@admin.register(YearRules)
class YearRulesAdmin(SimpleHistoryAdmin):
    list_display = [
        "year",
        "annual_maximum",
        "monthly_maximum",
        "hourly_maximum",
        "hourly_maximum_under_21",
        "source",
    ]
