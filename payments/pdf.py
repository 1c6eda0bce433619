"""The payment specification a burgerbaner downloads for each payment."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models.functions import Coalesce
from django.utils import timezone

from burgerbaan.money import round_cents
from burgerbaan.pdf import template_pdf
from hours.models import HourEntry, TimesheetStatus
from payments import cap
from payments.models import Extra, Payment, PaymentStatus


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


def benefit_overview(burgerbaner, first: datetime.date, last: datetime.date) -> dict:
    """What was paid for which month of work, for the municipality or UWV.

    Every payment of the months ``first`` to ``last``, with the day the bank paid it;
    approved payments not yet paid and payments the bank sent back say so.
    """
    start, end = first.year * 12 + first.month, last.year * 12 + last.month
    payments = [
        payment
        for payment in burgerbaner.payments.select_related("batch").order_by("year", "month", "pk")
        if start <= payment.year * 12 + payment.month <= end
    ]
    paid = [p for p in payments if p.status == PaymentStatus.PAID]
    return {
        "burgerbaner": burgerbaner,
        "first": first,
        "last": last,
        "rows": [{"month": datetime.date(p.year, p.month, 1), "payment": p} for p in payments],
        "total_paid": sum((p.amount for p in paid), Decimal("0.00")),
        "made_on": timezone.localdate(),
    }


def benefit_pdf(burgerbaner, first: datetime.date, last: datetime.date) -> bytes:
    return template_pdf(
        "payments/pdf/benefit_overview.html", benefit_overview(burgerbaner, first, last)
    )
