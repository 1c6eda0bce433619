import datetime
from decimal import Decimal

import pytest

from agreements import services
from agreements.models import AllowanceAgreement, VolunteerAgreement
from tests.factories import year_rules


@pytest.fixture
def rules_2026(db):
    return year_rules(2026)


@pytest.fixture
def draft_volunteer(admin_user, burgerbaner, nonprofit, coordinator):
    return services.create_agreement(
        VolunteerAgreement,
        by=admin_user,
        burgerbaner=burgerbaner,
        organisation=nonprofit,
        coordinator=coordinator,
        work_description="Koffie schenken in de buurtkamer.",
        place="Polderhoekstraat 12",
        hours_per_week=Decimal("6"),
        start_date=datetime.date(2026, 2, 1),
        end_date=None,
    )


@pytest.fixture
def awaiting_volunteer(draft_volunteer, admin_user):
    return services.send_for_signature(draft_volunteer, by=admin_user, notify=False)


@pytest.fixture
def draft_allowance(admin_user, burgerbaner, rules_2026):
    return services.create_agreement(
        AllowanceAgreement,
        by=admin_user,
        burgerbaner=burgerbaner,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        hourly_rate=Decimal("5.00"),
        hourly_rate_from_21=None,
        iban="NL91ABNA0417164300",
    )


@pytest.fixture
def awaiting_allowance(draft_allowance, admin_user):
    return services.send_for_signature(draft_allowance, by=admin_user, notify=False)
