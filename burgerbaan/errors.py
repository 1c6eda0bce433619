class DomainError(Exception):
    """A business rule refused an action. ``message`` is Dutch and shown to the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
