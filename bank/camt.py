"""Reading the bank's CAMT.053 statement (ISO 20022 camt.053.001.02 and newer).

The file comes from outside, so it is read defensively: at most
``settings.BANK_STATEMENT_MAX_BYTES``, no DTD (so no entities, no XXE, no
billion laughs), never the network, and checked against the XSD of its own
version, shipped in ``bank/schemas`` (not fetched). Anything else is refused
with a plain message before anything is booked.

A batch the bank books as one entry lists its transfers under ``TxDtls``; each
becomes a transaction of its own, found again by the end-to-end id we wrote in
the SEPA file.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NAMESPACE = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:(camt\.053\.001\.(\d\d))$")


class StatementRefused(Exception):
    """The file is not a statement we can read; the message says why, in plain Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Transaction:
    bank_reference: str
    booked_on: datetime.date
    amount: Decimal
    is_credit: bool
    end_to_end_id: str
    counterparty_name: str
    counterparty_iban: str
    description: str
    return_code: str
    is_return: bool


@dataclass(frozen=True)
class Statement:
    version: str
    message_id: str
    statement_id: str
    account_iban: str
    sha256: str
    transactions: list[Transaction]


def versions() -> list[str]:
    return sorted(path.stem for path in SCHEMAS.glob("camt.053.001.*.xsd"))


@cache
def schema(version: str) -> etree.XMLSchema:
    with (SCHEMAS / f"{version}.xsd").open("rb") as xsd:
        return etree.XMLSchema(etree.parse(xsd, safe_parser()))


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(content: bytes) -> Statement:
    """The statement in ``content``, or StatementRefused with the reason."""
    if len(content) > settings.BANK_STATEMENT_MAX_BYTES:
        raise StatementRefused(
            _("Dit bestand is te groot (meer dan %(mb)s MB). Een dagafschrift is veel kleiner.")
            % {"mb": settings.BANK_STATEMENT_MAX_BYTES // 1_000_000}
        )
    not_camt = _(
        "Dit is geen CAMT.053-bankafschrift. Download bij je bank het afschrift als "
        "CAMT.053 (XML) en kies dat bestand."
    )
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        # A statement never has a DTD; one that does may try to read files or the network.
        raise StatementRefused(not_camt)
    try:
        root = etree.fromstring(content, safe_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise StatementRefused(not_camt) from exc
    match = NAMESPACE.match(etree.QName(root).namespace or "")
    if etree.QName(root).localname != "Document" or match is None:
        raise StatementRefused(not_camt)
    version = match.group(1)
    if version not in versions():
        raise StatementRefused(
            _("Deze versie van CAMT.053 (%(version)s) kennen we niet. Vraag je bank om %(known)s.")
            % {"version": version, "known": ", ".join(versions())}
        )
    checker = schema(version)
    if not checker.validate(root):
        error = checker.error_log.last_error
        raise StatementRefused(
            _(
                "Dit afschrift klopt niet met het formaat %(version)s (regel %(line)s). "
                "Er is niets geboekt. Download het afschrift opnieuw bij je bank."
            )
            % {"version": version, "line": error.line if error else "?"}
        )
    return _read(root, version, hashlib.sha256(content).hexdigest())


def _read(root, version: str, sha256: str) -> Statement:
    ns = {"c": etree.QName(root).namespace}

    def text(node, path: str) -> str:
        if node is None:
            return ""
        found = node.find(path, ns)
        return (found.text or "").strip() if found is not None else ""

    statements = root.findall("c:BkToCstmrStmt/c:Stmt", ns)
    if len(statements) != 1:
        raise StatementRefused(
            _("Dit bestand heeft %(count)s afschriften. Kies een bestand met één rekening.")
            % {"count": len(statements)}
        )
    stmt = statements[0]
    transactions = []
    for index, entry in enumerate(stmt.findall("c:Ntry", ns)):
        status = text(entry, "c:Sts") or text(entry, "c:Sts/c:Cd")
        if status and status != "BOOK":
            continue  # only what the bank really booked counts
        booked_on = _date(text(entry, "c:BookgDt/c:Dt") or text(entry, "c:BookgDt/c:DtTm"))
        is_credit = text(entry, "c:CdtDbtInd") == "CRDT"
        entry_reference = (
            text(entry, "c:AcctSvcrRef") or text(entry, "c:NtryRef") or f"{sha256[:16]}-{index}"
        )
        family = text(entry, "c:BkTxCd/c:Domn/c:Fmly/c:SubFmlyCd")
        details = entry.findall("c:NtryDtls/c:TxDtls", ns)
        for number, detail in enumerate(details or [None]):
            amount_text = (
                text(detail, "c:AmtDtls/c:TxAmt/c:Amt")
                or text(detail, "c:Amt")
                or (text(entry, "c:Amt") if len(details) <= 1 else "")
            )
            counterparty = "Dbtr" if is_credit else "Cdtr"
            name = text(detail, f"c:RltdPties/c:{counterparty}/c:Nm") or text(
                detail, f"c:RltdPties/c:{counterparty}/c:Pty/c:Nm"
            )
            end_to_end = text(detail, "c:Refs/c:EndToEndId")
            reference = text(detail, "c:Refs/c:AcctSvcrRef") or (
                f"{entry_reference}/{end_to_end or number}" if len(details) > 1 else entry_reference
            )
            ustrd = (
                [(node.text or "").strip() for node in detail.findall("c:RmtInf/c:Ustrd", ns)]
                if detail is not None
                else []
            )
            structured = text(detail, "c:RmtInf/c:Strd/c:CdtrRefInf/c:Ref")
            description = " ".join(part for part in [*ustrd, structured] if part) or text(
                entry, "c:AddtlNtryInf"
            )
            return_code = text(detail, "c:RtrInf/c:Rsn/c:Cd")
            transactions.append(
                Transaction(
                    bank_reference=reference[:100],
                    booked_on=booked_on,
                    amount=_amount(amount_text),
                    is_credit=is_credit,
                    end_to_end_id="" if end_to_end == "NOTPROVIDED" else end_to_end,
                    counterparty_name=name[:140],
                    counterparty_iban=text(detail, f"c:RltdPties/c:{counterparty}Acct/c:Id/c:IBAN"),
                    description=description[:500],
                    return_code=return_code,
                    is_return=bool(return_code) or family == "RRTN",
                )
            )
    return Statement(
        version=version,
        message_id=text(root, "c:BkToCstmrStmt/c:GrpHdr/c:MsgId"),
        statement_id=text(stmt, "c:Id"),
        account_iban=text(stmt, "c:Acct/c:Id/c:IBAN"),
        sha256=sha256,
        transactions=transactions,
    )


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise StatementRefused(_("Een boeking in dit afschrift heeft geen boekdatum.")) from exc


def _amount(value: str) -> Decimal:
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise StatementRefused(_("Een boeking in dit afschrift heeft geen bedrag.")) from exc
    if not amount.is_finite() or amount <= 0:
        raise StatementRefused(_("Een boeking in dit afschrift heeft geen bedrag."))
    return amount.quantize(Decimal("0.01"))
