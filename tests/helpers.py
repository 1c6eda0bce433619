import time

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import RequestFactory


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows now (or at ``at``).

    Like a person, wait for a fresh code when the current one is about to
    expire, so that the server still accepts it when it arrives.
    """
    if at is None:
        left = 30 - time.time() % 30
        if left < 4:
            time.sleep(left + 0.1)
        at = time.time()
    return format_hotp_value(hotp_value(secret, int(at // 30)))


def log_in(client, user, *, second_factor: bool = True) -> None:
    """Log ``user`` in as allauth's login does: the password, then their second factor.

    allauth notes each step in the session; signers, treasurers and admins reach
    their pages only in a session that passed the second factor. With
    ``second_factor=False`` the session stops after the password, as a login
    that skipped the code would.
    """
    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    request.user = user
    record_authentication(request, user, "password", email=user.email)
    factor = (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .order_by("pk")
        .first()
    )
    if second_factor and factor is not None:
        record_authentication(request, user, "mfa", id=factor.pk, type=factor.type)
    session.save()
