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
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

from payments import cap

# The story's own code is part of the key: after a deploy that changes it, nothing kept
# by the code before is read back.
CODE = hashlib.sha256(Path(cap.__file__).read_bytes()).hexdigest()[:12]
VERSION_KEY = f"money-story-version-{CODE}"
KEEP_SECONDS = 600


def version(key: str = VERSION_KEY) -> str:
    return cache.get_or_set(key, uuid.uuid4().hex, None)


def forgetter(key: str):
    def again() -> None:
        cache.set(key, uuid.uuid4().hex, None)

    def forget(**_kwargs) -> None:
        """Forget what was kept under ``key`` (a signal receiver too): now, and again once
        the change is committed, so a page made in between keeps nothing old. The second
        time once per transaction, however many records it changes."""
        cache.set(key, uuid.uuid4().hex, None)
        connection = transaction.get_connection()
        if connection.in_atomic_block and not any(
            func is again for _sids, func, _robust in connection.run_on_commit
        ):
            transaction.on_commit(again)

    return forget


money_changed = forgetter(VERSION_KEY)


def kept(name: str, compute):
    """What ``compute`` returns, kept under ``name`` until money changes (ten minutes at
    most): for figures made of what the money story reads."""
    return cache.get_or_set(f"{name}-{version()}", compute, KEEP_SECONDS)


def months_to_pay(year: int, before: datetime.date) -> dict[datetime.date, int]:
    """``cap.months_to_pay``, kept until money changes."""
    key = f"months-to-pay-{year}-{before.isoformat()}-{version()}"
    return cache.get_or_set(key, lambda: cap.months_to_pay(year, before), KEEP_SECONDS)


def near_annual_maximum(today: datetime.date) -> list:
    """``cap.near_annual_maximum``, kept until money changes. It tells everyone's story,
    with the hours still waiting for signatures, which change all day and move nothing
    to pay: the forecast may be up to ten minutes behind them."""
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


def countersigned(sender, instance, **kwargs) -> None:
    """A timesheet counts for money from its countersignature on: writing hours in an open
    month changes nothing to pay."""
    from hours.models import TimesheetStatus

    if instance.status == TimesheetStatus.COUNTERSIGNED:
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
    post_save.connect(countersigned, sender=Timesheet, dispatch_uid="to-pay-timesheet")
