"""An application (aanmelding) for a citizen job and the steps it goes through.

It holds only what intake needs: no BSN and no date of birth (asked at
placement). Applications that led nowhere are deleted after
``APPLICATION_RETENTION_DAYS`` (``manage.py delete_old_applications``); one that
led to a placement stays with the person and goes with their data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Burgerbaner
from intake.errors import IntakeError
from places.models import District, Place


class Stage(models.TextChoices):
    NEW = "new", _("nieuw")
    CONVERSATION_PLANNED = "conversation", _("eerste gesprek gepland")
    PLAN_MADE = "plan", _("plan gemaakt")
    PLACED = "placed", _("geplaatst")
    NOT_PLACED = "not_placed", _("niet geplaatst")
    WITHDRAWN = "withdrawn", _("teruggetrokken")


# The only ways an application may move. Placed, not placed and withdrawn are final.
TRANSITIONS = {
    Stage.NEW: {Stage.CONVERSATION_PLANNED, Stage.NOT_PLACED, Stage.WITHDRAWN},
    Stage.CONVERSATION_PLANNED: {Stage.PLAN_MADE, Stage.NOT_PLACED, Stage.WITHDRAWN},
    Stage.PLAN_MADE: {Stage.PLACED, Stage.NOT_PLACED, Stage.WITHDRAWN},
    Stage.PLACED: set(),
    Stage.NOT_PLACED: set(),
    Stage.WITHDRAWN: set(),
}
OPEN_STAGES = (Stage.NEW, Stage.CONVERSATION_PLANNED, Stage.PLAN_MADE)
# Applications in these stages led nowhere: the retention command deletes them in time.
ENDED_WITHOUT_PLACEMENT = (Stage.NOT_PLACED, Stage.WITHDRAWN)


class Application(models.Model):
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    district = models.CharField(_("stadsdeel"), max_length=20, choices=District.choices)
    # The personal plan: the applicant writes the first four, intake adds their talents.
    wants = models.TextField(_("wat wil je doen"), max_length=4000)
    can = models.TextField(_("wat kun je"), max_length=4000)
    wants_to_learn = models.TextField(_("wat wil je leren"), max_length=4000, blank=True)
    availability = models.TextField(_("wanneer kun je"), max_length=2000)
    talents = models.TextField(_("talenten"), max_length=4000, blank=True)
    places = models.ManyToManyField(
        Place, blank=True, related_name="applications", verbose_name=_("plekken die je leuk vindt")
    )
    referred_by_name = models.CharField(
        _("organisatie die je aanmeldt"), max_length=200, blank=True
    )
    plan_consent = models.BooleanField(
        _("coördinatoren van de gekozen plekken mogen het plan lezen"), default=False
    )
    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices, default=Stage.NEW)
    stage_changed_at = models.DateTimeField(_("in deze fase sinds"), default=timezone.now)
    conversation_at = models.DateTimeField(_("eerste gesprek"), null=True, blank=True)
    not_placed_reason = models.TextField(_("reden (voor de aanmelder)"), blank=True)
    placed_place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("geplaatst bij"),
    )
    burgerbaner = models.OneToOneField(
        Burgerbaner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("burgerbaner"),
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["stage", "stage_changed_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    def plan_parts(self) -> list[tuple[str, str]]:
        """The parts of the personal plan, with their Dutch headings."""
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in ("wants", "can", "wants_to_learn", "availability", "talents")
        ]

    def plan_text(self) -> str:
        return "\n\n".join(
            f"{heading.capitalize()}:\n{text}" for heading, text in self.plan_parts() if text
        )

    def move_to(self, stage: str) -> None:
        if stage not in TRANSITIONS[Stage(self.stage)]:
            raise IntakeError(
                gettext("Een aanmelding die %(now)s is kan niet naar %(next)s.")
                % {"now": self.get_stage_display(), "next": Stage(stage).label}
            )
        self.stage = stage
        self.stage_changed_at = timezone.now()


class Event(models.Model):
    """One step in an application's story: a stage change or a note, who and when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    stage_from = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    stage_to = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    note = models.TextField(_("notitie"), max_length=4000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.stage_from} → {self.stage_to}"
