"""Check-in conversations, goals, evaluation dates, quarterly check-ins and research consent.

Only the burgerbaner, the coordinators of their places and admins see these
records (``guidance.permissions``); Safe Almere's staff never do.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Burgerbaner, Organisation
from agreements.models import VolunteerAgreement


class CheckIn(models.Model):
    """A check-in conversation (begeleidingsgesprek): planned, then written down once held."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        HELD = "held", _("gehouden")

    burgerbaner = models.ForeignKey(Burgerbaner, on_delete=models.PROTECT, related_name="checkins")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("Leeg: een gesprek met de Stadscoöperatie."),
    )
    date = models.DateField(_("datum"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    talked_about = models.TextField(_("waar ging het over"), blank=True, max_length=4000)
    agreed = models.TextField(_("wat spraken jullie af"), blank=True, max_length=4000)
    next_date = models.DateField(_("volgend gesprek"), null=True, blank=True)
    own_words = models.TextField(_("in je eigen woorden"), blank=True, max_length=4000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("begeleidingsgesprek")
        verbose_name_plural = _("begeleidingsgesprekken")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} gesprek {self.date:%d-%m-%Y}"


class GoalState(models.TextChoices):
    STARTED = "started", _("begonnen")
    GOING_WELL = "going_well", _("gaat goed")
    REACHED = "reached", _("bereikt")
    STOPPED = "stopped", _("gestopt")


class Goal(models.Model):
    """Something a burgerbaner wants to learn or reach, from their personal plan."""

    burgerbaner = models.ForeignKey(Burgerbaner, on_delete=models.PROTECT, related_name="goals")
    title = models.CharField(_("doel"), max_length=200)
    state = models.CharField(
        _("hoe gaat het"), max_length=12, choices=GoalState.choices, default=GoalState.STARTED
    )
    reached_on = models.DateField(_("bereikt op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Evaluation(models.Model):
    """The date a volunteer agreement is looked back on together (one per agreement)."""

    agreement = models.OneToOneField(
        VolunteerAgreement, on_delete=models.PROTECT, related_name="evaluation"
    )
    due_on = models.DateField(_("evaluatie op"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatiedatum")
        verbose_name_plural = _("evaluatiedatums")

    def __str__(self) -> str:
        return f"Evaluatie {self.due_on:%d-%m-%Y}"


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Wellbeing(models.Model):
    """A quarter's answers to "Hoe gaat het?": optional, skippable, the person's own."""

    burgerbaner = models.ForeignKey(Burgerbaner, on_delete=models.PROTECT, related_name="wellbeing")
    year = models.PositiveSmallIntegerField(_("jaar"))
    quarter = models.PositiveSmallIntegerField(
        _("kwartaal"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    skipped = models.BooleanField(_("overgeslagen"), default=False)
    feeling = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    contact = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    useful = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    learning = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    learned = models.TextField(_("wat heb je geleerd"), blank=True, max_length=2000)
    own_words = models.TextField(_("in je eigen woorden"), blank=True, max_length=2000)
    story_consent = models.BooleanField(
        _("mijn woorden mogen zonder naam in een verslag"), default=False
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("hoe gaat het")
        verbose_name_plural = _("hoe gaat het")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["burgerbaner", "year", "quarter"], name="one_wellbeing_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"kwartaal {self.quarter} van {self.year}"


class ResearchConsent(models.Model):
    """Each yes or no to research, kept with when; the latest one counts."""

    burgerbaner = models.ForeignKey(
        Burgerbaner, on_delete=models.PROTECT, related_name="research_consents"
    )
    given = models.BooleanField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{'ja' if self.given else 'nee'} op {self.at:%d-%m-%Y}"


class GuidanceReminder(models.Model):
    """A reminder that went out, so a rerun of the daily job sends it only once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    burgerbaner = models.ForeignKey(Burgerbaner, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    period = models.CharField(max_length=10)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "burgerbaner", "kind", "period"], name="one_guidance_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period}"


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1
