from django.core.management.base import BaseCommand

from hours.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mails reminders about unsubmitted months and waiting timesheets. Run daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) sent.")
