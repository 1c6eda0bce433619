import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from burgerbaan import backup


class Command(BaseCommand):
    help = (
        "Writes a consistent copy of the whole database (pg_dump on PostgreSQL, SQLite's "
        "online backup otherwise). Run it daily from cron; keep the files off this machine."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Where to write it (default: backups/…).")

    def handle(self, *args, file=None, **options):
        suffix = "dump" if connection.vendor == "postgresql" else "sqlite3"
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(file or f"backups/burgerbaan-{stamp}.{suffix}")
        try:
            backup.backup(path)
        except backup.BackupError as exc:
            raise CommandError(exc.message) from exc
        with connection.cursor() as cursor:
            rows = sum(backup.table_counts(cursor).values())
        self.stdout.write(f"Back-up geschreven naar {path} ({rows} rijen).")
