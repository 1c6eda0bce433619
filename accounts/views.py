from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from accounts import permissions as perms
from accounts import privacy
from accounts.forms import (
    BurgerbanerAdminEditForm,
    BurgerbanerForm,
    ProfileForm,
    SetPasswordForm,
    StaffInviteForm,
)
from accounts.models import Burgerbaner, Invitation, Organisation, User
from accounts.services import (
    InvitationInvalid,
    accept_invitation,
    add_burgerbaner,
    find_invitation,
    invite_staff,
    send_invitation,
)
from agreements.models import (
    AgreementStatus,
    AllowanceAgreement,
    Signature,
    VolunteerAgreement,
)
from agreements.permissions import sees_allowance_of
from burgerbaan.errors import DomainError
from hours.models import Timesheet, TimesheetStatus
from payments import cap

DASHBOARDS = [
    (perms.BURGERBANER, "burgerbaner_dashboard", gettext_noop("Mijn burgerbaan")),
    (perms.COORDINATOR, "coordinator_dashboard", gettext_noop("Coördinator")),
    (perms.SIGNER, "signer_dashboard", gettext_noop("Ondertekenen")),
    (perms.TREASURER, "treasurer_dashboard", gettext_noop("Penningmeester")),
    (perms.ADMIN, "admin_dashboard", gettext_noop("Beheer")),
]


def dashboards_for(user) -> list[tuple[str, str]]:
    kinds = perms.role_kinds(user)
    return [(url_name, label) for kind, url_name, label in DASHBOARDS if kind in kinds]


@login_required
def home(request):
    dashboards = dashboards_for(request.user)
    if dashboards:
        return redirect(dashboards[0][0])
    return render(request, "accounts/no_role.html")


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
        burgerbaner.allowanceagreements.select_related("sponsor")
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
        "accounts/burgerbaner_dashboard.html",
        {
            "burgerbaner": burgerbaner,
            "volunteer_agreements": volunteer,
            "allowance_agreements": allowance,
            "awaiting_my_signature": awaiting,
            "overview": cap.overview(burgerbaner, today.year, today.month),
        },
    )


