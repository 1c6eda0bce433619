from django.utils.translation import gettext_lazy as _

from burgerbaan.errors import DomainError


class ReceiptLocked(DomainError):
    def __init__(self, message=None):
        super().__init__(
            str(
                message
                or _("Een ontvangst verandert nooit. Boek een tegenboeking om hem te herstellen.")
            )
        )


class ReceiptRefused(DomainError):
    pass
