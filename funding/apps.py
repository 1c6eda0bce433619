from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Financiering"

    def ready(self):
        # agreements warns about a source without enough money but stands below funding.
        from agreements import funding
        from funding import money

        funding.register(money)
