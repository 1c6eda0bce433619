from django.core.management.base import BaseCommand

from rules.reminders import send_missing_rules_reminders


class Command(BaseCommand):
    help = "From 1 November, e-mails the admins when next year's maxima are missing. Run daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_missing_rules_reminders()} reminder(s) sent.")
