"""IBAN checks and display, using schwifty for the real validation."""

from django import forms
from django.db import models
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

INVALID_IBAN = "Dit IBAN klopt niet. Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00."


def normalise_iban(value: str) -> str:
    """Return the compact form, or raise ValidationError with a Dutch message."""
    try:
        return IBAN(value).compact
    except (SchwiftyException, ValueError) as exc:
        raise forms.ValidationError(INVALID_IBAN, code="invalid_iban") from exc


def validate_iban(value: str) -> None:
    if value:
        normalise_iban(value)


def group_iban(value: str) -> str:
    compact = value.replace(" ", "")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def mask_iban(value: str) -> str:
    """NL91 •••• •••• ••43 00 — country, check digits and the last four digits."""
    compact = value.replace(" ", "")
    if len(compact) < 8:
        return "•" * len(compact)
    masked = compact[:4] + "•" * (len(compact) - 8) + compact[-4:]
    return group_iban(masked)


class IBANFormField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 42)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("spellcheck", "false")
        self.widget.attrs.setdefault("autocapitalize", "characters")

    def clean(self, value):
        value = super().clean(value)
        return normalise_iban(value) if value else value


class IBANField(models.CharField):
    """A CharField that stores the compact IBAN and checks it in every form, admin too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 34)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_iban)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": IBANFormField, **kwargs})
