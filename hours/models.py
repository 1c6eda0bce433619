"""Hours: entries grouped per burgerbaner, per non-profit, per calendar month.

A timesheet (urenoverzicht) is submitted by the burgerbaner, approved by a
coordinator of the non-profit and countersigned by Stichting Safe Almere.
Only countersigned hours are payable. Signed history is never edited: a
correction is a new entry in a later month that names the day it corrects.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Burgerbaner, Organisation
from agreements.models import VolunteerAgreement, source_paying
from burgerbaan.dates import month_name
from burgerbaan.errors import DomainError


class TimesheetLocked(DomainError):
    pass


class TimesheetStatus(models.TextChoices):
    OPEN = "open", _("open")
    SUBMITTED = "submitted", _("ingediend")
    APPROVED = "approved", _("goedgekeurd door de organisatie")
    COUNTERSIGNED = "countersigned", _("goedgekeurd door Safe Almere")
    REJECTED = "rejected", _("afgekeurd")


# The only ways a timesheet's status may change.
TRANSITIONS = {
    TimesheetStatus.OPEN: {TimesheetStatus.SUBMITTED},
    # Back to open: the burgerbaner takes the month back before the coordinator acts.
    TimesheetStatus.SUBMITTED: {
        TimesheetStatus.APPROVED,
        TimesheetStatus.REJECTED,
        TimesheetStatus.OPEN,
    },
    TimesheetStatus.APPROVED: {TimesheetStatus.COUNTERSIGNED, TimesheetStatus.REJECTED},
    TimesheetStatus.REJECTED: {TimesheetStatus.SUBMITTED},
    TimesheetStatus.COUNTERSIGNED: set(),
}
EDITABLE = {TimesheetStatus.OPEN, TimesheetStatus.REJECTED}


class Timesheet(models.Model):
    burgerbaner = models.ForeignKey(
        Burgerbaner, on_delete=models.PROTECT, related_name="timesheets"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="timesheets"
    )
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    status = models.CharField(
        _("status"), max_length=20, choices=TimesheetStatus.choices, default=TimesheetStatus.OPEN
    )
    rejection_reason = models.TextField(_("reden van afkeuren"), blank=True)
    # The sum of the entries, fixed when the month is handed in (the entries are
    # locked from then on), so reports add up months instead of millions of entries.
    total_hours = models.DecimalField(
        _("uren bij indienen"), max_digits=7, decimal_places=2, default=Decimal("0")
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    # Who pays these hours: the source of the allowance agreement paying the month, fixed
    # when Safe Almere countersigns (so a sponsor's figures add up months, not look-ups).
    source = models.ForeignKey(
        "sources.FundingSource",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timesheets",
        verbose_name=_("betaald uit"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urenoverzicht")
        verbose_name_plural = _("urenoverzichten")
        ordering = ["-month", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["burgerbaner", "organisation", "month"], name="one_timesheet_per_month"
            ),
            models.CheckConstraint(
                name="timesheet_month_is_first_day", condition=models.Q(month__day=1)
            ),
        ]
        indexes = [
            models.Index(fields=["status", "organisation"]),
            # The queues show the oldest waiting months of a status first, a page at a time,
            # and count them from the index alone (the person is there to leave out one's own).
            models.Index(
                fields=["status", "status_changed_at", "id", "burgerbaner"],
                name="timesheet_queue_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.burgerbaner} – {self.organisation} – {month_name(self.month)}"

    def save(self, *args, **kwargs):
        if self.status == TimesheetStatus.COUNTERSIGNED and self.source_id is None:
            self.source_id = source_paying(self.burgerbaner_id, self.month.year, self.month.month)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timesheet_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def last_day(self) -> datetime.date:
        nxt = (self.month + datetime.timedelta(days=32)).replace(day=1)
        return nxt - datetime.timedelta(days=1)


class TimesheetStep(models.Model):
    """One step in a timesheet's sign-off: who, when, from where. Never changed."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("ingediend")
        WITHDRAW = "withdraw", _("teruggenomen")
        APPROVE = "approve", _("goedgekeurd door de organisatie")
        COUNTERSIGN = "countersign", _("goedgekeurd door Safe Almere")
        REJECT = "reject", _("afgekeurd")

    timesheet = models.ForeignKey(Timesheet, on_delete=models.PROTECT, related_name="steps")
    action = models.CharField(max_length=20, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} door {self.by} op {self.at:%d-%m-%Y %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise TimesheetLocked(_("Een stap in het aftekenen verandert nooit."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TimesheetLocked(_("Een stap in het aftekenen wordt nooit verwijderd."))


class HourEntry(models.Model):
    timesheet = models.ForeignKey(Timesheet, on_delete=models.PROTECT, related_name="entries")
    agreement = models.ForeignKey(
        VolunteerAgreement, on_delete=models.PROTECT, related_name="hour_entries"
    )
    date = models.DateField(_("datum"))
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=2)
    description = models.CharField(_("wat heb je gedaan?"), max_length=200)
    is_correction = models.BooleanField(_("correctie"), default=False)
    correction_reason = models.TextField(_("reden van de correctie"), blank=True)
    # The day of work a correction is about: its money counts there, under that
    # month's maximum, that day's rate and that year, not in the month it is written.
    corrects_date = models.DateField(_("welke dag verbeter je?"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uren")
        verbose_name_plural = _("uren")
        ordering = ["date", "pk"]
        indexes = [
            models.Index(fields=["date"]),
            # The money story sums a handed-in month from its timesheet and looks up
            # only its corrections, which count on another day.
            models.Index(
                fields=["timesheet"],
                condition=models.Q(corrects_date__isnull=False),
                name="hourentry_correction_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y}: {self.hours} uur"

    def save(self, *args, **kwargs):
        # Whatever the path: nothing changes in a submitted or signed timesheet.
        if not Timesheet.objects.get(pk=self.timesheet_id).is_editable:
            raise TimesheetLocked(
                _("Dit urenoverzicht is ingediend of getekend en kan niet meer veranderen.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not Timesheet.objects.get(pk=self.timesheet_id).is_editable:
            raise TimesheetLocked(
                _("Dit urenoverzicht is ingediend of getekend en kan niet meer veranderen.")
            )
        return super().delete(*args, **kwargs)

    @property
    def work_date(self) -> datetime.date:
        """The day whose work this is: the corrected day for a correction."""
        return self.corrects_date or self.date


class Reminder(models.Model):
    """A reminder e-mail sent, so that running the job twice a day sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "sent_on"], name="one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user} ({self.sent_on:%d-%m-%Y})"
