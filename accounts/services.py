"""Actions on people and roles: invite, add a burgerbaner, accept an invitation,
give a role, and tell the admins when money or signing power changes hands."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.mail import send_mail, send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.models import Burgerbaner, Invitation, Notice, Organisation, Role, User
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


def announce_to_admins(
    subject: str, body: str, *, by: User | None, about: User | None = None
) -> None:
    """E-mail every other active admin about a change to who moves money or signs,
    or to where the money comes from: what changed, who changed it and when.

    A change nobody expected is then noticed the same day. The one who made the
    change, and the person it is about, get no mail; with nobody else to tell,
    nothing is sent.
    """
    with translation.override("nl"):
        when = formats.date_format(timezone.localtime(), "j F Y, H:i")
    who = f"{by.name} ({by.email})" if by is not None else "niemand: een opdracht op de server"
    text = (
        f"{body}\n\nWie: {who}\nWanneer: {when}\n\n"
        "Klopt dit niet? Neem dan meteen contact op met de andere beheerders.\n"
    )
    admins = User.objects.filter(is_active=True, roles__kind=Role.Kind.ADMIN).distinct()
    admins = admins.exclude(pk__in=[person.pk for person in (by, about) if person is not None])
    send_mass_mail(
        [
            (f"[Burgerbaan] {subject}", text, None, [email])
            for email in admins.values_list("email", flat=True)
        ]
    )


def check_role(kind: str, organisation: Organisation | None) -> Organisation | None:
    """The organisation a role of ``kind`` belongs to: a non-profit for a coordinator,
    a day-care organisation for a referrer, a sponsor for a sponsor's contact person,
    none for the others. Refuses a role without the organisation it needs."""
    needed = ROLE_ORGANISATION.get(kind)
    if needed is None:
        return None
    if organisation is None or organisation.kind != needed[0]:
        raise RoleNotAllowed(needed[1])
    return organisation


# Roles that belong to one organisation: the kind it must be and what to say when it is not.
ROLE_ORGANISATION = {
    Role.Kind.COORDINATOR: (
        Organisation.Kind.NONPROFIT,
        "Kies de maatschappelijke organisatie van de coördinator.",
    ),
    Role.Kind.REFERRER: (
        Organisation.Kind.DAYCARE,
        "Kies de dagbesteding waarvoor deze verwijzer mensen aanmeldt.",
    ),
    Role.Kind.SPONSOR: (
        Organisation.Kind.SPONSOR,
        "Kies de sponsor van deze contactpersoon.",
    ),
}


@transaction.atomic
def grant_role(
    user: User, kind: str, organisation: Organisation | None = None, *, by: User | None
) -> Role:
    """Give ``user`` a role. Coordinators belong to a non-profit; the others to none.

    The role's history keeps who gave it and when. A role that moves money or
    signs for the foundation (signer, treasurer, admin) is announced to the
    other admins; an admin also gets Django's admin.
    """
    organisation = check_role(kind, organisation)
    role = Role.objects.filter(user=user, kind=kind, organisation=organisation).first()
    if role is not None:
        return role
    role = Role(user=user, kind=kind, organisation=organisation)
    if by is not None:
        role._history_user = by
    role.save()
    if kind == Role.Kind.ADMIN and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    if kind in Role.NEEDS_MFA:
        announce_to_admins(
            f"{user.name} is nu {role.get_kind_display()}",
            f"{user.name} ({user.email}) heeft de rol {role.get_kind_display()} gekregen.",
            by=by,
            about=user,
        )
    return role


def announce_admin_access(user: User, *, by: User | None) -> None:
    """Access to Django's admin given outside a role is announced like an admin role."""
    announce_to_admins(
        f"{user.name} heeft nu toegang tot Django-beheer",
        f"{user.name} ({user.email}) kan nu alles wijzigen in Django-beheer.",
        by=by,
        about=user,
    )


FOUNDATION_ACCOUNT = {"kind": "soort", "iban": "IBAN", "bic": "BIC"}


def announce_foundation_account(
    organisation: Organisation, *, before: dict, changed: list[str], by: User | None
) -> None:
    """Announce a change to the account the foundation pays from: its IBAN or BIC,
    or which organisation is the foundation. Other changes are not announced.

    ``before`` holds the values from before the change (empty for a new organisation).
    """
    foundation = Organisation.Kind.FOUNDATION
    if foundation not in (before.get("kind"), organisation.kind):
        return
    fields = [field for field in FOUNDATION_ACCOUNT if field in changed]
    if not fields:
        return
    kinds = dict(Organisation.Kind.choices)
    lines = []
    for field in fields:
        old, new = before.get(field) or "", getattr(organisation, field) or ""
        if field == "kind":
            old, new = kinds.get(old, old), kinds.get(new, new)
        lines.append(f"{FOUNDATION_ACCOUNT[field]}: {old or '(leeg)'} → {new or '(leeg)'}")
    announce_to_admins(
        f"Rekening van {organisation.name} gewijzigd",
        "De rekening waarvan de vergoedingen worden betaald is gewijzigd.\n\n"
        f"{organisation.name}\n" + "\n".join(lines),
        by=by,
    )


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
        grant_role(user, kind, organisation, by=by)
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
    The password is hashed before the transaction: hashing takes most of a second
    on purpose, and on SQLite a transaction holds the only write lock while it runs.
    """
    validate_password(password, find_invitation(token).user)
    hashed = make_password(password)
    with transaction.atomic():
        invitation = find_invitation(token)
        # Lock the row so a double submit cannot use one link twice.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_usable:
            raise InvitationInvalid(INVITATION_INVALID)
        user = invitation.user
        user.password = hashed
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        # The link arrived by e-mail, so the address is proven.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    return user


def notify(
    user: User, *, key: str, subject: str, text: str, url: str = "", needs_action: bool = False
) -> Notice | None:
    """Tell ``user`` once, on their dashboard and by e-mail, that ``key`` happened.

    Returns the new notice, or None when this event was told before. The e-mail
    leaves after the transaction commits: a change that is rolled back tells nobody.
    """
    notice, created = Notice.objects.get_or_create(
        user=user,
        key=key,
        defaults={"text": text[:500], "url": url, "needs_action": needs_action},
    )
    if not created:
        return None
    body = render_to_string(
        "accounts/email/notice_message.txt",
        {"user": user, "text": text, "link": absolute_url(url) if url else ""},
    )
    transaction.on_commit(
        lambda: send_mail(
            subject=f"[Burgerbaan] {subject}",
            message=body,
            from_email=None,
            recipient_list=[user.email],
        )
    )
    return notice
