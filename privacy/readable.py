""" "Download al mijn gegevens" as people read it: the same data as the JSON, in words."""

from __future__ import annotations

import datetime
import re

from django.utils import formats
from django.utils.translation import gettext as _

from agreements.models import AgreementStatus, Signature
from burgerbaan.dates import month_name
from burgerbaan.money import format_euro
from guidance.models import CheckIn
from hours.models import TimesheetStatus, TimesheetStep
from payments.models import PaymentStatus

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T")
MONEY = {"amount", "hourly_rate", "hourly_rate_from_21"}

# Column names of the JSON, as a person would call them.
LABELS = {
    "id": "nummer",
    "officiele_naam": "officiële naam",
    "version": "versie",
    "status": "stand",
    "start_date": "begint op",
    "end_date": "eindigt op",
    "end_reason": "waarom beëindigd",
    "organisation__name": "organisatie",
    "work_description": "het werk",
    "place": "plek",
    "hours_per_week": "uur per week",
    "hourly_rate": "vergoeding per uur",
    "hourly_rate_from_21": "per uur vanaf 21 jaar",
    "iban": "rekeningnummer",
    "party": "getekend als",
    "signed_at": "getekend op",
    "ip_address": "internetadres",
    "document_sha256": "vingerafdruk van de tekst",
    "volunteer_agreement": "vrijwilligersovereenkomst nummer",
    "allowance_agreement": "vergoedingsovereenkomst nummer",
    "month": "maand",
    "rejection_reason": "waarom afgekeurd",
    "timesheet": "urenoverzicht nummer",
    "action": "wat",
    "by__name": "door",
    "at": "wanneer",
    "reason": "waarom",
    "date": "datum",
    "hours": "uren",
    "description": "omschrijving",
    "timesheet__organisation__name": "organisatie",
    "is_correction": "correctie",
    "correction_reason": "waarom een correctie",
    "year": "jaar",
    "amount": "bedrag",
    "approved_at": "goedgekeurd op",
    "batch__execution_date": "naar de bank op",
    "return_reason": "waarom teruggeboekt",
    "kind": "soort",
    "note": "opmerking",
    "talked_about": "waar ging het over",
    "agreed": "wat spraken jullie af",
    "next_date": "volgend gesprek",
    "own_words": "in je eigen woorden",
    "title": "doel",
    "state": "stand",
    "reached_on": "bereikt op",
    "agreement__organisation__name": "organisatie",
    "due_on": "evaluatie op",
    "quarter": "kwartaal",
    "skipped": "overgeslagen",
    "feeling": "hoe voel je je (1-5)",
    "contact": "contact met anderen (1-5)",
    "useful": "nuttig bezig (1-5)",
    "learning": "iets leren (1-5)",
    "learned": "wat je leerde",
    "story_consent": "mag zonder naam in een verslag",
    "given": "toestemming",
}

SECTIONS = {
    "account": "Je account",
    "profiel": "Je gegevens",
    "vrijwilligersovereenkomsten": "Vrijwilligersovereenkomsten",
    "vergoedingsovereenkomsten": "Vergoedingsovereenkomsten",
    "handtekeningen": "Je handtekeningen",
    "urenoverzichten": "Urenoverzichten per maand",
    "aftekenstappen": "Wie je uren wanneer goedkeurde",
    "uren": "Je uren",
    "betalingen": "Betalingen",
    "giften_en_reiskosten": "Giften en reiskosten",
    "beginsaldi": "Al eerder dit jaar ontvangen",
    "begeleidingsgesprekken": "Gesprekken",
    "doelen": "Doelen",
    "evaluatiedatums": "Evaluaties",
    "hoe_gaat_het": "Hoe gaat het?",
    "toestemming_onderzoek": "Toestemming voor onderzoek",
}


def _words_for_codes() -> dict[str, str]:
    words: dict[str, str] = {"gift": "gift", "travel": "reiskosten"}
    for choices in (
        AgreementStatus,
        TimesheetStatus,
        TimesheetStep.Action,
        PaymentStatus,
        CheckIn.Status,
        Signature.Party,
    ):
        words.update({str(value): str(label) for value, label in choices.choices})
    return words


def _say(key: str, value, codes: dict[str, str], row: dict) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if key in MONEY:
        return format_euro(value)
    if key == "month" and "year" in row:
        return month_name(int(row["year"]), int(value))
    if key == "month" and isinstance(value, str) and ISO_DAY.match(value):
        return month_name(datetime.date.fromisoformat(value))
    if isinstance(value, str) and ISO_MOMENT.match(value):
        moment = datetime.datetime.fromisoformat(value)
        return formats.date_format(moment, "j F Y, H:i")
    if isinstance(value, str) and ISO_DAY.match(value):
        return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
    if key in {"hours", "hours_per_week"} and "." in str(value):
        return str(value).rstrip("0").rstrip(".").replace(".", ",")
    if key in {"status", "action", "kind", "party"}:
        return codes.get(str(value), str(value))
    return str(value)


def readable(data: dict) -> list[dict]:
    """The sections of ``privacy.services.personal_data`` with labels and values in words."""
    codes = _words_for_codes()
    sections = []
    for key, title in SECTIONS.items():
        value = data.get(key)
        if isinstance(value, dict):
            facts = [
                (LABELS.get(k, k.replace("_", " ")), _say(k, v, codes, value))
                for k, v in value.items()
            ]
            sections.append({"title": title, "facts": facts})
        elif isinstance(value, list):
            columns = list(value[0]) if value else []
            sections.append(
                {
                    "title": title,
                    "columns": [
                        LABELS.get(c, c.replace("__", " ").replace("_", " ")) for c in columns
                    ],
                    "rows": [[_say(c, row[c], codes, row) for c in columns] for row in value],
                }
            )
    return sections
