from burgerbaan.errors import DomainError


class IntakeError(DomainError):
    """An intake step the rules refuse; carries a Dutch message."""