@perms.role_required(perms.BURGERBANER)
def profile_edit(request):
    burgerbaner = request.user.burgerbaner
    form = ProfileForm(request.POST or None, instance=burgerbaner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Je gegevens zijn opgeslagen.")
        return redirect("burgerbaner_dashboard")
    return render(request, "accounts/profile_form.html", {"form": form})


@perms.role_required(perms.BURGERBANER)
def my_data(request):
    """Everything the pilot holds about the person asking, as one JSON file."""
    data = privacy.personal_data(request.user.burgerbaner)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-burgerbaan.json"'
    return response


@perms.role_required(perms.ADMIN)
def burgerbaner_anonymise(request, pk: int):
    """After the retention period: remove who this was, keep the money totals."""
    burgerbaner = get_object_or_404(Burgerbaner.objects.select_related("user"), pk=pk)
    if request.method == "POST":
        try:
            privacy.anonymise(burgerbaner, by=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, "De persoon is geanonimiseerd. De uren en bedragen zijn bewaard."
            )
        return redirect("burgerbaner_detail", pk=burgerbaner.pk)
    ends = privacy.retention_ends(burgerbaner, timezone.localdate())
    return render(
        request,
        "accounts/anonymise_confirm.html",
        {
            "burgerbaner": burgerbaner,
            "retention_ends": ends,
            "last_payment": privacy.last_payment_on(burgerbaner),
            "allowed": ends <= timezone.localdate() and not privacy.is_anonymised(burgerbaner),
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
    return render(request, "accounts/coordinator_dashboard.html", {"groups": list(by_org.values())})


@perms.role_required(perms.SIGNER)
def signer_dashboard(request):
    counts = AllowanceAgreement.objects.aggregate(
        awaiting=Count("pk", filter=Q(status=AgreementStatus.AWAITING_SIGNATURES)),
        active=Count("pk", filter=Q(status=AgreementStatus.ACTIVE)),
    )
    counts["timesheets"] = (
        Timesheet.objects.filter(status=TimesheetStatus.APPROVED)
        .exclude(burgerbaner__user=request.user)
        .count()
    )
    return render(request, "accounts/signer_dashboard.html", {"counts": counts})


@perms.role_required(perms.TREASURER)
def treasurer_dashboard(request):
    today = timezone.localdate()
    in_force = AllowanceAgreement.objects.in_force_on(today)
    counts = {
        "in_force": in_force.count(),
        "awaiting": AllowanceAgreement.objects.filter(
            status=AgreementStatus.AWAITING_SIGNATURES
        ).count(),
        "without_iban": Burgerbaner.objects.filter(iban="").count(),
    }
    return render(request, "accounts/treasurer_dashboard.html", {"counts": counts})


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
    # Thousands of people: fifty a page, and a search on name or e-mail.
    search = request.GET.get("zoek", "").strip()[:100]
    people = User.objects.prefetch_related("roles__organisation").select_related("burgerbaner")
    if search:
        people = people.filter(Q(name__icontains=search) | Q(email__icontains=search))
    page = Paginator(people.order_by("name", "pk"), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/admin_dashboard.html",
        {
            "counts": counts,
            "page": page,
            "search": search,
            "query": urlencode({"zoek": search}) if search else "",
        },
    )


@login_required
def burgerbaner_detail(request, pk: int):
    burgerbaner = get_object_or_404(Burgerbaner.objects.select_related("user"), pk=pk)
    if not perms.can_view_burgerbaner(request.user, burgerbaner):
        raise PermissionDenied
    volunteer = (
        perms.visible_volunteer_agreements(request.user)
        .filter(burgerbaner=burgerbaner)
        .select_related("organisation", "coordinator")
    )
    return render(
        request,
        "accounts/burgerbaner_detail.html",
        {
            "burgerbaner": burgerbaner,
            "volunteer_agreements": volunteer,
            "allowance_agreements": burgerbaner.allowanceagreements.select_related("sponsor"),
            "full_iban": perms.can_see_full_iban(request.user, burgerbaner),
            "can_manage": perms.can_manage_people(request.user),
            "hide_allowance": not sees_allowance_of(request.user, burgerbaner),
        },
    )


@perms.role_required(perms.ADMIN)
def burgerbaner_add(request):
    form = BurgerbanerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        burgerbaner = add_burgerbaner(
            email=form.cleaned_data["email"],
            by=request.user,
            request=request,
            **form.profile_data(),
        )
        messages.success(
            request,
            f"{burgerbaner.legal_name} is toegevoegd en krijgt een uitnodiging per e-mail.",
        )
        return redirect("burgerbaner_detail", pk=burgerbaner.pk)
    return render(request, "accounts/burgerbaner_form.html", {"form": form, "adding": True})


@perms.role_required(perms.ADMIN)
def burgerbaner_edit(request, pk: int):
    burgerbaner = get_object_or_404(Burgerbaner, pk=pk)
    form = BurgerbanerAdminEditForm(request.POST or None, instance=burgerbaner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "De gegevens zijn opgeslagen.")
        return redirect("burgerbaner_detail", pk=burgerbaner.pk)
    return render(
        request,
        "accounts/burgerbaner_form.html",
        {"form": form, "adding": False, "burgerbaner": burgerbaner},
    )


@perms.role_required(perms.ADMIN)
def staff_invite(request):
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = invite_staff(
            email=data["email"],
            name=data["name"],
            kind=data["kind"],
            organisation=data["organisation"],
            by=request.user,
            request=request,
        )
        messages.success(request, f"{user.name} krijgt een uitnodiging per e-mail.")
        return redirect("admin_dashboard")
    return render(request, "accounts/staff_invite.html", {"form": form})


@require_POST
@perms.role_required(perms.ADMIN)
def invitation_resend(request, user_pk: int):
    user = get_object_or_404(User, pk=user_pk)
    if user.has_usable_password():
        messages.error(request, f"{user.name} heeft al een wachtwoord en kan gewoon inloggen.")
    else:
        send_invitation(user, by=request.user, request=request)
        messages.success(request, f"Er is een nieuwe uitnodiging gestuurd naar {user.email}.")
    return redirect("admin_dashboard")


def invitation_accept(request, token: str):
    if request.user.is_authenticated:
        # The link is for someone else's first login; do not mix two accounts.
        logout(request)
    try:
        invitation = find_invitation(token)
    except InvitationInvalid as exc:
        return render(
            request, "accounts/invitation_invalid.html", {"message": exc.message}, status=410
        )
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accept_invitation(token, form.cleaned_data["password1"])
        except InvitationInvalid as exc:
            return render(
                request, "accounts/invitation_invalid.html", {"message": exc.message}, status=410
            )
        except ValidationError as exc:
            form.add_error("password1", exc)
        else:
            messages.success(request, "Je wachtwoord is ingesteld. Log nu in met je e-mailadres.")
            return redirect("account_login")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )
