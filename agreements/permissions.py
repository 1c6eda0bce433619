"""Who may see, sign and manage which agreement."""

from __future__ import annotations

from django.db.models import Q

from accounts import permissions as people
from accounts.models import User
from agreements.models import (
    Agreement,
    AgreementStatus,
    AllowanceAgreement,
    Signature,
    VolunteerAgreement,
)


def sees_all_agreements(user: User) -> bool:
    return bool(people.role_kinds(user) & {people.ADMIN, people.SIGNER, people.TREASURER})


def sees_allowance_of(user: User, burgerbaner) -> bool:
    """The allowance is between the person and Safe Almere: not a coordinator's business."""
    return sees_all_agreements(user) or burgerbaner.user_id == user.pk


def visible_agreements(user: User, model: type[Agreement]):
    """Agreements of ``model`` this user may open.

    Safe Almere staff and admins see all; a coordinator sees the volunteer
    agreements of their own non-profits; a burgerbaner sees their own.
    """
    kinds = people.role_kinds(user)
    if sees_all_agreements(user):
        return model.objects.all()
    condition = Q(pk__in=[])
    if people.BURGERBANER in kinds:
        condition |= Q(burgerbaner__user=user)
    if model is VolunteerAgreement and people.COORDINATOR in kinds:
        condition |= Q(organisation__in=people.coordinated_organisation_ids(user))
    return model.objects.filter(condition)


def can_view(user: User, agreement: Agreement) -> bool:
    return visible_agreements(user, type(agreement)).filter(pk=agreement.pk).exists()


def party_of(user: User, agreement: Agreement) -> str | None:
    """The side ``user`` may sign for, or None.

    Nobody signs both sides: the burgerbaner of an agreement only ever signs as
    burgerbaner, even when they also coordinate or sign for Safe Almere.
    """
    if agreement.burgerbaner.user_id == user.pk:
        return Signature.Party.BURGERBANER
    if isinstance(agreement, VolunteerAgreement):
        if agreement.organisation_id in people.coordinated_organisation_ids(user):
            return Signature.Party.ORGANISATION
    elif (
        isinstance(agreement, AllowanceAgreement)
        and people.has_role(user, people.SIGNER)
        and not prepared(user, agreement)
    ):
        return Signature.Party.ORGANISATION
    return None


def prepared(user: User, agreement: Agreement) -> bool:
    """Did ``user`` make or change this agreement? Then another signs it for Safe Almere.

    Four eyes on money: an admin who also signs for Safe Almere never signs the
    allowance agreement they drew up or changed themselves.
    """
    return (
        agreement.created_by_id == user.pk or agreement.history.filter(history_user=user).exists()
    )


def can_manage(user: User) -> bool:
    return people.has_role(user, people.ADMIN)


def sees_full_iban(user: User, agreement: Agreement) -> bool:
    """The person, the treasurer and admins; a signer only while it waits for their signature.

    A Safe Almere signer checks the account the money goes to before signing; after
    that (or once a colleague signed for Safe Almere) they see it masked, like elsewhere.
    """
    if people.can_see_full_iban(user, agreement.burgerbaner):
        return True
    return (
        agreement.status == AgreementStatus.AWAITING_SIGNATURES
        and party_of(user, agreement) == Signature.Party.ORGANISATION
        and not agreement.signatures.filter(party=Signature.Party.ORGANISATION).exists()
    )
