"""Move the yearly rules' tables to the ``rules`` app's names, keeping every row.

A table rename keeps the rows, their ids, the history rows and, on PostgreSQL,
the immutability trigger on the history table (triggers belong to the table,
not to its name). Django's content types follow, so the admin's log and the
permissions given for year rules stay attached to them.
"""

from django.db import migrations

MODELS = ("yearrules", "historicalyearrules")


def content_types_to_rules(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label="rules", model=model).exists():
            ContentType.objects.using(db).filter(app_label="payments", model=model).update(
                app_label="rules"
            )


def content_types_to_payments(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label="payments", model=model).exists():
            ContentType.objects.using(db).filter(app_label="rules", model=model).update(
                app_label="payments"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("payments", "0005_yearrules_moves_to_rules"),
        ("rules", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="yearrules", table=None),
        migrations.AlterModelTable(name="historicalyearrules", table=None),
        migrations.RunPython(content_types_to_rules, content_types_to_payments),
    ]
