import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions as people
from burgerbaan.errors import DomainError, InputRefused
from burgerbaan.forms import refusal
from burgerbaan.http import client_ip
from hours import permissions, services
from hours.forms import (
    FIRST_WEEK,
    ChooseTimesheetsForm,
    CorrectionForm,
    HourEntryForm,
    RejectForm,
    WeekForm,
)
from hours.models import HourEntry, Timesheet, TimesheetStatus
from hours.money import money
from hours.pdf import timesheet_pdf


def _week_start(request) -> datetime.date:
    form = WeekForm(request.GET)
    if not form.is_valid():
        raise InputRefused(refusal(form))
    return form.cleaned_data["week"]


def _entry_fields(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "confirm_over_maximum"}


def _save_entry(request, form, *, entry=None):
    """Check, warn about the maxima once, then save. Returns the entry or None."""
    burgerbaner = request.user.burgerbaner
    fields = _entry_fields(form)
    try:
        services.check_entry(burgerbaner, exclude=entry, **fields)
    except DomainError as exc:
        form.add_error(None, exc.message)
        return None, None
    extra_hours = fields["hours"] - (entry.hours if entry else 0)
    warning = services.cap_warning(
        burgerbaner, fields.get("corrects_date") or fields["date"], extra_hours
    )
    if warning and not form.cleaned_data.get("confirm_over_maximum"):
        return None, warning
    try:
        if entry is None:
            entry = services.log_hours(burgerbaner, by=request.user, **fields)
        else:
            entry = services.update_entry(entry, by=request.user, **fields)
    except DomainError as exc:
        form.add_error(None, exc.message)
        return None, None
    if warning:
        messages.warning(request, warning.message)
    messages.success(request, _("Je uren zijn opgeslagen."))
    return entry, None


@people.role_required(people.BURGERBANER)
def hours_home(request):
    burgerbaner = request.user.burgerbaner
    week_start = _week_start(request)
    form_class = CorrectionForm if request.GET.get("correctie") else HourEntryForm
    form = form_class(request.POST or None, burgerbaner=burgerbaner)
    warning = None
    if request.method == "POST" and form.is_valid():
        entry, warning = _save_entry(request, form)
        if entry is not None:
            week = entry.date - datetime.timedelta(days=entry.date.weekday())
            return redirect(f"{reverse('hours_home')}?week={week.isoformat()}")
        if warning:
            form = form_class(
                {**request.POST.dict(), "confirm_over_maximum": "on"}, burgerbaner=burgerbaner
            )
            form.is_valid()
    return render(
        request,
        "hours/hours_home.html",
        {
            **_hours_context(burgerbaner, week_start),
            "form": form,
            "warning": warning,
            "correction": form_class is CorrectionForm,
        },
    )


def _hours_context(burgerbaner, week_start: datetime.date) -> dict:
    """Everything the hours page shows; a fixed number of queries."""
    today = timezone.localdate()
    week_end = week_start + datetime.timedelta(days=6)
    month_start = today.replace(day=1)
    entries = list(
        HourEntry.objects.filter(
            timesheet__burgerbaner=burgerbaner, date__range=(week_start, week_end)
        ).select_related("agreement__organisation", "timesheet")
    )
    days = [
        {
            "date": week_start + datetime.timedelta(days=i),
            "entries": [e for e in entries if e.date == week_start + datetime.timedelta(days=i)],
        }
        for i in range(7)
    ]
    timesheets = list(
        Timesheet.objects.filter(
            burgerbaner=burgerbaner, month__gte=month_start.replace(year=month_start.year - 1)
        )
        .select_related("organisation")
        .annotate(total=Sum("entries__hours"), count=Count("entries"))
        .order_by("-month", "organisation__name")
    )
    return {
        "burgerbaner": burgerbaner,
        "week_start": week_start,
        "week_end": week_end,
        "previous_week": (
            week_start - datetime.timedelta(days=7) if week_start > FIRST_WEEK else None
        ),
        "next_week": week_start + datetime.timedelta(days=7) if week_end < today else None,
        "days": days,
        "week_total": sum((e.hours for e in entries), 0),
        "this_month": [t for t in timesheets if t.month == month_start],
        "timesheets": timesheets,
        "overview": money().overview(burgerbaner, today.year, today.month),
        "today": today,
    }


