"""The demo's money coming in: a source per sponsor, the cooperative's own money, a fund
and donations, with commitments and money received."""

from __future__ import annotations

from accounts.models import Organisation
from sources.models import FundingSource

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
