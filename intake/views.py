"""Applying (public), and intake for admins: the funnel, one application and its steps."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions as people
from burgerbaan.errors import DomainError
from burgerbaan.http import client_ip
from intake import permissions, place_choice, services, spam
from intake.forms import (
    ApplicationForm,
    ConversationForm,
    NoteForm,
    PlacementForm,
    PlanForm,
    ReasonForm,
    StageFilterForm,
    WithdrawForm,
)
from intake.models import OPEN_STAGES, Application, Stage

RATE_LIMITED = _(
    "Er zijn vanaf dit adres al veel aanmeldingen verstuurd. Probeer het over een uur "
    "opnieuw, of bel ons."
)


def apply(request):
    """The public application form. From a place's page (``?plek=``) that place is chosen;
    a search (``?zoek=``) offers a few more. Choosing a place is never needed to apply."""
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if form.is_valid():
            address = client_ip(request)
            if spam.over_limit(address):
                form.add_error(None, RATE_LIMITED)
            else:
                data = dict(form.cleaned_data)
                for name in ("website", "started"):
                    data.pop(name)
                places = list(data.pop("places"))
                services.submit_application(places=places, **data)
                spam.count(address)
                return redirect("apply_done")
        # Whoever sends the form again starts a fresh clock.
        form.data = form.data.copy()
        form.data["started"] = spam.start_token()
        choice = place_choice.choose(place_choice.ids(request.POST.getlist("places")))
    else:
        choice = place_choice.from_query(request.GET)
        form = ApplicationForm(initial={"places": choice.chosen_ids})
    return render(
        request,
        "intake/apply.html",
        {"form": form, "choice": choice, "retention_days": _retention_days()},
    )


def _retention_days() -> int:
    return settings.APPLICATION_RETENTION_DAYS


@require_safe
def apply_done(request):
    return render(request, "intake/apply_done.html", {"retention_days": _retention_days()})


# --- intake, for admins ------------------------------------------------------------------

PER_PAGE = 50


@require_safe
@people.role_required(people.ADMIN)
def funnel(request):
    """How many are in each stage and how long they wait; below, the applications of a stage."""
    form = StageFilterForm(request.GET)
    stage = form.cleaned_data["fase"] if form.is_valid() else ""
    applications = Application.objects.order_by("stage_changed_at", "pk")
    applications = (
        applications.filter(stage=stage) if stage else applications.filter(stage__in=OPEN_STAGES)
    )
    page = Paginator(applications, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "intake/funnel.html",
        {
            "rows": services.funnel(),
            "form": form,
            "page": page,
            "query": f"fase={stage}" if stage else "",
        },
    )


def _application(request, pk: int) -> Application:
    if not permissions.can_run_intake(request.user):
        raise PermissionDenied
    return get_object_or_404(Application, pk=pk)


@require_safe
@people.role_required(people.ADMIN)
def application_detail(request, pk: int):
    application = _application(request, pk)
    return render(request, "intake/application_detail.html", _detail_context(application))


def _detail_context(application: Application, **forms) -> dict:
    initial_plan = {name: getattr(application, name) for name in services.PLAN_PARTS}
    return {
        "application": application,
        "places": application.places.select_related("organisation"),
        "events": application.events.select_related("by"),
        "conversation_form": forms.get("conversation_form")
        or ConversationForm(initial={"at": application.conversation_at}),
        "plan_form": forms.get("plan_form") or PlanForm(initial=initial_plan),
        "reason_form": forms.get("reason_form") or ReasonForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "withdraw_form": WithdrawForm(),
        "Stage": Stage,
    }


def _step(request, application, form_name, form, action, done):
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except DomainError as exc:
            if exc.field not in form.fields:
                # Not about what was typed but about the stage: the page shows where it is.
                messages.error(request, exc.message)
                return redirect("application_detail", pk=application.pk)
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, done)
            return redirect("application_detail", pk=application.pk)
    return render(
        request,
        "intake/application_detail.html",
        _detail_context(application, **{form_name: form}),
        status=200,
    )


@require_POST
@people.role_required(people.ADMIN)
def application_conversation(request, pk: int):
    application = _application(request, pk)
    return _step(
        request,
        application,
        "conversation_form",
        ConversationForm(request.POST),
        lambda data: services.plan_conversation(
            application, by=request.user, at=data["at"], note=data["note"]
        ),
        _("Het eerste gesprek is gepland."),
    )


@require_POST
@people.role_required(people.ADMIN)
def application_plan(request, pk: int):
    application = _application(request, pk)
    return _step(
        request,
        application,
        "plan_form",
        PlanForm(request.POST),
        lambda data: services.make_plan(application, by=request.user, **data),
        _("Het persoonlijk plan is opgeslagen."),
    )


@require_POST
@people.role_required(people.ADMIN)
def application_not_placed(request, pk: int):
    application = _application(request, pk)
    return _step(
        request,
        application,
        "reason_form",
        ReasonForm(request.POST),
        lambda data: services.not_placed(application, by=request.user, reason=data["reason"]),
        _("De aanmelding is afgesloten. De aanmelder krijgt de reden per e-mail."),
    )


@require_POST
@people.role_required(people.ADMIN)
def application_withdraw(request, pk: int):
    application = _application(request, pk)
    form = WithdrawForm(request.POST)
    try:
        note = form.cleaned_data["note"] if form.is_valid() else ""
        services.withdraw(application, by=request.user, note=note)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De aanmelding is teruggetrokken."))
    return redirect("application_detail", pk=application.pk)


@require_POST
@people.role_required(people.ADMIN)
def application_note(request, pk: int):
    application = _application(request, pk)
    return _step(
        request,
        application,
        "note_form",
        NoteForm(request.POST),
        lambda data: services.add_note(application, by=request.user, note=data["note"]),
        _("De notitie staat erbij."),
    )


@people.role_required(people.ADMIN)
def application_place(request, pk: int):
    """Place the applicant: only now the date of birth and an IBAN, for the agreements.
    The places they chose are offered; a search (``?zoek=``) finds another."""
    application = _application(request, pk)
    wished = application.places.select_related("organisation").order_by("title", "pk")[
        : place_choice.MAX_PLACES
    ]
    wished = [place for place in wished if place.is_public]
    initial = {"legal_name": application.name, "email": application.email}
    if wished:
        initial["place"] = wished[0].pk
    if request.method == "GET" and request.GET.get("place"):
        initial["place"] = request.GET["place"]
    form = PlacementForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            burgerbaner = services.place_applicant(
                application,
                services.Placement(**form.cleaned_data),
                by=request.user,
                request=request,
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is geplaatst en krijgt een uitnodiging per e-mail. De twee "
                    "overeenkomsten staan klaar als concept: stuur ze op om te tekenen."
                )
                % {"name": burgerbaner.legal_name},
            )
            return redirect(reverse("burgerbaner_detail", args=[burgerbaner.pk]))
    selected = form.chosen_place_id()
    choice = place_choice.choose(
        [selected] if selected else [],
        request.GET.get("zoek", "") if request.method == "GET" else "",
        suggested=wished,
    )
    return render(
        request,
        "intake/application_place.html",
        {"application": application, "form": form, "choice": choice, "selected": selected},
    )


# --- the plan, for the coordinator of a chosen place --------------------------------------


@require_safe
@people.role_required(people.COORDINATOR)
def plans_for_my_places(request):
    applications = permissions.plans_for_coordinator(request.user).order_by("created_at", "pk")
    return render(request, "intake/plans_for_my_places.html", {"applications": applications[:200]})


@require_safe
@login_required
def application_plan_view(request, pk: int):
    application = get_object_or_404(Application, pk=pk)
    if not permissions.can_see_plan(request.user, application):
        raise PermissionDenied
    return render(request, "intake/plan.html", {"application": application})
