"""TOTP secrets and recovery codes are kept encrypted and never shown in the admin."""

import importlib
import json

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from accounts import mfa
from accounts.models import Role
from tests.factories import PASSWORD, TOTP_SECRET, user_with_role
from tests.helpers import log_in, totp_code

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def logs_in_with_code(client, user, secret: str = TOTP_SECRET) -> bool:
    client.logout()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    return client.session.get("_auth_user_id") == str(user.pk)


def stored(user) -> dict:
    return Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data


def test_a_totp_secret_is_stored_encrypted_and_still_works(client):
    treasurer = user_with_role(Role.Kind.TREASURER)
    data = stored(treasurer)
    assert TOTP_SECRET not in json.dumps(data)
    assert mfa.decrypt(data["secret"]) == TOTP_SECRET
    assert logs_in_with_code(client, treasurer)


def test_recovery_codes_are_stored_encrypted_and_still_work(client):
    treasurer = user_with_role(Role.Kind.TREASURER)
    codes = RecoveryCodes.activate(treasurer)
    seed = codes.instance.data["seed"]
    assert mfa.is_encrypted(seed)
    code = codes.generate_codes()[0]
    client.post("/accounts/login/", {"login": treasurer.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert client.session.get("_auth_user_id") == str(treasurer.pk)


def test_the_admin_never_shows_a_secret(client):
    admin = user_with_role(Role.Kind.ADMIN)
    treasurer = user_with_role(Role.Kind.TREASURER)
    RecoveryCodes.activate(treasurer)
    log_in(client, admin)
    secrets = [TOTP_SECRET]
    for authenticator in Authenticator.objects.filter(user=treasurer):
        secrets += [v for v in authenticator.data.values() if isinstance(v, str)]
        page = client.get(f"/admin/mfa/authenticator/{authenticator.pk}/change/")
        assert page.status_code == 200
        assert not [s for s in secrets if s in page.text]
        changed = client.post(
            f"/admin/mfa/authenticator/{authenticator.pk}/change/",
            {"user": treasurer.pk, "type": "totp", "data": '{"secret": "AAAA"}'},
        )
        assert changed.status_code == 403
    listing = client.get("/admin/mfa/authenticator/")
    assert listing.status_code == 200
    assert not [s for s in secrets if s in listing.text]
    assert mfa.decrypt(stored(treasurer)["secret"]) == TOTP_SECRET


def encrypt_migration():
    return importlib.import_module("accounts.migrations.0004_encrypt_mfa_secrets")


def test_secrets_stored_plain_before_still_work_and_the_migration_encrypts_them(client):
    treasurer = user_with_role(Role.Kind.TREASURER, totp=False)
    Authenticator.objects.create(user=treasurer, type="totp", data={"secret": TOTP_SECRET})
    Authenticator.objects.create(
        user=treasurer, type="recovery_codes", data={"seed": "ab" * 40, "used_mask": 0}
    )
    assert logs_in_with_code(client, treasurer)

    encrypt_migration().encrypt_secrets(apps, None)

    assert mfa.is_encrypted(stored(treasurer)["secret"])
    seed = Authenticator.objects.get(user=treasurer, type="recovery_codes").data["seed"]
    assert mfa.decrypt(seed) == "ab" * 40
    cache.clear()  # the same code again: forget that it was used
    assert logs_in_with_code(client, treasurer)

    encrypt_migration().decrypt_secrets(apps, None)
    assert stored(treasurer)["secret"] == TOTP_SECRET


def test_rotating_keys_re_encrypts_every_secret_with_the_first_key(client, settings):
    settings.MFA_ENCRYPTION_KEYS = [OLD_KEY]
    treasurer = user_with_role(Role.Kind.TREASURER)
    before = stored(treasurer)["secret"]
    assert Fernet(OLD_KEY.encode()).decrypt(before.encode()).decode() == TOTP_SECRET

    settings.MFA_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    call_command("rotate_mfa_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.MFA_ENCRYPTION_KEYS = [NEW_KEY]
    after = stored(treasurer)["secret"]
    assert Fernet(NEW_KEY.encode()).decrypt(after.encode()).decode() == TOTP_SECRET
    assert logs_in_with_code(client, treasurer)

    settings.MFA_ENCRYPTION_KEYS = [OLD_KEY]
    with pytest.raises(ImproperlyConfigured, match="rotate_mfa_keys"):
        mfa.decrypt(after)


def test_moving_from_the_secret_key_to_own_keys_takes_one_rotation(settings):
    settings.MFA_ENCRYPTION_KEYS = []
    treasurer = user_with_role(Role.Kind.TREASURER)
    settings.MFA_ENCRYPTION_KEYS = [NEW_KEY]
    assert mfa.decrypt(stored(treasurer)["secret"]) == TOTP_SECRET  # still read
    call_command("rotate_mfa_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    token = stored(treasurer)["secret"].encode()
    assert Fernet(NEW_KEY.encode()).decrypt(token).decode() == TOTP_SECRET
