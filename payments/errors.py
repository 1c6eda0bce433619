from burgerbaan.errors import DomainError


class PaymentError(DomainError):
    pass
