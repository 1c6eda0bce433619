"""Each payment names the source that pays it, fixed when it is approved.

Existing payments get the source of the allowance agreement that paid their month. On
PostgreSQL the payment's guard now also refuses changing a source once set.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef

from agreements.backfill import own_source, paying_source

GUARD = r"""
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
        OR (NEW.source_id IS DISTINCT FROM OLD.source_id AND OLD.source_id IS NOT NULL)
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
"""

# As in 0004, without the source.
OLD_GUARD = GUARD.replace(
    "        OR (NEW.source_id IS DISTINCT FROM OLD.source_id AND OLD.source_id IS NOT NULL)\n", ""
)


def backfill(apps, schema_editor):
    payment = apps.get_model("payments", "Payment")
    own = own_source(apps.get_model("sources", "FundingSource"))
    index = OuterRef("year") * 12 + OuterRef("month") - 1
    payment.objects.filter(source__isnull=True).update(
        source=paying_source(
            apps.get_model("agreements", "AllowanceAgreement"), OuterRef("burgerbaner"), index, own
        )
    )


def guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD, params=None)


def unguard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OLD_GUARD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0014_payment_month_idx"),
        ("sources", "0002_immutable_receipts"),
        ("agreements", "0007_merge_20261129_2306"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalpayment",
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
            model_name="payment",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="payments",
                to="sources.fundingsource",
                verbose_name="betaald uit",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(guard, unguard),
    ]
