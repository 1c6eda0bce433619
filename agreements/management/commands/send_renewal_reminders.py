from django.core.management.base import BaseCommand

from agreements.renewal import send_renewal_reminders


class Command(BaseCommand):
    help = (
        "E-mails burgerbaners, once a week, whose allowance agreement for next year "
        "waits for their signature. Run daily."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_renewal_reminders()} reminder(s) sent.")
