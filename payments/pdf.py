"""The payment specification a burgerbaner downloads for each payment."""

import datetime
from collections import defaultdict
from decimal import Decimal

from burgerbaan.money import round_cents
from burgerbaan.pdf import template_pdf
from hours.models import HourEntry, TimesheetStatus
from payments import cap
from payments.models import Extra, Payment


def specification(payment: Payment) -> dict:
    """What the payment is made of: hours per non-profit and rate, gifts, travel."""
    burgerbaner = payment.burgerbaner
    agreements = cap.allowance_agreements(burgerbaner, payment.year)
    lines: dict[tuple[str, Decimal], Decimal] = defaultdict(Decimal)
    for entry in HourEntry.objects.filter(
        timesheet__burgerbaner=burgerbaner,
        timesheet__status=TimesheetStatus.COUNTERSIGNED,
        date__year=payment.year,
        date__month=payment.month,
    ).select_related("agreement__organisation"):
        rate = cap.rate_on(agreements, entry.date)
        lines[(entry.agreement.organisation.name, rate)] += entry.hours
    extras = list(
        Extra.objects.filter(
            burgerbaner=burgerbaner, date__year=payment.year, date__month=payment.month
        )
    )
    overview = cap.overview(burgerbaner, payment.year, payment.month)
    return {
        "payment": payment,
        "lines": [
            {
                "organisation": org,
                "rate": rate,
                "hours": hours,
                "amount": round_cents(hours * rate),
            }
            for (org, rate), hours in sorted(lines.items())
        ],
        "extras": extras,
        "overview": overview,
        "month_start": datetime.date(payment.year, payment.month, 1),
    }


def payment_pdf(payment: Payment, *, full_iban: bool) -> bytes:
    context = {**specification(payment), "full_iban": full_iban}
    return template_pdf("payments/pdf/specification.html", context)
