"""Choosing places on a form without listing every place.

A form shows the places already chosen and, when someone searches, at most
``SEARCH_RESULTS`` places that match. However many places the vacancy bank
holds, the page keeps the same size and the same number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from places.models import Place

# How many places one form may carry, and how many a search shows at once.
MAX_PLACES = 5
SEARCH_RESULTS = 8
MAX_QUERY = 100
LARGEST_ID = 2**31 - 1


@dataclass
class PlaceChoice:
    chosen: list[Place] = field(default_factory=list)
    results: list[Place] = field(default_factory=list)
    query: str = ""
    more: bool = False

    @property
    def chosen_ids(self) -> list[int]:
        return [place.pk for place in self.chosen]


def ids(values: Iterable[str | int | None]) -> list[int]:
    """The place numbers in ``values`` (from a query string or a form), in order, without
    doubles or anything that is not a number; never more than a form may carry."""
    found: list[int] = []
    for value in values:
        text = str(value if value is not None else "").strip()
        number = int(text) if text.isascii() and text.isdigit() else 0
        if 0 < number <= LARGEST_ID and number not in found:
            found.append(number)
        if len(found) == MAX_PLACES:
            break
    return found


def choose(
    chosen_ids: Iterable[int], query: str = "", *, suggested: Iterable[Place] = ()
) -> PlaceChoice:
    """The public places chosen (and those ``suggested``, first), and what a search finds
    beside them: at most ``SEARCH_RESULTS``, with ``more`` when there are others."""
    public = Place.objects.public().select_related("organisation").order_by("title", "pk")
    chosen = [place for place in suggested if place.is_public]
    wanted = [pk for pk in chosen_ids if pk not in {place.pk for place in chosen}]
    if wanted:
        chosen += list(public.filter(pk__in=wanted))
    # Control characters (a NUL breaks PostgreSQL's LIKE) never help a search: dropped.
    query = " ".join("".join(ch for ch in query if ch.isprintable()).split())[:MAX_QUERY]
    choice = PlaceChoice(chosen=chosen, query=query)
    if query:
        found = list(public.search(query).exclude(pk__in=choice.chosen_ids)[: SEARCH_RESULTS + 1])
        choice.results, choice.more = found[:SEARCH_RESULTS], len(found) > SEARCH_RESULTS
    return choice


def from_query(query) -> PlaceChoice:
    """The places chosen in a query string (``plek`` from a place's link or the search
    without JavaScript, ``places`` as htmx sends the ticked ones) and the search ``zoek``."""
    return choose(ids(query.getlist("plek") + query.getlist("places")), query.get("zoek", ""))
