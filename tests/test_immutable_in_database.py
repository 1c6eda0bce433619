"""Signed and paid records refuse change in PostgreSQL itself, whatever sends the SQL.

These statements go around Django's models on purpose: the triggers must hold
against a raw UPDATE or DELETE from a shell or another program.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from agreements.models import Signature
from hours import services as hours
from hours.models import Timesheet, TimesheetStatus
from payments import services as payments
from payments.models import Payment
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the triggers exist on PostgreSQL (make test-pg; CI runs it)")


@pytest.fixture
def paid(countersigned, paid_month):
    countersigned(2, [3, 4])
    return paid_month(2)


def refused(sql: str, *params) -> None:
    with (
        pytest.raises(IntegrityError, match="burgerbaan"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def run(sql: str, *params) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def test_a_signature_never_changes_nor_goes(burgerbaner):
    signature = Signature.objects.create(
        volunteer_agreement=burgerbaner.volunteeragreements.get(),
        party=Signature.Party.BURGERBANER,
        signed_by=burgerbaner.user,
        ip_address="192.0.2.7",
        document_sha256="0" * 64,
    )
    refused("UPDATE agreements_signature SET ip_address = '10.0.0.1' WHERE id = %s", signature.pk)
    refused("DELETE FROM agreements_signature WHERE id = %s", signature.pk)
    assert Signature.objects.get(pk=signature.pk).ip_address == signature.ip_address


def test_a_countersigned_month_and_its_entries_never_change(paid):
    timesheet = Timesheet.objects.get(status=TimesheetStatus.COUNTERSIGNED)
    entry = timesheet.entries.first()
    refused("UPDATE hours_hourentry SET hours = 9 WHERE id = %s", entry.pk)
    refused("DELETE FROM hours_hourentry WHERE id = %s", entry.pk)
    refused(
        "INSERT INTO hours_hourentry (timesheet_id, agreement_id, date, hours, description,"
        " is_correction, correction_reason, created_at)"
        " VALUES (%s, %s, %s, 8, 'erbij', false, '', now())",
        timesheet.pk,
        entry.agreement_id,
        entry.date,
    )
    refused("UPDATE hours_timesheet SET status = 'open' WHERE id = %s", timesheet.pk)
    refused("UPDATE hours_timesheet SET total_hours = 1 WHERE id = %s", timesheet.pk)
    refused("DELETE FROM hours_timesheet WHERE id = %s", timesheet.pk)
    refused(
        "UPDATE hours_timesheetstep SET reason = 'anders' WHERE timesheet_id = %s", timesheet.pk
    )
    refused("DELETE FROM hours_timesheetstep WHERE timesheet_id = %s", timesheet.pk)
    assert timesheet.entries.count() == 2
    assert Timesheet.objects.get(pk=timesheet.pk).total_hours == Decimal("10.00")


def test_a_handed_in_month_only_moves_along_the_sign_off(burgerbaner, log_last_month):
    timesheet = log_last_month()
    refused("UPDATE hours_timesheet SET status = 'countersigned' WHERE id = %s", timesheet.pk)
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    refused("UPDATE hours_hourentry SET hours = 1 WHERE timesheet_id = %s", timesheet.pk)
    refused("UPDATE hours_timesheet SET status = 'countersigned' WHERE id = %s", timesheet.pk)
    assert run("UPDATE hours_timesheet SET status = 'rejected' WHERE id = %s", timesheet.pk) == 1
    # rejected: the burgerbaner corrects the month again
    assert run("UPDATE hours_hourentry SET hours = 1 WHERE timesheet_id = %s", timesheet.pk) == 1


def test_a_handed_in_month_goes_back_to_open_only_before_approval(
    burgerbaner, coordinator, log_last_month
):
    timesheet = log_last_month()
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    assert run("UPDATE hours_timesheet SET status = 'open' WHERE id = %s", timesheet.pk) == 1
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    hours.approve_timesheet(timesheet, by=coordinator)
    refused("UPDATE hours_timesheet SET status = 'open' WHERE id = %s", timesheet.pk)


def test_a_kept_download_never_changes_nor_goes(paid, treasurer):
    from payments.models import BatchDownload

    download = BatchDownload.objects.create(batch=paid.batch, by=treasurer)
    refused("UPDATE payments_batchdownload SET by_id = by_id WHERE id = %s", download.pk)
    refused("DELETE FROM payments_batchdownload WHERE id = %s", download.pk)


def test_an_open_month_stays_editable(burgerbaner, log_last_month):
    timesheet = log_last_month()
    assert run("UPDATE hours_hourentry SET hours = 1 WHERE timesheet_id = %s", timesheet.pk) == 1
    assert run("DELETE FROM hours_hourentry WHERE timesheet_id = %s", timesheet.pk) == 1
    assert run("DELETE FROM hours_timesheet WHERE id = %s", timesheet.pk) == 1


def test_a_payment_keeps_its_amount_payee_and_batch_and_is_never_deleted(paid, other_burgerbaner):
    refused("UPDATE payments_payment SET amount = amount + 1 WHERE id = %s", paid.pk)
    refused("UPDATE payments_payment SET iban = 'NL02ABNA0123456789' WHERE id = %s", paid.pk)
    refused(
        "UPDATE payments_payment SET burgerbaner_id = %s WHERE id = %s",
        other_burgerbaner.pk,
        paid.pk,
    )
    refused("UPDATE payments_payment SET batch_id = NULL WHERE id = %s", paid.pk)
    refused("UPDATE payments_payment SET status = 'approved' WHERE id = %s", paid.pk)
    refused("DELETE FROM payments_payment WHERE id = %s", paid.pk)
    refused("UPDATE payments_paymentbatch SET status = 'open' WHERE id = %s", paid.batch_id)
    refused("DELETE FROM payments_paymentbatch WHERE id = %s", paid.batch_id)
    # what the bank may still do: return it
    assert run("UPDATE payments_payment SET status = 'returned' WHERE id = %s", paid.pk) == 1
    assert Payment.objects.get(pk=paid.pk).amount == paid.amount


def test_audit_rows_are_never_changed_nor_removed(paid):
    refused("UPDATE payments_historicalpayment SET amount = 1")
    refused("DELETE FROM payments_historicalpayment")
    refused("DELETE FROM hours_historicaltimesheet")
    refused("UPDATE payments_historicalpaymentbatch SET status = 'open'")
    assert paid.history.count() == 3  # approved, put in a batch, paid


def test_gifts_and_opening_balances_are_never_changed(paid, burgerbaner, treasurer):
    payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 2, 10),
        kind="gift",
        amount=Decimal("10.00"),
        description="Bloemen",
        by=treasurer,
    )
    payments.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("5.00"), note="", by=treasurer
    )
    refused("UPDATE payments_extra SET amount = 1")
    refused("DELETE FROM payments_extra")
    refused("UPDATE payments_openingbalance SET amount = 1")
    refused("DELETE FROM payments_openingbalance")


@pytest.fixture
def log_last_month(burgerbaner):
    def _log():
        today = datetime.date.today()
        day = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=3)
        return hours.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=burgerbaner.volunteeragreements.get(),
            date=day,
            hours=Decimal("2"),
            description="Werk",
        ).timesheet

    return _log


def test_anonymising_may_overwrite_personal_columns_only(paid, burgerbaner, treasurer):
    payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 2, 10),
        kind="gift",
        amount=Decimal("10.00"),
        description="Bloemen voor Fatima",
        by=treasurer,
    )
    with transaction.atomic():
        run("SET LOCAL burgerbaan.anonymising = 'on'")
        assert run("UPDATE payments_extra SET description = '-'") == 1
        assert run("UPDATE payments_historicalpayment SET iban = ''") == 3
        refused("UPDATE payments_extra SET amount = 1")
        refused("UPDATE payments_historicalpayment SET amount = 1")
        refused("UPDATE hours_hourentry SET hours = 9")
        refused("UPDATE payments_payment SET amount = 1")
        refused("UPDATE hours_timesheet SET status = 'open'")


def test_a_total_cannot_change_on_the_way_to_a_signature(burgerbaner, log_last_month, coordinator):
    timesheet = log_last_month()
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    refused(
        "UPDATE hours_timesheet SET status = 'approved', total_hours = 99 WHERE id = %s",
        timesheet.pk,
    )


def test_a_paid_batch_takes_no_new_payment(paid, burgerbaner, countersigned, treasurer):
    countersigned(5, [6])
    later = payments.approve_month(burgerbaner, YEAR, 5, by=treasurer)
    refused("UPDATE payments_payment SET batch_id = %s WHERE id = %s", paid.batch_id, later.pk)
    refused("UPDATE payments_payment SET status = 'paid' WHERE id = %s", later.pk)  # no batch


def test_anonymisation_leaves_the_door_closed_behind_it(admin_user, other_burgerbaner):
    from privacy import services as privacy

    other_burgerbaner.volunteeragreements.update(end_date=datetime.date(2026, 1, 31))
    with transaction.atomic():
        privacy.anonymise(other_burgerbaner, by=admin_user, today=datetime.date(2040, 1, 1))
        refused("UPDATE accounts_historicalburgerbaner SET phone = 'x'")


def test_a_signed_agreement_keeps_its_terms(burgerbaner, admin_user):
    agreement = burgerbaner.volunteeragreements.get()
    run("UPDATE agreements_volunteeragreement SET hours_per_week = 9 WHERE id = %s", agreement.pk)
    Signature.objects.create(
        volunteer_agreement=agreement,
        party=Signature.Party.BURGERBANER,
        signed_by=burgerbaner.user,
        document_sha256="0" * 64,
    )
    table = "agreements_volunteeragreement"
    refused(f"UPDATE {table} SET hours_per_week = 40 WHERE id = %s", agreement.pk)
    refused(f"UPDATE {table} SET start_date = '2020-01-01' WHERE id = %s", agreement.pk)
    refused(f"UPDATE {table} SET document_html = 'anders' WHERE id = %s", agreement.pk)
    refused(f"DELETE FROM {table} WHERE id = %s", agreement.pk)
    # what the app does with a signed agreement: end it
    assert (
        run(
            f"UPDATE {table} SET status = 'ended', ended_on = '2026-06-30', end_reason = 'verhuisd'"
            " WHERE id = %s",
            agreement.pk,
        )
        == 1
    )
