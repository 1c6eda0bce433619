from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Mensen en organisaties"

    def ready(self) -> None:
        from accounts import mfa  # noqa: F401  (connects its signal receiver)
