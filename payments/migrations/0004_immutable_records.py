"""Signed and paid records are immutable in the database itself (PostgreSQL).

The models already refuse such changes; these triggers also refuse them from a
raw SQL statement, a shell or another program. They raise SQLSTATE 23000, which
Django reports as an IntegrityError.

- signatures, sign-off steps and every audit (history) row: no UPDATE, no DELETE;
- hour entries: no INSERT, UPDATE or DELETE once their month is handed in;
- timesheets: only the status changes of the sign-off; a countersigned one never
  changes; only an open one may be deleted;
- payments: never deleted; only approved → paid → returned, the batch set once
  and the return reason; amount, person, month and IBAN never change;
- batches: never deleted, never changed once paid;
- gifts, travel costs and opening balances: no UPDATE, no DELETE;
- signed agreements: never deleted; only their status and how they ended change.

The one way through is anonymisation after the retention period (see
``privacy.services``): within its transaction it sets ``burgerbaan.anonymising``,
which lets personal fields be overwritten (never a deletion, never an amount).
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION burgerbaan_anonymising() RETURNS boolean AS $$
BEGIN
    RETURN coalesce(current_setting('burgerbaan.anonymising', true), '') = 'on';
END $$ LANGUAGE plpgsql STABLE;

-- Anonymisation may overwrite only the columns named as the trigger's arguments;
-- every other column (amounts, dates, hashes, links) must stay exactly as it was.
CREATE OR REPLACE FUNCTION burgerbaan_refuse() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND burgerbaan_anonymising() AND TG_NARGS > 0
        AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'burgerbaan: % on % refused: signed and paid records never change',
        TG_OP, TG_TABLE_NAME USING ERRCODE = '23000';
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION burgerbaan_guard_hourentry() RETURNS trigger AS $$
DECLARE
    locked boolean;
BEGIN
    IF TG_OP = 'UPDATE' AND burgerbaan_anonymising()
        AND (to_jsonb(NEW) - ARRAY['description', 'correction_reason'])
            = (to_jsonb(OLD) - ARRAY['description', 'correction_reason']) THEN
        RETURN NEW;
    END IF;
    -- FOR SHARE: an entry cannot slip in while the month is being handed in.
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT status NOT IN ('open', 'rejected') INTO locked
            FROM hours_timesheet WHERE id = OLD.timesheet_id FOR SHARE;
        IF locked THEN
            RAISE EXCEPTION 'burgerbaan: % of an entry of a handed-in month refused', TG_OP
                USING ERRCODE = '23000';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT status NOT IN ('open', 'rejected') INTO locked
            FROM hours_timesheet WHERE id = NEW.timesheet_id FOR SHARE;
        IF locked THEN
            RAISE EXCEPTION 'burgerbaan: % of an entry into a handed-in month refused', TG_OP
                USING ERRCODE = '23000';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION burgerbaan_guard_timesheet() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND burgerbaan_anonymising()
        AND (NEW.burgerbaner_id, NEW.organisation_id, NEW.month, NEW.status, NEW.total_hours)
            IS NOT DISTINCT FROM
            (OLD.burgerbaner_id, OLD.organisation_id, OLD.month, OLD.status, OLD.total_hours)
    THEN
        RETURN NEW;  -- anonymisation: the rejection reason only
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'open' THEN
            RAISE EXCEPTION 'burgerbaan: deleting a % timesheet refused', OLD.status
                USING ERRCODE = '23000';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'countersigned' THEN
        RAISE EXCEPTION 'burgerbaan: a countersigned timesheet never changes'
            USING ERRCODE = '23000';
    END IF;
    IF NEW.burgerbaner_id IS DISTINCT FROM OLD.burgerbaner_id
        OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
        OR NEW.month IS DISTINCT FROM OLD.month THEN
        RAISE EXCEPTION 'burgerbaan: a timesheet keeps its person, non-profit and month'
            USING ERRCODE = '23000';
    END IF;
    IF OLD.status NOT IN ('open', 'rejected')
        AND NEW.total_hours IS DISTINCT FROM OLD.total_hours THEN
        RAISE EXCEPTION 'burgerbaan: the total of a handed-in month never changes'
            USING ERRCODE = '23000';
    END IF;
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status, NEW.status) NOT IN (
        ('open', 'submitted'), ('submitted', 'approved'), ('submitted', 'rejected'),
        ('approved', 'countersigned'), ('approved', 'rejected'), ('rejected', 'submitted')
    ) THEN
        RAISE EXCEPTION 'burgerbaan: a timesheet cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = '23000';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION burgerbaan_guard_payment() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'burgerbaan: a payment is never deleted' USING ERRCODE = '23000';
    END IF;
    IF NEW.burgerbaner_id IS DISTINCT FROM OLD.burgerbaner_id
        OR NEW.year IS DISTINCT FROM OLD.year
        OR NEW.month IS DISTINCT FROM OLD.month
        OR NEW.amount IS DISTINCT FROM OLD.amount
        OR NEW.approved_by_id IS DISTINCT FROM OLD.approved_by_id
        OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
        OR (NEW.iban IS DISTINCT FROM OLD.iban AND NOT burgerbaan_anonymising()) THEN
        RAISE EXCEPTION 'burgerbaan: an approved payment never changes its amount or payee'
            USING ERRCODE = '23000';
    END IF;
    IF NEW.batch_id IS DISTINCT FROM OLD.batch_id AND OLD.batch_id IS NOT NULL THEN
        RAISE EXCEPTION 'burgerbaan: a payment stays in its batch' USING ERRCODE = '23000';
    END IF;
    IF NEW.batch_id IS DISTINCT FROM OLD.batch_id
        AND (SELECT status FROM payments_paymentbatch WHERE id = NEW.batch_id) <> 'open' THEN
        RAISE EXCEPTION 'burgerbaan: a paid batch takes no more payments'
            USING ERRCODE = '23000';
    END IF;
    IF NEW.status = 'paid' AND OLD.status = 'approved' AND NEW.batch_id IS NULL THEN
        RAISE EXCEPTION 'burgerbaan: a payment is paid in a batch' USING ERRCODE = '23000';
    END IF;
    IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
        ('approved', 'paid'), ('paid', 'returned')
    ) THEN
        RAISE EXCEPTION 'burgerbaan: a payment cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = '23000';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- A signed agreement keeps its terms and text: only its status and how it ended change.
-- Arguments: the signature's column pointing at this table, then the personal columns
-- anonymisation may overwrite.
CREATE OR REPLACE FUNCTION burgerbaan_guard_agreement() RETURNS trigger AS $$
DECLARE
    signed boolean;
    mutable text[] := ARRAY['status', 'ended_on', 'end_reason'];
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM agreements_signature WHERE %I = $1)',
                   TG_ARGV[0]) INTO signed USING OLD.id;
    IF NOT signed THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'burgerbaan: a signed agreement is never deleted' USING ERRCODE = '23000';
    END IF;
    IF burgerbaan_anonymising() THEN
        mutable := mutable || TG_ARGV[1:TG_NARGS - 1];
    END IF;
    IF (to_jsonb(NEW) - mutable) <> (to_jsonb(OLD) - mutable) THEN
        RAISE EXCEPTION 'burgerbaan: the terms of a signed agreement never change'
            USING ERRCODE = '23000';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION burgerbaan_guard_batch() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status = 'paid' THEN
        RAISE EXCEPTION 'burgerbaan: % of a % batch refused', TG_OP, OLD.status
            USING ERRCODE = '23000';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""

# Tables whose rows are never updated or deleted once written, with the personal
# columns that anonymisation (and only it) may overwrite.
FROZEN = {
    "agreements_signature": ["ip_address"],
    "hours_timesheetstep": ["ip_address", "reason"],
    "payments_extra": ["description"],
    "payments_openingbalance": ["note"],
    # audit rows
    "accounts_historicalburgerbaner": [
        "legal_name", "street", "postcode", "city", "phone", "iban", "personal_plan",
        "anonymised_at", "anonymised_by_id",
    ],
    "accounts_historicalorganisation": [],
    "accounts_historicalrole": [],
    "agreements_historicalallowanceagreement": ["document_html", "end_reason", "iban"],
    "agreements_historicalvolunteeragreement": [
        "document_html", "end_reason", "work_description", "place",
    ],
    "hours_historicalhourentry": ["description", "correction_reason"],
    "hours_historicaltimesheet": ["rejection_reason"],
    "payments_historicalextra": ["description"],
    "payments_historicalopeningbalance": ["note"],
    "payments_historicalpayment": ["iban", "return_reason"],
    "payments_historicalpaymentbatch": [],
    "payments_historicalyearrules": [],
}  # fmt: skip
GUARDED = {
    "hours_hourentry": ("burgerbaan_guard_hourentry", "INSERT OR UPDATE OR DELETE", []),
    "hours_timesheet": ("burgerbaan_guard_timesheet", "UPDATE OR DELETE", []),
    "payments_payment": ("burgerbaan_guard_payment", "UPDATE OR DELETE", []),
    "payments_paymentbatch": ("burgerbaan_guard_batch", "UPDATE OR DELETE", []),
    "agreements_volunteeragreement": (
        "burgerbaan_guard_agreement",
        "UPDATE OR DELETE",
        ["volunteer_agreement_id", "document_html", "work_description", "place"],
    ),
    "agreements_allowanceagreement": (
        "burgerbaan_guard_agreement",
        "UPDATE OR DELETE",
        ["allowance_agreement_id", "document_html", "iban"],
    ),
}


def triggers() -> list[tuple[str, str]]:
    """(table, CREATE TRIGGER statement) for every guarded table."""
    made = [
        (
            table,
            f"CREATE TRIGGER burgerbaan_immutable BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION burgerbaan_refuse({', '.join(map(repr, columns))})",
        )
        for table, columns in FROZEN.items()
    ]
    made += [
        (
            table,
            f"CREATE TRIGGER burgerbaan_immutable BEFORE {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}({', '.join(map(repr, arguments))})",
        )
        for table, (function, events, arguments) in GUARDED.items()
    ]
    return made


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite (development, tests): the models' own checks guard the records
    schema_editor.execute(FUNCTIONS, params=None)  # its "%" are PL/pgSQL, not placeholders
    for table, statement in triggers():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS burgerbaan_immutable ON {table}")
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _statement in triggers():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS burgerbaan_immutable ON {table}")
    for function in (
        "burgerbaan_refuse",
        "burgerbaan_guard_hourentry",
        "burgerbaan_guard_timesheet",
        "burgerbaan_guard_payment",
        "burgerbaan_guard_batch",
        "burgerbaan_guard_agreement",
        "burgerbaan_anonymising",
    ):
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_historicalorganisation_bic_and_more"),
        ("agreements", "0002_alter_allowanceagreement_options_and_more"),
        ("hours", "0003_timesheet_total_hours"),
        ("payments", "0003_extra_historicalextra_historicalopeningbalance_and_more"),
    ]

    operations = [migrations.RunPython(create, drop)]
