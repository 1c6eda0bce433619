from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from burgerbaan import backup


class Command(BaseCommand):
    help = (
        "Puts a backup made by `backup` into an empty database: the configured one, or "
        "the one given with --target (a database URL, as DATABASE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--target", help="Database URL to restore into (must be empty).")

    def handle(self, *args, file, target=None, **options):
        try:
            backup.restore(Path(file), target)
        except backup.BackupError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Teruggezet uit {file}.")
