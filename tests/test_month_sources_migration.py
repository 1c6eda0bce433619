"""Migrations hours 0008 and payments 0014: existing countersigned months and payments
get the source that paid them.

Here at the top of the tests, after the migration tests that restore the database from
its serialized copy: this one empties the database the ordinary way afterwards.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from agreements.models import AllowanceAgreement
from hours.models import Timesheet
from payments import services
from payments.models import Payment
from sources.models import FundingSource, own_money_source
from tests.conftest import YEAR
from tests.factories import BurgerbanerFactory, UserFactory

BEFORE = [
    ("hours", "0007_step_actions_in_plain_words"),
    ("payments", "0013_merge_0011_payment_paid_on_0012_merge_20261129_2307"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_months_the_source_that_paid_them(
    burgerbaner, allowance, countersigned, treasurer
):
    fund = FundingSource.objects.create(name="Oranje Fonds", kind=FundingSource.Kind.FUND)
    AllowanceAgreement.objects.filter(pk=allowance.pk).update(source=fund)
    countersigned(3, [3, 4])
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    stranger = BurgerbanerFactory()  # paid without any agreement: own money
    loose = Payment.objects.create(
        burgerbaner=stranger,
        year=YEAR,
        month=3,
        amount=Decimal("1.00"),
        iban=stranger.iban,
        approved_by=UserFactory(),
        approved_at=payment.approved_at,
    )
    try:
        migrate(BEFORE)
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        sheet = Timesheet.objects.get(burgerbaner=burgerbaner, month=datetime.date(YEAR, 3, 1))
        assert sheet.source_id == fund.pk
        payment.refresh_from_db()
        assert payment.source_id == fund.pk
        loose.refresh_from_db()
        assert loose.source_id == own_money_source()
        if connection.vendor == "postgresql":
            # The guards are back: a countersigned month and a payment's source stay put.
            for statement in (
                f"UPDATE hours_timesheet SET source_id = NULL WHERE id = {sheet.pk}",
                f"UPDATE payments_payment SET source_id = {own_money_source()} "
                f"WHERE id = {payment.pk}",
            ):
                with (
                    pytest.raises(IntegrityError),
                    transaction.atomic(),
                    connection.cursor() as cursor,
                ):
                    cursor.execute(statement)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
