"""The treasurer reads the bank's CAMT.053 statement in."""

import datetime
from decimal import Decimal

import pytest

from bank import services
from bank.errors import BankError
from bank.models import Outcome, Statement, StatementLine
from payments.models import Payment, PaymentBatch, PaymentStatus
from sources.models import Receipt
from tests.bank.conftest import (
    BOOKED,
    batch_entry,
    incoming,
    return_entry,
    statement,
)

pytestmark = pytest.mark.django_db


def test_the_batch_on_the_statement_marks_its_payments_paid_on_the_booking_day(batch, treasurer):
    result = services.import_statement(statement(batch_entry(batch)), by=treasurer)
    assert result.counts == {Outcome.PAID: 2}
    assert {(p.status, p.paid_on) for p in Payment.objects.all()} == {(PaymentStatus.PAID, BOOKED)}
    batch.refresh_from_db()
    assert batch.status == PaymentBatch.Status.PAID
    assert batch.execution_date == BOOKED
    # The payment holds the burgerbaner's name and account; the line keeps neither.
    assert set(StatementLine.objects.values_list("counterparty_name", "counterparty_iban")) == {
        ("", "")
    }
    assert Payment.objects.first().history.first().history_user == treasurer


def test_a_returned_transfer_marks_the_payment_returned_with_the_reason_in_plain_dutch(
    batch, treasurer
):
    april = batch.payments.get(month=4)
    content = statement(batch_entry(batch), return_entry(april, "AC04"))
    result = services.import_statement(content, by=treasurer)
    assert result.counts == {Outcome.PAID: 2, Outcome.RETURNED: 1}
    april.refresh_from_db()
    assert april.status == PaymentStatus.RETURNED
    assert (
        april.return_reason == "De bank boekte de betaling terug: De rekening is opgeheven (AC04)."
    )
    assert april.returned_by == treasurer
    assert batch.payments.get(month=3).status == PaymentStatus.PAID


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("AC01", "Het rekeningnummer klopt niet (AC01)"),
        ("MD07", "De rekeninghouder is overleden (MD07)"),
        ("ZZ99", "De bank gaf code ZZ99"),
    ],
)
def test_each_reason_code_reads_as_plain_words(batch, treasurer, code, words):
    march = batch.payments.get(month=3)
    services.import_statement(
        statement(batch_entry(batch), return_entry(march, code)), by=treasurer
    )
    march.refresh_from_db()
    assert words in march.return_reason


def test_a_return_of_a_payment_not_yet_seen_paid_is_paid_then_returned(batch, treasurer):
    march = batch.payments.get(month=3)
    services.import_statement(statement(return_entry(march)), by=treasurer)
    march.refresh_from_db()
    assert march.status == PaymentStatus.RETURNED
    assert march.paid_on == BOOKED + datetime.timedelta(days=2)
    assert [h.status for h in march.history.order_by("history_id")][-2:] == ["paid", "returned"]


def test_money_in_is_booked_to_its_source_by_reference_or_known_iban_the_rest_waits(
    treasurer, foundation, sponsor, donations
):
    content = statement(
        incoming("IN-1", "1500.00", name="WoonZorgFlevoland", text="Bijdrage BB-WZF 2026"),
        incoming("IN-2", "750.00", name="WoonZorgFlevoland", iban="NL02ABNA0123456789"),
        incoming("IN-3", "25.00", name="A. de Boer", text="Gift Almeerse Burgerbaan"),
        incoming("IN-4", "40.00", name="J. Smit", iban="NL44RABO0123456789", text="Voor jullie"),
    )
    result = services.import_statement(content, by=treasurer)
    assert result.counts == {Outcome.RECEIPT: 3, Outcome.TO_CLASSIFY: 1}
    booked = {(r.source.name, r.amount, r.received_on, r.booked_by) for r in Receipt.objects.all()}
    assert booked == {
        ("WoonZorgFlevoland", Decimal("1500.00"), BOOKED, treasurer),
        ("WoonZorgFlevoland", Decimal("750.00"), BOOKED, treasurer),
        ("Giften", Decimal("25.00"), BOOKED, treasurer),
    }
    waiting = StatementLine.objects.get(outcome=Outcome.TO_CLASSIFY)
    assert (waiting.counterparty_name, waiting.amount) == ("J. Smit", Decimal("40.00"))
    assert waiting.receipt is None


