"""People's own pages in accounts: their profile, invitations, and adding people."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts import permissions as perms
from accounts.forms import (
    BurgerbanerAdminEditForm,
    BurgerbanerForm,
    ProfileForm,
    SetPasswordForm,
    StaffInviteForm,
)
from accounts.models import Burgerbaner, User
from accounts.services import (
    InvitationInvalid,
    accept_invitation,
    add_burgerbaner,
    find_invitation,
    invite_staff,
    send_invitation,
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
    """Choose a password with an invitation link.

    The link is checked first: an unknown, used or expired one changes
    nothing. Someone else logged in on this browser is asked to log out (a
    button, so never by just opening the link), so that two accounts never mix.
    """
    try:
        invitation = find_invitation(token)
    except InvitationInvalid as exc:
        return render(
            request, "accounts/invitation_invalid.html", {"message": exc.message}, status=410
        )
    if request.user.is_authenticated:
        if request.method == "POST" and "uitloggen" in request.POST:
            logout(request)
            return redirect(request.path)
        return render(request, "accounts/invitation_logout.html", {"invitation": invitation})
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
