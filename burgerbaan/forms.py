"""Form fields every app uses for what comes in through a link or a list of ticked boxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The largest id a database keeps (a 64-bit integer column); more cannot be a record.
MAX_ID = 2**63 - 1


class IdsField(forms.Field):
    """The ids of the ticked boxes of a list, checked before any query sees them."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Deze keuze klopt niet. Kies opnieuw.")}

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        ids = []
        for item in value:
            text = str(item).strip()
            if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            ids.append(int(text))
        return ids


def refusal(form: forms.Form) -> str:
    """The first error of a form, to say on a page or in a message."""
    for errors in form.errors.values():
        return str(errors[0])
    return ""


def show_refusal(form: forms.BaseForm, error) -> None:
    """Put a domain error's message on the form once: at its field, or above the fields."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
