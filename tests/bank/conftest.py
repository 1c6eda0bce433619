import datetime
from decimal import Decimal

import pytest

from demo.bank_statement import Entry, Transfer, statement_xml
from payments import services as payments
from sources.models import FundingSource, KnownIban
from tests.conftest import YEAR

SAFE_ALMERE = "NL20INGB0001234567"  # the ``foundation`` fixture's account
BOOKED = datetime.date(YEAR, 5, 6)


@pytest.fixture
def batch(burgerbaner, countersigned, treasurer, foundation):
    """An open batch of two payments of the burgerbaner: March and April."""
    countersigned(3, [3, 4])
    countersigned(4, [1])
    payments.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    payments.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    return payments.create_batch(by=treasurer)


@pytest.fixture
def sponsor(db):
    source = FundingSource.objects.create(
        name="WoonZorgFlevoland", kind=FundingSource.Kind.COMPANY, reference="BB-WZF"
    )
    KnownIban.objects.create(source=source, iban="NL02ABNA0123456789")
    return source


@pytest.fixture
def donations(db):
    return FundingSource.objects.create(
        name="Giften", kind=FundingSource.Kind.DONATION, reference="Gift Almeerse Burgerbaan"
    )


def batch_entry(batch, reference="BANK-UIT-1", booked_on=BOOKED) -> Entry:
    return Entry(
        reference,
        booked_on,
        credit=False,
        transfers=[
            Transfer(
                p.amount,
                payments.end_to_end_id(p),
                p.burgerbaner.legal_name,
                p.iban,
                f"Vrijwilligersvergoeding {p.month:02d}-{p.year}",
            )
            for p in batch.payments.select_related("burgerbaner").order_by("pk")
        ],
    )


def return_entry(payment, code="AC04", reference="BANK-RETOUR-1") -> Entry:
    return Entry(
        reference,
        BOOKED + datetime.timedelta(days=2),
        credit=True,
        return_code=code,
        transfers=[Transfer(payment.amount, payments.end_to_end_id(payment), text="Retour")],
    )


def incoming(reference, amount, *, name="", iban="", text="") -> Entry:
    return Entry(
        reference,
        BOOKED,
        credit=True,
        transfers=[Transfer(Decimal(amount), name=name, iban=iban, text=text)],
    )


def statement(*entries, statement_id="AFSCHRIFT-1", iban=SAFE_ALMERE) -> bytes:
    return statement_xml(list(entries), iban=iban, statement_id=statement_id)
