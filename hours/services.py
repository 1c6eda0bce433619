"""Logging hours and signing off timesheets.

Every action checks the rules and the person's right to act, changes the
records in one transaction, keeps a step (who, when, IP) and raises a
``HoursError`` with a Dutch message when it refuses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Burgerbaner, User
from accounts.services import notify
from agreements.models import VolunteerAgreement
from burgerbaan.dates import day_name, month_name
from burgerbaan.errors import DomainError
from burgerbaan.money import format_euro
from hours import permissions
from hours.models import (
    TRANSITIONS,
    HourEntry,
    Timesheet,
    TimesheetLocked,
    TimesheetStatus,
    TimesheetStep,
)
from hours.money import money

MAX_HOURS_PER_DAY = Decimal("24")
QUARTER = Decimal("0.25")


class HoursError(DomainError):
    pass


@dataclass(frozen=True)
class CapWarning:
    """What a new entry does to the maxima; empty when it stays within."""

    over_month: Decimal
    over_year: Decimal

    def __bool__(self) -> bool:
        return bool(self.over_month or self.over_year)

    @property
    def message(self) -> str:
        parts = []
        if self.over_month:
            parts.append(
                _("%(amount)s boven het maandmaximum") % {"amount": format_euro(self.over_month)}
            )
        if self.over_year:
            parts.append(
                _("%(amount)s boven het jaarmaximum") % {"amount": format_euro(self.over_year)}
            )
        return _(
            "Let op: met deze uren kom je %(over)s. Je mag de uren gewoon schrijven, want je "
            "hebt het werk gedaan. Maar het deel boven het maximum wordt dit jaar niet uitbetaald."
        ) % {"over": _(" en ").join(parts)}


# --- logging hours ---------------------------------------------------------------------


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def check_entry(
    burgerbaner: Burgerbaner,
    *,
    agreement: VolunteerAgreement,
    date: datetime.date,
    hours: Decimal,
    is_correction: bool = False,
    correction_reason: str = "",
    corrects_date: datetime.date | None = None,
    exclude: HourEntry | None = None,
    **_fields,
) -> None:
    """Refuse an entry that breaks a rule; the message says what to change."""
    today = timezone.localdate()
    if agreement.burgerbaner_id != burgerbaner.pk:
        raise PermissionDenied
    if date > today:
        raise HoursError(
            _("Je kunt geen uren schrijven voor een dag die nog moet komen."), field="date"
        )
    if hours % QUARTER != 0:
        raise HoursError(
            _("Schrijf uren in kwartieren: bijvoorbeeld 1, 1,25, 1,5 of 1,75."), field="hours"
        )
    if is_correction:
        if hours == 0:
            raise HoursError(_("Een correctie is meer of minder dan 0 uur."), field="hours")
        if not correction_reason.strip():
            raise HoursError(_("Schrijf op wat je verbetert en waarom."), field="correction_reason")
        if corrects_date is None:
            raise HoursError(_("Kies de dag die je verbetert."), field="corrects_date")
        if corrects_date > date:
            raise HoursError(
                _("De dag die je verbetert ligt vóór de dag waarop je de correctie schrijft."),
                field="corrects_date",
            )
    elif hours <= 0:
        raise HoursError(_("Vul meer dan 0 uur in."), field="hours")
    # A correction's money counts on the day it corrects, so the work of that day
    # must have been under an agreement.
    worked_on = corrects_date if is_correction else date
    if not agreement.is_in_force_on(worked_on):
        raise HoursError(
            _(
                "Op %(day)s had je geen actieve vrijwilligersovereenkomst met %(organisation)s. "
                "Kies een andere dag of organisatie."
            )
            % {"day": day_name(worked_on), "organisation": agreement.organisation.name},
            field="corrects_date" if is_correction else "date",
        )
    # A month already handed in is told before anything else about these hours, so that
    # nobody confirms an over-maximum warning only to hear the month is closed.
    locked = Timesheet.objects.filter(
        burgerbaner=burgerbaner, organisation=agreement.organisation, month=month_of(date)
    ).first()
    if locked is not None and not locked.is_editable:
        raise _month_closed(agreement, date)
    same_day = HourEntry.objects.filter(timesheet__burgerbaner=burgerbaner, date=date)
    if exclude is not None:
        same_day = same_day.exclude(pk=exclude.pk)
    already = same_day.aggregate(total=Sum("hours"))["total"] or Decimal("0")
    if already + hours > MAX_HOURS_PER_DAY and not already:
        raise HoursError(_("Je kunt niet meer dan 24 uur op één dag schrijven."), field="hours")
    if already + hours > MAX_HOURS_PER_DAY:
        raise HoursError(
            _(
                "Op %(day)s heb je al %(already)s uur geschreven. Samen kan het niet meer "
                "dan 24 uur op één dag zijn."
            )
            % {"day": day_name(date), "already": _hours(already)},
            field="hours",
        )


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _editable_timesheet(burgerbaner: Burgerbaner, agreement, date) -> Timesheet:
    timesheet, _created = Timesheet.objects.select_for_update().get_or_create(
        burgerbaner=burgerbaner, organisation=agreement.organisation, month=month_of(date)
    )
    if not timesheet.is_editable:
        raise _month_closed(agreement, date)
    return timesheet


def _month_closed(agreement, date) -> TimesheetLocked:
    return TimesheetLocked(
        _(
            "Je urenoverzicht van %(month)s voor %(organisation)s is al ingediend of "
            "goedgekeurd. Klopt er iets niet? Voeg dan een correctie toe in de huidige maand."
        )
        % {"month": month_name(date), "organisation": agreement.organisation.name},
        field="date",
    )


def cap_warning(burgerbaner: Burgerbaner, date: datetime.date, hours: Decimal) -> CapWarning:
    """What these hours would do to the maxima of the month and the year of ``date``, the
    day of the work (for a correction: the day it corrects)."""
    over_month, over_year = money().over_after_hours(burgerbaner, date, hours)
    return CapWarning(over_month=over_month, over_year=over_year)


def log_hours(burgerbaner: Burgerbaner, *, by: User, **fields) -> HourEntry:
    """Add hours to the month's timesheet of that non-profit (made when needed)."""
    if burgerbaner.user_id != by.pk:
        raise PermissionDenied
    check_entry(burgerbaner, **fields)
    with transaction.atomic():
        timesheet = _editable_timesheet(burgerbaner, fields["agreement"], fields["date"])
        return HourEntry.objects.create(timesheet=timesheet, **fields)


