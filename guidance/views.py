"""Guidance pages: a person's conversations and goals, "Hoe gaat het?" and research consent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import permissions as people
from accounts.models import Burgerbaner, Organisation
from agreements.models import VolunteerAgreement
from burgerbaan.errors import DomainError
from guidance import permissions, services
from guidance.forms import (
    QUESTIONS,
    CheckInForm,
    EvaluationForm,
    GoalForm,
    GoalStateForm,
    OwnWordsForm,
    ResearchConsentForm,
    WellbeingForm,
)
from guidance.models import CheckIn, Goal, Wellbeing, quarter_of


def _person(request, pk: int) -> Burgerbaner:
    burgerbaner = get_object_or_404(Burgerbaner.objects.select_related("user"), pk=pk)
    if not permissions.can_see(request.user, burgerbaner):
        raise PermissionDenied
    return burgerbaner


@login_required
def person(request, pk: int):
    """Everything about someone's guidance on one page, for them and their guides."""
    burgerbaner = _person(request, pk)
    rights = permissions.page_rights(request.user, burgerbaner)
    places = list(
        permissions.current_places(burgerbaner)
        .select_related("organisation", "evaluation")
        .order_by("start_date")
    )
    for agreement in places:
        agreement.evaluation_due = (
            agreement.evaluation.due_on
            if hasattr(agreement, "evaluation")
            else services.default_evaluation_date(agreement)
        )
        agreement.may_set_evaluation = rights.may_set_evaluation(agreement)
    checkins = list(
        burgerbaner.checkins.select_related("organisation", "created_by").order_by("-date", "-pk")
    )
    for checkin in checkins:
        checkin.may_edit = rights.may_edit_checkin(checkin)
    return render(
        request,
        "guidance/person.html",
        {
            "burgerbaner": burgerbaner,
            "is_owner": rights.owner,
            "may_guide": rights.may_guide,
            "places": places,
            "checkins": checkins,
            "goals": burgerbaner.goals.all(),
            "goal_form": GoalForm(),
        },
    )


def _organisations_for(request, burgerbaner: Burgerbaner):
    if people.has_role(request.user, people.ADMIN):
        return Organisation.objects.filter(
            pk__in=permissions.current_places(burgerbaner).values("organisation")
        ).order_by("name")
    return permissions.guiding_organisations(request.user, burgerbaner).order_by("name")


def _checkin_form(request, burgerbaner, **kwargs) -> CheckInForm:
    return CheckInForm(
        request.POST if request.method == "POST" else None,
        organisations=_organisations_for(request, burgerbaner),
        admin=people.has_role(request.user, people.ADMIN),
        **kwargs,
    )


