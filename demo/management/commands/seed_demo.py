from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import pilot as demo


class Command(BaseCommand):
    help = "Fills the database with the demo pilot (only with DEBUG on). Safe to run twice."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo data has known passwords; it is only loaded with DEBUG=1.")
        demo.seed()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready. Every demo login uses the password {demo.PASSWORD!r}.")
        )
        self.stdout.write("Logins:")
        for email, role in demo.LOGINS:
            self.stdout.write(f"  {email:<34} {role}")
        self.stdout.write(
            f"Two-step login (admin, treasurer, signer): TOTP secret {demo.TOTP_SECRET}\n"
            "  the current code: .venv/bin/python manage.py totp_code"
        )
