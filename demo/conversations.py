"""Demo guidance: conversations, goals and a year of "Hoe gaat het?" for the demo burgerbaners."""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import Burgerbaner, User
from guidance.models import CheckIn, Goal, GoalState, ResearchConsent, Wellbeing, quarter_of
from guidance.services import add_months

TALKS = [
    ("Hoe het werk bevalt en met wie je samenwerkt.", "Volgende maand ook op dinsdag komen."),
    ("Wat je wilt leren. Je wilt graag meer met mensen doen.", "Een keer meedraaien aan de bar."),
    (
        "Hoe het thuis gaat en of de uren goed te doen zijn.",
        "Uren blijven zo; over twee maanden weer praten.",
    ),
]
GOALS = [
    ("Zelfstandig de koffieochtend draaien", GoalState.REACHED),
    ("Beter Nederlands spreken met bezoekers", GoalState.GOING_WELL),
    ("Een fiets helemaal zelf repareren", GoalState.STARTED),
    ("Op tijd komen zonder hulp", GoalState.REACHED),
    ("Een cursus EHBO halen", GoalState.STOPPED),
]
STORIES = [
    "Ik kom weer onder de mensen. Dat had ik niet verwacht.",
    "Ze rekenen op me op dinsdag. Dat voelt goed.",
    "Ik heb geleerd om hulp te vragen.",
]


def seed(today: datetime.date, coordinator_of: dict) -> None:
    """Safe to run again: it adds nothing when the person has guidance records already."""
    for number, burgerbaner in enumerate(
        Burgerbaner.objects.select_related("user").order_by("pk"), start=1
    ):
        if burgerbaner.checkins.exists() or burgerbaner.goals.exists():
            continue
        place = burgerbaner.volunteeragreements.select_related("organisation").first()
        if place is None:
            continue
        guide: User = coordinator_of.get(place.organisation_id) or place.coordinator
        _conversations(burgerbaner, place.organisation, guide, number, today)
        _goals(burgerbaner, guide, number, today)
        _answers(burgerbaner, number, today)
        if number != 4:
            ResearchConsent.objects.create(burgerbaner=burgerbaner, given=True)


def _conversations(burgerbaner, organisation, guide, number, today) -> None:
    # burgerbaner3 had their last conversation long ago: their coordinator sees a reminder.
    last = add_months(today, -4 if number == 3 else -1)
    days = [add_months(last, -4), add_months(last, -2), last]
    for index, day in enumerate(days):
        talked, agreed = TALKS[(index + number) % len(TALKS)]
        CheckIn.objects.create(
            burgerbaner=burgerbaner,
            organisation=organisation,
            date=day,
            status=CheckIn.Status.HELD,
            talked_about=talked,
            agreed=agreed,
            created_by=guide,
            own_words="Fijn gesprek, ik voel me gehoord." if index == 2 and number == 1 else "",
        )
    if number != 3:
        CheckIn.objects.create(
            burgerbaner=burgerbaner,
            organisation=organisation,
            date=add_months(today, 1),
            created_by=guide,
        )


def _goals(burgerbaner, guide, number, today) -> None:
    for offset in range(2):
        title, state = GOALS[(number + offset) % len(GOALS)]
        Goal.objects.create(
            burgerbaner=burgerbaner,
            title=title,
            state=state,
            reached_on=add_months(today, -offset - 1) if state == GoalState.REACHED else None,
            created_by=guide,
        )


def _answers(burgerbaner, number, today) -> None:
    this_year, this_quarter = quarter_of(today)
    for quarter in range(1, this_quarter + 1):
        if quarter == this_quarter and number in (1, 2):
            continue  # burgerbaner1 and 2 still see this quarter's invitation
        base = 2 + (quarter + number) % 3
        Wellbeing.objects.create(
            burgerbaner=burgerbaner,
            year=this_year,
            quarter=quarter,
            feeling=min(5, base + (quarter > 2)),
            contact=min(5, base + quarter // 2),
            useful=min(5, base + 1),
            learning=min(5, base),
            learned="Samenwerken en op tijd komen." if quarter == 1 else "",
            own_words=STORIES[number % len(STORIES)] if quarter == 2 else "",
            story_consent=quarter == 2 and number != 5,
            answered_at=timezone.now(),
        )
