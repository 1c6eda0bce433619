import datetime
from decimal import Decimal

import pytest

from accounts.models import Organisation, Role
from hours.models import Timesheet, TimesheetStatus
from sources.models import FundingSource
from tests.conftest import YEAR
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    OrganisationFactory,
    user_with_role,
)
from tests.funding.conftest import pay


@pytest.fixture
def sponsor_org(db):
    return OrganisationFactory(name="WoonZorgFlevoland", kind=Organisation.Kind.SPONSOR)


@pytest.fixture
def sponsor_user(sponsor_org):
    return user_with_role(Role.Kind.SPONSOR, sponsor_org, name="Contact Sponsor")


@pytest.fixture
def sponsor_source(sponsor_org):
    return FundingSource.objects.create(
        name=sponsor_org.name, kind=FundingSource.Kind.COMPANY, organisation=sponsor_org
    )


@pytest.fixture
def funded(sponsor_source, nonprofit, treasurer):
    """Make ``count`` burgerbaners funded by the sponsor in YEAR, each with 10 signed hours
    in March at ``nonprofit`` and € 56 paid for March."""

    def _make(count: int, source=None):
        people = []
        for _ in range(count):
            person = BurgerbanerFactory()
            AllowanceAgreementFactory(
                burgerbaner=person,
                source=source or sponsor_source,
                start_date=datetime.date(YEAR, 1, 1),
                end_date=datetime.date(YEAR, 12, 31),
            )
            Timesheet.objects.create(
                burgerbaner=person,
                organisation=nonprofit,
                month=datetime.date(YEAR, 3, 1),
                status=TimesheetStatus.COUNTERSIGNED,
                total_hours=Decimal("10"),
            )
            pay(person, YEAR, 3, "56.00", treasurer)
            people.append(person)
        return people

    return _make
