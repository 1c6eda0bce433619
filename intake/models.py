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
from simple_history.models import HistoricalRecords

from accounts.models import Burgerbaner, Organisation
from intake.errors import IntakeError
from places.models import District, KindOfWork, Place


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
    # Codes of ``KindOfWork``: what kind of work they would like, when no place says so.
    kinds_of_work = models.JSONField(_("soort werk"), default=list, blank=True)
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

    def kinds_of_work_display(self) -> list[str]:
        labels = dict(KindOfWork.choices)
        return [str(labels[code]) for code in self.kinds_of_work if code in labels]

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


class Referral(models.Model):
    """A day-care organisation referred this applicant, with the client's consent on record.

    The referrer follows the application's stage, nothing more: no plan notes,
    no hours, no money. Deleted with the application when that led nowhere.
    """

    class ConsentHow(models.TextChoices):
        SIGNED = "signed", _("op papier getekend")
        SPOKEN = "spoken", _("mondeling, in een gesprek")
        MESSAGE = "message", _("per e-mail of bericht")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="referral"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals",
        limit_choices_to={"kind": Organisation.Kind.DAYCARE},
        verbose_name=_("dagbesteding"),
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("verwijzer"),
    )
    referred_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    consent_by = models.CharField(_("toestemming gegeven door"), max_length=150)
    consent_on = models.DateField(_("toestemming gegeven op"))
    consent_how = models.CharField(
        _("zo is toestemming gegeven"), max_length=20, choices=ConsentHow.choices
    )

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-referred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application} ← {self.organisation}"


class PlaceRequest(models.Model):
    """Choosing your own work: a burgerbaner asks for a place or to stop at one, or the
    coordinator of a place invites them. The other side of the place answers first, then
    an admin decides; accepting drafts the volunteer agreement or ends the running one."""

    class Kind(models.TextChoices):
        JOIN = "join", _("wil beginnen")
        LEAVE = "leave", _("wil stoppen")
        INVITE = "invite", _("uitgenodigd")

    class Status(models.TextChoices):
        WAITING_BURGERBANER = "burgerbaner", _("wacht op de burgerbaner")
        WAITING_ORGANISATION = "organisation", _("wacht op de organisatie")
        WAITING_ADMIN = "admin", _("wacht op de Stadscoöperatie")
        ACCEPTED = "accepted", _("akkoord")
        DECLINED = "declined", _("niet akkoord")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    burgerbaner = models.ForeignKey(
        Burgerbaner, on_delete=models.PROTECT, related_name="place_requests"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("plek"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="place_requests"
    )
    # To stop: the agreement that ends. To begin: the draft made when it was accepted.
    agreement = models.ForeignKey(
        "agreements.VolunteerAgreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="place_requests",
    )
    message = models.TextField(_("toelichting"), max_length=2000, blank=True)
    last_day = models.DateField(_("laatste dag"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    reason = models.TextField(_("reden"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verzoek om een plek")
        verbose_name_plural = _("verzoeken om een plek")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.burgerbaner} {self.get_kind_display()} ({self.organisation})"

    @property
    def is_open(self) -> bool:
        return self.status in REQUEST_OPEN

    def move_to(self, status: str) -> None:
        if status not in REQUEST_TRANSITIONS[PlaceRequest.Status(self.status)]:
            raise IntakeError(
                gettext("Een verzoek dat %(now)s is kan niet naar %(next)s.")
                % {
                    "now": self.get_status_display(),
                    "next": PlaceRequest.Status(status).label,
                }
            )
        self.status = status


_S = PlaceRequest.Status
# The only ways a request may move: the other side answers, then an admin decides.
REQUEST_TRANSITIONS = {
    _S.WAITING_BURGERBANER: {_S.WAITING_ADMIN, _S.DECLINED, _S.WITHDRAWN},
    _S.WAITING_ORGANISATION: {_S.WAITING_ADMIN, _S.DECLINED, _S.WITHDRAWN},
    _S.WAITING_ADMIN: {_S.ACCEPTED, _S.DECLINED, _S.WITHDRAWN},
    _S.ACCEPTED: set(),
    _S.DECLINED: set(),
    _S.WITHDRAWN: set(),
}
REQUEST_OPEN = (_S.WAITING_BURGERBANER, _S.WAITING_ORGANISATION, _S.WAITING_ADMIN)
