"""Money received and its history never change or go, in PostgreSQL itself.

Like the records guarded by payments 0004, a receipt is corrected with a counter-entry
only; this trigger also refuses a raw UPDATE or DELETE from a shell or another program
(SQLSTATE 23000, an IntegrityError in Django).
"""

from django.db import migrations

TABLES = ["sources_receipt", "sources_historicalreceipt"]

FUNCTION = r"""
CREATE OR REPLACE FUNCTION sources_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'burgerbaan: % on % refused: money received never changes',
        TG_OP, TG_TABLE_NAME USING ERRCODE = '23000';
END $$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite: the model's own checks guard the records
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS sources_immutable ON {table}")
        schema_editor.execute(
            f"CREATE TRIGGER sources_immutable BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION sources_refuse()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS sources_immutable ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS sources_refuse()")


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
