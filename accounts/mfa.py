"""Two-step login: has this session passed the second factor?

allauth notes every step of a login in the session (``get_authentication_records``):
the password, then the code from the authenticator app or the passkey. Signers,
treasurers and admins work only in a session with that second step in it.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from allauth.mfa.utils import is_mfa_enabled
from django.dispatch import receiver

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def has_second_factor(user) -> bool:
    """Is an authenticator app or a passkey enrolled? (Recovery codes alone are not one.)"""
    return is_mfa_enabled(user, SECOND_FACTORS)


def passed_second_factor(request) -> bool:
    """Did this session prove a second factor: at login, on the code prompt, or by enrolling?"""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


@receiver(authenticator_added)
def enrolling_proves_the_factor(sender, request, user, authenticator, **kwargs) -> None:
    # Enrolling takes a code from the new app (or a touch of the new passkey), so the
    # session that enrols has shown the factor, just as a login with it would.
    if authenticator.type in SECOND_FACTORS and request.user.pk == user.pk:
        record_authentication(
            request, user, "mfa", id=authenticator.pk, type=authenticator.type, enrolled=True
        )
