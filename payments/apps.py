from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = "Vergoedingen"

    def ready(self):
        # hours shows the room under the maxima but stands below payments: hand it the sum.
        from hours import money
        from payments import cap

        money.register(cap)
