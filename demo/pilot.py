"""The demo pilot: fictional people and non-profits in Almere, with fixed logins."""

from __future__ import annotations

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from accounts.models import Burgerbaner, Organisation, Role, User
from accounts.services import grant_role
from agreements import services
from agreements.models import AllowanceAgreement, VolunteerAgreement
from demo import choosing, conversations, funding, referrals, way_in
from hours import services as hours
from hours.models import HourEntry
from payments import services as money
from payments.errors import PaymentError
from payments.models import OpeningBalance, Payment
from rules.models import YearRules

PASSWORD = "burgerbaan-demo"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# What `make demo` prints, so that nobody needs the README to log in.
LOGINS = [
    ("admin@burgerbaan.test", "admin of Stadscoöperatie Almere (two-step login)"),
    ("penningmeester@burgerbaan.test", "treasurer of Stichting Safe Almere (two-step login)"),
    ("ondertekenaar@burgerbaan.test", "signer for Stichting Safe Almere (two-step login)"),
    ("coordinator1@burgerbaan.test", "coordinator of two non-profits (… coordinator4)"),
    ("burgerbaner1@burgerbaan.test", "burgerbaner at two non-profits (… burgerbaner6)"),
]

NONPROFITS = [
    ("Buurtkamer De Polderhoek", "90000011", "Polderhoekstraat 12, 1312 AB Almere"),
    ("Repair Café Almere Buiten", "90000012", "Baltimoreplein 3, 1334 AA Almere"),
    ("Stadsmoestuin De Eerste Oogst", "90000013", "Oogstweg 5, 1358 AC Almere"),
    ("Sportmaatjes Almere", "90000014", "Sportlaan 40, 1325 AD Almere"),
    ("Voorleeshuis Het Open Boek", "90000015", "Boekenpad 8, 1315 AE Almere"),
]
NONPROFIT_INDEX = {name: index for index, (name, _kvk, _address) in enumerate(NONPROFITS)}
SPONSORS = ["WoonZorgFlevoland", "Triade-Vitree", "Knipscheer-infrastructuur"]

# email, name, date of birth, street, postcode, IBAN, plan, [non-profit indexes]
BURGERBANERS = [
    (
        "burgerbaner1@burgerbaan.test",
        "Fatima el Amrani",
        datetime.date(1979, 4, 2),
        "Marktstraat 10",
        "1311 AB",
        "NL91ABNA0417164300",
        "Ik kook graag en wil mensen in de buurt samenbrengen. Ik wil ook leren repareren.",
        [0, 1],
    ),
    (
        "burgerbaner2@burgerbaan.test",
        "Jan de Vries",
        datetime.date(1962, 9, 17),
        "Dijkweg 3",
        "1312 CD",
        "NL74RABO0398765432",
        "Ik ben handig met fietsen en elektrische apparaten.",
        [1],
    ),
    (
        "burgerbaner3@burgerbaan.test",
        "Priya Ramdin",
        datetime.date(1988, 1, 30),
        "Tuinlaan 22",
        "1358 EF",
        "NL20INGB0001234567",
        "Buiten werken is goed voor me. Ik wil meer leren over groente kweken.",
        [2],
    ),
    (
        "burgerbaner4@burgerbaan.test",
        "Mehmet Yilmaz",
        datetime.date(1970, 6, 8),
        "Stadionweg 7",
        "1325 GH",
        "NL44RABO0123456789",
        "Ik was vroeger voetbaltrainer en wil weer met jongeren sporten.",
        [3],
    ),
    (
        "burgerbaner5@burgerbaan.test",
        "Anneke Bakker",
        datetime.date(1955, 11, 21),
        "Boekweitstraat 15",
        "1315 JK",
        "NL69INGB0123456789",
        "Ik lees graag voor aan kinderen en help bij de taalles.",
        [4],
    ),
    (
        "burgerbaner6@burgerbaan.test",
        "Noah Pinas",
        datetime.date(2006, 3, 14),
        "Poortweg 101",
        "1363 LM",
        "NL02ABNA0123456789",
        "Ik wil werkervaring opdoen en ontdekken wat bij me past.",
        [0],
    ),
]

WORK = [
    "Koffie schenken, gasten ontvangen en helpen bij de buurtmaaltijd.",
    "Fietsen en kleine apparaten repareren met bezoekers.",
    "Zaaien, wieden en oogsten in de moestuin.",
    "Sportmiddagen begeleiden voor jongeren.",
    "Voorlezen aan kinderen en helpen bij taalactiviteiten.",
]


def _user(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _with_totp(user: User) -> None:
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_SECRET)


def _organisation(name: str, kind: str, **fields) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=name, defaults={"kind": kind, **fields}
    )
    return organisation


