import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows now (or at ``at``)."""
    return format_hotp_value(hotp_value(secret, int((at or time.time()) // 30)))
