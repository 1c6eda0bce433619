"""A file that is no good statement gets a clear message at the field and books nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bank.models import Statement, StatementLine
from payments.models import Payment, PaymentStatus
from sources.models import Receipt
from tests.bank.conftest import batch_entry, incoming, statement
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

NOT_CAMT = "Dit is geen CAMT.053-bankafschrift"
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&secret;</Document>"""
REMOTE = b"""<?xml version="1.0"?>
<!DOCTYPE Document SYSTEM "http://127.0.0.1:9/evil.dtd">
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>"""
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&lol9;</Document>'
)


def upload(client, content: bytes, name="afschrift.xml"):
    return client.post(
        reverse("bank_upload"), {"file": SimpleUploadedFile(name, content, "application/xml")}
    )


def nothing_booked():
    assert not Statement.objects.exists()
    assert not StatementLine.objects.exists()
    assert not Receipt.objects.exists()
    assert not Payment.objects.exclude(status=PaymentStatus.APPROVED).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Datum;Bedrag\n06-05-2025;56,00\n", NOT_CAMT),
        (b"%PDF-1.7 afschrift", NOT_CAMT),
        (b"<Document><half", NOT_CAMT),
        (XXE, NOT_CAMT),
        (REMOTE, NOT_CAMT),
        (LAUGHS, NOT_CAMT),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>', NOT_CAMT),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"/>',
            "Deze versie van CAMT.053 (camt.053.001.99) kennen we niet",
        ),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
            b"<BkToCstmrStmt><Stmt/></BkToCstmrStmt></Document>",
            "Dit afschrift klopt niet met het formaat camt.053.001.02",
        ),
    ],
    ids=["csv", "pdf", "broken", "xxe", "remote-dtd", "billion-laughs", "pain", "version", "xsd"],
)
def test_a_bad_file_is_refused_with_a_message_and_books_nothing(
    client, batch, treasurer, content, message
):
    log_in(client, treasurer)
    response = upload(client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "root:" not in response.content.decode()
    nothing_booked()


def test_a_statement_that_breaks_the_schema_in_one_entry_books_none_of_the_others(
    client, batch, treasurer, sponsor
):
    good = statement(batch_entry(batch), incoming("IN-1", "10.00", text="BB-WZF"))
    broken = good.replace(b"<CdtDbtInd>CRDT</CdtDbtInd>", b"<CdtDbtInd>BOTH</CdtDbtInd>")
    log_in(client, treasurer)
    response = upload(client, broken)
    assert "Dit afschrift klopt niet met het formaat" in response.content.decode()
    nothing_booked()


def test_a_huge_file_is_refused_before_it_is_read(client, batch, treasurer, settings):
    settings.BANK_STATEMENT_MAX_BYTES = 2_000_000
    log_in(client, treasurer)
    response = upload(client, b"<" + b"a" * 2_000_001)
    assert "Dit bestand is te groot (meer dan 2 MB)" in response.content.decode()
    nothing_booked()


def test_an_empty_upload_asks_for_the_file(client, treasurer):
    log_in(client, treasurer)
    response = client.post(reverse("bank_upload"), {})
    assert "Kies het bestand met het bankafschrift." in response.content.decode()
    response = upload(client, b"")
    assert "Dit bestand is leeg" in response.content.decode()
    nothing_booked()
