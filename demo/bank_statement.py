"""A CAMT.053 bank statement (camt.053.001.02, as Dutch banks send it) of the demo's money.

``statement_xml`` writes a statement of any transfers; ``demo_statement`` the one that
fits the demo: its open batch carried out, one transfer of it returned by the bank
(AC04, the account was closed), a sponsor's transfer with its reference and a gift
nobody knows yet. ``manage.py demo_bank_statement`` prints it, to upload as treasurer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


@dataclass
class Transfer:
    amount: Decimal
    end_to_end_id: str = ""
    name: str = ""
    iban: str = ""
    text: str = ""
    reference: str = ""


@dataclass
class Entry:
    reference: str
    booked_on: datetime.date
    credit: bool
    transfers: list[Transfer] = field(default_factory=list)
    return_code: str = ""

    @property
    def amount(self) -> Decimal:
        return sum((t.amount for t in self.transfers), Decimal("0.00"))


def _transfer_xml(entry: Entry, transfer: Transfer, batch: bool) -> str:
    party, account = ("Dbtr", "DbtrAcct") if entry.credit else ("Cdtr", "CdtrAcct")
    if entry.return_code:
        party, account = "Cdtr", "CdtrAcct"  # a return names who the money was for
    parts = ["<TxDtls>", "<Refs>"]
    if transfer.reference:
        parts.append(f"<AcctSvcrRef>{escape(transfer.reference)}</AcctSvcrRef>")
    parts.append(f"<EndToEndId>{escape(transfer.end_to_end_id or 'NOTPROVIDED')}</EndToEndId>")
    parts.append("</Refs>")
    if batch:
        parts.append(f'<AmtDtls><TxAmt><Amt Ccy="EUR">{transfer.amount}</Amt></TxAmt></AmtDtls>')
    if transfer.name or transfer.iban:
        parts.append("<RltdPties>")
        if transfer.name:
            parts.append(f"<{party}><Nm>{escape(transfer.name)}</Nm></{party}>")
        if transfer.iban:
            parts.append(f"<{account}><Id><IBAN>{escape(transfer.iban)}</IBAN></Id></{account}>")
        parts.append("</RltdPties>")
    if transfer.text:
        parts.append(f"<RmtInf><Ustrd>{escape(transfer.text)}</Ustrd></RmtInf>")
    if entry.return_code:
        parts.append(f"<RtrInf><Rsn><Cd>{escape(entry.return_code)}</Cd></Rsn></RtrInf>")
    parts.append("</TxDtls>")
    return "".join(parts)


def _entry_xml(entry: Entry) -> str:
    family, sub = ("RCDT", "ESCT") if entry.credit else ("ICDT", "ESCT")
    if entry.return_code:
        family, sub = "ICDT", "RRTN"
    batch = len(entry.transfers) > 1
    details = "".join(_transfer_xml(entry, t, batch) for t in entry.transfers)
    batch_xml = f"<Btch><NbOfTxs>{len(entry.transfers)}</NbOfTxs></Btch>" if batch else ""
    return (
        f'<Ntry><Amt Ccy="EUR">{entry.amount}</Amt>'
        f"<CdtDbtInd>{'CRDT' if entry.credit else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
        f"<BookgDt><Dt>{entry.booked_on.isoformat()}</Dt></BookgDt>"
        f"<ValDt><Dt>{entry.booked_on.isoformat()}</Dt></ValDt>"
        f"<AcctSvcrRef>{escape(entry.reference)}</AcctSvcrRef>"
        f"<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{family}</Cd><SubFmlyCd>{sub}</SubFmlyCd>"
        f"</Fmly></Domn></BkTxCd>"
        f"<NtryDtls>{batch_xml}{details}</NtryDtls></Ntry>"
    )


def statement_xml(
    entries: list[Entry],
    *,
    iban: str,
    statement_id: str = "AFSCHRIFT-1",
    message_id: str = "BERICHT-1",
    created: datetime.datetime | None = None,
) -> bytes:
    created = created or datetime.datetime(2026, 1, 1, 8, 0)
    day = max((e.booked_on for e in entries), default=created.date())
    balance = (
        f"<Bal><Tp><CdOrPrtry><Cd>{{kind}}</Cd></CdOrPrtry></Tp>"
        f'<Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
        f"<Dt><Dt>{day.isoformat()}</Dt></Dt></Bal>"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<BkToCstmrStmt><GrpHdr><MsgId>{escape(message_id)}</MsgId>"
        f"<CreDtTm>{created.isoformat(timespec='seconds')}</CreDtTm></GrpHdr>"
        f"<Stmt><Id>{escape(statement_id)}</Id>"
        f"<CreDtTm>{created.isoformat(timespec='seconds')}</CreDtTm>"
        f"<Acct><Id><IBAN>{escape(iban)}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        f"{balance.format(kind='OPBD')}{balance.format(kind='CLBD')}"
        f"{''.join(_entry_xml(e) for e in entries)}"
        "</Stmt></BkToCstmrStmt></Document>\n"
    )
    return xml.encode("utf-8")


def demo_statement(today: datetime.date | None = None) -> bytes:
    """The statement of the demo's latest open batch and some money coming in."""
    from django.utils import timezone

    from accounts.models import Organisation
    from payments.models import PaymentBatch
    from payments.services import end_to_end_id

    today = today or timezone.localdate()
    foundation = Organisation.objects.get(kind=Organisation.Kind.FOUNDATION)
    entries = []
    batch = PaymentBatch.objects.filter(status=PaymentBatch.Status.OPEN).order_by("-pk").first()
    if batch is not None:
        payments = list(batch.payments.select_related("burgerbaner").order_by("pk"))
        entries.append(
            Entry(
                f"DEMO-UIT-{batch.pk}",
                today,
                credit=False,
                transfers=[
                    Transfer(
                        p.amount,
                        end_to_end_id(p),
                        p.burgerbaner.legal_name,
                        p.iban,
                        f"Vrijwilligersvergoeding {p.month:02d}-{p.year}",
                    )
                    for p in payments
                ],
            )
        )
        if len(payments) > 1:
            returned = payments[-1]
            entries.append(
                Entry(
                    f"DEMO-RETOUR-{returned.pk}",
                    today,
                    credit=True,
                    return_code="AC04",
                    transfers=[Transfer(returned.amount, end_to_end_id(returned), text="Retour")],
                )
            )
    entries += [
        Entry(
            f"DEMO-IN-{today:%Y%m%d}-1",
            today,
            credit=True,
            transfers=[
                Transfer(
                    Decimal("2500.00"),
                    name="WoonZorgFlevoland",
                    iban="NL02ABNA0123456789",
                    text=f"Bijdrage burgerbanen BB-WZF {today:%Y}",
                )
            ],
        ),
        Entry(
            f"DEMO-IN-{today:%Y%m%d}-2",
            today,
            credit=True,
            transfers=[
                Transfer(
                    Decimal("25.00"),
                    name="A. de Boer",
                    iban="NL36INGB0007654321",
                    text="Gift Almeerse Burgerbaan",
                )
            ],
        ),
        Entry(
            f"DEMO-IN-{today:%Y%m%d}-3",
            today,
            credit=True,
            transfers=[
                Transfer(
                    Decimal("40.00"),
                    name="J. Smit",
                    iban="NL18RABO0123459876",
                    text="Voor de burgerbaners",
                )
            ],
        ),
    ]
    return statement_xml(
        entries,
        iban=foundation.iban,
        statement_id=f"DEMO-{today:%Y%m%d}",
        message_id=f"DEMO-{today:%Y%m%d}",
        created=datetime.datetime.combine(today, datetime.time(6, 0)),
    )
