"""Months as people say them: "oktober 2026", never "10-2026"."""

import datetime

from django.utils import formats


def month_name(year_or_date: int | datetime.date, month: int | None = None) -> str:
    """The month and year in the active language: "oktober 2026" (or "October 2026")."""
    if isinstance(year_or_date, datetime.date):
        day = year_or_date.replace(day=1)
    else:
        day = datetime.date(int(year_or_date), int(month), 1)
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


def day_name(day: datetime.date) -> str:
    """A day as people say it: "4 juni 2026" (or "4 June 2026")."""
    return formats.date_format(day, "j F Y")
