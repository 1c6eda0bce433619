"""What a change of a year's maxima means for money of that year, told to ``rules``.

Registered with ``rules.money`` when Django starts, so the rules' admin can ask
for a reason once allowance of the year was approved and list what every open
proposal becomes under the new figures.
"""

from __future__ import annotations

import datetime

from django.utils import translation
from django.utils.formats import date_format

from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from burgerbaan.money import format_euro
from payments import cap
from payments.models import Payment


def has_payments(year: int) -> bool:
    return Payment.objects.filter(year=year).exists()


def recheck_open_proposals(year: int) -> list[str]:
    """One line per person and month with money not yet approved, or approved above
    the new monthly maximum and not yet paid: what is proposed now and what is not."""
    ids = set(
        AllowanceAgreement.objects.in_force_on_any_day_of(year).values_list(
            "burgerbaner_id", flat=True
        )
    )
    names = dict(Burgerbaner.objects.filter(pk__in=ids).values_list("pk", "legal_name"))
    lines = []
    overviews = cap.overviews(ids, year, 12)
    for person_id in sorted(ids, key=lambda pk: names[pk]):
        overview, name = overviews[person_id], names[person_id]
        for month in range(1, 13):
            with translation.override("nl"):
                when = date_format(datetime.date(year, month, 1), "F Y")
            proposal = overview.proposal(month)
            if proposal.payable > 0:
                line = f"- {name}, {when}: voorstel {format_euro(proposal.proposed)}"
                if proposal.held:
                    line += f", niet uitbetaald {format_euro(proposal.held)} ({proposal.reason})"
                lines.append(line)
            unpaid = overview.approved(month) - overview.paid(month)
            if unpaid > 0 and overview.approved(month) > overview.rules.monthly_maximum:
                lines.append(
                    f"- {name}, {when}: {format_euro(unpaid)} goedgekeurd en nog niet betaald, "
                    f"boven het nieuwe maandmaximum van "
                    f"{format_euro(overview.rules.monthly_maximum)}"
                )
    return lines
