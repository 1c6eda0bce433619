from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = "Vergoedingen"

    def ready(self):
        # hours shows the room under the maxima but stands below payments: hand it the sum.
        from hours import money
        from payments import cap, rules_check, to_pay
        from rules import money as rules_money

        money.register(cap)
        # rules asks for a reason and rechecks proposals once money of a year went out.
        rules_money.register(rules_check)
        # The treasurer's months to pay are kept until money changes.
        to_pay.connect()
