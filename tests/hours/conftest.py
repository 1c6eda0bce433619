import datetime
from decimal import Decimal

import pytest

from tests.factories import AllowanceAgreementFactory, year_rules


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def rules(db, today):
    return year_rules(today.year)


@pytest.fixture
def agreement(burgerbaner, today):
    """The burgerbaner's volunteer agreement, running since the start of last year."""
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(today.year - 1, 1, 1)
    agreement.save()
    return agreement


@pytest.fixture
def allowance(burgerbaner, today, rules):
    return AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(today.year, 1, 1),
        end_date=datetime.date(today.year, 12, 31),
        hourly_rate=Decimal("5.00"),
    )


@pytest.fixture
def log(burgerbaner, agreement):
    """Log hours through the service, as the burgerbaner."""
    from hours import services

    def _log(day, hours, description="Koffie schenken", **extra):
        return services.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=extra.pop("agreement", agreement),
            date=day,
            hours=Decimal(hours),
            description=description,
            **extra,
        )

    return _log


@pytest.fixture
def last_month(today):
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
