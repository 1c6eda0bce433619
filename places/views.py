"""The vacancy bank: public list and pages, the coordinator's places, the admin's approval."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import permissions as people
from burgerbaan.errors import DomainError
from places import permissions, services
from places.forms import FilledForm, PlaceFilterForm, PlaceForm, SendBackForm
from places.models import Place, PlaceStatus

PER_PAGE = 20


@require_safe
def place_list(request):
    """Every place that is online, filtered by kind of work, district and hours."""
    form = PlaceFilterForm(request.GET)
    places = Place.objects.public().select_related("organisation").order_by("title", "pk")
    if form.is_valid():
        places = form.filter(places)
    query = request.GET.copy()
    query.pop("pagina", None)
    page = Paginator(places, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "places/place_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_safe
def place_detail(request, pk: int, slug: str):
    """One place. Visitors see it once it is online; its coordinator and admins before."""
    place = get_object_or_404(Place.objects.select_related("organisation"), pk=pk)
    editable = request.user.is_authenticated and permissions.can_edit(request.user, place)
    if not place.is_public and not editable:
        raise Http404
    if slug != place.slug:
        return redirect(place, permanent=True)
    return render(
        request,
        "places/place_detail.html",
        {"place": place, "editable": editable, "filled_form": FilledForm()},
    )


@require_safe
@people.role_required(people.COORDINATOR)
def my_places(request):
    places = (
        permissions.editable_places(request.user)
        .filter(organisation__in=people.coordinated_organisation_ids(request.user))
        .select_related("organisation")
        .order_by("organisation__name", "title", "pk")
    )
    return render(request, "places/my_places.html", {"places": places})


def _place_form(request, place: Place | None) -> PlaceForm:
    return PlaceForm(
        request.POST if request.method == "POST" else None,
        instance=place,
        organisations=permissions.organisations_for(request.user),
    )


def _apply_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@people.role_required(people.COORDINATOR)
def place_create(request):
    form = _place_form(request, None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.FIELDS}
        try:
            place = services.create_place(
                organisation=form.cleaned_data["organisation"], by=request.user, **fields
            )
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(
                request,
                _("De plek is opgeslagen als concept. Vraag goedkeuring als hij klaar is."),
            )
            return redirect(place)
    return render(request, "places/place_form.html", {"form": form, "place": None})


def _editable(request, pk: int) -> Place:
    place = get_object_or_404(Place.objects.select_related("organisation"), pk=pk)
    if not permissions.can_edit(request.user, place):
        raise PermissionDenied
    return place


@login_required
def place_edit(request, pk: int):
    place = _editable(request, pk)
    was_public = place.is_public
    form = _place_form(request, place)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.FIELDS}
        try:
            place = services.update_place(place, by=request.user, **fields)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            if was_public:
                messages.success(
                    request,
                    _(
                        "De wijziging is opgeslagen. De beheerder kijkt ernaar; "
                        "tot dan staat de plek offline."
                    ),
                )
            else:
                messages.success(request, _("De plek is opgeslagen."))
            return redirect(place)
    return render(
        request,
        "places/place_form.html",
        {"form": form, "place": Place.objects.get(pk=place.pk), "was_public": was_public},
    )


def _act(request, place: Place, action, done: str):
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(place)


@require_POST
@login_required
def place_submit(request, pk: int):
    place = _editable(request, pk)
    return _act(
        request,
        place,
        lambda: services.submit_place(place, by=request.user),
        _("De beheerder kijkt naar de plek en zet hem daarna online."),
    )


@require_POST
@login_required
def place_close(request, pk: int):
    place = _editable(request, pk)
    return _act(
        request,
        place,
        lambda: services.close_place(place, by=request.user),
        _("De plek staat niet meer online."),
    )


@require_POST
@login_required
def place_filled(request, pk: int):
    place = _editable(request, pk)
    form = FilledForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul een aantal in van 0 tot en met 50."))
        return redirect(place)
    return _act(
        request,
        place,
        lambda: services.set_filled(place, by=request.user, filled=form.cleaned_data["filled"]),
        _("Het aantal bezette plekken is opgeslagen."),
    )


@require_safe
@people.role_required(people.ADMIN)
def place_review(request):
    waiting = (
        Place.objects.filter(status=PlaceStatus.SUBMITTED)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )
    return render(request, "places/place_review.html", {"waiting": waiting, "form": SendBackForm()})


@require_POST
@people.role_required(people.ADMIN)
def place_approve(request, pk: int):
    place = get_object_or_404(Place, pk=pk)
    try:
        services.approve_place(place, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(title)s staat online.") % {"title": place.title})
    return redirect("place_review")


@require_POST
@people.role_required(people.ADMIN)
def place_send_back(request, pk: int):
    place = get_object_or_404(Place, pk=pk)
    form = SendBackForm(request.POST)
    if form.is_valid():
        try:
            services.send_back(place, by=request.user, note=form.cleaned_data["note"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("%(title)s is teruggestuurd naar de coördinator.") % {"title": place.title},
            )
    else:
        messages.error(request, _("Schrijf op wat er moet veranderen."))
    return redirect("place_review")
