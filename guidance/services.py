"""Guidance: conversations, goals, evaluation dates, quarterly check-ins, research consent.

Each action checks who may do it (``guidance.permissions``), changes one thing
in one transaction and keeps who and when (the records' history). None of it
is signed or paid, so a guide may correct what they wrote; the history keeps
the earlier text.
"""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, Role, User
from accounts.services import absolute_url
from agreements.models import VolunteerAgreement
from burgerbaan.errors import DomainError
from guidance import permissions
from guidance.models import (
    CheckIn,
    Evaluation,
    Goal,
    GoalState,
    GuidanceReminder,
    ResearchConsent,
    Wellbeing,
    quarter_of,
)

CHECKIN_FIELDS = ("organisation", "date", "status", "talked_about", "agreed", "next_date")
WELLBEING_FIELDS = (
    "feeling",
    "contact",
    "useful",
    "learning",
    "learned",
    "own_words",
    "story_consent",
)


class GuidanceError(DomainError):
    pass


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier); the month's last day where it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def _check_place(burgerbaner: Burgerbaner, organisation, by: User) -> None:
    if organisation is None:
        if not permissions.people.has_role(by, permissions.people.ADMIN):
            raise GuidanceError(_("Kies de organisatie waar het gesprek over gaat."))
        return
    if not permissions.current_places(burgerbaner).filter(organisation=organisation).exists():
        raise GuidanceError(_("Deze persoon werkt nu niet bij %(org)s.") % {"org": organisation})
    if (
        not permissions.people.has_role(by, permissions.people.ADMIN)
        and not permissions.guiding_organisations(by, burgerbaner)
        .filter(pk=organisation.pk)
        .exists()
    ):
        raise PermissionDenied


def _plan_next(checkin: CheckIn, by: User) -> None:
    """A held conversation with a next date puts that date in the diary, once."""
    if checkin.status != CheckIn.Status.HELD or checkin.next_date is None:
        return
    already = CheckIn.objects.filter(
        burgerbaner=checkin.burgerbaner, status=CheckIn.Status.PLANNED, date=checkin.next_date
    )
    if not already.exists():
        CheckIn.objects.create(
            burgerbaner=checkin.burgerbaner,
            organisation=checkin.organisation,
            date=checkin.next_date,
            created_by=by,
        )


def add_checkin(burgerbaner: Burgerbaner, *, by: User, **fields) -> CheckIn:
    """Plan a conversation, or write one down that was held (then its next date is planned)."""
    if not permissions.can_guide(by, burgerbaner):
        raise PermissionDenied
    _check_place(burgerbaner, fields.get("organisation"), by)
    with transaction.atomic():
        checkin = CheckIn.objects.create(burgerbaner=burgerbaner, created_by=by, **fields)
        _plan_next(checkin, by)
    return checkin


def update_checkin(checkin: CheckIn, *, by: User, **fields) -> CheckIn:
    if not permissions.can_edit_checkin(by, checkin):
        raise PermissionDenied
    _check_place(checkin.burgerbaner, fields.get("organisation", checkin.organisation), by)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(checkin, name, value)
        checkin._change_reason = "gewijzigd"
        checkin.save()
        _plan_next(checkin, by)
    return checkin


def add_own_words(checkin: CheckIn, *, by: User, text: str) -> CheckIn:
    """The burgerbaner adds (or changes) their own words to a conversation."""
    if not permissions.is_owner(by, checkin.burgerbaner):
        raise PermissionDenied
    checkin.own_words = text.strip()
    checkin.save(update_fields=["own_words"])
    return checkin


def add_goal(burgerbaner: Burgerbaner, *, by: User, title: str) -> Goal:
    if not permissions.can_see(by, burgerbaner):
        raise PermissionDenied
    return Goal.objects.create(burgerbaner=burgerbaner, title=title.strip(), created_by=by)


def set_goal_state(goal: Goal, *, by: User, state: str, today: datetime.date | None = None):
    if not permissions.can_update_goal(by, goal):
        raise PermissionDenied
    if state not in GoalState.values:
        raise GuidanceError(_("Kies hoe het met dit doel gaat."))
    goal.state = state
    goal.reached_on = (today or timezone.localdate()) if state == GoalState.REACHED else None
    goal.save(update_fields=["state", "reached_on"])
    return goal


def set_evaluation(agreement: VolunteerAgreement, *, by: User, due_on: datetime.date):
    if not permissions.can_set_evaluation(by, agreement):
        raise PermissionDenied
    if due_on < agreement.start_date:
        raise GuidanceError(_("De evaluatie kan niet vóór het begin van de overeenkomst."))
    evaluation, _created = Evaluation.objects.update_or_create(
        agreement=agreement, defaults={"due_on": due_on, "set_by": by, "set_at": timezone.now()}
    )
    return evaluation


def default_evaluation_date(agreement: VolunteerAgreement) -> datetime.date:
    """Six months after the start, unless someone chose another day."""
    return add_months(agreement.start_date, 6)


