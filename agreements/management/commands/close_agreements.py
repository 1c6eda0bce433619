from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements.services import close_finished_agreements


class Command(BaseCommand):
    help = "Marks agreements whose end date has passed as ended. Run daily from cron."

    def handle(self, *args, **options):
        closed = close_finished_agreements(timezone.localdate())
        self.stdout.write(f"{closed} agreement(s) ended.")
