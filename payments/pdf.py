"""The payment specification a burgerbaner downloads for each payment."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models.functions import Coalesce

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
    overview = cap.overview(burgerbaner, payment.year, payment.month)
    for entry in (
        HourEntry.objects.annotate(day_of_work=Coalesce("corrects_date", "date"))
        .filter(
            timesheet__burgerbaner=burgerbaner,
            timesheet__status=TimesheetStatus.COUNTERSIGNED,
            day_of_work__year=payment.year,
            day_of_work__month=payment.month,
        )
        .select_related("agreement__organisation")
    ):
        rate = cap.rate_on(agreements, entry.day_of_work, overview.rules)
        lines[(entry.agreement.organisation.name, rate)] += entry.hours
    extras = list(
        Extra.objects.filter(
            burgerbaner=burgerbaner, date__year=payment.year, date__month=payment.month
        )
    )
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
        "story": overview.story(payment.month),
        "month_start": datetime.date(payment.year, payment.month, 1),
    }


def payment_pdf(payment: Payment, *, full_iban: bool) -> bytes:
    context = {**specification(payment), "full_iban": full_iban}
    return template_pdf("payments/pdf/specification.html", context)
