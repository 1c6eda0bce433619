from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand

from accounts import mfa


class Command(BaseCommand):
    help = (
        "Encrypt every stored TOTP secret and recovery seed with the first key of "
        "MFA_ENCRYPTION_KEYS. Run after putting a new key in front; then the old key can go. "
        "Safe to run more than once."
    )

    def handle(self, *args, **options):
        count = mfa.change_all_secrets(Authenticator, mfa.seal)
        self.stdout.write(f"{count} authenticators encrypted with the first key.")
