"""Reminder e-mails: unsubmitted months, and timesheets waiting for a signature."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import absolute_url
from hours.models import EDITABLE, Reminder, Timesheet, TimesheetStatus

WAITING_DAYS = 3


def _send_once(user: User, kind: str, today: datetime.date, context: dict) -> bool:
    """Send the ``kind`` reminder to ``user`` unless it went out today already."""
    try:
        with transaction.atomic():
            Reminder.objects.create(user=user, kind=kind, sent_on=today)
            context = {**context, "person": user}
            send_mail(
                subject=render_to_string(f"hours/email/{kind}_subject.txt", context).strip(),
                message=render_to_string(f"hours/email/{kind}_message.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
    except IntegrityError:
        return False
    return True


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Send today's reminders. Safe to run more than once a day. Returns how many went out."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    this_month = today.replace(day=1)
    waited = now - datetime.timedelta(days=WAITING_DAYS)
    sent = 0

    unsubmitted: dict[User, list[Timesheet]] = defaultdict(list)
    for timesheet in (
        Timesheet.objects.filter(status__in=EDITABLE, month__lt=this_month, entries__isnull=False)
        .distinct()
        .select_related("burgerbaner__user", "organisation")
    ):
        unsubmitted[timesheet.burgerbaner.user].append(timesheet)
    for user, timesheets in unsubmitted.items():
        sent += _send_once(
            user,
            "submit",
            today,
            {"timesheets": timesheets, "link": absolute_url(reverse("hours_home"))},
        )

    submitted = Timesheet.objects.filter(
        status=TimesheetStatus.SUBMITTED, status_changed_at__lt=waited
    )
    waiting_by_org: dict[int, int] = defaultdict(int)
    for organisation_id in submitted.values_list("organisation_id", flat=True):
        waiting_by_org[organisation_id] += 1
    coordinators: dict[User, int] = defaultdict(int)
    for role in Role.objects.filter(
        kind=Role.Kind.COORDINATOR, organisation_id__in=waiting_by_org
    ).select_related("user"):
        coordinators[role.user] += waiting_by_org[role.organisation_id]
    for user, count in coordinators.items():
        sent += _send_once(
            user,
            "approve",
            today,
            {"count": count, "link": absolute_url(reverse("approve_queue"))},
        )

    approved = Timesheet.objects.filter(
        status=TimesheetStatus.APPROVED, status_changed_at__lt=waited
    ).count()
    if approved:
        for role in Role.objects.filter(kind=Role.Kind.SIGNER).select_related("user"):
            sent += _send_once(
                role.user,
                "countersign",
                today,
                {"count": approved, "link": absolute_url(reverse("countersign_queue"))},
            )
    return sent
