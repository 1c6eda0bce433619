import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand, CommandError

from demo import pilot as demo


class Command(BaseCommand):
    help = (
        "Prints the code an authenticator app shows now for a TOTP secret (default: the demo's), "
        "for logging in to the demo without a phone."
    )

    def add_arguments(self, parser):
        parser.add_argument("secret", nargs="?", default=demo.TOTP_SECRET)

    def handle(self, *args, secret: str, **options):
        try:
            code = format_hotp_value(hotp_value(secret.replace(" ", ""), int(time.time() // 30)))
        except ValueError as exc:
            raise CommandError("That is no TOTP secret (base32, like the demo's).") from exc
        left = 30 - int(time.time() % 30)
        self.stdout.write(code)
        self.stderr.write(f"(valid for {left} more seconds)")
