import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from sources import services
from sources.errors import ReceiptLocked, ReceiptRefused
from sources.models import FundingSource, KnownIban, Receipt

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def fund(db):
    return FundingSource.objects.create(
        name="Oranje Fonds", kind=FundingSource.Kind.FUND, reference="BB-ORANJE"
    )


def test_the_treasurer_books_money_received_with_who_and_when(fund, treasurer):
    receipt = services.book_receipt(fund, amount=Decimal("2500"), received_on=DAY, by=treasurer)
    assert receipt.amount == Decimal("2500.00")
    assert receipt.booked_by == treasurer
    assert receipt.history.get().history_type == "+"


@pytest.mark.parametrize("who", ["admin_user", "signer"])
def test_only_the_treasurer_books_receipts(fund, request, who):
    with pytest.raises(PermissionDenied):
        services.book_receipt(
            fund, amount=Decimal("10"), received_on=DAY, by=request.getfixturevalue(who)
        )
    assert not Receipt.objects.exists()


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5")])
def test_nothing_or_less_is_refused(fund, treasurer, amount):
    with pytest.raises(ReceiptRefused):
        services.book_receipt(fund, amount=amount, received_on=DAY, by=treasurer)
    assert not Receipt.objects.exists()


def test_the_same_bank_line_books_once(fund, treasurer):
    first = services.book_receipt(
        fund, amount=Decimal("100"), received_on=DAY, by=treasurer, bank_reference="NTRF-1"
    )
    again = services.book_receipt(
        fund, amount=Decimal("100"), received_on=DAY, by=treasurer, bank_reference="NTRF-1"
    )
    assert again == first
    assert Receipt.objects.count() == 1


def test_a_receipt_never_changes_and_is_corrected_by_a_counter_entry(fund, treasurer):
    receipt = services.book_receipt(fund, amount=Decimal("100"), received_on=DAY, by=treasurer)
    receipt.amount = Decimal("90")
    with pytest.raises(ReceiptLocked):
        receipt.save()
    with pytest.raises(ReceiptLocked):
        receipt.delete()
    counter = services.correct_receipt(receipt, by=treasurer, reason="Verkeerde bron")
    assert counter.amount == Decimal("-100.00")
    assert counter.corrects_id == receipt.pk
    assert Receipt.objects.get(pk=receipt.pk).amount == Decimal("100.00")
    with pytest.raises(ReceiptRefused):
        services.correct_receipt(receipt, by=treasurer, reason="nog eens")


def test_a_transfer_finds_its_source_by_reference_or_known_iban(fund):
    company = FundingSource.objects.create(name="Knipscheer", kind=FundingSource.Kind.COMPANY)
    KnownIban.objects.create(source=company, iban="NL44RABO0123456789")
    assert services.source_for_transfer(reference_text="Gift bb-oranje 2026") == fund
    assert services.source_for_transfer(iban="NL44 RABO 0123 4567 89") == company
    assert services.source_for_transfer(reference_text="iets anders", iban="") is None
