from django.apps import AppConfig


class SponsorsConfig(AppConfig):
    name = "sponsors"
    verbose_name = "Sponsors"

    def ready(self):
        # The portal's outcomes are kept; a changed answer (a withdrawn story consent)
        # or goal or conversation shows at once.
        from django.db.models.signals import post_delete, post_save

        from guidance.models import CheckIn, Goal, Wellbeing
        from sponsors import views

        for model in (Wellbeing, Goal, CheckIn):
            for signal in (post_save, post_delete):
                signal.connect(
                    views.outcomes_changed,
                    sender=model,
                    dispatch_uid=f"sponsors-{signal is post_save}-{model.__name__}",
                )
