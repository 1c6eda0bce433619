from django.core.management.base import BaseCommand

from guidance.services import send_checkin_reminders


class Command(BaseCommand):
    help = "E-mails coordinators about people without a check-in conversation for months. Daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_checkin_reminders()} reminder(s) sent.")