def update_entry(entry: HourEntry, *, by: User, **fields) -> HourEntry:
    burgerbaner = entry.timesheet.burgerbaner
    if burgerbaner.user_id != by.pk:
        raise PermissionDenied
    check_entry(burgerbaner, exclude=entry, **fields)
    with transaction.atomic():
        old_timesheet = Timesheet.objects.select_for_update().get(pk=entry.timesheet_id)
        if not old_timesheet.is_editable:
            raise TimesheetLocked(_("Dit urenoverzicht is al ingediend of getekend."))
        entry.timesheet = _editable_timesheet(burgerbaner, fields["agreement"], fields["date"])
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.save()
    return entry


def delete_entry(entry: HourEntry, *, by: User) -> None:
    if entry.timesheet.burgerbaner.user_id != by.pk:
        raise PermissionDenied
    with transaction.atomic():
        Timesheet.objects.select_for_update().get(pk=entry.timesheet_id)
        entry.delete()


@dataclass(frozen=True)
class CopyPlan:
    """What copying last week would do: the entries it adds, and those it skips and why."""

    add: list[dict]
    skipped: list[tuple[HourEntry, str]]
    warnings: list[str]


def plan_copy_previous_week(burgerbaner: Burgerbaner, *, week_start: datetime.date) -> CopyPlan:
    """Last week's entries on the same weekdays of this week (up to today).

    A day of this week that already has hours is skipped, so nothing is counted
    twice; so is an entry that would break a rule (a day still to come, a locked
    month, an ended agreement). The warnings are those of the single form: what
    the added hours do to the maxima of their month.
    """
    previous = HourEntry.objects.filter(
        timesheet__burgerbaner=burgerbaner,
        is_correction=False,
        date__gte=week_start - datetime.timedelta(days=7),
        date__lt=week_start,
    ).select_related("agreement__organisation")
    filled = set(
        HourEntry.objects.filter(
            timesheet__burgerbaner=burgerbaner,
            date__gte=week_start,
            date__lt=week_start + datetime.timedelta(days=7),
        ).values_list("date", flat=True)
    )
    add, skipped = [], []
    for entry in previous:
        fields = {
            "agreement": entry.agreement,
            "date": entry.date + datetime.timedelta(days=7),
            "hours": entry.hours,
            "description": entry.description,
        }
        if fields["date"] in filled:
            skipped.append((entry, _("op die dag staan al uren")))
            continue
        try:
            check_entry(burgerbaner, **fields)
            _check_month_editable(burgerbaner, fields["agreement"], fields["date"])
        except DomainError as exc:
            skipped.append((entry, exc.message))
            continue
        add.append(fields)
    warnings = []
    for month in sorted({month_of(f["date"]) for f in add}):
        extra = sum((f["hours"] for f in add if month_of(f["date"]) == month), Decimal("0"))
        first = min(f["date"] for f in add if month_of(f["date"]) == month)
        warning = cap_warning(burgerbaner, first, extra)
        if warning:
            warnings.append(warning.message)
    return CopyPlan(add=add, skipped=skipped, warnings=warnings)


