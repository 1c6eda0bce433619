"""A pseudonymised data set for research, of the burgerbaners who said yes to it.

One row per person per quarter. A person is a code that cannot be traced back
without the pilot's key; no name, address, date of birth, organisation or
exact amount leaves: age and money go in bands. Whoever withdraws their
consent is left out of every export made after that. The codebook explains
every column.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import hmac
import io
import zipfile
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Sum

from burgerbaan.exports import neutralise
from guidance.models import CheckIn, Goal, GoalState, Wellbeing
from guidance.services import consenting_to_research
from payments.models import Payment, PaymentStatus
from reports.yearly import signed_months

MONEY_BANDS = [
    (Decimal("0"), "0"),
    (Decimal("0.01"), "1-100"),
    (Decimal("100.01"), "101-300"),
    (Decimal("300.01"), "301-600"),
    (Decimal("600.01"), "meer dan 600"),
]
AGE_BANDS = [(0, "onder 21"), (21, "21-26"), (27, "27-44"), (45, "45-66"), (67, "67 of ouder")]

CODEBOOK = [
    (
        "code",
        "Vaste code per persoon, gemaakt met een sleutel van de pilot. Zonder die sleutel "
        "niet terug te leiden naar een persoon.",
    ),
    ("jaar", "Het jaar."),
    ("kwartaal", "Het kwartaal (1-4)."),
    (
        "leeftijd",
        "Leeftijdsgroep op de eerste dag van het kwartaal: "
        + ", ".join(label for _age, label in AGE_BANDS)
        + ".",
    ),
    (
        "uren",
        "Uren vrijwilligerswerk in het kwartaal, goedgekeurd door de organisatie en Safe Almere.",
    ),
    (
        "vergoeding",
        "Uitbetaalde vrijwilligersvergoeding voor werk in het kwartaal, in euro, "
        "als groep: " + ", ".join(label for _low, label in MONEY_BANDS) + ".",
    ),
    ("gesprekken", "Aantal gehouden begeleidingsgesprekken in het kwartaal."),
    ("doelen_bereikt", "Aantal doelen dat in het kwartaal is bereikt."),
    (
        "doelen_lopend",
        "Aantal doelen dat aan het eind van het kwartaal nog loopt (begonnen of gaat goed).",
    ),
    (
        "voel_me_goed",
        "'Ik voel me goed.' 1 = helemaal niet ... 5 = helemaal wel; leeg = niet ingevuld.",
    ),
    (
        "meer_contact",
        "'Ik heb meer contact met mensen dan voor mijn burgerbaan.' 1-5; leeg = niet ingevuld.",
    ),
    ("nuttig", "'Ik voel me nuttig.' 1-5; leeg = niet ingevuld."),
    ("leer_nieuwe_dingen", "'Ik leer nieuwe dingen.' 1-5; leeg = niet ingevuld."),
]
COLUMNS = [name for name, _meaning in CODEBOOK]


def pseudonym(burgerbaner_id: int) -> str:
    key = (getattr(settings, "RESEARCH_KEY", "") or settings.SECRET_KEY).encode()
    digest = hmac.new(key, f"burgerbaner:{burgerbaner_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def _band(value: Decimal, bands) -> str:
    label = bands[0][1]
    for low, name in bands:
        if value >= low:
            label = name
    return label


def rows(year: int) -> list[dict]:
    people = {b.pk: b for b in consenting_to_research().only("pk", "date_of_birth")}
    ids = list(people)
    hours = defaultdict(Decimal)
    for person, quarter, total in (
        signed_months(year)
        .filter(burgerbaner_id__in=ids)
        .values_list("burgerbaner_id", "month__quarter")
        .annotate(total=Sum("total_hours"))
    ):
        hours[person, quarter] += total or Decimal("0")
    paid = defaultdict(Decimal)
    for person, month, total in (
        Payment.objects.filter(year=year, burgerbaner_id__in=ids)
        .exclude(status=PaymentStatus.RETURNED)
        .values_list("burgerbaner_id", "month")
        .annotate(total=Sum("amount"))
    ):
        paid[person, (month - 1) // 3 + 1] += total
    talks = defaultdict(int)
    for person, quarter, n in (
        CheckIn.objects.filter(burgerbaner_id__in=ids, date__year=year, status=CheckIn.Status.HELD)
        .values_list("burgerbaner_id", "date__quarter")
        .annotate(n=Count("pk"))
    ):
        talks[person, quarter] = n
    goals = list(
        Goal.objects.filter(burgerbaner_id__in=ids).values_list(
            "burgerbaner_id", "state", "reached_on", "created_at"
        )
    )
    answers = {
        (w.burgerbaner_id, w.quarter): w
        for w in Wellbeing.objects.filter(burgerbaner_id__in=ids, year=year, skipped=False)
    }
    out = []
    for person in sorted(ids, key=pseudonym):
        for quarter in range(1, 5):
            first = datetime.date(year, 3 * quarter - 2, 1)
            end = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
            answer = answers.get((person, quarter))
            reached = sum(
                1
                for p, state, on, _c in goals
                if p == person and state == GoalState.REACHED and on and first <= on < end
            )
            running = sum(
                1
                for p, state, _on, created in goals
                if p == person
                and state in (GoalState.STARTED, GoalState.GOING_WELL)
                and created.date() < end
            )
            out.append(
                {
                    "code": pseudonym(person),
                    "jaar": year,
                    "kwartaal": quarter,
                    "leeftijd": _band(_age(people[person].date_of_birth, first), AGE_BANDS),
                    "uren": f"{hours[person, quarter]:.2f}",
                    "vergoeding": _band(paid[person, quarter], MONEY_BANDS),
                    "gesprekken": talks[person, quarter],
                    "doelen_bereikt": reached,
                    "doelen_lopend": running,
                    "voel_me_goed": getattr(answer, "feeling", None) or "",
                    "meer_contact": getattr(answer, "contact", None) or "",
                    "nuttig": getattr(answer, "useful", None) or "",
                    "leer_nieuwe_dingen": getattr(answer, "learning", None) or "",
                }
            )
    return out


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def export_zip(year: int) -> bytes:
    """gegevens.csv and codeboek.csv in one ZIP."""
    data = io.StringIO()
    writer = csv.DictWriter(data, fieldnames=COLUMNS, delimiter=";")
    writer.writeheader()
    # Codes, bands and numbers only; still through the one neutraliser of every export.
    writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows(year))
    book = io.StringIO()
    book_writer = csv.writer(book, delimiter=";")
    book_writer.writerow(["kolom", "betekenis"])
    book_writer.writerows([neutralise(c) for c in line] for line in CODEBOOK)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"burgerbaan-onderzoek-{year}/gegevens.csv", data.getvalue())
        archive.writestr(f"burgerbaan-onderzoek-{year}/codeboek.csv", book.getvalue())
    return buffer.getvalue()
