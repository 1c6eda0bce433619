"""A place (vacature) at a non-profit, published in the vacancy bank once an admin approved it.

The public sees what the work is, where, when and how many places are still
open; never who fills them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from places.errors import PlaceError


class District(models.TextChoices):
    """The districts of Almere (stadsdelen)."""

    HAVEN = "haven", "Almere Haven"
    STAD = "stad", "Almere Stad"
    BUITEN = "buiten", "Almere Buiten"
    HOUT = "hout", "Almere Hout"
    POORT = "poort", "Almere Poort"
    PAMPUS = "pampus", "Almere Pampus"
    OOSTERWOLD = "oosterwold", "Oosterwold"


class KindOfWork(models.TextChoices):
    MEETING = "meeting", _("ontmoeting en buurt")
    GREEN = "green", _("groen en natuur")
    REPAIR = "repair", _("repareren en techniek")
    FOOD = "food", _("eten en koken")
    CARE = "care", _("gezelschap en zorg")
    SPORT = "sport", _("sport en bewegen")
    CULTURE = "culture", _("kunst en cultuur")
    OFFICE = "office", _("kantoor en administratie")
    ANIMALS = "animals", _("dieren")
    OTHER = "other", _("iets anders")


class PlaceStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SUBMITTED = "submitted", _("wacht op goedkeuring")
    PUBLISHED = "published", _("staat online")
    CLOSED = "closed", _("offline gehaald")


# The only ways a place's status may change: a coordinator submits, an admin publishes or
# sends it back, the coordinator takes it offline and may submit it again.
TRANSITIONS = {
    PlaceStatus.DRAFT: {PlaceStatus.SUBMITTED},
    PlaceStatus.SUBMITTED: {PlaceStatus.PUBLISHED, PlaceStatus.DRAFT},
    PlaceStatus.PUBLISHED: {PlaceStatus.CLOSED, PlaceStatus.SUBMITTED},
    PlaceStatus.CLOSED: {PlaceStatus.SUBMITTED},
}


# More words than this in a search are ignored: each one adds a condition to the query.
SEARCH_WORDS = 5


class PlaceQuerySet(models.QuerySet):
    def public(self):
        """What visitors see: approved and online."""
        return self.filter(status=PlaceStatus.PUBLISHED)

    def search(self, text: str):
        """Places whose title, non-profit or description holds every word of ``text``."""
        places = self
        for word in text.split()[:SEARCH_WORDS]:
            places = places.filter(
                Q(title__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(description__icontains=word)
            )
        return places


class Place(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("organisatie"),
        limit_choices_to={"kind": Organisation.Kind.NONPROFIT},
    )
    title = models.CharField(_("naam van de plek"), max_length=120)
    kind_of_work = models.CharField(_("soort werk"), max_length=20, choices=KindOfWork.choices)
    description = models.TextField(_("wat ga je doen"), max_length=4000)
    district = models.CharField(_("stadsdeel"), max_length=20, choices=District.choices)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    days_and_times = models.CharField(_("dagen en tijden"), max_length=200)
    guidance = models.TextField(_("welke begeleiding krijg je"), max_length=2000)
    what_to_bring = models.TextField(_("wat heb je nodig"), max_length=2000, blank=True)
    number_of_places = models.PositiveSmallIntegerField(
        _("aantal plekken"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    filled_places = models.PositiveSmallIntegerField(_("bezette plekken"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=PlaceStatus.choices, default=PlaceStatus.DRAFT
    )
    review_note = models.TextField(_("opmerking bij terugsturen"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                name="place_filled_within_number",
                condition=Q(filled_places__lte=F("number_of_places")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"

    def get_absolute_url(self) -> str:
        return reverse("place_detail", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        return slugify(self.title) or "plek"

    @property
    def open_places(self) -> int:
        return max(self.number_of_places - self.filled_places, 0)

    @property
    def is_public(self) -> bool:
        return self.status == PlaceStatus.PUBLISHED

    def move_to(self, status: str) -> None:
        if status not in TRANSITIONS[PlaceStatus(self.status)]:
            raise PlaceError(
                gettext("Dat kan niet met een plek die nu %(status)s is.")
                % {"status": self.get_status_display()}
            )
        self.status = status
