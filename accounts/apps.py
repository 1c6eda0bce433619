from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Mensen en organisaties"

    def ready(self) -> None:
        from accounts import checks, mfa  # noqa: F401  (registers checks, connects a receiver)
