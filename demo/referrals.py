"""The demo's day care: an organisation with a referrer and clients they referred."""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import Organisation, Role, User
from accounts.services import grant_role
from intake import referrals, services
from intake.models import Referral

CLIENTS = [
    # name, e-mail, district, wants, can, availability, consent how
    (
        "Wim Bakker",
        "wim.bakker@example.org",
        "buiten",
        "Buiten werken, in de tuin of het park.",
        "Sjouwen, snoeien en netjes werken.",
        "Dinsdag en donderdag, 's ochtends.",
        Referral.ConsentHow.SIGNED,
    ),
    (
        "Naima Ouali",
        "",
        "stad",
        "Koken en mensen ontvangen.",
        "Gastvrij zijn, koken voor groepen.",
        "Maandag tot en met woensdag.",
        Referral.ConsentHow.SPOKEN,
    ),
    (
        "Gerrit Kok",
        "gerrit.kok@example.org",
        "haven",
        "Fietsen repareren.",
        "Sleutelen, geduldig uitleggen.",
        "Vrijdag de hele dag.",
        Referral.ConsentHow.MESSAGE,
    ),
]


def seed(admin: User, referrer: User, today: datetime.date) -> None:
    """verwijzer1@ refers three clients of De Schakel: new, a conversation planned, withdrawn."""
    organisation, _ = Organisation.objects.get_or_create(
        name="Dagbesteding De Schakel",
        defaults={
            "kind": Organisation.Kind.DAYCARE,
            "address": "Schakelstraat 5, 1335 AB Almere",
            "contact_name": "Petra Verwijzer",
            "contact_email": referrer.email,
        },
    )
    grant_role(referrer, Role.Kind.REFERRER, organisation, by=admin)
    if Referral.objects.filter(organisation=organisation).exists():
        return
    made = []
    for days_ago, (name, email, district, wants, can, availability, how) in zip(
        (3, 20, 45), CLIENTS, strict=True
    ):
        made.append(
            referrals.refer_client(
                by=referrer,
                organisation=organisation,
                consent_by=f"{name} zelf",
                consent_on=today - datetime.timedelta(days=days_ago),
                consent_how=how,
                name=name,
                email=email,
                phone="06 2345 6789",
                district=district,
                wants=wants,
                can=can,
                availability=availability,
            )
        )
    services.plan_conversation(
        made[1], by=admin, at=timezone.now() + datetime.timedelta(days=4, hours=2)
    )
    services.withdraw(made[2], by=admin, note="Gaat liever verder bij de dagbesteding.")