def _check_month_editable(burgerbaner: Burgerbaner, agreement, date) -> None:
    timesheet = Timesheet.objects.filter(
        burgerbaner=burgerbaner, organisation=agreement.organisation, month=month_of(date)
    ).first()
    if timesheet is not None and not timesheet.is_editable:
        raise TimesheetLocked(_("die maand is al ingediend of getekend"))


def copy_previous_week(burgerbaner: Burgerbaner, *, week_start: datetime.date, by: User) -> int:
    """Copy what ``plan_copy_previous_week`` shows. Returns how many entries were added.

    An entry that can no longer be added (the month was handed in meanwhile) is left out.
    """
    copied = 0
    for fields in plan_copy_previous_week(burgerbaner, week_start=week_start).add:
        try:
            log_hours(burgerbaner, by=by, **fields)
        except DomainError:
            continue
        copied += 1
    return copied


# --- sign-off --------------------------------------------------------------------------


def _step(timesheet: Timesheet, action: str, status: str, *, by: User, ip, reason: str = ""):
    if status not in TRANSITIONS[TimesheetStatus(timesheet.status)]:
        raise HoursError(_("Dit urenoverzicht is al afgehandeld. Er is niets veranderd."))
    timesheet.status = status
    timesheet.status_changed_at = timezone.now()
    timesheet.rejection_reason = reason if status == TimesheetStatus.REJECTED else ""
    timesheet.save()
    step = TimesheetStep.objects.create(
        timesheet=timesheet, action=action, by=by, ip_address=ip, reason=reason
    )
    _tell(timesheet, step)
    return timesheet


def _tell(timesheet: Timesheet, step: TimesheetStep) -> None:
    """The burgerbaner hears of every decision on their month, once (on the step)."""
    facts = {
        "month": date_format(timesheet.month, "F Y"),
        "organisation": timesheet.organisation.name,
    }
    if step.action == TimesheetStep.Action.REJECT:
        subject = _("Je uren van %(month)s zijn afgekeurd") % facts
        text = _(
            "Je urenoverzicht van %(month)s bij %(organisation)s is afgekeurd. De reden: "
            "%(reason)s Pas je uren aan en dien de maand opnieuw in."
        ) % {**facts, "reason": step.reason}
    elif step.action == TimesheetStep.Action.APPROVE:
        subject = _("Je uren van %(month)s zijn goedgekeurd door de organisatie") % facts
        text = (
            _(
                "Je uren van %(month)s bij %(organisation)s zijn goedgekeurd door de organisatie. "
                "Nu kijkt Safe Almere ernaar."
            )
            % facts
        )
    elif step.action == TimesheetStep.Action.COUNTERSIGN:
        subject = _("Je uren van %(month)s zijn goedgekeurd door Safe Almere") % facts
        text = (
            _(
                "Je uren van %(month)s bij %(organisation)s zijn goedgekeurd door Safe Almere. "
                "De penningmeester kan je vergoeding nu betalen."
            )
            % facts
        )
    else:
        return
    notify(
        timesheet.burgerbaner.user,
        key=f"timesheet-step-{step.pk}",
        subject=subject,
        text=text,
        url=timesheet.get_absolute_url(),
        needs_action=step.action == TimesheetStep.Action.REJECT,
    )


