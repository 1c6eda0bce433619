"""The official maxima up to 2026, each year with the source of its figures.

Earlier installations hold 2023-2025 from ``payments.0002`` with one shared
source, and possibly a 2026 an admin or the demo typed in; the official figures
replace whatever stands for those years, so every installation pays them.
"""

from decimal import Decimal

from django.db import migrations

# Frozen here: a later year gets its own migration, so this one never changes.
# year: (annual, monthly, hourly from 21, hourly under 21, source)
OFFICIAL_YEAR_RULES = {
    2023: (
        "1900.00",
        "190.00",
        "5.00",
        "2.75",
        "Belastingdienst, vrijwilligersvergoeding: bedragen 2023",
    ),
    2024: (
        "2100.00",
        "210.00",
        "5.50",
        "3.25",
        "Belastingdienst, vrijwilligersvergoeding: bedragen 2024",
    ),
    2025: (
        "2100.00",
        "210.00",
        "5.60",
        "3.30",
        "Belastingdienst, vrijwilligersvergoeding: bedragen 2025",
    ),
    2026: (
        "2200.00",
        "220.00",
        "5.75",
        "3.40",
        "Staatssecretaris van Financiën, aangekondigd najaar 2025: bedragen 2026",
    ),
}


def load(apps, schema_editor):
    YearRules = apps.get_model("rules", "YearRules")
    for year, (annual, monthly, hourly, hourly_young, source) in OFFICIAL_YEAR_RULES.items():
        YearRules.objects.update_or_create(
            year=year,
            defaults={
                "annual_maximum": Decimal(annual),
                "monthly_maximum": Decimal(monthly),
                "hourly_maximum": Decimal(hourly),
                "hourly_maximum_under_21": Decimal(hourly_young),
                "source": source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("rules", "0002_tables_and_content_types")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
