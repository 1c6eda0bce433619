"""The bank's reason codes for a returned transfer (ISO 20022 ExternalReturnReason1Code),
in plain words for the treasurer and the burgerbaner."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REASONS = {
    "AC01": gettext_lazy("het rekeningnummer klopt niet"),
    "AC04": gettext_lazy("de rekening is opgeheven"),
    "AC06": gettext_lazy("de rekening is geblokkeerd"),
    "AC13": gettext_lazy("de rekening is van een consument en kan dit niet ontvangen"),
    "AG01": gettext_lazy("op deze rekening mag dit soort betaling niet"),
    "AG02": gettext_lazy("de bank kon de betaling niet verwerken"),
    "AM05": gettext_lazy("de betaling is dubbel gedaan"),
    "BE04": gettext_lazy("het adres van de ontvanger ontbreekt of klopt niet"),
    "CNOR": gettext_lazy("de bank van de ontvanger kon de betaling niet aannemen"),
    "DNOR": gettext_lazy("de bank van de ontvanger kon de betaling niet aannemen"),
    "DUPL": gettext_lazy("de betaling is dubbel gedaan"),
    "FOCR": gettext_lazy("Safe Almere vroeg de bank de betaling terug te halen"),
    "FF01": gettext_lazy("de bank kon het bestand niet lezen"),
    "MD07": gettext_lazy("de rekeninghouder is overleden"),
    "MS02": gettext_lazy("de ontvanger wilde de betaling niet, zonder reden"),
    "MS03": gettext_lazy("de bank gaf geen reden"),
    "RC01": gettext_lazy("de BIC van de bank klopt niet"),
    "RR01": gettext_lazy("er ontbrak informatie die de wet vraagt"),
    "RR02": gettext_lazy("de naam of het adres van de ontvanger ontbrak"),
    "RR03": gettext_lazy("de naam of het adres van Safe Almere ontbrak"),
    "RR04": gettext_lazy("om wettelijke redenen teruggestuurd"),
    "TM01": gettext_lazy("de betaling kwam te laat bij de bank"),
}


def plain_reason(code: str) -> str:
    """'De rekening is opgeheven (AC04)'; an unknown code is named as it is."""
    code = (code or "").strip().upper()
    if not code:
        return _("De bank gaf geen reden")
    if code in REASONS:
        return f"{str(REASONS[code])[0].upper()}{str(REASONS[code])[1:]} ({code})"
    return _("De bank gaf code %(code)s") % {"code": code}
