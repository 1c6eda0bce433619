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
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import permissions as people
from accounts.models import Organisation
from accounts.templatetags.burgerbaan import hours as format_hours
from agreements.models import AgreementStatus
from burgerbaan.confirm import Confirm, ask, confirmed
from burgerbaan.errors import DomainError, InputRefused
from burgerbaan.forms import refusal, show_refusal
from burgerbaan.http import client_ip
from hours import permissions, services
from hours.forms import (
    FIRST_WEEK,
    ChooseTimesheetsForm,
    CorrectionForm,
    HourEntryForm,
    QueueFilterForm,
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
        show_refusal(form, exc)
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
        show_refusal(form, exc)
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
        "not_started": [
            agreement
            for agreement in burgerbaner.volunteeragreements.exclude(
                status=AgreementStatus.ENDED
            ).select_related("organisation")
            if agreement.start_date > today
            or agreement.status in (AgreementStatus.DRAFT, AgreementStatus.AWAITING_SIGNATURES)
        ],
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
    entry = get_object_or_404(
        HourEntry.objects.select_related("agreement__organisation"),
        pk=pk,
        timesheet__burgerbaner__user=request.user,
    )
    week = f"{reverse('hours_home')}?week={entry.date.isoformat()}"
    if not confirmed(request):
        return ask(
            request,
            Confirm(
                title=_("Uren van %(day)s verwijderen?")
                % {"day": date_format(entry.date, "l j F Y")},
                items=[_entry_line(entry.hours, entry.agreement, entry.description)],
                button=_("Ja, verwijderen"),
                back=week,
            ),
        )
    try:
        services.delete_entry(entry, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De uren zijn verwijderd."))
    return redirect(week)


def _entry_line(hours, agreement, description) -> str:
    return _("%(hours)s uur bij %(organisation)s: %(description)s") % {
        "hours": format_hours(hours),
        "organisation": agreement.organisation.name,
        "description": description,
    }


@require_POST
@people.role_required(people.BURGERBANER)
def copy_week(request):
    """Show what last week's hours would add to this week; add them once confirmed."""
    week_start = _week_start(request)
    back = f"{reverse('hours_home')}?week={week_start.isoformat()}"
    burgerbaner = request.user.burgerbaner
    plan = services.plan_copy_previous_week(burgerbaner, week_start=week_start)
    skipped = [
        _("%(day)s: %(reason)s")
        % {"day": date_format(entry.date + datetime.timedelta(days=7), "l j F"), "reason": reason}
        for entry, reason in plan.skipped
    ]
    if not plan.add:
        messages.info(request, _("Er is niets om over te nemen van vorige week."))
        for line in skipped:
            messages.info(request, _("Niet overgenomen: %(line)s") % {"line": line})
        return redirect(back)
    if not confirmed(request):
        return ask(
            request,
            Confirm(
                title=_("Uren van vorige week overnemen?"),
                lines=[_("Dit komt erbij:")],
                items=[
                    f"{date_format(f['date'], 'l j F').capitalize()} · "
                    f"{_entry_line(f['hours'], f['agreement'], f['description'])}"
                    for f in plan.add
                ],
                aside_title=_("Dit wordt niet overgenomen") if skipped else "",
                aside=skipped,
                warning=" ".join(plan.warnings),
                button=_("Ja, overnemen"),
                back=back,
            ),
        )
    copied = services.copy_previous_week(burgerbaner, week_start=week_start, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(n)s regel van vorige week is overgenomen.",
            "%(n)s regels van vorige week zijn overgenomen.",
            copied,
        )
        % {"n": copied},
    )
    for warning in plan.warnings:
        messages.warning(request, warning)
    return redirect(back)


# --- timesheets ----------------------------------------------------------------------


def _timesheet_for(request, pk: int) -> Timesheet:
    timesheet = get_object_or_404(
        Timesheet.objects.select_related("burgerbaner__user", "organisation"), pk=pk
    )
    if not permissions.can_view(request.user, timesheet):
        raise PermissionDenied
    return timesheet


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
        chosen = list(permissions.queue(request.user, status).filter(pk__in=form.chosen_ids()))
        if not chosen:
            messages.error(request, _("Kies eerst een of meer urenoverzichten."))
            return redirect(request.path)
        if not confirmed(request):
            return ask(request, _sign_off_confirmation(chosen, countersign, back=request.path))
        action = services.countersign_timesheet if countersign else services.approve_timesheet
        done = 0
        for timesheet in chosen:
            try:
                action(timesheet, by=request.user, ip=client_ip(request))
            except (DomainError, PermissionDenied):
                continue
            done += 1
        messages.success(
            request,
            ngettext(
                "%(n)s urenoverzicht is goedgekeurd.",
                "%(n)s urenoverzichten zijn goedgekeurd.",
                done,
            )
            % {"n": done},
        )
        return redirect(request.get_full_path())
    queue = permissions.queue(request.user, status)
    organisations = (
        Organisation.objects.none()
        if countersign
        else people.coordinated_organisations(request.user).order_by("name")
    )
    narrow = QueueFilterForm(request.GET, organisations=organisations)
    if not narrow.is_valid():
        raise InputRefused(refusal(narrow))
    if narrow.cleaned_data["organisatie"] is not None:
        queue = queue.filter(organisation=narrow.cleaned_data["organisatie"])
    # Oldest first, a hundred at a time: after a busy month thousands may wait.
    page = Paginator(queue, 100).get_page(request.GET.get("pagina"))
    return render(
        request,
        "hours/queue.html",
        {
            "timesheets": page.object_list,
            "page": page,
            "countersign": countersign,
            "narrow": narrow if len(organisations) > 1 else None,
            "query": (
                f"organisatie={narrow.cleaned_data['organisatie'].pk}"
                if narrow.cleaned_data["organisatie"]
                else ""
            ),
        },
    )


def _timesheet_line(timesheet: Timesheet) -> str:
    return _("%(name)s, %(month)s bij %(organisation)s: %(hours)s uur") % {
        "name": timesheet.burgerbaner.legal_name,
        "month": date_format(timesheet.month, "F Y"),
        "organisation": timesheet.organisation.name,
        "hours": format_hours(timesheet.total_hours),
    }


def _sign_off_confirmation(timesheets, countersign: bool, *, back: str) -> Confirm:
    if countersign:
        title = ngettext(
            "Dit urenoverzicht goedkeuren voor Safe Almere?",
            "Deze %(n)s urenoverzichten goedkeuren voor Safe Almere?",
            len(timesheets),
        )
        after = _("Daarna kan de penningmeester de vergoeding betalen.")
    else:
        title = ngettext(
            "Dit urenoverzicht aftekenen?",
            "Deze %(n)s urenoverzichten aftekenen?",
            len(timesheets),
        )
        after = _(
            "Daarna kan de burgerbaner deze uren niet meer veranderen. Safe Almere keurt "
            "ze daarna goed."
        )
    return Confirm(
        title=title % {"n": len(timesheets)},
        items=[_timesheet_line(t) for t in timesheets],
        lines=[after],
        fields=[("timesheet", t.pk) for t in timesheets],
        button=_("Ja, goedkeuren") if countersign else _("Ja, aftekenen"),
        back=back,
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
        next_in_queue = (
            permissions.queue(request.user, timesheet.status).exclude(pk=timesheet.pk).first()
        )
    return render(
        request,
        "hours/timesheet_detail.html",
        {
            "timesheet": timesheet,
            "entries": entries,
            "total": sum((e.hours for e in entries), 0),
            "steps": timesheet.steps.select_related("by"),
            "is_own": permissions.is_own(request.user, timesheet),
            "can_withdraw": permissions.can_withdraw(request.user, timesheet),
            "can_approve": can_approve,
            "can_countersign": can_countersign,
            "four_eyes": services.APPROVER_DOES_NOT_COUNTERSIGN if approved_it_themselves else "",
            "reject_form": RejectForm() if can_approve or can_countersign else None,
            "next_in_queue": next_in_queue,
        },
    )


def _next_in_queue(request, status: str):
    """Go straight to the next timesheet waiting in the same queue, or back to the queue."""
    nxt = permissions.queue(request.user, status).first()
    if nxt is not None:
        return redirect(nxt.get_absolute_url())
    return redirect("approve_queue" if status == TimesheetStatus.SUBMITTED else "countersign_queue")


def _sign_off(request, pk, action, countersign: bool):
    timesheet = _timesheet_for(request, pk)
    before = timesheet.status
    allowed = (permissions.can_countersign if countersign else permissions.can_approve)(
        request.user, timesheet
    )
    if allowed and not confirmed(request):
        return ask(
            request,
            _sign_off_confirmation([timesheet], countersign, back=timesheet.get_absolute_url()),
        )
    try:
        action(timesheet, by=request.user, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(timesheet.get_absolute_url())
    done = {
        "name": timesheet.burgerbaner.legal_name,
        "month": date_format(timesheet.month, "F Y"),
    }
    if countersign:
        text = _("Goedgekeurd voor Safe Almere: %(month)s van %(name)s.") % done
    else:
        text = _("Afgetekend: %(month)s van %(name)s. Dank je wel.") % done
    messages.success(request, text)
    return _next_in_queue(request, before)


@require_POST
@login_required
def timesheet_submit(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    if permissions.is_own(request.user, timesheet) and not confirmed(request):
        total = timesheet.entries.aggregate(total=Sum("hours"))["total"] or 0
        return ask(
            request,
            Confirm(
                title=_("%(month)s bij %(organisation)s indienen?")
                % {
                    "month": date_format(timesheet.month, "F Y").capitalize(),
                    "organisation": timesheet.organisation.name,
                },
                lines=[
                    _("Je dient %(hours)s uur in.") % {"hours": format_hours(total)},
                    _(
                        "Daarna kun je deze uren niet meer veranderen. Zolang de coördinator "
                        "er nog niet naar gekeken heeft, kun je de maand terugnemen."
                    ),
                ],
                button=_("Ja, indienen"),
                back=timesheet.get_absolute_url(),
            ),
        )
    try:
        services.submit_timesheet(timesheet, by=request.user, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Je uren zijn ingediend. De coördinator kijkt ze na en tekent ze af. Tot die "
                "tijd kun je de maand nog terugnemen."
            ),
        )
    return redirect(timesheet.get_absolute_url())


@require_POST
@login_required
def timesheet_withdraw(request, pk: int):
    timesheet = _timesheet_for(request, pk)
    try:
        services.withdraw_timesheet(timesheet, by=request.user, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Je hebt %(month)s teruggenomen. Je kunt je uren weer veranderen en de maand "
                "daarna opnieuw indienen."
            )
            % {"month": date_format(timesheet.month, "F Y")},
        )
    return redirect(timesheet.get_absolute_url())


@require_POST
@login_required
def timesheet_approve(request, pk: int):
    return _sign_off(request, pk, services.approve_timesheet, countersign=False)


@require_POST
@login_required
def timesheet_countersign(request, pk: int):
    return _sign_off(request, pk, services.countersign_timesheet, countersign=True)


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