@transaction.atomic
def seed() -> None:
    """Create the demo pilot. Safe to run again: it adds nothing twice."""
    today = timezone.localdate()
    year_start = datetime.date(today.year, 1, 1)

    _organisation(
        "Stadscoöperatie Almere",
        Organisation.Kind.COOPERATIVE,
        kvk_number="90000001",
        address="Stadhuisplein 1, 1315 HR Almere",
        contact_name="Beheer Burgerbaan",
        contact_email="admin@burgerbaan.test",
    )
    _organisation(
        "Stichting Safe Almere",
        Organisation.Kind.FOUNDATION,
        kvk_number="90000002",
        rsin="812345678",
        is_anbi=True,
        address="Grote Markt 2, 1315 JG Almere",
        contact_name="Penningmeester",
        contact_email="penningmeester@burgerbaan.test",
        iban="NL66ASNB0707070707",
        bic="ASNBNL21",
    )
    sponsors = funding.sponsor_sources(
        [_organisation(name, Organisation.Kind.SPONSOR) for name in SPONSORS]
    )
    # The migrations hold the official figures (up to 2026); for a later year without
    # official ones the demo copies the latest, marked as not official, so it works
    # in any year. An admin enters the real ones once they are announced.
    latest = YearRules.objects.order_by("-year").first()
    for year in range(latest.year + 1, today.year + 1):
        YearRules.objects.get_or_create(
            year=year,
            defaults={
                "annual_maximum": latest.annual_maximum,
                "monthly_maximum": latest.monthly_maximum,
                "hourly_maximum": latest.hourly_maximum,
                "hourly_maximum_under_21": latest.hourly_maximum_under_21,
                "source": f"Demo: bedragen van {latest.year}, niet officieel",
            },
        )
    nonprofits = [
        _organisation(name, Organisation.Kind.NONPROFIT, kvk_number=kvk, address=address)
        for name, kvk, address in NONPROFITS
    ]

    admin = _user("admin@burgerbaan.test", "Sanne Visser")
    grant_role(admin, Role.Kind.ADMIN, by=None)
    treasurer = _user("penningmeester@burgerbaan.test", "Karel Jansen")
    grant_role(treasurer, Role.Kind.TREASURER, by=admin)
    signer = _user("ondertekenaar@burgerbaan.test", "Ingrid Mulder")
    grant_role(signer, Role.Kind.SIGNER, by=admin)
    for user in (admin, treasurer, signer):
        _with_totp(user)
    # The contact person of the first sponsor: the sponsor portal, two-step login optional.
    grant_role(
        _user("sponsor1@burgerbaan.test", "Marloes Kok"),
        Role.Kind.SPONSOR,
        sponsors[0].organisation,
        by=admin,
    )
    funding.seed(sponsors, treasurer, today)

    coordinators = []
    for number, name in enumerate(
        ["Linda Smit", "Ahmed Bouzid", "Ellen de Graaf", "Rob Hendriks"], start=1
    ):
        coordinator = _user(f"coordinator{number}@burgerbaan.test", name)
        grant_role(coordinator, Role.Kind.COORDINATOR, nonprofits[number - 1], by=admin)
        coordinators.append(coordinator)
    # coordinator1 also runs the fifth non-profit.
    grant_role(coordinators[0], Role.Kind.COORDINATOR, nonprofits[4], by=admin)
    coordinator_of = {
        0: coordinators[0],
        1: coordinators[1],
        2: coordinators[2],
        3: coordinators[3],
        4: coordinators[0],
    }

    for number, (email, name, born, street, postcode, iban, plan, orgs) in enumerate(BURGERBANERS):
        user = _user(email, name)
        burgerbaner, _ = Burgerbaner.objects.get_or_create(
            user=user,
            defaults={
                "legal_name": name,
                "date_of_birth": born,
                "street": street,
                "postcode": postcode,
                "city": "Almere",
                "phone": f"06 1234 56{number:02d}",
                "iban": iban,
                "personal_plan": plan,
                "start_date": year_start,
            },
        )
        for index in orgs:
            if not burgerbaner.volunteeragreements.filter(organisation=nonprofits[index]).exists():
                agreement = services.create_agreement(
                    VolunteerAgreement,
                    by=admin,
                    burgerbaner=burgerbaner,
                    organisation=nonprofits[index],
                    coordinator=coordinator_of[index],
                    work_description=WORK[index],
                    place=NONPROFITS[index][2],
                    hours_per_week=Decimal(8 if len(orgs) > 1 else 12),
                    start_date=year_start,
                    end_date=None,
                )
                _sign_by_both(agreement, admin, user, coordinator_of[index])
        _seed_allowance(burgerbaner, number, admin, user, signer, iban, sponsors, today)
        _seed_hours(burgerbaner, number, signer, today)
    _seed_payments(treasurer, today)
    conversations.seed(
        today, {nonprofits[i].pk: coordinator for i, coordinator in coordinator_of.items()}
    )
    way_in.seed(nonprofits, admin, coordinator_of)
    referrals.seed(admin, _user("verwijzer1@burgerbaan.test", "Petra Verwijzer"), today)
    choosing.seed(today)


