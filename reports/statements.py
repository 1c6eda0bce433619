"""The yearly statement (jaaropgave): proof of what a burgerbaner received in a year."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Burgerbaner, Organisation
from burgerbaan.pdf import render_pdf
from payments import cap
from payments.models import Extra, ExtraKind
from reports.yearly import signed_months

ZERO = Decimal("0.00")


def statement(burgerbaner: Burgerbaner, year: int) -> dict:
    """Per month: countersigned hours, allowance, gifts, travel, and what was paid."""
    hours = dict(
        signed_months(year)
        .filter(burgerbaner=burgerbaner)
        .values_list("month__month")
        .annotate(total=Sum("total_hours"))
    )
    extras: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for month, kind, total in (
        Extra.objects.filter(burgerbaner=burgerbaner, date__year=year)
        .values_list("date__month", "kind")
        .annotate(total=Sum("amount"))
    ):
        extras[(month, kind)] = total
    overview = cap.overview(burgerbaner, year, 12)
    months = []
    for month in range(1, 13):
        row = {
            "month": datetime.date(year, month, 1),
            "hours": hours.get(month, ZERO),
            "allowance": overview.earned_by_month.get(month, ZERO),
            "gifts": extras[(month, ExtraKind.GIFT)],
            "travel": extras[(month, ExtraKind.TRAVEL)],
            "elsewhere": overview.elsewhere(month),
            "not_paid": overview.story(month).not_paid,
            "paid": overview.paid(month),
        }
        if any(row[k] for k in ("hours", "allowance", "gifts", "travel", "elsewhere", "paid")):
            months.append(row)
    total_paid = sum((r["paid"] for r in months), ZERO)
    # The one story: before joining, from elsewhere and from here, each month at most
    # its monthly maximum.
    counted = overview.counted_year
    maximum = overview.annual_maximum
    return {
        "burgerbaner": burgerbaner,
        "title": f"Jaaropgave {year} – {burgerbaner.legal_name}",
        "foundation": Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first(),
        "year": year,
        "months": months,
        "total_hours": sum((r["hours"] for r in months), ZERO),
        "total_paid": total_paid,
        "opening": overview.opening,
        "elsewhere": overview.elsewhere_year,
        "not_paid": overview.not_paid_year,
        "to_pay": overview.to_pay_year,
        "counted": counted,
        "maximum": maximum,
        "within": maximum is None or counted <= maximum,
        "over_by": (counted - maximum) if maximum is not None and counted > maximum else ZERO,
        "rules": overview.rules,
        # The running year may still change: the PDF itself says so, with its date.
        "provisional": year >= timezone.localdate().year,
        "made_on": timezone.localdate(),
    }


def statement_html(burgerbaner: Burgerbaner, year: int) -> str:
    return render_to_string("reports/pdf/statement.html", statement(burgerbaner, year))


def joined_statements_html(persons: list[Burgerbaner], year: int) -> tuple[str, list[str]]:
    """The statements of ``persons`` as one document, each from a new page, and their
    titles: for ``burgerbaan.pdf.render_parts``, which makes one PDF of each."""
    contexts = [statement(person, year) for person in persons]
    parts = [
        render_to_string("reports/pdf/statement_body.html", {**context, "joined": True})
        for context in contexts
    ]
    html = render_to_string("reports/pdf/statements_joined.html", {"parts": parts})
    return html, [context["title"] for context in contexts]


def statement_pdf(burgerbaner: Burgerbaner, year: int) -> bytes:
    return render_pdf(statement_html(burgerbaner, year))
