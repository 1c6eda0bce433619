"""For data migrations: which source paid a person's month, as a subquery.

The same rule as ``paying_agreements``: of the allowance agreements signed by both and
running on a day of the month, the latest (start date, then version) wins; none means
the cooperative's own money. Takes the migration's own model classes.
"""

from django.db.models import IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear


def _index(field: str):
    return ExtractYear(field) * 12 + ExtractMonth(field) - 1


def paying_source(allowance_agreement, person: OuterRef, index, own: int):
    """``index``: the month as year × 12 + month − 1, an expression on the outer row."""
    return Coalesce(
        Subquery(
            allowance_agreement.objects.filter(burgerbaner=person, status__in=["active", "ended"])
            .annotate(first=_index("start_date"), last=_index("end_date"), ended=_index("ended_on"))
            .filter(first__lte=index)
            .filter(Q(end_date__isnull=True) | Q(last__gte=index))
            .filter(Q(ended_on__isnull=True) | Q(ended__gte=index))
            .order_by("-start_date", "-version")
            .values("source")[:1]
        ),
        Value(own),
        output_field=IntegerField(),
    )


def own_source(funding_source) -> int:
    from sources.models import OWN_MONEY_NAME

    source, _created = funding_source.objects.get_or_create(
        kind="own", defaults={"name": OWN_MONEY_NAME}
    )
    return source.pk
