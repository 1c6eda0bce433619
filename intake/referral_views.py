"""Referrals from day care: the referrer's own list and form, and the admins' counts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import permissions as people
from accounts.models import Organisation
from burgerbaan.errors import DomainError
from intake import permissions, place_choice, referrals
from intake.forms import ReferralForm


def _referrer_only(request) -> Organisation:
    """The day-care organisation this person refers for; 403 for anyone else."""
    ids = permissions.referring_organisation_ids(request.user)
    if not ids:
        raise PermissionDenied
    return Organisation.objects.filter(pk__in=ids).order_by("name", "pk").first()


@login_required
def referral_list(request):
    """The referrer's home: the clients they referred and where each one stands."""
    organisation = _referrer_only(request)
    mine = (
        permissions.referrals_of(request.user)
        .select_related("application")
        .order_by("-referred_at", "-pk")
    )
    return render(
        request,
        "intake/referral_list.html",
        {"organisation": organisation, "referrals": list(mine[:200])},
    )


@login_required
def referral_create(request):
    organisation = _referrer_only(request)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        places = list(data.pop("places"))
        try:
            application = referrals.refer_client(
                by=request.user, organisation=organisation, places=places, **data
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(name)s is aangemeld. Hieronder zie je hoe het verder gaat.")
                % {"name": application.name},
            )
            return redirect("referral_list")
    if request.method == "POST":
        choice = place_choice.choose(place_choice.ids(request.POST.getlist("places")))
    else:
        choice = place_choice.from_query(request.GET)
        form = ReferralForm(initial={"places": choice.chosen_ids})
    return render(
        request,
        "intake/referral_form.html",
        {"form": form, "organisation": organisation, "choice": choice},
    )


@people.role_required(people.ADMIN)
def referral_report(request):
    return render(
        request,
        "intake/referral_report.html",
        {"rows": referrals.counts_per_organisation()},
    )
