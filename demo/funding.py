"""The demo's money coming in: a source per sponsor, the cooperative's own money, a fund
and donations, with commitments and money received."""

from __future__ import annotations

import datetime
from decimal import Decimal

from accounts.models import Organisation
from sources.models import OWN_MONEY_NAME, Commitment, FundingSource, KnownIban, Receipt

REFERENCES = {
    "WoonZorgFlevoland": "BB-WZF",
    "Triade-Vitree": "BB-TRIADE",
    "Knipscheer-infrastructuur": "BB-KNIPSCHEER",
}


def sponsor_sources(sponsors: list[Organisation]) -> list[FundingSource]:
    """One company-sponsor source per sponsor organisation (made once)."""
    made = []
    for organisation in sponsors:
        source, _created = FundingSource.objects.get_or_create(
            organisation=organisation,
            defaults={
                "name": organisation.name,
                "kind": FundingSource.Kind.COMPANY,
                "reference": REFERENCES.get(organisation.name),
            },
        )
        made.append(source)
    return made


def seed(sources: list[FundingSource], treasurer, today) -> None:
    """Commitments and money received for the sponsors, the cooperative's own money, a fund
    and donations. Made once: a second run finds them by their purpose and bank reference."""
    year = today.year
    own, _created = FundingSource.objects.get_or_create(
        kind=FundingSource.Kind.OWN, defaults={"name": OWN_MONEY_NAME}
    )
    fund, _created = FundingSource.objects.get_or_create(
        name="Oranje Fonds", defaults={"kind": FundingSource.Kind.FUND, "reference": "BB-ORANJE"}
    )
    donations, _created = FundingSource.objects.get_or_create(
        name="Giften aan Safe Almere",
        defaults={"kind": FundingSource.Kind.DONATION, "reference": "BB-GIFT"},
    )
    plans = [
        # source, amount, what for, number of burgerbanen, received so far
        (sources[0], "4200.00", f"Twee burgerbanen in {year}", 2, ["2100.00", "1050.00"]),
        (sources[1], "4200.00", f"Twee burgerbanen in {year}", 2, ["4200.00"]),
        (sources[2], "2100.00", f"Eén burgerbaan in {year}", 1, ["1050.00"]),
        (own, "3000.00", "Eigen geld voor de eerste burgerbanen", None, ["3000.00"]),
        (fund, "5000.00", f"Groei van de pilot in {year}", 2, ["2500.00"]),
    ]
    for source, amount, purpose, jobs, received in plans:
        Commitment.objects.get_or_create(
            source=source,
            purpose=purpose,
            defaults={
                "amount": Decimal(amount),
                "start_date": datetime.date(year, 1, 1),
                "end_date": datetime.date(year, 12, 31),
                "citizen_jobs": jobs,
            },
        )
        for number, part in enumerate(received, start=1):
            _receipt(source, part, datetime.date(year, 1 + 3 * (number - 1), 15), treasurer)
    for number, gift in enumerate(["25.00", "50.00", "10.00", "100.00", "35.00"], start=1):
        _receipt(donations, gift, datetime.date(year, min(number * 2, today.month), 5), treasurer)
    KnownIban.objects.get_or_create(iban="NL02ABNA0123456789", defaults={"source": sources[0]})


def _receipt(source, amount, day, treasurer) -> None:
    Receipt.objects.get_or_create(
        bank_reference=f"DEMO-{source.pk}-{day:%Y%m%d}-{amount}",
        defaults={
            "source": source,
            "amount": Decimal(amount),
            "received_on": day,
            "description": f"Overschrijving {source.reference or source.name}",
            "booked_by": treasurer,
        },
    )
