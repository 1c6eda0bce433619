"""Each countersigned timesheet names the source that pays its month.

Existing countersigned timesheets get the source of the allowance agreement that paid
their month. PostgreSQL refuses any change to a countersigned timesheet
(``payments.0004``), so its guard is off for this one statement, inside the migration's
transaction.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef
from django.db.models.functions import ExtractMonth, ExtractYear

from agreements.backfill import own_source, paying_source


def backfill(apps, schema_editor):
    timesheet = apps.get_model("hours", "Timesheet")
    own = own_source(apps.get_model("sources", "FundingSource"))
    index = ExtractYear(OuterRef("month")) * 12 + ExtractMonth(OuterRef("month")) - 1
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute("ALTER TABLE hours_timesheet DISABLE TRIGGER burgerbaan_immutable")
    timesheet.objects.filter(status="countersigned", source__isnull=True).update(
        source=paying_source(
            apps.get_model("agreements", "AllowanceAgreement"), OuterRef("burgerbaner"), index, own
        )
    )
    if postgres:
        schema_editor.execute("ALTER TABLE hours_timesheet ENABLE TRIGGER burgerbaan_immutable")


class Migration(migrations.Migration):
    dependencies = [
        ("hours", "0009_timesheet_queue_idx"),
        ("sources", "0002_immutable_receipts"),
        ("agreements", "0007_merge_20261129_2306"),
        ("payments", "0004_immutable_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaltimesheet",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sources.fundingsource",
                verbose_name="betaald uit",
            ),
        ),
        migrations.AddField(
            model_name="timesheet",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="timesheets",
                to="sources.fundingsource",
                verbose_name="betaald uit",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
