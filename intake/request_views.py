"""Choosing your own work: ask for a place or to stop, invite, answer and decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions as people
from accounts.models import Burgerbaner
from agreements.models import AgreementStatus, VolunteerAgreement
from burgerbaan.errors import DomainError
from intake import permissions
from intake import place_requests as services
from intake.forms import AnswerForm, AskPlaceForm, DecideForm, InviteForm, StopForm
from intake.models import REQUEST_OPEN, PlaceRequest
from places.models import Place

WHO_ASKS = (people.BURGERBANER, people.COORDINATOR, people.ADMIN)


def _request_for(request, pk: int) -> PlaceRequest:
    """The request, if this person may see it: 404 when unknown, 403 when not theirs."""
    found = get_object_or_404(
        PlaceRequest.objects.select_related("burgerbaner__user", "place", "organisation"), pk=pk
    )
    if not permissions.visible_requests(request.user).filter(pk=found.pk).exists():
        raise PermissionDenied
    return found


@login_required
def place_request_list(request):
    """What waits for this person's answer, then every request they may see."""
    if not people.role_kinds(request.user) & set(WHO_ASKS):
        raise PermissionDenied
    visible = list(
        permissions.visible_requests(request.user)
        .select_related("burgerbaner__user", "place", "organisation")
        .order_by("-requested_at", "-pk")[:200]
    )
    waiting = [
        r
        for r in visible
        if permissions.can_answer_request(request.user, r)
        or permissions.can_decide_request(request.user, r)
    ]
    mine = []
    if people.has_role(request.user, people.BURGERBANER):
        mine = list(
            request.user.burgerbaner.volunteeragreements.filter(status=AgreementStatus.ACTIVE)
            .select_related("organisation")
            .order_by("organisation__name")
        )
    return render(
        request,
        "intake/place_request_list.html",
        {
            "waiting": waiting,
            "requests": visible,
            "running": mine,
            "can_invite": people.has_role(request.user, people.COORDINATOR),
        },
    )


@people.role_required(people.BURGERBANER)
def place_request_ask(request, place_pk: int):
    place = get_object_or_404(Place.objects.public().select_related("organisation"), pk=place_pk)
    form = AskPlaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ask_for_place(
                request.user.burgerbaner,
                place,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Je vraag is verstuurd. %(organisation)s laat weten of het past.")
                % {"organisation": place.organisation.name},
            )
            return redirect("place_request_list")
    return render(request, "intake/place_request_ask.html", {"form": form, "place": place})


@people.role_required(people.BURGERBANER)
def place_request_stop(request, agreement_pk: int):
    agreement = get_object_or_404(
        VolunteerAgreement.objects.select_related("organisation", "burgerbaner"),
        pk=agreement_pk,
        burgerbaner__user=request.user,
    )
    form = StopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ask_to_stop(agreement, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Je vraag om te stoppen is verstuurd."))
            return redirect("place_request_list")
    return render(request, "intake/place_request_stop.html", {"form": form, "agreement": agreement})


@people.role_required(people.COORDINATOR)
def place_request_invite(request):
    places = (
        Place.objects.public()
        .filter(organisation__in=people.coordinated_organisation_ids(request.user))
        .select_related("organisation")
        .order_by("title", "pk")
    )
    form = InviteForm(request.POST or None, places=places)
    if request.method == "POST" and form.is_valid():
        burgerbaner = Burgerbaner.objects.filter(
            user__email__iexact=form.cleaned_data["email"]
        ).first()
        if burgerbaner is None:
            form.add_error("email", _("Er is geen burgerbaner met dit e-mailadres."))
        else:
            try:
                services.invite_to_place(
                    burgerbaner,
                    form.cleaned_data["place"],
                    by=request.user,
                    message=form.cleaned_data["message"],
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Je uitnodiging is verstuurd."))
                return redirect("place_request_list")
    return render(request, "intake/place_request_invite.html", {"form": form})


@login_required
def place_request_detail(request, pk: int):
    found = _request_for(request, pk)
    return render(
        request,
        "intake/place_request_detail.html",
        {
            "place_request": found,
            "answer_form": AnswerForm()
            if permissions.can_answer_request(request.user, found)
            else None,
            "decide_form": DecideForm()
            if permissions.can_decide_request(request.user, found)
            else None,
            "can_withdraw": found.status in REQUEST_OPEN
            and found.requested_by_id == request.user.pk,
            "history": found.history.select_related("history_user")[:50]
            if people.has_role(request.user, people.ADMIN)
            else [],
        },
    )


@require_POST
@login_required
def place_request_answer(request, pk: int):
    found = _request_for(request, pk)
    if not permissions.can_answer_request(request.user, found):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies ja of nee. Bij nee: schrijf op waarom niet."))
        return redirect("place_request_detail", pk=found.pk)
    try:
        services.answer(
            found,
            by=request.user,
            yes=form.cleaned_data["answer"] == "ja",
            reason=form.cleaned_data["reason"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Je antwoord is opgeslagen."))
    return redirect("place_request_detail", pk=found.pk)


@require_POST
@people.role_required(people.ADMIN)
def place_request_decide(request, pk: int):
    found = _request_for(request, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies ja of nee. Bij nee: schrijf op waarom niet."))
        return redirect("place_request_detail", pk=found.pk)
    try:
        services.decide(
            found,
            by=request.user,
            yes=form.cleaned_data["answer"] == "ja",
            reason=form.cleaned_data["reason"],
            start=form.cleaned_data["start"],
        )
    except PermissionDenied:
        messages.error(request, _("Dit verzoek wacht niet op jouw besluit."))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Het besluit is opgeslagen."))
    return redirect("place_request_detail", pk=found.pk)


@require_POST
@login_required
def place_request_withdraw(request, pk: int):
    found = _request_for(request, pk)
    if found.requested_by_id != request.user.pk:
        raise PermissionDenied
    try:
        services.withdraw_request(found, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Het verzoek is ingetrokken."))
    return redirect("place_request_detail", pk=found.pk)
