"""A handed-in month may go back to open (the burgerbaner takes it back before the
coordinator acts), and a SEPA download, once kept, never changes nor goes.

Only PostgreSQL has the triggers (see 0004_immutable_records).
"""

import importlib

from django.db import migrations

IMMUTABLE = importlib.import_module("payments.migrations.0004_immutable_records")
TRANSITIONS = "('approved', 'rejected'), ('rejected', 'submitted')"
FUNCTIONS = IMMUTABLE.FUNCTIONS.replace(
    TRANSITIONS, TRANSITIONS + ", ('submitted', 'open')"
)
DOWNLOADS = ("payments_batchdownload", "payments_historicalbatchdownload")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    assert FUNCTIONS != IMMUTABLE.FUNCTIONS
    schema_editor.execute(FUNCTIONS, params=None)
    for table in DOWNLOADS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS burgerbaan_immutable ON {table}")
        schema_editor.execute(
            f"CREATE TRIGGER burgerbaan_immutable BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION burgerbaan_refuse()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in DOWNLOADS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS burgerbaan_immutable ON {table}")
    schema_editor.execute(IMMUTABLE.FUNCTIONS, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("hours", "0004_timesheet_withdraw"),
        ("payments", "0009_batch_downloads"),
    ]

    operations = [migrations.RunPython(create, drop)]
