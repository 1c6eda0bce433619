from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# The pilot keeps no money from before this year.
FIRST_YEAR = 2000


def validate_opening_year(year: int) -> None:
    """An opening balance is money received earlier in a year that has begun."""
    last = timezone.localdate().year
    if not FIRST_YEAR <= year <= last:
        raise ValidationError(
            _("Een beginsaldo hoort bij een jaar van %(first)s tot en met %(last)s.")
            % {"first": FIRST_YEAR, "last": last},
            code="year",
        )
