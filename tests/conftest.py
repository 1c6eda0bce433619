import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache

from accounts.models import Role
from hours import services as hours
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    OrganisationFactory,
    VolunteerAgreementFactory,
    user_with_role,
    year_rules,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and used TOTP codes live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def nonprofit(db):
    return OrganisationFactory(name="Buurtkamer De Polderhoek")


@pytest.fixture
def other_nonprofit(db):
    return OrganisationFactory(name="Repair Café Almere Buiten")


@pytest.fixture
def burgerbaner(nonprofit):
    person = BurgerbanerFactory(legal_name="Fatima el Amrani", user__name="Fatima el Amrani")
    VolunteerAgreementFactory(burgerbaner=person, organisation=nonprofit)
    return person


@pytest.fixture
def other_burgerbaner(other_nonprofit):
    person = BurgerbanerFactory(
        legal_name="Jan de Vries", user__name="Jan de Vries", iban="NL44RABO0123456789"
    )
    VolunteerAgreementFactory(burgerbaner=person, organisation=other_nonprofit)
    return person


@pytest.fixture
def coordinator(nonprofit):
    return user_with_role(Role.Kind.COORDINATOR, nonprofit, name="Linda Smit")


@pytest.fixture
def other_coordinator(other_nonprofit):
    return user_with_role(Role.Kind.COORDINATOR, other_nonprofit, name="Ahmed Bouzid")


@pytest.fixture
def signer(db):
    return user_with_role(Role.Kind.SIGNER, name="Ingrid Mulder")


@pytest.fixture
def treasurer(db):
    return user_with_role(Role.Kind.TREASURER, name="Karel Jansen")


@pytest.fixture
def admin_user(db):
    return user_with_role(Role.Kind.ADMIN, name="Sanne Visser")


@pytest.fixture
def people(
    burgerbaner, other_burgerbaner, coordinator, other_coordinator, signer, treasurer, admin_user
):
    """One person of every kind, by name."""
    return {
        "burgerbaner": burgerbaner.user,
        "other_burgerbaner": other_burgerbaner.user,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "signer": signer,
        "treasurer": treasurer,
        "admin": admin_user,
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- money: a burgerbaner with signed hours in a past year -----------------------

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

    def _sign(
        month: int, days: list[int], hours_per_day: str = "5", description: str = "Werk"
    ) -> None:
        agreement = burgerbaner.volunteeragreements.get()
        timesheet = None
        for day in days:
            timesheet = hours.log_hours(
                burgerbaner,
                by=burgerbaner.user,
                agreement=agreement,
                date=datetime.date(YEAR, month, day),
                hours=Decimal(hours_per_day),
                description=description,
            ).timesheet
        hours.submit_timesheet(timesheet, by=burgerbaner.user)
        hours.approve_timesheet(timesheet, by=coordinator)
        hours.countersign_timesheet(timesheet, by=signer)

    return _sign


@pytest.fixture
def paid_month(burgerbaner, treasurer, foundation):
    """Pay out a month of YEAR for the burgerbaner: an optional gift, approval, a batch, paid.

    The month's hours come from ``countersigned``; returns the payment.
    """
    from payments import services as payments
    from payments.models import Payment

    def _pay(month: int, *, gift: str | None = None, description: str = "Bloemen") -> Payment:
        if gift:
            payments.register_extra(
                burgerbaner,
                date=datetime.date(YEAR, month, 20),
                kind="gift",
                amount=Decimal(gift),
                description=description,
                by=treasurer,
            )
        payment = payments.approve_month(burgerbaner, YEAR, month, by=treasurer)
        batch = payments.create_batch(by=treasurer)
        executed = datetime.date(YEAR + month // 12, month % 12 + 1, 1)
        payments.mark_batch_paid(batch, execution_date=executed, by=treasurer)
        return Payment.objects.get(pk=payment.pk)

    return _pay


# --- the app on a SQLite file, as `make demo` runs it -------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from tests.sqlite_server import migrate

    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    migrate(path)
    return path


@pytest.fixture
def sqlite_server(sqlite_template, tmp_path):
    from tests.sqlite_server import SqliteServer

    server = SqliteServer(sqlite_template, tmp_path)
    yield server
    server.stop()