def test_the_same_statement_twice_books_nothing_twice(batch, treasurer, sponsor):
    april = batch.payments.get(month=4)
    content = statement(
        batch_entry(batch),
        return_entry(april),
        incoming("IN-1", "1500.00", text="BB-WZF"),
        incoming("IN-2", "40.00", name="J. Smit"),
    )
    services.import_statement(content, by=treasurer)
    before = (
        StatementLine.objects.count(),
        Receipt.objects.count(),
        list(Payment.objects.values_list("pk", "status", "paid_on").order_by("pk")),
        Payment.history.count(),
    )
    with pytest.raises(BankError, match=r"Dit afschrift is al ingelezen op .* door Karel Jansen"):
        services.import_statement(content, by=treasurer)
    # The next day's statement repeats the same transactions under another name.
    again = statement(
        batch_entry(batch),
        return_entry(april),
        incoming("IN-1", "1500.00", text="BB-WZF"),
        incoming("IN-2", "40.00", name="J. Smit"),
        statement_id="AFSCHRIFT-2",
    )
    result = services.import_statement(again, by=treasurer)
    assert result.counts == {}
    assert result.already_known == 5
    after = (
        StatementLine.objects.count(),
        Receipt.objects.count(),
        list(Payment.objects.values_list("pk", "status", "paid_on").order_by("pk")),
        Payment.history.count(),
    )
    assert after == before
    assert Statement.objects.count() == 2


def test_a_statement_of_another_account_books_nothing(batch, treasurer):
    with pytest.raises(BankError, match="niet van de rekening van Stichting Safe Almere"):
        services.import_statement(
            statement(batch_entry(batch), iban="NL91ABNA0417164300"), by=treasurer
        )
    assert not Statement.objects.exists()
    assert not Payment.objects.filter(status=PaymentStatus.PAID).exists()


def test_an_amount_that_differs_from_the_payment_is_left_for_the_treasurer(batch, treasurer):
    entry = batch_entry(batch)
    entry.transfers[0].amount += Decimal("1.00")
    services.import_statement(statement(entry), by=treasurer)
    line = StatementLine.objects.get(outcome=Outcome.NEEDS_ATTENTION)
    assert "maar de betaling is" in line.note
    assert line.payment.status == PaymentStatus.APPROVED


def test_a_treasurer_never_marks_their_own_payment_returned(
    batch, burgerbaner, treasurer, admin_user
):
    from accounts.models import Role

    Role.objects.create(user=burgerbaner.user, kind=Role.Kind.TREASURER)
    march = batch.payments.get(month=3)
    services.import_statement(
        statement(batch_entry(batch), return_entry(march)), by=burgerbaner.user
    )
    line = StatementLine.objects.get(outcome=Outcome.NEEDS_ATTENTION)
    assert "Een andere penningmeester" in line.note
    march.refresh_from_db()
    assert march.status == PaymentStatus.PAID


def test_only_a_treasurer_reads_a_statement_in(batch, signer, admin_user):
    from django.core.exceptions import PermissionDenied

    for person in (signer, admin_user):
        with pytest.raises(PermissionDenied):
            services.import_statement(statement(batch_entry(batch)), by=person)
    assert not Statement.objects.exists()


def test_money_from_an_account_number_that_is_no_iban_waits_to_be_classified(
    treasurer, foundation, sponsor
):
    content = statement(incoming("IN-1", "40.00", name="J. Smit", iban="NL00BANK0000000000"))
    result = services.import_statement(content, by=treasurer)
    assert result.counts == {Outcome.TO_CLASSIFY: 1}


def test_the_bank_day_is_in_the_burgerbaners_data_download(batch, treasurer, burgerbaner):
    from privacy.services import personal_data

    services.import_statement(statement(batch_entry(batch)), by=treasurer)
    rows = personal_data(burgerbaner)["betalingen"]
    assert {row["paid_on"] for row in rows} == {BOOKED.isoformat()}
