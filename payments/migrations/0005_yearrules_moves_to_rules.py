"""The yearly rules moved to their own app (``rules``), a floor below agreements.

Only Django's idea of where the model lives changes here; the tables move in
``rules.0002_tables_and_content_types``, with every row and its history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0004_immutable_records"),
        ("rules", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="historicalyearrules", name="history_user"),
                migrations.DeleteModel(name="YearRules"),
                migrations.DeleteModel(name="HistoricalYearRules"),
            ],
            database_operations=[],
        )
    ]
