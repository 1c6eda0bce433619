from django.core.management.base import BaseCommand

from intake.services import delete_old_applications


class Command(BaseCommand):
    help = (
        "Deletes applications that led nowhere (not placed, withdrawn) after "
        "APPLICATION_RETENTION_DAYS. Daily; safe to run again."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{delete_old_applications()} application(s) deleted.")