def _locked(timesheet: Timesheet) -> Timesheet:
    return Timesheet.objects.select_for_update().select_related("burgerbaner").get(pk=timesheet.pk)


@transaction.atomic
def submit_timesheet(timesheet: Timesheet, *, by: User, ip=None) -> Timesheet:
    """The burgerbaner hands in a month. Refuses an empty month."""
    timesheet = _locked(timesheet)
    if not permissions.is_own(by, timesheet):
        raise PermissionDenied
    if not timesheet.entries.exists():
        raise HoursError(_("Er staan nog geen uren in deze maand. Schrijf eerst je uren."))
    timesheet.total_hours = timesheet.entries.aggregate(total=Sum("hours"))["total"]
    return _step(timesheet, TimesheetStep.Action.SUBMIT, TimesheetStatus.SUBMITTED, by=by, ip=ip)


@transaction.atomic
def withdraw_timesheet(timesheet: Timesheet, *, by: User, ip=None) -> Timesheet:
    """The burgerbaner takes a handed-in month back, as long as nobody acted on it yet."""
    timesheet = _locked(timesheet)
    if not permissions.is_own(by, timesheet):
        raise PermissionDenied
    if timesheet.status != TimesheetStatus.SUBMITTED:
        raise HoursError(
            _(
                "De coördinator heeft al naar deze maand gekeken. Je kunt hem niet meer "
                "terugnemen. Klopt er iets niet? Vraag de coördinator om hem af te keuren."
            )
        )
    return _step(timesheet, TimesheetStep.Action.WITHDRAW, TimesheetStatus.OPEN, by=by, ip=ip)


@transaction.atomic
def approve_timesheet(timesheet: Timesheet, *, by: User, ip=None) -> Timesheet:
    """A coordinator of the non-profit signs off; never their own hours."""
    timesheet = _locked(timesheet)
    if not permissions.can_approve(by, timesheet):
        raise PermissionDenied
    if timesheet.status != TimesheetStatus.SUBMITTED:
        raise HoursError(_("Dit urenoverzicht is al afgehandeld. Er is niets veranderd."))
    return _step(timesheet, TimesheetStep.Action.APPROVE, TimesheetStatus.APPROVED, by=by, ip=ip)


APPROVER_DOES_NOT_COUNTERSIGN = gettext_lazy(
    "Je hebt dit urenoverzicht al goedgekeurd voor de organisatie. Een andere ondertekenaar "
    "van Safe Almere keurt het goed."
)


@transaction.atomic
def countersign_timesheet(timesheet: Timesheet, *, by: User, ip=None) -> Timesheet:
    """A Safe Almere signer countersigns an approved timesheet.

    Never their own hours (PermissionDenied), and never hours they approved
    themselves as coordinator: four eyes, also for someone with both roles.
    """
    timesheet = _locked(timesheet)
    if not permissions.signs_for_safe_almere(by, timesheet):
        raise PermissionDenied
    if permissions.approved_it(by, timesheet):
        raise HoursError(str(APPROVER_DOES_NOT_COUNTERSIGN))
    if timesheet.status != TimesheetStatus.APPROVED:
        raise HoursError(_("Dit urenoverzicht is al afgehandeld. Er is niets veranderd."))
    return _step(
        timesheet,
        TimesheetStep.Action.COUNTERSIGN,
        TimesheetStatus.COUNTERSIGNED,
        by=by,
        ip=ip,
    )


@transaction.atomic
def reject_timesheet(timesheet: Timesheet, *, by: User, reason: str, ip=None) -> Timesheet:
    """Send a timesheet back to the burgerbaner, with a reason they will read."""
    timesheet = _locked(timesheet)
    if not permissions.can_reject(by, timesheet):
        raise PermissionDenied
    if not reason.strip():
        raise HoursError(_("Schrijf op waarom je afkeurt. De burgerbaner leest dit."))
    return _step(
        timesheet,
        TimesheetStep.Action.REJECT,
        TimesheetStatus.REJECTED,
        by=by,
        ip=ip,
        reason=reason.strip(),
    )
