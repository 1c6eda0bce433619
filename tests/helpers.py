import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


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
