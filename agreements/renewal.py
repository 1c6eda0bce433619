"""The new year's allowance agreements, in one step.

An allowance agreement runs within one calendar year. In December an admin
renews every one still running on 31 December for the next year: the same
funding source (while it is still active) and account, the rate of now unless
next year's hourly maximum for the person is lower. The new agreements are sent
for signing together; a burgerbaner who has not signed gets a reminder each week
(``send_renewal_reminders``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, Role, User
from accounts.services import absolute_url
from agreements import services
from agreements.errors import AgreementError
from agreements.models import (
    AgreementStatus,
    AllowanceAgreement,
    RenewalReminder,
    Signature,
)
from rules.models import YearRules
from rules.services import rules_for
from sources.models import FundingSource, own_money_source


@dataclass(frozen=True)
class Proposal:
    """One running agreement and what its successor for next year would say."""

    agreement: AllowanceAgreement
    rate: Decimal
    maximum: Decimal
    source: FundingSource

    @property
    def lowered(self) -> bool:
        return self.rate < self.agreement.rate_on(self.agreement.end_date)


def season(today: datetime.date) -> int | None:
    """The year to renew for when it is time to (November and December), else None."""
    return today.year + 1 if today.month >= 11 else None


def renewable(year: int):
    """Allowance agreements in force on 31 December before ``year``, not yet followed up.

    Someone who already has an allowance agreement reaching into ``year`` (a draft,
    one waiting for signatures or one signed) is left out: renewing twice makes nothing.
    """
    first_day = datetime.date(year, 1, 1)
    followed_up = (
        AllowanceAgreement.objects.filter(end_date__gte=first_day)
        .exclude(status=AgreementStatus.ENDED, ended_on__lt=first_day)
        .values("burgerbaner")
    )
    return (
        AllowanceAgreement.objects.in_force_on(first_day - datetime.timedelta(days=1))
        .exclude(burgerbaner__in=followed_up)
        .select_related("burgerbaner__user", "source")
        .order_by("burgerbaner__legal_name", "pk")
    )


def maximum_for(rules: YearRules, burgerbaner: Burgerbaner) -> Decimal:
    """The hourly maximum that holds for the person on the first day of the rules' year."""
    return rules.hourly_maximum_for_age(burgerbaner.age_on(datetime.date(rules.year, 1, 1)))


def source_after(agreement: AllowanceAgreement, own: FundingSource) -> FundingSource:
    """Who pays next year: the same source while it is active, else the cooperative itself."""
    return agreement.source if agreement.source.active else own


def proposals(year: int) -> list[Proposal]:
    """What renewing for ``year`` would make. Refuses (``RulesMissing``) without its rules."""
    rules = rules_for(year)
    own = FundingSource.objects.get(pk=own_money_source())
    found = []
    for agreement in renewable(year):
        maximum = maximum_for(rules, agreement.burgerbaner)
        rate = min(agreement.rate_on(agreement.end_date), maximum)
        found.append(
            Proposal(
                agreement=agreement,
                rate=rate,
                maximum=maximum,
                source=source_after(agreement, own),
            )
        )
    return found


def renew_allowance_agreements(
    year: int, rates: dict[int, Decimal], *, by: User, request=None
) -> list[AllowanceAgreement]:
    """Make next year's allowance agreements and send them for signing, all or none.

    ``rates`` maps the pk of each running agreement to renew to its new hourly rate.
    Each new agreement runs from 1 January to 31 December of ``year`` and passes the
    same checks as one made by hand (rules of the year, hourly maximum, no overlap).
    Refuses an agreement that is not renewable (any more): nothing is made then.
    The burgerbaners get the usual e-mail; Safe Almere's signers one e-mail for all.
    """
    candidates = {agreement.pk: agreement for agreement in renewable(year)}
    unknown = set(rates) - set(candidates)
    if unknown:
        raise AgreementError(
            _(
                "Een van deze overeenkomsten is intussen al verlengd of gestopt. "
                "Er is niets gemaakt. Bekijk de lijst opnieuw."
            )
        )
    own = FundingSource.objects.get(pk=own_money_source())
    made = []
    with transaction.atomic():
        for pk, rate in rates.items():
            running = candidates[pk]
            burgerbaner = running.burgerbaner
            draft = services.create_agreement(
                AllowanceAgreement,
                by=by,
                burgerbaner=burgerbaner,
                start_date=datetime.date(year, 1, 1),
                end_date=datetime.date(year, 12, 31),
                hourly_rate=rate,
                hourly_rate_from_21=None,
                iban=burgerbaner.iban or running.iban,
                source=source_after(running, own),
            )
            made.append(services.send_for_signature(draft, by=by, notify=False))
    for agreement in made:
        _email(agreement.burgerbaner.user, "sign", {"agreement": agreement}, request)
    if made:
        signers = User.objects.filter(roles__kind=Role.Kind.SIGNER).exclude(
            pk__in=[agreement.burgerbaner.user_id for agreement in made]
        )
        for signer in signers.distinct():
            _email(
                signer,
                "renewed",
                {"count": len(made), "year": year, "path": reverse("agreement_list")},
                request,
            )
    return made


def unsigned(year: int):
    """The allowance agreements of ``year`` still waiting for a signature, with who is missing."""
    return (
        AllowanceAgreement.objects.filter(
            status=AgreementStatus.AWAITING_SIGNATURES,
            start_date__gte=datetime.date(year, 1, 1),
            start_date__lte=datetime.date(year, 12, 31),
        )
        .select_related("burgerbaner__user")
        .prefetch_related("signatures")
        .order_by("burgerbaner__legal_name", "pk")
    )


def missing_parties(agreement: AllowanceAgreement) -> list[str]:
    """The sides (``Signature.Party`` values) that have not signed yet."""
    signed = {signature.party for signature in agreement.signatures.all()}
    return [party for party in Signature.Party.values if party not in signed]


def send_renewal_reminders(today: datetime.date | None = None) -> int:
    """Remind each burgerbaner, once a week, of next year's allowance agreement to sign.

    Only agreements that start after ``today`` and wait for the burgerbaner's own
    signature count; from their first day on the dashboard keeps asking. Safe to run
    more than once a day. Returns how many e-mails went out.
    """
    today = today or timezone.localdate()
    week = "{}-W{:02d}".format(*today.isocalendar()[:2])
    sent = 0
    waiting = (
        AllowanceAgreement.objects.filter(
            status=AgreementStatus.AWAITING_SIGNATURES, start_date__gt=today
        )
        .exclude(signatures__party=Signature.Party.BURGERBANER)
        .select_related("burgerbaner__user")
    )
    for agreement in waiting:
        try:
            with transaction.atomic():
                RenewalReminder.objects.create(agreement=agreement, week=week)
                _email(agreement.burgerbaner.user, "remind", {"agreement": agreement})
        except IntegrityError:
            continue
        sent += 1
    return sent


def _email(person: User, kind: str, context: dict, request=None) -> None:
    agreement = context.get("agreement")
    path = agreement.get_absolute_url() if agreement else context["path"]
    context = {**context, "person": person, "link": absolute_url(path, request)}
    send_mail(
        subject=render_to_string(f"agreements/email/{kind}_subject.txt", context).strip(),
        message=render_to_string(f"agreements/email/{kind}_message.txt", context),
        from_email=None,
        recipient_list=[person.email],
    )