def _seed_allowance(burgerbaner, number, admin, user, signer, iban, sponsors, today) -> None:
    year_start = datetime.date(today.year, 1, 1)
    if burgerbaner.allowanceagreements.exists():
        return
    under_21 = burgerbaner.age_on(year_start) < 21
    agreement = services.create_agreement(
        AllowanceAgreement,
        by=admin,
        burgerbaner=burgerbaner,
        start_date=year_start,
        end_date=datetime.date(today.year, 12, 31),
        hourly_rate=Decimal("3.00") if under_21 else Decimal("5.00"),
        hourly_rate_from_21=None,
        iban=iban,
        source=sponsors[number % len(sponsors)],
    )
    _sign_by_both(agreement, admin, user, signer)
    if number == 1:
        # A raise from next month, signed by the burgerbaner, waiting for Safe Almere.
        next_month = (today.replace(day=1) + datetime.timedelta(days=31)).replace(day=1)
        raise_from = min(next_month, datetime.date(today.year, 12, 31))
        if raise_from > year_start:
            version = services.new_version(agreement, by=admin)
            services.update_agreement(
                version,
                by=admin,
                **{
                    **version.terms(),
                    "start_date": raise_from,
                    "hourly_rate": Decimal("5.50"),
                },
            )
            sent = services.send_for_signature(version, by=admin, notify=False)
            services.sign_agreement(
                sent, by=user, ip_address=None, document_sha256=sent.document_sha256
            )


def _seed_hours(burgerbaner: Burgerbaner, number: int, signer: User, today) -> None:
    """Six months of hours in every state: signed long ago, last month in progress."""

    if HourEntry.objects.filter(timesheet__burgerbaner=burgerbaner).exists():
        return
    agreements = list(burgerbaner.volunteeragreements.filter(status="active"))
    month = today.replace(day=1)
    months = []
    for _ in range(6):
        if month.year != today.year:
            break
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    for offset, first in enumerate(reversed(months)):
        for agreement_index, agreement in enumerate(agreements):
            weekday = (number + agreement_index) % 5
            day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7)
            while day.month == first.month and day <= today:
                hours.log_hours(
                    burgerbaner,
                    by=burgerbaner.user,
                    agreement=agreement,
                    date=day,
                    hours=Decimal("3.5") if number % 2 else Decimal("4"),
                    description=WORK[NONPROFIT_INDEX[agreement.organisation.name]].split(",")[0],
                )
                day += datetime.timedelta(days=7 if number % 3 else 3)
        age = len(months) - 1 - offset
        for timesheet in burgerbaner.timesheets.filter(month=first):
            coordinator = next(
                a.coordinator for a in agreements if a.organisation_id == timesheet.organisation_id
            )
            if age == 0 or (age == 1 and number == 5):
                continue  # this month is still open; burgerbaner6 forgot last month
            hours.submit_timesheet(timesheet, by=burgerbaner.user)
            if age == 1 and number in (0, 3):
                continue  # waiting for the coordinator
            if age == 1 and number == 2:
                hours.reject_timesheet(
                    timesheet,
                    by=coordinator,
                    reason="Op de 2e was de moestuin dicht. Wil je die dag nakijken?",
                )
                continue
            hours.approve_timesheet(timesheet, by=coordinator)
            if age == 1:
                continue  # waiting for Safe Almere
            hours.countersign_timesheet(timesheet, by=signer)


def _seed_payments(treasurer: User, today) -> None:
    """Paid months long ago, approved ones waiting for the bank, and held money.

    burgerbaner4 had volunteer allowance elsewhere earlier this year (an opening
    balance), so they come close to the annual maximum and part is held.
    """

    if Payment.objects.exists():
        return
    close_to_max = Burgerbaner.objects.get(user__email="burgerbaner4@burgerbaan.test")
    if not OpeningBalance.objects.filter(burgerbaner=close_to_max, year=today.year).exists():
        money.set_opening_balance(
            close_to_max,
            year=today.year,
            amount=Decimal("1750.00"),
            note="Vrijwilligersvergoeding van de sportclub, januari tot juni",
            by=treasurer,
        )
    gift_to = Burgerbaner.objects.get(user__email="burgerbaner1@burgerbaan.test")
    money.register_extra(
        gift_to,
        date=today.replace(day=1),
        kind="travel",
        amount=Decimal("18.60"),
        description="Buskaart naar het Repair Café",
        by=treasurer,
    )

    def approve(months_ago: range) -> None:
        for age in months_ago:
            first = today.replace(day=1)
            for _ in range(age):
                first = (first - datetime.timedelta(days=1)).replace(day=1)
            if first.year != today.year:
                continue
            for burgerbaner in Burgerbaner.objects.order_by("pk"):
                try:
                    money.approve_month(burgerbaner, first.year, first.month, by=treasurer)
                except PaymentError:
                    continue  # nothing signed that month, or no room left: held

    approve(range(5, 2, -1))
    if Payment.objects.filter(batch__isnull=True).exists():
        batch = money.create_batch(by=treasurer)
        money.mark_batch_paid(
            batch, execution_date=today - datetime.timedelta(days=20), by=treasurer
        )
    approve(range(2, 1, -1))


def _sign_by_both(agreement, admin: User, burgerbaner_user: User, other: User) -> None:
    sent = services.send_for_signature(agreement, by=admin, notify=False)
    for person in (burgerbaner_user, other):
        services.sign_agreement(
            sent, by=person, ip_address=None, document_sha256=sent.document_sha256
        )
