from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.security)
def mfa_encryption_keys_work(app_configs, **kwargs):
    from accounts.mfa import own_keys

    try:
        own_keys()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="accounts.E001")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def mfa_encryption_keys_set(app_configs, **kwargs):
    if settings.MFA_ENCRYPTION_KEYS:
        return []
    return [
        checks.Warning(
            "MFA_ENCRYPTION_KEYS is not set: TOTP secrets are encrypted with a key derived "
            "from SECRET_KEY. Set MFA_ENCRYPTION_KEYS (README, 'Two-step login').",
            id="accounts.W001",
        )
    ]
