"""Actions on places: make, change, submit, approve or send back, take offline, count filled.

Each action checks who acts, changes the place in one transaction and raises a
``PlaceError`` with a Dutch message when it refuses. The place's history
(django-simple-history) keeps who changed what and when.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from places import permissions
from places.errors import PlaceError
from places.models import Place, PlaceStatus

FIELDS = (
    "title",
    "kind_of_work",
    "description",
    "district",
    "address",
    "hours_per_week",
    "days_and_times",
    "guidance",
    "what_to_bring",
    "number_of_places",
)


def _save(place: Place, by: User) -> Place:
    place._history_user = by
    place.save()
    return place


def _locked(place: Place) -> Place:
    return Place.objects.select_for_update().get(pk=place.pk)


@transaction.atomic
def create_place(*, organisation: Organisation, by: User, **fields) -> Place:
    """A new place, as a draft, for a non-profit the person coordinates (or any, for an admin)."""
    if organisation.kind != Organisation.Kind.NONPROFIT:
        raise PlaceError(_("Kies een maatschappelijke organisatie."), field="organisation")
    place = Place(organisation=organisation, created_by=by, **fields)
    if not permissions.can_edit(by, place):
        raise PermissionDenied
    return _save(place, by)


@transaction.atomic
def update_place(place: Place, *, by: User, **fields) -> Place:
    """Change what a place says. A place that is online goes back to the admin first:
    the public reads only what an admin approved."""
    if not permissions.can_edit(by, place):
        raise PermissionDenied
    place = _locked(place)
    number = fields.get("number_of_places", place.number_of_places)
    if number < place.filled_places:
        raise PlaceError(
            _("Er zijn al %(filled)s plekken bezet. Kies minstens %(filled)s plekken.")
            % {"filled": place.filled_places},
            field="number_of_places",
        )
    for name in FIELDS:
        if name in fields:
            setattr(place, name, fields[name])
    if place.status == PlaceStatus.PUBLISHED:
        place.move_to(PlaceStatus.SUBMITTED)
    return _save(place, by)


@transaction.atomic
def submit_place(place: Place, *, by: User) -> Place:
    """Ask an admin to approve the place."""
    if not permissions.can_edit(by, place):
        raise PermissionDenied
    place = _locked(place)
    if place.status == PlaceStatus.SUBMITTED:
        return place  # a double click asks once
    place.move_to(PlaceStatus.SUBMITTED)
    place.review_note = ""
    return _save(place, by)


@transaction.atomic
def approve_place(place: Place, *, by: User) -> Place:
    """Put a submitted place online. Only admins."""
    if not permissions.can_review(by):
        raise PermissionDenied
    place = _locked(place)
    if place.status == PlaceStatus.PUBLISHED:
        return place
    place.move_to(PlaceStatus.PUBLISHED)
    place.published_at = timezone.now()
    place.review_note = ""
    return _save(place, by)


@transaction.atomic
def send_back(place: Place, *, by: User, note: str) -> Place:
    """Return a submitted place to its coordinator with what needs to change."""
    if not permissions.can_review(by):
        raise PermissionDenied
    if not note.strip():
        raise PlaceError(_("Schrijf op wat er moet veranderen."), field="note")
    place = _locked(place)
    place.move_to(PlaceStatus.DRAFT)
    place.review_note = note.strip()
    return _save(place, by)


@transaction.atomic
def close_place(place: Place, *, by: User) -> Place:
    """Take a place offline; it can be submitted again later."""
    if not permissions.can_edit(by, place):
        raise PermissionDenied
    place = _locked(place)
    if place.status == PlaceStatus.CLOSED:
        return place
    place.move_to(PlaceStatus.CLOSED)
    return _save(place, by)


@transaction.atomic
def set_filled(place: Place, *, by: User, filled: int) -> Place:
    """How many of the places are taken. Changes no text, so needs no new approval."""
    if not permissions.can_edit(by, place):
        raise PermissionDenied
    place = _locked(place)
    if not 0 <= filled <= place.number_of_places:
        raise PlaceError(
            _("Kies een aantal van 0 tot en met %(number)s.") % {"number": place.number_of_places},
            field="filled",
        )
    place.filled_places = filled
    return _save(place, by)


@transaction.atomic
def fill_one(place: Place, *, by: User) -> Place:
    """Someone was placed here: one more place is taken, if one was still open."""
    place = _locked(place)
    if place.filled_places < place.number_of_places:
        place.filled_places += 1
        _save(place, by)
    return place
