"""Money is Decimal in euro with two places, rounded half-up to the cent."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def round_cents(amount: Decimal | int | str) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def format_euro(amount: Decimal | int | str | None) -> str:
    """€ 2.100,00 — the Dutch way, with a minus sign in front of the euro sign."""
    if amount is None or amount == "":
        return ""
    try:
        value = round_cents(amount)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}€\N{NO-BREAK SPACE}{grouped},{cents}"
