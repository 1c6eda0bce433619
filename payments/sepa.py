"""The SEPA credit transfer file of a batch: pain.001.001.09, or .03 for a bank that needs it.

sepaxml writes the file; we check it against the XSD shipped in ``payments/schemas``
(not sepaxml's own copy, so a library upgrade cannot change what we promise the
bank). From November 2026 banks refuse unstructured addresses: an address goes in
only as separate fields (street, number, postcode, town, country), never as an
address line. sepaxml turns ``address["lines"]`` into ``AdrLine`` and
``address_type`` into text where .09 wants a code, so neither is ever passed.
Burgerbaners' addresses stay out of the file: a SEPA transfer within the EEA does
not need them, and the bank does not need to know where someone lives.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree
from sepaxml import SepaTransfer
from text_unidecode import unidecode

SCHEMAS = Path(__file__).resolve().parent / "schemas"

# "Grote Markt 2, 1315 JG Almere", "Kerkstraat 12-a, 1234AB Den Haag"
DUTCH_ADDRESS = re.compile(
    r"^\s*(?P<street_name>[^,\d][^,]*)\s+(?P<building_number>\d+(?:[ -]?[A-Za-z0-9]{1,4})?)"
    r"\s*,\s*(?P<postcode>\d{4}\s?[A-Za-z]{2})\s+(?P<town>[^,]+?)\s*$"
)


class InvalidTransferFile(Exception):
    """The file does not match its XSD; the message says where."""


def structured_address(text: str) -> dict[str, str] | None:
    """A Dutch address written as "Straat 1, 1234 AB Plaats" in separate fields.

    None when the text is not in that form: then the file carries no address at all
    (it is optional for the payer) rather than an unstructured one the bank refuses.
    """
    match = DUTCH_ADDRESS.match(text or "")
    if match is None:
        return None
    parts = {key: unidecode(value).strip() for key, value in match.groupdict().items()}
    postcode = parts["postcode"].replace(" ", "").upper()
    return {
        "street_name": parts["street_name"][:70],
        "building_number": parts["building_number"][:16],
        "postcode": f"{postcode[:4]} {postcode[4:]}",
        "town": parts["town"][:35],
        "country": "NL",
    }


@cache
def schema(version: str) -> etree.XMLSchema:
    with (SCHEMAS / f"{version}.xsd").open("rb") as xsd:
        return etree.XMLSchema(etree.parse(xsd, etree.XMLParser(resolve_entities=False)))


def check_against_schema(xml: bytes, version: str) -> None:
    document = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    checker = schema(version)
    if not checker.validate(document):
        raise InvalidTransferFile(str(checker.error_log.last_error))


def transfer_file(
    *,
    debtor_name: str,
    debtor_iban: str,
    debtor_bic: str,
    debtor_address: str,
    execution_date: datetime.date,
    transfers: list[dict],
    version: str | None = None,
) -> bytes:
    """One batch-booked credit transfer per item of ``transfers`` (name, IBAN, amount in
    cents, description, end-to-end id), checked against the XSD of ``version``."""
    version = version or settings.SEPA_PAIN_VERSION
    config = {"name": debtor_name, "IBAN": debtor_iban, "batch": True, "currency": "EUR"}
    if debtor_bic:
        config["BIC"] = debtor_bic
    address = structured_address(debtor_address)
    if address is not None:
        config["address"] = address
    transfer = SepaTransfer(config, schema=version, clean=True)
    for item in transfers:
        transfer.add_payment({**item, "execution_date": execution_date})
    xml = transfer.export(validate=False)
    check_against_schema(xml, version)
    return xml