@people.role_required(people.BURGERBANER)
def entry_edit(request, pk: int):
    entry = get_object_or_404(
        HourEntry.objects.select_related("timesheet"),
        pk=pk,
        timesheet__burgerbaner__user=request.user,
    )
    if not entry.timesheet.is_editable:
        messages.error(request, _("Dit urenoverzicht is al ingediend of getekend."))
        return redirect("hours_home")
    form_class = CorrectionForm if entry.is_correction else HourEntryForm
    form = form_class(request.POST or None, instance=entry, burgerbaner=entry.timesheet.burgerbaner)
    warning = None
    if request.method == "POST" and form.is_valid():
        saved, warning = _save_entry(request, form, entry=HourEntry.objects.get(pk=entry.pk))
        if saved is not None:
            return redirect(f"{reverse('hours_home')}?week={saved.date.isoformat()}")
    return render(
        request, "hours/entry_form.html", {"form": form, "entry": entry, "warning": warning}
    )


@require_POST
@people.role_required(people.BURGERBANER)
def entry_delete(request, pk: int):
    entry = get_object_or_404(HourEntry, pk=pk, timesheet__burgerbaner__user=request.user)
    try:
        services.delete_entry(entry, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De uren zijn verwijderd."))
    return redirect(f"{reverse('hours_home')}?week={entry.date.isoformat()}")


@require_POST
@people.role_required(people.BURGERBANER)
def copy_week(request):
    week_start = _week_start(request)
    copied = services.copy_previous_week(
        request.user.burgerbaner, week_start=week_start, by=request.user
    )
    if copied:
        messages.success(
            request, _("%(n)s regels van vorige week zijn overgenomen.") % {"n": copied}
        )
    else:
        messages.info(request, _("Er was niets om over te nemen."))
    return redirect(f"{reverse('hours_home')}?week={week_start.isoformat()}")


# --- timesheets ----------------------------------------------------------------------


def _timesheet_for(request, pk: int) -> Timesheet:
    timesheet = get_object_or_404(
        Timesheet.objects.select_related("burgerbaner__user", "organisation"), pk=pk
    )
    if not permissions.can_view(request.user, timesheet):
        raise PermissionDenied
    return timesheet


def _queue(user, status: str):
    """Timesheets waiting for ``user``: submitted ones for a coordinator, approved for a signer."""
    if status == TimesheetStatus.SUBMITTED:
        queryset = Timesheet.objects.filter(
            organisation__in=people.coordinated_organisation_ids(user)
        )
    else:
        queryset = (
            Timesheet.objects.all()
            if people.has_role(user, people.SIGNER)
            else (Timesheet.objects.none())
        )
    if status == TimesheetStatus.APPROVED:
        queryset = queryset.exclude(pk__in=permissions.approved_by(user))
    return (
        queryset.filter(status=status)
        .exclude(burgerbaner__user=user)
        .select_related("burgerbaner", "organisation")
        .order_by("status_changed_at", "pk")
    )


@people.role_required(people.COORDINATOR)
def approve_queue(request):
    return _queue_page(request, TimesheetStatus.SUBMITTED)


@people.role_required(people.SIGNER)
def countersign_queue(request):
    return _queue_page(request, TimesheetStatus.APPROVED)


def _queue_page(request, status):
    countersign = status == TimesheetStatus.APPROVED
    if request.method == "POST":
        form = ChooseTimesheetsForm(request.POST)
        if not form.is_valid():
            messages.error(request, refusal(form))
            return redirect(request.path)
        chosen = Timesheet.objects.filter(pk__in=form.cleaned_data["timesheet"])
        action = services.countersign_timesheet if countersign else services.approve_timesheet
        done = 0
        for timesheet in chosen:
            try:
                action(timesheet, by=request.user, ip=client_ip(request))
            except (DomainError, PermissionDenied):
                continue
            done += 1
        if done:
            messages.success(request, _("%(n)s urenoverzichten zijn getekend.") % {"n": done})
        else:
            messages.error(request, _("Kies eerst een of meer urenoverzichten."))
        return redirect(request.path)
    # Oldest first, a hundred at a time: after a busy month thousands may wait.
    page = Paginator(_queue(request.user, status), 100).get_page(request.GET.get("pagina"))
    return render(
        request,
        "hours/queue.html",
        {"timesheets": page.object_list, "page": page, "countersign": countersign},
    )


@login_required
def timesheet_detail(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    entries = list(timesheet.entries.select_related("agreement__organisation"))
    can_approve = timesheet.status == TimesheetStatus.SUBMITTED and permissions.can_approve(
        request.user, timesheet
    )
    can_countersign = timesheet.status == TimesheetStatus.APPROVED and permissions.can_countersign(
        request.user, timesheet
    )
    approved_it_themselves = (
        timesheet.status == TimesheetStatus.APPROVED
        and permissions.signs_for_safe_almere(request.user, timesheet)
        and not can_countersign
    )
    next_in_queue = None
    if can_approve or can_countersign:
        next_in_queue = _queue(request.user, timesheet.status).exclude(pk=timesheet.pk).first()
    return render(
        request,
        "hours/timesheet_detail.html",
        {
            "timesheet": timesheet,
            "entries": entries,
            "total": sum((e.hours for e in entries), 0),
            "steps": timesheet.steps.select_related("by"),
            "is_own": permissions.is_own(request.user, timesheet),
            "can_approve": can_approve,
            "can_countersign": can_countersign,
            "four_eyes": services.APPROVER_DOES_NOT_COUNTERSIGN if approved_it_themselves else "",
            "reject_form": RejectForm() if can_approve or can_countersign else None,
            "next_in_queue": next_in_queue,
        },
    )


def _next_in_queue(request, status: str):
    """Go straight to the next timesheet waiting in the same queue, or back to the queue."""
    nxt = _queue(request.user, status).first()
    if nxt is not None:
        return redirect(nxt.get_absolute_url())
    return redirect("approve_queue" if status == TimesheetStatus.SUBMITTED else "countersign_queue")


def _sign_off(request, pk, action, success):
    timesheet = _timesheet_for(request, pk)
    before = timesheet.status
    try:
        action(timesheet, by=request.user, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(timesheet.get_absolute_url())
    messages.success(request, success)
    return _next_in_queue(request, before)


@require_POST
@login_required
def timesheet_submit(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    try:
        services.submit_timesheet(timesheet, by=request.user, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Je uren zijn ingediend. De coördinator kijkt ze na en tekent ze af.")
        )
    return redirect(timesheet.get_absolute_url())


@require_POST
@login_required
def timesheet_approve(request, pk: int):
    return _sign_off(request, pk, services.approve_timesheet, _("Afgetekend. Dank je wel."))


@require_POST
@login_required
def timesheet_countersign(request, pk: int):
    return _sign_off(request, pk, services.countersign_timesheet, _("Mede-ondertekend."))


@require_POST
@login_required
def timesheet_reject(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    if not permissions.can_reject(request.user, timesheet):
        raise PermissionDenied  # before the form: a refusal whatever was sent
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf op waarom je afkeurt. De burgerbaner leest dit."))
        return redirect(timesheet.get_absolute_url())
    before = timesheet.status
    try:
        services.reject_timesheet(
            timesheet, by=request.user, reason=form.cleaned_data["reason"], ip=client_ip(request)
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(timesheet.get_absolute_url())
    messages.success(request, _("Afgekeurd. De burgerbaner ziet je reden."))
    return _next_in_queue(request, before)


@login_required
def timesheet_pdf_view(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    response = HttpResponse(timesheet_pdf(timesheet), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="urenoverzicht-{timesheet.month:%Y-%m}-{timesheet.pk}.pdf"'
    )
    return response
