"""Each role's home page, and a person's page: what waits for whom, from every app."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_noop

from accounts import permissions as perms
from accounts.forms import PeopleSearchForm
from accounts.models import Burgerbaner, Invitation, Organisation, Role, User
from agreements import renewal
from agreements.models import (
    AgreementStatus,
    AllowanceAgreement,
    Signature,
    VolunteerAgreement,
)
from agreements.permissions import sees_allowance_of, visible_agreements
from guidance import permissions as guidance_permissions
from guidance import services as guidance
from guidance.models import CheckIn
from hours.models import TimesheetStatus
from hours.permissions import queue as hours_queue
from payments import cap, to_pay
from payments.models import Payment, PaymentStatus
from rules.services import missing_next_year

DASHBOARDS = [
    (perms.BURGERBANER, "burgerbaner_dashboard", gettext_noop("Mijn burgerbaan")),
    (perms.COORDINATOR, "coordinator_dashboard", gettext_noop("Coördinator")),
    (perms.SIGNER, "signer_dashboard", gettext_noop("Ondertekenen")),
    (perms.TREASURER, "treasurer_dashboard", gettext_noop("Penningmeester")),
    (perms.ADMIN, "admin_dashboard", gettext_noop("Beheer")),
    (Role.Kind.SPONSOR, "sponsor_portal", gettext_noop("Sponsor")),
    (Role.Kind.REFERRER, "referral_list", gettext_noop("Verwijzen")),
]


def dashboards_for(user) -> list[tuple[str, str]]:
    kinds = perms.role_kinds(user)
    return [(url_name, label) for kind, url_name, label in DASHBOARDS if kind in kinds]


@login_required
def home(request):
    dashboards = dashboards_for(request.user)
    if dashboards:
        return redirect(dashboards[0][0])
    return render(request, "dashboards/no_role.html")


@perms.role_required(perms.BURGERBANER)
def burgerbaner_dashboard(request):
    burgerbaner = request.user.burgerbaner
    today = timezone.localdate()
    volunteer = list(
        burgerbaner.volunteeragreements.select_related("organisation", "coordinator")
        .prefetch_related("signatures")
        .exclude(status=AgreementStatus.DRAFT)
    )
    allowance = list(
        burgerbaner.allowanceagreements.select_related("source")
        .prefetch_related("signatures")
        .exclude(status=AgreementStatus.DRAFT)
    )
    awaiting = [
        agreement
        for agreement in volunteer + allowance
        if agreement.status == AgreementStatus.AWAITING_SIGNATURES
        and not any(s.party == Signature.Party.BURGERBANER for s in agreement.signatures.all())
    ]
    return render(
        request,
        "dashboards/burgerbaner_dashboard.html",
        {
            "burgerbaner": burgerbaner,
            "volunteer_agreements": volunteer,
            "allowance_agreements": allowance,
            "awaiting_my_signature": awaiting,
            "rejected": list(
                burgerbaner.timesheets.filter(status=TimesheetStatus.REJECTED)
                .select_related("organisation")
                .order_by("month")
            ),
            "notices": list(request.user.notices.all()[:5]),
            "overview": cap.overview(burgerbaner, today.year, today.month),
            "young_on_bijstand": burgerbaner.young_on_bijstand(today),
            "wellbeing_due": guidance.wellbeing_due(burgerbaner, today),
            "next_checkin": burgerbaner.checkins.filter(
                status=CheckIn.Status.PLANNED, date__gte=today
            )
            .select_related("organisation")
            .order_by("date")
            .first(),
        },
    )


@perms.role_required(perms.COORDINATOR)
def coordinator_dashboard(request):
    organisations = perms.coordinated_organisations(request.user).order_by("name")
    agreements = (
        VolunteerAgreement.objects.filter(organisation__in=organisations)
        .exclude(status=AgreementStatus.ENDED)
        .select_related("burgerbaner", "organisation")
        .order_by("organisation__name", "burgerbaner__legal_name")
    )
    by_org = {org.pk: {"organisation": org, "agreements": []} for org in organisations}
    for agreement in agreements:
        by_org[agreement.organisation_id]["agreements"].append(agreement)
    return render(
        request,
        "dashboards/coordinator_dashboard.html",
        {
            "groups": list(by_org.values()),
            "waiting_timesheets": hours_queue(request.user, TimesheetStatus.SUBMITTED).count(),
            **_due_checkins(request.user),
        },
    )


def _due_checkins(user) -> dict:
    """The people this coordinator (or admin) guides who need a conversation."""
    due = guidance.without_recent_checkin(
        guidance_permissions.guided_burgerbaners(user), timezone.localdate()
    ).order_by("legal_name")
    return {"due_checkins": list(due[:50]), "checkin_months": guidance.reminder_months()}


@perms.role_required(perms.SIGNER)
def signer_dashboard(request):
    counts = AllowanceAgreement.objects.aggregate(
        awaiting=Count("pk", filter=Q(status=AgreementStatus.AWAITING_SIGNATURES)),
        active=Count("pk", filter=Q(status=AgreementStatus.ACTIVE)),
    )
    counts["timesheets"] = hours_queue(request.user, TimesheetStatus.APPROVED).count()
    return render(request, "dashboards/signer_dashboard.html", {"counts": counts})


@perms.role_required(perms.TREASURER)
def treasurer_dashboard(request):
    today = timezone.localdate()
    in_force = AllowanceAgreement.objects.in_force_on(today)
    counts = {
        "unbatched": Payment.objects.filter(
            status=PaymentStatus.APPROVED, batch__isnull=True
        ).count(),
        "in_force": in_force.count(),
        "awaiting": AllowanceAgreement.objects.filter(
            status=AgreementStatus.AWAITING_SIGNATURES
        ).count(),
        "without_iban": Burgerbaner.objects.filter(iban="").count(),
    }
    return render(
        request,
        "dashboards/treasurer_dashboard.html",
        {
            "counts": counts,
            "near_maximum": _near_maximum(today),
            "months_to_pay": months_to_pay(today),
        },
    )


def _near_maximum(today) -> list[dict]:
    """Who reaches the annual maximum within two months, with their name."""
    near = to_pay.near_annual_maximum(today)
    names = Burgerbaner.objects.in_bulk([n.burgerbaner_id for n in near])
    return [{"burgerbaner": names[n.burgerbaner_id], "month": n.month} for n in near]


def months_to_pay(today) -> list[dict]:
    """Ended months with money still to pay, newest first: the money story's answer (so a
    corrected month that was paid before counts too), kept until money changes."""
    this_month = today.replace(day=1)
    found = {
        **to_pay.months_to_pay(today.year - 1, this_month),
        **to_pay.months_to_pay(today.year, this_month),
    }
    return [{"month": month, "people": n} for month, n in sorted(found.items(), reverse=True)]


@perms.role_required(perms.ADMIN)
def admin_dashboard(request):
    now = timezone.now()
    org_counts = dict(
        Organisation.objects.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    open_invites = Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    counts = {
        "burgerbaners": Burgerbaner.objects.count(),
        "nonprofits": org_counts.get(Organisation.Kind.NONPROFIT, 0),
        "sponsors": org_counts.get(Organisation.Kind.SPONSOR, 0),
        "open_invitations": open_invites.filter(expires_at__gt=now).count(),
        "expired_invitations": open_invites.filter(expires_at__lte=now).count(),
        "awaiting_agreements": VolunteerAgreement.objects.filter(
            status=AgreementStatus.AWAITING_SIGNATURES
        ).count()
        + AllowanceAgreement.objects.filter(status=AgreementStatus.AWAITING_SIGNATURES).count(),
    }
    # Agreements run within one year: only people about 21 can turn 21 during one.
    young = AllowanceAgreement.objects.exclude(status=AgreementStatus.ENDED).filter(
        hourly_rate_from_21__isnull=True,
        burgerbaner__date_of_birth__gte=datetime.date(now.year - 23, 1, 1),
    )
    without_rate_from_21 = [
        agreement
        for agreement in young.select_related("burgerbaner").order_by("start_date", "pk")
        if agreement.misses_rate_from_21()
    ]
    renewal_year = renewal.season(timezone.localdate())
    renewals = None
    if renewal_year:
        renewals = {
            "year": renewal_year,
            "to_renew": renewal.renewable(renewal_year).count(),
            "unsigned": renewal.unsigned(renewal_year).count(),
        }
    # Thousands of people: fifty a page, and a search on name or e-mail.
    search_form = PeopleSearchForm(request.GET)
    search = search_form.cleaned_data["zoek"] if search_form.is_valid() else ""
    people = User.objects.prefetch_related("roles__organisation").select_related("burgerbaner")
    if search:
        people = people.filter(Q(name__icontains=search) | Q(email__icontains=search))
    page = Paginator(people.order_by("name", "pk"), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "dashboards/admin_dashboard.html",
        {
            "counts": counts,
            "renewals": renewals,
            "page": page,
            "search": search,
            "search_form": search_form,
            "query": urlencode({"zoek": search}) if search else "",
            "without_rate_from_21": without_rate_from_21,
            "near_maximum": _near_maximum(timezone.localdate()),
            "missing_rules_year": missing_next_year(timezone.localdate()),
            **_due_checkins(request.user),
        },
    )


@login_required
def burgerbaner_detail(request, pk: int):
    burgerbaner = get_object_or_404(Burgerbaner.objects.select_related("user"), pk=pk)
    if not perms.can_view_burgerbaner(request.user, burgerbaner):
        raise PermissionDenied
    today = timezone.localdate()
    volunteer = (
        visible_agreements(request.user, VolunteerAgreement)
        .filter(burgerbaner=burgerbaner)
        .select_related("organisation", "coordinator")
    )
    return render(
        request,
        "dashboards/burgerbaner_detail.html",
        {
            "burgerbaner": burgerbaner,
            "volunteer_agreements": volunteer,
            "allowance_agreements": burgerbaner.allowanceagreements.select_related("source"),
            "full_iban": perms.can_see_full_iban(request.user, burgerbaner),
            "sees_benefit": perms.can_see_benefit(request.user, burgerbaner),
            "can_manage": perms.can_manage_people(request.user),
            "hide_allowance": not sees_allowance_of(request.user, burgerbaner),
            "sees_guidance": guidance_permissions.can_see(request.user, burgerbaner),
            "forecast": (
                None
                if not sees_allowance_of(request.user, burgerbaner)
                else cap.overview(burgerbaner, today.year, today.month)
            ),
        },
    )
