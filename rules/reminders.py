"""Telling the admins, from 1 November, that next year's maxima are not entered yet."""

from __future__ import annotations

import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import absolute_url
from rules.models import MissingRulesReminder
from rules.services import missing_next_year

EVERY_DAYS = 7


def send_missing_rules_reminders(today: datetime.date | None = None) -> int:
    """E-mail each admin once a week while next year's rules are missing. Safe to run
    more than once a day. Returns how many went out."""
    today = today or timezone.localdate()
    year = missing_next_year(today)
    if year is None:
        return 0
    recent = MissingRulesReminder.objects.filter(
        year=year, sent_on__gt=today - datetime.timedelta(days=EVERY_DAYS)
    ).values("user_id")
    admins = (
        User.objects.filter(is_active=True, roles__kind=Role.Kind.ADMIN)
        .exclude(pk__in=recent)
        .distinct()
    )
    context = {"year": year, "link": absolute_url(reverse("admin:rules_yearrules_add"))}
    sent = 0
    for admin in admins:
        try:
            with transaction.atomic():
                MissingRulesReminder.objects.create(user=admin, year=year, sent_on=today)
                send_mail(
                    subject=render_to_string(
                        "rules/email/missing_subject.txt", {**context, "person": admin}
                    ).strip(),
                    message=render_to_string(
                        "rules/email/missing_message.txt", {**context, "person": admin}
                    ),
                    from_email=None,
                    recipient_list=[admin.email],
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
