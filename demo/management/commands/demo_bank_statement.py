"""Print a CAMT.053 bank statement that fits the demo, to upload as the treasurer."""

from django.core.management.base import BaseCommand

from demo.bank_statement import demo_statement


class Command(BaseCommand):
    help = (
        "Schrijft een CAMT.053-bankafschrift bij de demo: de open betaalopdracht uitgevoerd, "
        "één betaling teruggeboekt, geld van een sponsor, een gift en een onbekende "
        "overboeking. Lees het in als penningmeester op /bankafschriften/."
    )

    def handle(self, *args, **options):
        self.stdout.write(demo_statement().decode("utf-8"), ending="")
