"""Two-step login: has this session passed the second factor, and its secrets at rest.

allauth notes every step of a login in the session (``get_authentication_records``):
the password, then the code from the authenticator app or the passkey. Signers,
treasurers and admins work only in a session with that second step in it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from allauth.mfa.utils import is_mfa_enabled
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.dispatch import receiver
from django.utils.crypto import salted_hmac

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


# --- Secrets at rest ---------------------------------------------------------------
#
# allauth keeps the TOTP secret and the seed of the recovery codes in the database;
# our MFA adapter (accounts.adapters) has them pass through encrypt() and decrypt().
# Fernet (AES-128-CBC with HMAC-SHA256) from the `cryptography` package; the keys
# come from MFA_ENCRYPTION_KEYS, the first one encrypts and every one decrypts, so a
# key is rotated by putting a new one in front and running `manage.py rotate_mfa_keys`.
# Without MFA_ENCRYPTION_KEYS (the demo, development) the key is derived from
# SECRET_KEY; `check --deploy` warns about that. A derived key stays readable after
# own keys are set, so one rotation moves every secret over.

FERNET_PREFIX = "gAAAAA"  # version byte 0x80 and a timestamp before 2106, base64


def _derived_key(secret_key: str) -> bytes:
    digest = salted_hmac(
        "burgerbaan.mfa.encryption", "", secret=secret_key, algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest)


def own_keys() -> list[Fernet]:
    try:
        return [Fernet(key.encode()) for key in settings.MFA_ENCRYPTION_KEYS]
    except ValueError as exc:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEYS holds a key that is not a Fernet key. Make one with: "
            'python -c "from cryptography.fernet import Fernet; '
            'print(Fernet.generate_key().decode())"'
        ) from exc


def _fernet() -> MultiFernet:
    try:
        secret_keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    except ImproperlyConfigured:  # no SECRET_KEY: offline commands; serving refuses
        secret_keys = []
    keys = own_keys() + [Fernet(_derived_key(key)) for key in secret_keys if key]
    if not keys:
        raise ImproperlyConfigured("Set MFA_ENCRYPTION_KEYS or SECRET_KEY.")
    return MultiFernet(keys)


def is_encrypted(value: str) -> bool:
    # A TOTP secret is base32 (capitals and digits), a recovery seed hexadecimal:
    # neither starts like a Fernet token.
    return value.startswith(FERNET_PREFIX)


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(value: str) -> str:
    """The secret itself. A value stored before encryption came in is returned as it is."""
    if not is_encrypted(value):
        return value
    try:
        return _fernet().decrypt(value.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A stored two-step secret opens with none of MFA_ENCRYPTION_KEYS. Was a key "
            "removed before `manage.py rotate_mfa_keys` ran with the new one in front?"
        ) from exc


def seal(value: str) -> str:
    """The value encrypted with the first key, whether it was plain or encrypted before."""
    if is_encrypted(value):
        return _fernet().rotate(value.encode()).decode()
    return encrypt(value)


def with_secrets(kind: str, data: dict, change: Callable[[str], str]) -> dict:
    """``data`` of an authenticator with ``change`` applied to each secret in it."""
    data = dict(data)
    if kind == "totp":
        data["secret"] = change(data["secret"])
    elif kind == "recovery_codes":
        if "seed" in data:
            data["seed"] = change(data["seed"])
        if isinstance(data.get("migrated_codes"), list):
            data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
    return data


def change_all_secrets(model, change: Callable[[str], str]) -> int:
    """Apply ``change`` to every stored secret (of ``model``: allauth's Authenticator,
    or its historical version in a migration). Returns how many authenticators."""
    count = 0
    with transaction.atomic():
        rows = model.objects.select_for_update().filter(type__in=["totp", "recovery_codes"])
        for authenticator in rows.order_by("pk"):
            data = with_secrets(authenticator.type, authenticator.data, change)
            if data != authenticator.data:
                authenticator.data = data
                authenticator.save(update_fields=["data"])
                count += 1
    return count
