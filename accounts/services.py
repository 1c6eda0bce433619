"""Actions on people and roles: invite, add a burgerbaner, accept an invitation."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Burgerbaner, Invitation, Organisation, Role, User
from burgerbaan.errors import DomainError

INVITATION_INVALID = (
    "Deze uitnodiging werkt niet meer. Misschien is hij al gebruikt of verlopen. "
    "Vraag de beheerder om een nieuwe uitnodiging."
)


class InvitationInvalid(DomainError):
    pass


class RoleNotAllowed(DomainError):
    pass


def absolute_url(path: str, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def email_taken(email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


@transaction.atomic
def grant_role(user: User, kind: str, organisation: Organisation | None = None) -> Role:
    """Give ``user`` a role. Coordinators belong to a non-profit; the others to none."""
    if kind == Role.Kind.COORDINATOR:
        if organisation is None or organisation.kind != Organisation.Kind.NONPROFIT:
            raise RoleNotAllowed("Kies de maatschappelijke organisatie van de coördinator.")
    else:
        organisation = None
    role, _ = Role.objects.get_or_create(user=user, kind=kind, organisation=organisation)
    if kind == Role.Kind.ADMIN and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return role


def send_invitation(user: User, *, by: User | None, request=None) -> Invitation:
    """Make a new one-time link for ``user`` and e-mail it. Earlier links stop working."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        user.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
        invitation = Invitation.objects.create(
            user=user,
            token_hash=_hash(token),
            invited_by=by,
            created_at=now,
            expires_at=now + datetime.timedelta(days=settings.INVITATION_DAYS),
        )
    context = {
        "user": user,
        "link": absolute_url(reverse("accept_invitation", args=[token]), request),
        "days": settings.INVITATION_DAYS,
        "invited_by": by,
    }
    send_mail(
        subject=render_to_string("accounts/email/invitation_subject.txt", context).strip(),
        message=render_to_string("accounts/email/invitation_message.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return invitation


def invite_staff(
    *, email: str, name: str, kind: str, organisation: Organisation | None, by: User, request=None
) -> User:
    """Create an account for a coordinator, signer, treasurer or admin and invite them."""
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=None, name=name)
        grant_role(user, kind, organisation)
    send_invitation(user, by=by, request=request)
    return user


def add_burgerbaner(*, email: str, by: User, request=None, **profile) -> Burgerbaner:
    """Create a burgerbaner with their profile and invite them to choose a password."""
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=None, name=profile["legal_name"])
        burgerbaner = Burgerbaner.objects.create(user=user, **profile)
    send_invitation(user, by=by, request=request)
    return burgerbaner


def find_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.is_usable:
        raise InvitationInvalid(INVITATION_INVALID)
    return invitation


def accept_invitation(token: str, password: str) -> User:
    """Set the invited person's password; the link then stops working.

    Refuses a link that is unknown, used, replaced by a newer one, or expired.
    """
    with transaction.atomic():
        invitation = find_invitation(token)
        # Lock the row so a double submit cannot use one link twice.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_usable:
            raise InvitationInvalid(INVITATION_INVALID)
        user = invitation.user
        validate_password(password, user)
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        # The link arrived by e-mail, so the address is proven.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    return user