def wellbeing_due(burgerbaner: Burgerbaner, today: datetime.date) -> tuple[int, int] | None:
    """The quarter to invite this person for, or None when answered or skipped already."""
    year, quarter = quarter_of(today)
    if burgerbaner.start_date > today:
        return None
    if Wellbeing.objects.filter(burgerbaner=burgerbaner, year=year, quarter=quarter).exists():
        return None
    return year, quarter


def answer_wellbeing(burgerbaner: Burgerbaner, *, by: User, today=None, **answers) -> Wellbeing:
    """Save this quarter's answers (again, if the person changes them)."""
    if not permissions.is_owner(by, burgerbaner):
        raise PermissionDenied
    year, quarter = quarter_of(today or timezone.localdate())
    values = {name: answers.get(name) for name in WELLBEING_FIELDS}
    values["learned"] = values["learned"] or ""
    values["own_words"] = values["own_words"] or ""
    values["story_consent"] = bool(values["story_consent"])
    with transaction.atomic():
        wellbeing, _created = Wellbeing.objects.update_or_create(
            burgerbaner=burgerbaner,
            year=year,
            quarter=quarter,
            defaults={**values, "skipped": False, "answered_at": timezone.now()},
        )
    return wellbeing


def skip_wellbeing(burgerbaner: Burgerbaner, *, by: User, today=None) -> Wellbeing:
    """Not this time: the invitation goes away until next quarter."""
    if not permissions.is_owner(by, burgerbaner):
        raise PermissionDenied
    year, quarter = quarter_of(today or timezone.localdate())
    wellbeing, _created = Wellbeing.objects.get_or_create(
        burgerbaner=burgerbaner, year=year, quarter=quarter, defaults={"skipped": True}
    )
    return wellbeing


def research_consent(burgerbaner: Burgerbaner) -> bool:
    latest = burgerbaner.research_consents.first()
    return bool(latest and latest.given)


def set_research_consent(burgerbaner: Burgerbaner, *, by: User, given: bool) -> ResearchConsent:
    """Say yes or no to research; a no keeps the person out of every export from now on."""
    if not permissions.is_owner(by, burgerbaner):
        raise PermissionDenied
    return ResearchConsent.objects.create(burgerbaner=burgerbaner, given=given)


def consenting_to_research():
    """Burgerbaners whose latest word on research is yes."""
    latest = ResearchConsent.objects.filter(burgerbaner=OuterRef("pk")).order_by("-at", "-pk")
    return Burgerbaner.objects.annotate(consent=Subquery(latest.values("given")[:1])).filter(
        consent=True
    )


def reminder_months() -> int:
    return getattr(settings, "CHECKIN_REMINDER_MONTHS", 3)


def without_recent_checkin(burgerbaners, today: datetime.date):
    """Of ``burgerbaners``, who has had no conversation for the set number of months.

    Counted from the last held conversation, or from the start of their oldest
    current place when there was none yet.
    """
    since = add_months(today, -reminder_months())
    held = CheckIn.objects.filter(burgerbaner=OuterRef("pk"), status=CheckIn.Status.HELD)
    placed = VolunteerAgreement.objects.filter(
        burgerbaner=OuterRef("pk"), status__in=permissions.CURRENT, start_date__lte=since
    )
    # Exists rather than a grouped join of everyone: a page of 50 by name reads 50 people.
    return (
        burgerbaners.filter(Exists(placed))
        .exclude(Exists(held.filter(date__gt=since)))
        .annotate(last_checkin=Subquery(held.order_by("-date").values("date")[:1]))
    )


def _send_once(user: User, burgerbaner: Burgerbaner, kind: str, period: str, context) -> bool:
    try:
        with transaction.atomic():
            GuidanceReminder.objects.create(
                user=user, burgerbaner=burgerbaner, kind=kind, period=period
            )
            context = {**context, "person": user, "burgerbaner": burgerbaner}
            send_mail(
                subject=render_to_string(f"guidance/email/{kind}_subject.txt", context).strip(),
                message=render_to_string(f"guidance/email/{kind}_message.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
    except IntegrityError:
        return False
    return True


def send_checkin_reminders(today: datetime.date | None = None) -> int:
    """E-mail each coordinator once a month about the people of theirs without a conversation.

    Someone with no coordinator at any current place goes to the admins instead.
    Safe to run more than once a day. Returns how many e-mails went out.
    """
    today = today or timezone.localdate()
    period = f"{today:%Y-%m}"
    sent = 0
    due = without_recent_checkin(Burgerbaner.objects.select_related("user"), today)
    admins = [r.user for r in Role.objects.filter(kind=Role.Kind.ADMIN).select_related("user")]
    for burgerbaner in due:
        organisations = permissions.current_places(burgerbaner).values("organisation")
        guides = {
            role.user
            for role in Role.objects.filter(
                kind=Role.Kind.COORDINATOR, organisation__in=organisations
            ).select_related("user")
            if role.user_id != burgerbaner.user_id
        }
        link = absolute_url(reverse("guidance_person", args=[burgerbaner.pk]))
        for user in guides or admins:
            sent += _send_once(
                user,
                burgerbaner,
                "checkin",
                period,
                {"months": reminder_months(), "link": link},
            )
    return sent