@login_required
def checkin_add(request, pk: int):
    burgerbaner = _person(request, pk)
    if not permissions.can_guide(request.user, burgerbaner):
        raise PermissionDenied
    form = _checkin_form(
        request,
        burgerbaner,
        initial={"status": CheckIn.Status.PLANNED, "date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            checkin = services.add_checkin(burgerbaner, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error("organisation", exc.message)
        else:
            if checkin.status == CheckIn.Status.HELD:
                messages.success(request, "Het gesprek is opgeschreven.")
            else:
                messages.success(request, f"Het gesprek staat gepland op {checkin.date:%d-%m-%Y}.")
            return redirect("guidance_person", pk=burgerbaner.pk)
    return render(request, "guidance/checkin_form.html", {"form": form, "burgerbaner": burgerbaner})


@login_required
def checkin_edit(request, pk: int):
    checkin = get_object_or_404(CheckIn.objects.select_related("burgerbaner__user"), pk=pk)
    if not permissions.can_edit_checkin(request.user, checkin):
        raise PermissionDenied
    burgerbaner = checkin.burgerbaner
    form = _checkin_form(
        request,
        burgerbaner,
        initial={name: getattr(checkin, name) for name in services.CHECKIN_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_checkin(checkin, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error("organisation", exc.message)
        else:
            messages.success(request, "Het gesprek is bijgewerkt.")
            return redirect("guidance_person", pk=burgerbaner.pk)
    return render(
        request,
        "guidance/checkin_form.html",
        {"form": form, "burgerbaner": burgerbaner, "checkin": checkin},
    )


@people.role_required(people.BURGERBANER)
def checkin_own_words(request, pk: int):
    checkin = get_object_or_404(CheckIn.objects.select_related("burgerbaner"), pk=pk)
    if not permissions.is_owner(request.user, checkin.burgerbaner):
        raise PermissionDenied
    form = OwnWordsForm(
        request.POST if request.method == "POST" else None, initial={"own_words": checkin.own_words}
    )
    if request.method == "POST" and form.is_valid():
        services.add_own_words(checkin, by=request.user, text=form.cleaned_data["own_words"])
        messages.success(request, "Je woorden staan bij het gesprek.")
        return redirect("guidance_person", pk=checkin.burgerbaner_id)
    return render(request, "guidance/own_words.html", {"form": form, "checkin": checkin})


@require_POST
@login_required
def goal_add(request, pk: int):
    burgerbaner = _person(request, pk)
    form = GoalForm(request.POST)
    if form.is_valid():
        services.add_goal(burgerbaner, by=request.user, title=form.cleaned_data["title"])
        messages.success(request, "Het doel staat erbij.")
        return redirect("guidance_person", pk=burgerbaner.pk)
    return render(
        request,
        "guidance/goal_form.html",
        {"form": form, "burgerbaner": burgerbaner},
    )


@login_required
def goal_state(request, pk: int):
    goal = get_object_or_404(Goal.objects.select_related("burgerbaner__user"), pk=pk)
    if not permissions.can_update_goal(request.user, goal):
        raise PermissionDenied
    form = GoalStateForm(
        request.POST if request.method == "POST" else None, initial={"state": goal.state}
    )
    if request.method == "POST" and form.is_valid():
        services.set_goal_state(goal, by=request.user, state=form.cleaned_data["state"])
        messages.success(request, f"'{goal.title}': {goal.get_state_display()}.")
        return redirect("guidance_person", pk=goal.burgerbaner_id)
    return render(request, "guidance/goal_state.html", {"form": form, "goal": goal})


@login_required
def evaluation_set(request, pk: int):
    agreement = get_object_or_404(
        VolunteerAgreement.objects.select_related("burgerbaner__user", "organisation"), pk=pk
    )
    if not permissions.can_set_evaluation(request.user, agreement):
        raise PermissionDenied
    current = getattr(agreement, "evaluation", None)
    form = EvaluationForm(
        request.POST if request.method == "POST" else None,
        initial={
            "due_on": current.due_on if current else services.default_evaluation_date(agreement)
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_evaluation(agreement, by=request.user, due_on=form.cleaned_data["due_on"])
        except DomainError as exc:
            form.add_error("due_on", exc.message)
        else:
            messages.success(request, "De evaluatiedatum is opgeslagen.")
            return redirect("guidance_person", pk=agreement.burgerbaner_id)
    return render(request, "guidance/evaluation_form.html", {"form": form, "agreement": agreement})


@people.role_required(people.BURGERBANER)
def wellbeing(request):
    """This quarter's "Hoe gaat het?", and every earlier answer to look back on."""
    burgerbaner = request.user.burgerbaner
    year, quarter = quarter_of(timezone.localdate())
    this = Wellbeing.objects.filter(burgerbaner=burgerbaner, year=year, quarter=quarter).first()
    initial = (
        {name: getattr(this, name) for name in services.WELLBEING_FIELDS}
        if this and not this.skipped
        else {}
    )
    form = WellbeingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.answer_wellbeing(burgerbaner, by=request.user, **form.cleaned_data)
        messages.success(request, "Dank je wel! Je antwoorden zijn bewaard. Alleen jij ziet ze.")
        return redirect("burgerbaner_dashboard")
    answers = [w for w in burgerbaner.wellbeing.all() if not w.skipped]
    return render(
        request,
        "guidance/wellbeing.html",
        {
            "form": form,
            "quarter": quarter,
            "year": year,
            "answers": answers,
            "questions": QUESTIONS,
        },
    )


@require_POST
@people.role_required(people.BURGERBANER)
def wellbeing_skip(request):
    services.skip_wellbeing(request.user.burgerbaner, by=request.user)
    messages.info(request, "Prima. Volgend kwartaal vragen we het weer.")
    return redirect("burgerbaner_dashboard")


@people.role_required(people.BURGERBANER)
def research(request):
    burgerbaner = request.user.burgerbaner
    given = services.research_consent(burgerbaner)
    form = ResearchConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"given": "ja" if given else "nee"},
    )
    if request.method == "POST" and form.is_valid():
        services.set_research_consent(
            burgerbaner, by=request.user, given=form.cleaned_data["given"]
        )
        if form.cleaned_data["given"]:
            messages.success(request, "Dank je wel. Je doet mee aan het onderzoek, zonder je naam.")
        else:
            messages.success(request, "Je doet niet mee. Je gegevens gaan niet naar het onderzoek.")
        return redirect("burgerbaner_dashboard")
    return render(
        request,
        "guidance/research.html",
        {"form": form, "given": given, "history": burgerbaner.research_consents.all()},
    )
