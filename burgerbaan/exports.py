"""Exports are opened in spreadsheets: never let a cell be read as a formula.

One neutraliser for every export: Django's admin (django-import-export), the
reports' CSV, XLSX and JSON, the streamed hours CSV (also where PostgreSQL
writes it with COPY) and the audit CSV.

A cell is a formula when it starts with ``= + - @``, a tab or a carriage
return (OWASP's list). A Dutch spreadsheet opens a CSV with ``;`` as the
separator, so ``Jansen; =1+1`` becomes two cells there, the second a formula.
So the rule holds for the start of the text and for every part after a ``;``
or a line break: such a part gets a ``'`` in front, which a spreadsheet shows
as text. Numbers stay numbers, also a plain number written as text (``-12.50``):
it cannot run anything.
"""

from __future__ import annotations

import re

# The characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = "=+@\t\r-"  # the minus last: inside [] it then needs no escape
# Where a spreadsheet may start a new cell inside our text.
CELL_BREAKS = ";\n\r"

# A start of a cell, then spaces, then a formula character: the quote goes before it.
# Plain characters only, so that PostgreSQL reads the same pattern (see sql_neutralise).
_DANGER = re.compile(f"(^|[{CELL_BREAKS}])( *)(?=[{FORMULA_STARTS}])")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def neutralise(value):
    """``value`` with a ``'`` before every part that a spreadsheet would run."""
    if not isinstance(value, str) or _PLAIN_NUMBER.fullmatch(value):
        return value
    return _DANGER.sub(r"\1\2'", value)


def sql_neutralise(column: str) -> tuple[str, list[str]]:
    """The same rule in PostgreSQL, for CSV that the database writes itself (COPY).

    Returns the SQL expression and its parameters (the patterns, in order).
    """
    return (
        f"CASE WHEN {column} ~ %s THEN {column} ELSE regexp_replace({column}, %s, %s, 'g') END",
        [f"^{_PLAIN_NUMBER.pattern}$", _DANGER.pattern, "\\1\\2'"],
    )


def safe_dataset(dataset, *, title: str):
    """Neutralise every cell of a tablib ``dataset`` in place and name its sheet."""
    if dataset.headers:
        dataset.headers = [neutralise(h) for h in dataset.headers]
    for index in range(dataset.height):
        dataset[index] = [neutralise(cell) for cell in dataset[index]]
    dataset.title = title
    return dataset


class SafeExportAdminMixin:
    """For every ModelAdmin with django-import-export: exports carry no formulas and
    their sheet is named after what it holds ("burgerbaners"), not "Tablib Dataset"."""

    def get_data_for_export(self, request, queryset, **kwargs):
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        return safe_dataset(dataset, title=str(self.model._meta.verbose_name_plural))
