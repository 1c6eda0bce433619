from burgerbaan.errors import DomainError


class BankError(DomainError):
    pass
