from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts import permissions as people
from accounts.models import Burgerbaner
from agreements import permissions, renewal, services
from agreements.errors import AgreementError, AgreementLocked, AlreadySigned
from agreements.forms import (
    AllowanceAgreementForm,
    EndAgreementForm,
    RenewalForm,
    SignForm,
    VolunteerAgreementForm,
)
from agreements.funding import funding
from agreements.models import AgreementStatus, AllowanceAgreement, Signature, VolunteerAgreement
from agreements.pdf import agreement_pdf as render_agreement_pdf
from burgerbaan.forms import show_refusal
from burgerbaan.http import client_ip
from rules.services import RulesMissing

MODELS = {"vrijwilliger": VolunteerAgreement, "vergoeding": AllowanceAgreement}
FORMS = {VolunteerAgreement: VolunteerAgreementForm, AllowanceAgreement: AllowanceAgreementForm}


def _model(kind: str):
    try:
        return MODELS[kind]
    except KeyError as exc:
        raise Http404 from exc


def _agreement_for(request, kind: str, pk: int):
    """The agreement, if this user may see it: 404 when unknown, 403 when not theirs."""
    model = _model(kind)
    agreement = get_object_or_404(
        model.objects.select_related("burgerbaner__user", *model.RELATED), pk=pk
    )
    if not permissions.can_view(request.user, agreement):
        raise PermissionDenied
    return agreement


@login_required
def agreement_list(request):
    """What waits for this person's signature, then every agreement they may see."""
    lists = {}
    for model in (VolunteerAgreement, AllowanceAgreement):
        lists[model] = list(
            permissions.visible_agreements(request.user, model)
            .select_related("burgerbaner__user", *model.RELATED)
            .prefetch_related("signatures")
            .order_by("burgerbaner__legal_name", "-start_date", "-version")
        )
    to_sign = [
        agreement
        for agreements in lists.values()
        for agreement in agreements
        if agreement.status == AgreementStatus.AWAITING_SIGNATURES
        and (party := permissions.party_of(request.user, agreement))
        and party not in {s.party for s in agreement.signatures.all()}
    ]
    return render(
        request,
        "agreements/agreement_list.html",
        {
            "to_sign": to_sign,
            "volunteer_agreements": lists[VolunteerAgreement],
            "allowance_agreements": lists[AllowanceAgreement],
            "renewal_year": (
                timezone.localdate().year + 1 if permissions.can_manage(request.user) else None
            ),
        },
    )


@login_required
def agreement_detail(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    signatures = {s.party: s for s in agreement.signatures.select_related("signed_by")}
    party = permissions.party_of(request.user, agreement)
    can_sign = (
        agreement.status == AgreementStatus.AWAITING_SIGNATURES
        and party is not None
        and party not in signatures
    )
    is_admin = permissions.can_manage(request.user)
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "document": agreement.document(
                mask_iban=not permissions.sees_full_iban(request.user, agreement)
            ),
            "changes": agreement.changes_from_previous(
                mask_iban=not permissions.sees_full_iban(request.user, agreement)
            ),
            "burgerbaner_signature": signatures.get(Signature.Party.BURGERBANER),
            "organisation_signature": signatures.get(Signature.Party.ORGANISATION),
            "can_sign": can_sign,
            "prepared_it": (
                agreement.status == AgreementStatus.AWAITING_SIGNATURES
                and party is None
                and isinstance(agreement, AllowanceAgreement)
                and people.has_role(request.user, people.SIGNER)
                and permissions.prepared(request.user, agreement)
            ),
            "sign_form": (
                SignForm(initial={"document_sha256": agreement.document_sha256})
                if can_sign
                else None
            ),
            "is_admin": is_admin,
            "without_rate_from_21": (
                str(WITHOUT_RATE_FROM_21) % _birthday(agreement)
                if is_admin
                and isinstance(agreement, AllowanceAgreement)
                and agreement.status != AgreementStatus.ENDED
                and agreement.misses_rate_from_21()
                else ""
            ),
            "funding_warning": _funding_warning(agreement) if is_admin else None,
            "versions": agreement.all_versions() if is_admin else [],
            "history": agreement.history.select_related("history_user")[:50] if is_admin else [],
        },
    )


def _funding_warning(agreement) -> str | None:
    """Before anyone signs, an allowance agreement on a source without enough money warns."""
    if not isinstance(agreement, AllowanceAgreement) or agreement.status not in (
        AgreementStatus.DRAFT,
        AgreementStatus.AWAITING_SIGNATURES,
    ):
        return None
    return funding().shortfall_warning(agreement)


