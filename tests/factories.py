"""Test data, in one place."""

import datetime
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from accounts.models import Burgerbaner, Organisation, Role, User
from accounts.services import grant_role
from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement

PASSWORD = "een-goed-wachtwoord-42"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.NONPROFIT
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    kvk_number = factory.Sequence(lambda n: f"{80000000 + n}")


class BurgerbanerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Burgerbaner

    user = factory.SubFactory(UserFactory)
    legal_name = factory.LazyAttribute(lambda o: o.user.name)
    date_of_birth = datetime.date(1980, 5, 17)
    street = "Marktstraat 1"
    postcode = "1311 AB"
    city = "Almere"
    phone = "06 12345678"
    iban = "NL91ABNA0417164300"
    start_date = datetime.date(2026, 1, 1)


class VolunteerAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerAgreement

    burgerbaner = factory.SubFactory(BurgerbanerFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    work_description = "Koffie schenken en gasten ontvangen."
    hours_per_week = Decimal("8.00")
    start_date = datetime.date(2026, 1, 1)
    status = AgreementStatus.ACTIVE


class AllowanceAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AllowanceAgreement

    burgerbaner = factory.SubFactory(BurgerbanerFactory)
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    hourly_rate = Decimal("5.00")
    iban = "NL91ABNA0417164300"
    status = AgreementStatus.ACTIVE


def user_with_role(kind: str, organisation: Organisation | None = None, *, totp: bool = True, **kw):
    """A person holding ``kind``; roles that need 2FA get TOTP unless ``totp=False``."""
    user = UserFactory(**kw)
    grant_role(user, kind, organisation, by=None)
    if totp and kind in Role.NEEDS_MFA:
        TOTP.activate(user, TOTP_SECRET)
    return user


def year_rules(year: int = 2026, **overrides):
    """The legal maxima of ``year`` (the 2025 figures unless told otherwise)."""
    from rules.models import YearRules

    values = {
        "annual_maximum": Decimal("2100.00"),
        "monthly_maximum": Decimal("210.00"),
        "hourly_maximum": Decimal("5.60"),
        "hourly_maximum_under_21": Decimal("3.30"),
        **overrides,
    }
    rules, _ = YearRules.objects.update_or_create(year=year, defaults=values)
    return rules
