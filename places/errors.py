from burgerbaan.errors import DomainError


class PlaceError(DomainError):
    """A change to a place that the rules refuse; carries a Dutch message."""
