from django.contrib.auth.password_validation import MinimumLengthValidator as BaseMinimumLength
from django.core.exceptions import ValidationError


class MinimumLengthValidator(BaseMinimumLength):
    """Django's own check, with a plain Dutch message (its 6.1 text has no translation yet)."""

    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort. Gebruik minstens {self.min_length} tekens."

    def get_help_text(self) -> str:
        return f"Je wachtwoord heeft minstens {self.min_length} tekens."

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short")
