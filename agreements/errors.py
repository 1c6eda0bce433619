from django.utils.translation import gettext_lazy as _

from burgerbaan.errors import DomainError


class AgreementError(DomainError):
    pass


class AgreementLocked(AgreementError):
    MESSAGE = _(
        "Deze overeenkomst is al (deels) getekend en kan niet meer veranderen. "
        "Maak een nieuwe versie; die moet opnieuw door beide partijen getekend worden."
    )

    def __init__(self, message=None):
        super().__init__(str(message or self.MESSAGE))


class AlreadySigned(AgreementError):
    pass


class TextChanged(AgreementError):
    """The text waiting for signatures is not the one the signer was shown."""
