"""Exports are opened in spreadsheets: never let a cell be read as a formula."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula with a quote (OWASP advice).

    Numbers stay numbers, so a negative amount is still a negative amount.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
