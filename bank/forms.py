from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sources.models import FundingSource


class StatementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bankafschrift (CAMT.053, XML)"),
        help_text=_("Download het afschrift bij je bank als CAMT.053 en kies dat bestand."),
        error_messages={
            "required": _("Kies het bestand met het bankafschrift."),
            "empty": _("Dit bestand is leeg. Kies het afschrift dat je bij je bank downloadde."),
            "invalid": _("Kies het bestand met het bankafschrift."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.BANK_STATEMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is te groot (meer dan %(mb)s MB). Een dagafschrift is veel kleiner.")
                % {"mb": settings.BANK_STATEMENT_MAX_BYTES // 1_000_000}
            )
        return upload


NOTHING = "geen"


class ClassifyForm(forms.Form):
    """Where money that came in belongs: a funding source, or nothing of the Burgerbaan."""

    bron = forms.ChoiceField(
        label=_("Hoort bij"),
        error_messages={
            "required": _("Kies een bron."),
            "invalid_choice": _("Kies een bron uit de lijst."),
        },
    )

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = {str(source.pk): source for source in sources}
        self.fields["bron"].choices = [
            ("", _("Kies een bron")),
            *[(pk, source.name) for pk, source in self.sources.items()],
            (NOTHING, _("Geen geld voor de Burgerbaan")),
        ]

    def source(self) -> FundingSource | None:
        choice = self.cleaned_data["bron"]
        return None if choice == NOTHING else self.sources[choice]
