from decimal import Decimal

from django.db import migrations

SOURCE = "Belastingdienst, vrijwilligersvergoeding"
OFFICIAL = {
    2023: ("1900.00", "190.00", "5.00", "2.75"),
    2024: ("2100.00", "210.00", "5.50", "3.25"),
    2025: ("2100.00", "210.00", "5.60", "3.30"),
}


def seed(apps, schema_editor):
    YearRules = apps.get_model("payments", "YearRules")
    for year, (annual, monthly, hourly, hourly_young) in OFFICIAL.items():
        YearRules.objects.get_or_create(
            year=year,
            defaults={
                "annual_maximum": Decimal(annual),
                "monthly_maximum": Decimal(monthly),
                "hourly_maximum": Decimal(hourly),
                "hourly_maximum_under_21": Decimal(hourly_young),
                "source": SOURCE,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
