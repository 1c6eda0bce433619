"""TOTP secrets and recovery seeds stored before they were encrypted: encrypt them."""

from django.db import migrations

from accounts import mfa


def encrypt_secrets(apps, schema_editor):
    mfa.change_all_secrets(apps.get_model("mfa", "Authenticator"), mfa.seal)


def decrypt_secrets(apps, schema_editor):
    mfa.change_all_secrets(apps.get_model("mfa", "Authenticator"), mfa.decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_burgerbaner_anonymised"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