@require_POST
@login_required
def agreement_sign(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    if permissions.party_of(request.user, agreement) is None:
        raise PermissionDenied  # only the two parties sign, whatever they send
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zet een vinkje als je akkoord gaat. Er is nog niets getekend."))
        return redirect(agreement.get_absolute_url())
    try:
        services.sign_agreement(
            agreement,
            by=request.user,
            ip_address=client_ip(request),
            document_sha256=form.cleaned_data["document_sha256"],
        )
    except AlreadySigned as exc:
        messages.info(request, exc.message)
    except AgreementError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Je hebt de overeenkomst getekend. Dank je wel."))
    return redirect(agreement.get_absolute_url())


@login_required
def agreement_pdf(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    pdf = render_agreement_pdf(
        agreement, mask_iban=not permissions.sees_full_iban(request.user, agreement)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{agreement.filename()}"'
    return response


def _birthday(agreement: AllowanceAgreement) -> dict:
    return {
        "name": agreement.burgerbaner.legal_name,
        "day": date_format(agreement.burgerbaner.twenty_first_birthday(), "j F Y"),
    }


# Shown on the agreement's page the admin lands on after making or changing it.
WITHOUT_RATE_FROM_21 = gettext_lazy(
    "%(name)s wordt 21 op %(day)s, tijdens deze overeenkomst. Er staat geen vergoeding per "
    "uur vanaf 21 jaar in: vanaf de verjaardag blijft het lagere bedrag gelden. Vul een "
    "bedrag vanaf 21 jaar in als dat de bedoeling is."
)


@people.role_required(people.ADMIN)
def agreement_create(request, kind: str, burgerbaner_pk: int):
    model = _model(kind)
    burgerbaner = get_object_or_404(Burgerbaner, pk=burgerbaner_pk)
    form = FORMS[model](
        request.POST or None, burgerbaner=burgerbaner, **_form_extras(request, model)
    )
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.create_agreement(
                model, by=request.user, burgerbaner=burgerbaner, **form.cleaned_data
            )
        except AgreementError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("De overeenkomst is opgeslagen als concept."))
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_form.html",
        {"form": form, "burgerbaner": burgerbaner, "title": model.short_title, "agreement": None},
    )


def _form_extras(request, model) -> dict:
    """A volunteer agreement's form offers the coordinators of the organisation chosen, also
    when only the organisation comes along (``?organisation=``, as htmx asks)."""
    if model is not VolunteerAgreement:
        return {}
    extras = {"refresh_url": request.path}
    organisation = request.GET.get("organisation", "")
    if request.method == "GET" and organisation.isdigit():
        extras["initial"] = {"organisation": organisation}
    return extras


@people.role_required(people.ADMIN)
def agreement_edit(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    if agreement.is_locked:
        messages.error(request, str(AgreementLocked.MESSAGE))
        return redirect(agreement.get_absolute_url())
    form = FORMS[type(agreement)](
        request.POST or None,
        instance=agreement,
        burgerbaner=agreement.burgerbaner,
        **_form_extras(request, type(agreement)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_agreement(agreement, by=request.user, **form.cleaned_data)
        except AgreementError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_form.html",
        {
            "form": form,
            "burgerbaner": agreement.burgerbaner,
            "title": agreement.short_title,
            "agreement": agreement,
        },
    )


@require_POST
@people.role_required(people.ADMIN)
def agreement_send(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    try:
        services.send_for_signature(agreement, by=request.user, request=request)
    except AgreementError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("De overeenkomst is klaar om te tekenen. Beide partijen krijgen een e-mail.")
        )
    return redirect(agreement.get_absolute_url())


@require_POST
@people.role_required(people.ADMIN)
def agreement_new_version(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    try:
        version = services.new_version(agreement, by=request.user)
    except AgreementError as exc:
        messages.error(request, exc.message)
        return redirect(agreement.get_absolute_url())
    messages.success(
        request,
        _("Versie %(version)s is gemaakt. Pas hem aan en stuur hem ter ondertekening.")
        % {"version": version.version},
    )
    return redirect("agreement_edit", kind=kind, pk=version.pk)


@people.role_required(people.ADMIN)
def agreement_end(request, kind: str, pk: int):
    agreement = _agreement_for(request, kind, pk)
    form = EndAgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_agreement(
                agreement,
                on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except AgreementError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, _("De overeenkomst is beëindigd."))
            return redirect(agreement.get_absolute_url())
    return render(request, "agreements/agreement_end.html", {"form": form, "agreement": agreement})


@people.role_required(people.ADMIN)
def allowance_renewal(request, year: int):
    """Next year's allowance agreements in one step, and who has not signed them yet."""
    try:
        proposals = renewal.proposals(year)
    except RulesMissing:
        proposals = None
    form = None
    if proposals:
        form = RenewalForm(request.POST or None, proposals=proposals)
        if request.method == "POST" and form.is_valid():
            try:
                made = renewal.renew_allowance_agreements(
                    year, form.rates(), by=request.user, request=request
                )
            except AgreementError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s vergoedingsovereenkomst voor %(year)s is klaar om te tekenen.",
                        "%(count)s vergoedingsovereenkomsten voor %(year)s zijn klaar om te "
                        "tekenen.",
                        len(made),
                    )
                    % {"count": len(made), "year": year},
                )
                return redirect("allowance_renewal", year=year)
    unsigned = [
        (agreement, renewal.missing_parties(agreement)) for agreement in renewal.unsigned(year)
    ]
    return render(
        request,
        "agreements/renewal.html",
        {
            "year": year,
            "rules_missing": proposals is None,
            "form": form,
            "unsigned": unsigned,
        },
    )
