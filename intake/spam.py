"""Holding off spam on the public application form without third-party services.

Three checks: a field people never see (bots fill it), a minimum time between
opening and sending the form (a signed start time, so it cannot be forged),
and a limit per address per hour (in the cache, so it holds across workers
when the cache is shared).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "intake.apply.started"
# A form opened longer ago than this is refused: its start time could be replayed.
MAX_AGE = 60 * 60 * 24
HOUR = 60 * 60


def start_token(at: float | None = None) -> str:
    return signing.dumps(int(time.time() if at is None else at), salt=SALT)


def seconds_since(token: str) -> float | None:
    """Seconds since the form was opened, or None for a token that is forged or too old."""
    try:
        started = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    elapsed = time.time() - started
    return elapsed if 0 <= elapsed <= MAX_AGE else None


def too_fast(token: str) -> bool:
    elapsed = seconds_since(token)
    return elapsed is None or elapsed < settings.APPLICATION_MIN_SECONDS


def _key(address: str) -> str:
    return f"intake:apply:{address}"


def over_limit(address: str) -> bool:
    return cache.get(_key(address), 0) >= settings.APPLICATIONS_PER_HOUR


def count(address: str) -> None:
    key = _key(address)
    if not cache.add(key, 1, HOUR):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, HOUR)
