"""Which ended months still have money to pay, and the proposal's money story: kept
until money changes.

``cap.months_to_pay`` tells every month's story for every person, which takes seconds at
thousands of people; a page of the month proposal tells it for 100. The treasurer's
pages ask for it on every visit, so the answer is kept in the cache under a version
that changes whenever something the story reads changes: a countersigned month, a
payment, a gift, travel costs, an allowance from elsewhere, an opening balance, an
allowance agreement, a person (their birthday sets the rate) or the rules of a year.
Ten minutes at most, as a safety net.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from payments import cap

VERSION_KEY = "money-story-version"
KEEP_SECONDS = 600


def version() -> str:
    return cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, None)


def _forget() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def money_changed(**_kwargs) -> None:
    """Forget the months to pay (a signal receiver too): now, and again once the change
    is committed, so a page made in between does not keep the old answer."""
    _forget()
    transaction.on_commit(_forget)


def months_to_pay(year: int, before: datetime.date) -> dict[datetime.date, int]:
    """``cap.months_to_pay``, kept until money changes."""
    key = f"months-to-pay-{year}-{before.isoformat()}-{version()}"
    return cache.get_or_set(key, lambda: cap.months_to_pay(year, before), KEEP_SECONDS)


def near_annual_maximum(today: datetime.date) -> list:
    """``cap.near_annual_maximum``, kept until money changes (it tells everyone's story)."""
    key = f"near-maximum-{today.isoformat()}-{version()}"
    return cache.get_or_set(key, lambda: cap.near_annual_maximum(today), KEEP_SECONDS)


def overviews(ids: list[int], year: int, month: int) -> dict:
    """``cap.overviews`` for a page of the month proposal, kept until money changes.
    Approving never reads this: it tells the story afresh under its locks."""
    people = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:16]
    key = f"overviews-{year}-{month}-{people}-{version()}"
    return cache.get_or_set(key, lambda: _told(ids, year, month), KEEP_SECONDS)


def _told(ids: list[int], year: int, month: int) -> dict:
    """The overviews with their month stories told, so what is kept holds them too."""
    found = cap.overviews(ids, year, month)
    for overview in found.values():
        overview.months  # noqa: B018 - a cached property: told once, kept with the overview
    return found


def countersigned_or_other(sender, instance, **kwargs) -> None:
    """A timesheet counts for money only from its countersignature on: writing hours in
    an open month changes nothing to pay."""
    from hours.models import TimesheetStatus

    if sender.__name__ != "Timesheet" or instance.status == TimesheetStatus.COUNTERSIGNED:
        money_changed()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from accounts.models import Burgerbaner
    from agreements.models import AllowanceAgreement
    from hours.models import Timesheet
    from payments.models import ElsewhereAllowance, Extra, OpeningBalance, Payment
    from rules.models import YearRules

    for model in (
        Payment,
        Extra,
        ElsewhereAllowance,
        OpeningBalance,
        AllowanceAgreement,
        Burgerbaner,
        YearRules,
    ):
        post_save.connect(money_changed, sender=model, dispatch_uid=f"to-pay-{model.__name__}")
        post_delete.connect(money_changed, sender=model, dispatch_uid=f"to-pay-d-{model.__name__}")
    post_save.connect(countersigned_or_other, sender=Timesheet, dispatch_uid="to-pay-timesheet")
