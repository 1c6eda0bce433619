"""Outcomes beside hours and money ("tellen en vertellen"): how people are doing, goals, talks.

Shown to admins, and (for the people a sponsor funds) in the sponsor portal.
Nothing here is per person. A group of fewer than ``SMALL_GROUP`` answers is not
shown at all, and a count under it reads "minder dan 5". A quote appears only
when its author agreed to it, and never with a name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from guidance.forms import QUESTIONS
from guidance.models import CheckIn, Goal, GoalState, Wellbeing
from payments.models import Payment, PaymentStatus
from reports.yearly import signed_months

SMALL_GROUP = 5
ZERO = Decimal("0")


def small(count: int) -> str | int:
    """A count as it may be shown outside the people concerned."""
    return "minder dan 5" if 0 < count < SMALL_GROUP else count


@dataclass
class Question:
    key: str
    text: str
    counts: list[int]  # how many answered 1, 2, 3, 4, 5
    answered: int

    @property
    def shown(self) -> bool:
        return self.answered >= SMALL_GROUP

    @property
    def mean(self) -> Decimal | None:
        if not self.shown:
            return None
        total = sum(score * n for score, n in zip(range(1, 6), self.counts, strict=True))
        return (Decimal(total) / self.answered).quantize(Decimal("0.1"))

    @property
    def bars(self) -> list[tuple[int, int, int]]:
        """(score, count, percentage) for the chart."""
        return [
            (score, n, round(100 * n / self.answered) if self.answered else 0)
            for score, n in zip(range(1, 6), self.counts, strict=True)
        ]


@dataclass
class Period:
    label: str
    respondents: int
    questions: list[Question]
    goals_reached: int
    checkins_held: int
    hours: Decimal = Decimal("0")
    paid: Decimal = Decimal("0")
    stories: list[str] = field(default_factory=list)

    @property
    def respondents_shown(self):
        return small(self.respondents)

    @property
    def goals_reached_shown(self):
        return small(self.goals_reached)

    @property
    def checkins_held_shown(self):
        return small(self.checkins_held)


def _period(label, answers, goals, checkins, hours, paid, with_stories) -> Period:
    rows = list(answers.values(*QUESTIONS, "own_words", "story_consent"))
    questions = []
    for key, text in QUESTIONS.items():
        scores = [row[key] for row in rows if row[key]]
        questions.append(
            Question(key, text, [scores.count(n) for n in range(1, 6)], answered=len(scores))
        )
    stories = []
    if with_stories and len(rows) >= SMALL_GROUP:
        stories = [row["own_words"] for row in rows if row["story_consent"] and row["own_words"]]
    return Period(
        label=label,
        respondents=len(rows),
        questions=questions,
        goals_reached=goals.filter(state=GoalState.REACHED).count(),
        checkins_held=checkins.count(),
        hours=hours or ZERO,
        paid=paid or ZERO,
        stories=stories,
    )


def outcomes(year: int, burgerbaner_ids=None, source_ids=None) -> dict:
    """The year and its four quarters; ``burgerbaner_ids`` narrows it (a sponsor's people)
    and ``source_ids`` the hours and allowance to the months those sources paid for."""
    answers = Wellbeing.objects.filter(year=year, skipped=False)
    goals = Goal.objects.filter(reached_on__year=year)
    checkins = CheckIn.objects.filter(date__year=year, status=CheckIn.Status.HELD)
    months = signed_months(year)
    payments = Payment.objects.filter(year=year).exclude(status=PaymentStatus.RETURNED).order_by()
    if burgerbaner_ids is not None:
        answers = answers.filter(burgerbaner_id__in=burgerbaner_ids)
        goals = goals.filter(burgerbaner_id__in=burgerbaner_ids)
        checkins = checkins.filter(burgerbaner_id__in=burgerbaner_ids)
    if source_ids is not None:
        months = months.filter(source__in=source_ids)
        payments = payments.filter(source__in=source_ids)
    elif burgerbaner_ids is not None:
        months = months.filter(burgerbaner_id__in=burgerbaner_ids)
        payments = payments.filter(burgerbaner_id__in=burgerbaner_ids)
    hours_by_quarter = dict(months.values_list("month__quarter").annotate(total=Sum("total_hours")))
    paid_by_month = dict(payments.values_list("month").annotate(total=Sum("amount")))
    quarters = []
    for quarter in range(1, 5):
        first = datetime.date(year, 3 * quarter - 2, 1)
        months_of = [first.month, first.month + 1, first.month + 2]
        quarters.append(
            _period(
                f"kwartaal {quarter}",
                answers.filter(quarter=quarter),
                goals.filter(reached_on__month__in=months_of),
                checkins.filter(date__month__in=months_of),
                hours_by_quarter.get(quarter),
                sum((paid_by_month.get(m) or ZERO for m in months_of), ZERO),
                with_stories=False,
            )
        )
    whole = _period(
        str(year),
        answers,
        goals,
        checkins,
        sum(hours_by_quarter.values(), ZERO),
        sum(paid_by_month.values(), ZERO),
        with_stories=True,
    )
    people = answers.aggregate(n=Count("burgerbaner", distinct=True))["n"]
    return {"year": whole, "quarters": quarters, "people": small(people)}
