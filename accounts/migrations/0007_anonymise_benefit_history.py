"""Anonymisation also clears the benefit in a burgerbaner's history (PostgreSQL).

The history rows are guarded by a trigger (``payments.0004_immutable_records``)
that lets anonymisation overwrite only the personal columns it names; the
benefit joins them.
"""

from django.db import migrations

TABLE = "accounts_historicalburgerbaner"
BEFORE = [
    "legal_name", "street", "postcode", "city", "phone", "iban", "personal_plan",
    "anonymised_at", "anonymised_by_id",
]  # fmt: skip
AFTER = [*BEFORE, "benefit"]


def _trigger(columns):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"DROP TRIGGER IF EXISTS burgerbaan_immutable ON {TABLE}")
        schema_editor.execute(
            f"CREATE TRIGGER burgerbaan_immutable BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION burgerbaan_refuse({', '.join(map(repr, columns))})"
        )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_burgerbaner_benefit"),
        ("payments", "0004_immutable_records"),
    ]

    operations = [migrations.RunPython(_trigger(AFTER), _trigger(BEFORE))]
