import datetime
from decimal import Decimal

import pytest

from hours import services as hours
from tests.factories import AllowanceAgreementFactory, OrganisationFactory, year_rules

YEAR = 2025


@pytest.fixture
def foundation(db):
    from accounts.models import Organisation

    return OrganisationFactory(
        name="Stichting Safe Almere",
        kind=Organisation.Kind.FOUNDATION,
        iban="NL20INGB0001234567",
        bic="INGBNL2A",
    )


@pytest.fixture
def allowance(burgerbaner):
    # Transactional tests empty the tables the migrations filled; put the rules back.
    year_rules(YEAR)
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(YEAR, 1, 1)
    agreement.save()
    return AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
        hourly_rate=Decimal("5.60"),
    )


@pytest.fixture
def countersigned(burgerbaner, allowance, coordinator, signer):
    """Log and fully sign ``hours`` per day on ``days`` of a month of YEAR."""

    def _sign(month: int, days: list[int], hours_per_day: str = "5") -> None:
        agreement = burgerbaner.volunteeragreements.get()
        timesheet = None
        for day in days:
            timesheet = hours.log_hours(
                burgerbaner,
                by=burgerbaner.user,
                agreement=agreement,
                date=datetime.date(YEAR, month, day),
                hours=Decimal(hours_per_day),
                description="Werk",
            ).timesheet
        hours.submit_timesheet(timesheet, by=burgerbaner.user)
        hours.approve_timesheet(timesheet, by=coordinator)
        hours.countersign_timesheet(timesheet, by=signer)

    return _sign
