from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Financiering"

    def ready(self):
        # agreements warns about a source without enough money but stands below funding.
        from agreements import funding
        from funding import money

        funding.register(money)
        # The funding page's figures are kept until money changes: money coming in too.
        from django.db.models.signals import post_delete, post_save

        from payments import to_pay
        from sources.models import Commitment, FundingSource, Receipt

        for model in (Commitment, FundingSource, Receipt):
            for signal in (post_save, post_delete):
                signal.connect(
                    to_pay.money_changed,
                    sender=model,
                    dispatch_uid=f"funding-{signal is post_save}-{model.__name__}",
                )
