"""The shipped sample statement and the demo's statement read in as a bank's would."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from bank import camt, services
from bank.models import Outcome
from demo.bank_statement import demo_statement
from payments.models import PaymentStatus

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "bank/samples/camt.053.001.02-voorbeeld.xml"


def test_the_shipped_sample_is_a_valid_camt_053_with_a_batch_a_return_and_money_in():
    statement = camt.parse(SAMPLE.read_bytes())
    assert statement.version == "camt.053.001.02"
    assert statement.account_iban == "NL66ASNB0707070707"
    assert [
        (t.end_to_end_id, t.amount, t.is_credit, t.return_code) for t in statement.transactions
    ] == [
        ("BB0000000101", Decimal("84.00"), False, ""),
        ("BB0000000102", Decimal("112.00"), False, ""),
        ("BB0000000102", Decimal("112.00"), True, "AC04"),
        ("", Decimal("2500.00"), True, ""),
        ("", Decimal("25.00"), True, ""),
        ("", Decimal("40.00"), True, ""),
    ]


def test_the_demo_statement_carries_out_the_open_batch_and_returns_its_last_payment(
    batch, treasurer, sponsor, donations, capsys
):
    today = timezone.localdate()
    call_command("demo_bank_statement")
    printed = capsys.readouterr().out.encode()
    assert printed == demo_statement(today)
    result = services.import_statement(printed, by=treasurer)
    assert result.counts == {
        Outcome.PAID: 2,
        Outcome.RETURNED: 1,
        Outcome.RECEIPT: 2,
        Outcome.TO_CLASSIFY: 1,
    }
    march, april = batch.payments.order_by("pk")
    assert (march.status, april.status) == (PaymentStatus.PAID, PaymentStatus.RETURNED)
    assert "De rekening is opgeheven (AC04)" in april.return_reason
