import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import permissions as people
from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from burgerbaan.confirm import Confirm, ask, confirmed
from burgerbaan.forms import refusal
from burgerbaan.money import format_euro, round_cents
from payments import cap, permissions, services, to_pay
from payments.errors import PaymentError
from payments.forms import (
    BenefitPeriodForm,
    ChooseBurgerbanersForm,
    ChoosePaymentsForm,
    CorrectElsewhereForm,
    CorrectExtraForm,
    ElsewhereForm,
    ExtraForm,
    MarkPaidForm,
    MonthForm,
    ReturnForm,
)
from payments.models import ElsewhereAllowance, Extra, Payment, PaymentBatch, PaymentStatus
from payments.pdf import benefit_pdf, payment_pdf


def _staff(user) -> bool:
    return bool(people.role_kinds(user) & {people.TREASURER, people.ADMIN, people.SIGNER})


def _payment_for(request, pk: int) -> Payment:
    payment = get_object_or_404(
        Payment.objects.select_related("burgerbaner__user", "batch", "approved_by", "returned_by"),
        pk=pk,
    )
    if not (_staff(request.user) or payment.burgerbaner.user_id == request.user.pk):
        raise PermissionDenied
    return payment


@people.role_required(people.TREASURER)
def treasurer_home(request):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    form = MonthForm(
        request.GET or None, initial={"year": last_month.year, "month": last_month.month}
    )
    if request.GET and form.is_valid():
        return redirect("month_proposal", form.cleaned_data["year"], form.cleaned_data["month"])
    waiting = Payment.objects.filter(status=PaymentStatus.APPROVED, batch__isnull=True)
    this_month = today.replace(day=1)
    waiting_months = {
        **to_pay.months_to_pay(today.year - 1, this_month),
        **to_pay.months_to_pay(today.year, this_month),
    }
    return render(
        request,
        "payments/treasurer_home.html",
        {
            "form": form,
            "last_month": last_month,
            "earlier": [(month, n) for month, n in waiting_months.items() if month != last_month],
            "batches": PaymentBatch.objects.select_related("created_by")[:24],
            "unbatched": waiting.count(),
        },
    )


# People per page of the month proposal.
PROPOSAL_PAGE = 100


def _people_of_month(year: int, month: int):
    first = datetime.date(year, month, 1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    with_agreement = (
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
    )
    return Burgerbaner.objects.filter(
        Q(pk__in=with_agreement.values("burgerbaner"))
        | Q(pk__in=Payment.objects.filter(year=year, month=month).values("burgerbaner"))
    ).order_by("legal_name")


@people.role_required(people.TREASURER)
def month_proposal(request, year: int, month: int):
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    try:
        services.check_month_ended(year, month)
    except PaymentError as exc:
        messages.error(request, exc.message)
        return redirect("treasurer_home")
    if request.method == "POST":
        confirmation = None if confirmed(request) else _approval_confirmation(request, year, month)
        if confirmation is not None:
            return ask(request, confirmation)
        if request.POST.get("alles"):
            _approve_whole_month(request, year, month)
        else:
            _approve_chosen(request, year, month)
        return redirect("month_proposal", year, month)
    page = Paginator(_people_of_month(year, month), PROPOSAL_PAGE).get_page(
        request.GET.get("pagina")
    )
    persons = list(page.object_list)
    overviews = to_pay.overviews([p.pk for p in persons], year, month)
    refusals = services.approval_refusals(persons, year, month, by=request.user)
    rows, nothing = [], []
    for person in persons:
        proposal = overviews[person.pk].proposal()
        if proposal.payable:
            rows.append(
                {
                    "burgerbaner": person,
                    "overview": overviews[person.pk],
                    "proposal": proposal,
                    "refusal": refusals.get(person.pk, ""),
                }
            )
        else:
            nothing.append(person)
    return render(
        request,
        "payments/month_proposal.html",
        {
            "year": year,
            "month": month,
            "month_start": datetime.date(year, month, 1),
            "page": page,
            "rows": rows,
            "nothing": nothing,
            "total_proposed": sum((r["proposal"].proposed for r in rows), cap.ZERO),
            "total_held": sum((r["proposal"].held for r in rows), cap.ZERO),
            **_approved_in(year, month, persons),
        },
    )


def _approved_in(year: int, month: int, persons) -> dict:
    """What was approved for this month already (the payments of the people on this page,
    the total of all), and whether a batch is the next step."""
    of_month = Payment.objects.filter(year=year, month=month)
    approved = list(
        of_month.filter(burgerbaner__in=persons)
        .select_related("burgerbaner", "approved_by", "batch")
        .order_by("burgerbaner__legal_name", "pk")
    )
    total = (
        of_month.exclude(status=PaymentStatus.RETURNED).order_by().aggregate(total=Sum("amount"))
    )["total"]
    return {
        "approved": approved,
        "approved_total": round_cents(total or cap.ZERO),
        "unbatched": Payment.objects.filter(
            status=PaymentStatus.APPROVED, batch__isnull=True
        ).count(),
    }


def _approval_confirmation(request, year: int, month: int) -> Confirm | None:
    """What approving would pay, person by person.

    None when it would pay nothing: approving then only says why, and changes nothing.
    """
    whole = bool(request.POST.get("alles"))
    if whole:
        persons = list(_people_of_month(year, month))
    else:
        form = ChooseBurgerbanersForm(request.POST)
        if not form.is_valid():
            return None
        persons = list(
            Burgerbaner.objects.filter(pk__in=form.cleaned_data["burgerbaner"]).order_by(
                "legal_name"
            )
        )
    overviews = cap.overviews([p.pk for p in persons], year, month)
    refusals = services.approval_refusals(persons, year, month, by=request.user)
    paying = [
        (p, overviews[p.pk].proposal().proposed)
        for p in persons
        if p.pk not in refusals and overviews[p.pk].proposal().proposed > 0
    ]
    if not paying:
        return None
    when = date_format(datetime.date(year, month, 1), "F Y")
    return Confirm(
        title=ngettext(
            "%(n)s betaling over %(month)s goedkeuren?",
            "%(n)s betalingen over %(month)s goedkeuren?",
            len(paying),
        )
        % {"n": len(paying), "month": when},
        items=[f"{p.legal_name}: {format_euro(amount)}" for p, amount in paying[:200]],
        lines=[
            _("Samen %(total)s. Een goedgekeurd bedrag verandert niet meer.")
            % {"total": format_euro(sum((a for _p, a in paying), cap.ZERO))},
        ],
        aside_title=_("Niet goedgekeurd") if refusals and not whole else "",
        aside=[] if whole else list(refusals.values()),
        fields=[("alles", "1")] if whole else [("burgerbaner", p.pk) for p, _a in paying],
        button=_("Ja, goedkeuren"),
        back=request.path,
    )


def approved_message(count: int) -> str:
    return ngettext(
        "%(n)s betaling is goedgekeurd.", "%(n)s betalingen zijn goedgekeurd.", count
    ) % {"n": count}


def _approve_chosen(request, year: int, month: int) -> None:
    form = ChooseBurgerbanersForm(request.POST)
    if not form.is_valid():
        messages.error(request, refusal(form))
        return
    chosen = list(Burgerbaner.objects.filter(pk__in=form.cleaned_data["burgerbaner"]))
    if not chosen:
        messages.error(request, _("Kies eerst een of meer burgerbaners."))
        return
    try:
        created, refusals = services.approve_months(chosen, year, month, by=request.user)
    except PaymentError as exc:
        messages.error(request, exc.message)
        return
    if created:
        messages.success(request, approved_message(len(created)))
    for message in refusals.values():
        messages.error(request, message)


def _approve_whole_month(request, year: int, month: int) -> None:
    """Everyone of the month, a few hundred people per transaction."""
    persons = list(_people_of_month(year, month))
    approved = skipped = 0
    try:
        for start in range(0, len(persons), 500):
            created, refusals = services.approve_months(
                persons[start : start + 500], year, month, by=request.user
            )
            approved += len(created)
            skipped += len(refusals)
    except PaymentError as exc:
        messages.error(request, exc.message)
    if approved:
        messages.success(request, approved_message(approved))
    if skipped:
        messages.info(
            request,
            _("%(n)s burgerbaners kregen niets: niets (meer) te betalen of geen ruimte.")
            % {"n": skipped},
        )


@require_POST
@people.role_required(people.TREASURER)
def batch_create(request):
    if not confirmed(request):
        waiting = list(
            Payment.objects.filter(status=PaymentStatus.APPROVED, batch__isnull=True)
            .select_related("burgerbaner")
            .order_by("burgerbaner__legal_name", "year", "month")
        )
        if not waiting:
            messages.error(
                request,
                _("Er zijn geen goedgekeurde betalingen die nog niet in een opdracht zitten."),
            )
            return redirect("treasurer_home")
        return ask(
            request,
            Confirm(
                title=_("Betaalopdracht maken?"),
                lines=[
                    ngettext(
                        "Deze betaling komt in de opdracht, samen %(total)s:",
                        "Deze %(n)s betalingen komen in de opdracht, samen %(total)s:",
                        len(waiting),
                    )
                    % {
                        "n": len(waiting),
                        "total": format_euro(sum((p.amount for p in waiting), cap.ZERO)),
                    }
                ],
                items=[
                    f"{p.burgerbaner.legal_name}, {date_format(p.period, 'F Y')}: "
                    f"{format_euro(p.amount)}"
                    for p in waiting
                ],
                fields=[("betaling", p.pk) for p in waiting],
                button=_("Ja, opdracht maken"),
                back=reverse("treasurer_home"),
            ),
        )
    form = ChoosePaymentsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies eerst de betalingen voor de opdracht."))
        return redirect("treasurer_home")
    try:
        batch = services.create_batch(by=request.user, only=form.cleaned_data["betaling"])
    except PaymentError as exc:
        messages.error(request, exc.message)
        return redirect("treasurer_home")
    messages.success(request, _("De betaalopdracht is klaar. Download het SEPA-bestand."))
    return redirect(batch.get_absolute_url())


@people.role_required(people.TREASURER)
def batch_detail(request, pk: int):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    payments = list(batch.payments.select_related("burgerbaner"))
    total = sum((p.amount for p in payments), cap.ZERO)
    form = MarkPaidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["execution_date"]
        if not confirmed(request):
            return ask(request, _mark_paid_confirmation(batch, payments, total, day))
        try:
            services.mark_batch_paid(batch, execution_date=day, by=request.user)
        except PaymentError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("De opdracht en haar betalingen staan op betaald."))
            return redirect(batch.get_absolute_url())
    return render(
        request,
        "payments/batch_detail.html",
        {
            "batch": batch,
            "payments": payments,
            "total": total,
            "form": form,
            "downloads": batch.downloads.select_related("by"),
        },
    )


def _mark_paid_confirmation(batch, payments, total, day) -> Confirm:
    return Confirm(
        title=_("Opdracht %(n)s als betaald markeren?") % {"n": batch.pk},
        lines=[
            ngettext(
                "Je zegt dat de bank %(count)s betaling van samen %(total)s heeft uitgevoerd "
                "op %(day)s.",
                "Je zegt dat de bank %(count)s betalingen van samen %(total)s heeft "
                "uitgevoerd op %(day)s.",
                len(payments),
            )
            % {
                "count": len(payments),
                "total": format_euro(total),
                "day": date_format(day, "j F Y"),
            },
            _(
                "Dit kun je niet ongedaan maken. Kijk eerst op het bankafschrift of het geld "
                "echt is afgeschreven."
            ),
        ],
        fields=[("execution_date", day.isoformat())],
        button=_("Ja, markeer als betaald"),
        back=batch.get_absolute_url(),
    )


@people.role_required(people.TREASURER)
def batch_sepa(request, pk: int):
    """The SEPA file, by a button; a second download only after a warning."""
    batch = get_object_or_404(PaymentBatch, pk=pk)
    if request.method != "POST":
        return redirect(batch.get_absolute_url())
    downloads = list(batch.downloads.select_related("by"))
    if downloads and not confirmed(request):
        return ask(
            request,
            Confirm(
                title=_("Het SEPA-bestand van opdracht %(n)s nog een keer downloaden?")
                % {"n": batch.pk},
                lines=[_("Dit bestand is al gedownload:")],
                items=[
                    _("door %(name)s op %(when)s")
                    % {"name": d.by.name, "when": date_format(localtime(d.at), "j F Y, H:i")}
                    for d in downloads
                ],
                warning=_(
                    "Stuur het niet nog een keer naar de bank als het daar al is: dan krijgt "
                    "iedereen in deze opdracht twee keer geld. Kijk eerst in de bank of de "
                    "opdracht er al staat."
                ),
                button=_("Toch opnieuw downloaden"),
                back=batch.get_absolute_url(),
            ),
        )
    try:
        xml = services.download_sepa(batch, by=request.user)
    except PaymentError as exc:
        messages.error(request, exc.message)
        return redirect(batch.get_absolute_url())
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="betaalopdracht-{batch.pk}.xml"'
    return response


@login_required
def payment_detail(request, pk: int):
    payment = _payment_for(request, pk)
    form = None
    if permissions.can_mark_returned(request.user, payment):
        form = ReturnForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.mark_returned(payment, reason=form.cleaned_data["reason"], by=request.user)
            except PaymentError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("De betaling staat op teruggekomen."))
            return redirect(payment.get_absolute_url())
    return render(
        request,
        "payments/payment_detail.html",
        {
            "payment": payment,
            "form": form,
            "history": payment.history.select_related("history_user"),
            "is_staff": _staff(request.user),
            "full_iban": people.can_see_full_iban(request.user, payment.burgerbaner),
        },
    )


@login_required
def payment_spec(request, pk: int):
    payment = _payment_for(request, pk)
    full_iban = people.can_see_full_iban(request.user, payment.burgerbaner)
    response = HttpResponse(
        payment_pdf(payment, full_iban=full_iban), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="specificatie-{payment.year}-{payment.month:02d}-{payment.pk}.pdf"'
    )
    return response


@login_required
def extra_create(request):
    if not permissions.registers_extras(request.user):
        raise PermissionDenied
    form = ExtraForm(request.POST or None, user=request.user)
    warning = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        warning = services.extra_warning(
            data["burgerbaner"], date=data["date"], amount=data["amount"]
        )
        if warning and not data["confirm_over_maximum"]:
            # Said once, before saving: the same form comes back with the warning.
            form = ExtraForm(
                {**request.POST.dict(), "confirm_over_maximum": "on"}, user=request.user
            )
            form.is_valid()
            recent = Extra.objects.select_related("burgerbaner", "registered_by", "corrects")[:20]
            return render(
                request,
                "payments/extra_form.html",
                {"form": form, "recent": recent, "warning": warning},
            )
        try:
            services.register_extra(
                form.cleaned_data["burgerbaner"],
                date=form.cleaned_data["date"],
                kind=form.cleaned_data["kind"],
                amount=form.cleaned_data["amount"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except PaymentError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("De gift of reiskosten zijn geregistreerd."))
            return redirect("extra_create")
    recent = Extra.objects.select_related("burgerbaner", "registered_by", "corrects")[:20]
    return render(request, "payments/extra_form.html", {"form": form, "recent": recent})


@login_required
def extra_correct(request, pk: int):
    """A counter-entry that takes back (part of) a gift or travel costs."""
    if not permissions.registers_extras(request.user):
        raise PermissionDenied
    extra = get_object_or_404(
        Extra.objects.select_related("burgerbaner", "registered_by"), pk=pk, corrects=None
    )
    if not permissions.can_register_extra_for(request.user, extra.burgerbaner):
        raise PermissionDenied
    form = CorrectExtraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_extra(
                extra,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except PaymentError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("De correctie is geregistreerd."))
            return redirect("extra_create")
    return render(
        request,
        "payments/extra_correct.html",
        {
            "extra": extra,
            "form": form,
            "left": services.extra_left(extra),
            "corrections": extra.corrections.select_related("registered_by"),
        },
    )


@people.role_required(people.BURGERBANER)
def my_payments(request):
    burgerbaner = request.user.burgerbaner
    today = timezone.localdate()
    return render(
        request,
        "payments/my_payments.html",
        {
            "payments": burgerbaner.payments.select_related("batch"),
            "overview": cap.overview(burgerbaner, today.year, today.month),
            "statement_years": sorted(
                services.years_on_record(burgerbaner, [today.year - 1, today.year]),
                reverse=True,
            ),
        },
    )


@people.role_required(people.BURGERBANER)
def benefit_overview(request):
    """A PDF of what was paid for which month, to hand to the municipality or UWV."""
    burgerbaner = request.user.burgerbaner
    today = timezone.localdate()
    form = BenefitPeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["van"], form.cleaned_data["tot"]
        response = HttpResponse(
            benefit_pdf(burgerbaner, first, last), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="betalingen-{first:%Y-%m}-tot-{last:%Y-%m}.pdf"'
        )
        return response
    if not form.is_bound:
        form = BenefitPeriodForm(
            initial={"van": f"{today.year}-01", "tot": f"{today.year}-{today.month:02d}"}
        )
    return render(
        request,
        "payments/benefit_overview.html",
        {"form": form, "burgerbaner": burgerbaner},
    )


@people.role_required(people.ADMIN)
def audit(request):
    """Every money state change: who, when, from what to what."""
    payments = Payment.history.select_related("history_user").order_by("-history_date")[:200]
    batches = PaymentBatch.history.select_related("history_user").order_by("-history_date")[:100]
    return render(request, "payments/audit.html", {"payments": payments, "batches": batches})


def _elsewhere_page(request, burgerbaner: Burgerbaner, *, back: str):
    form = ElsewhereForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.record_elsewhere(
                burgerbaner,
                organisation_name=form.cleaned_data["organisation_name"],
                month=form.cleaned_data["month"],
                amount=form.cleaned_data["amount"],
                by=request.user,
            )
        except PaymentError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("De vergoeding van elders is opgeslagen."))
            warning = services.elsewhere_warning(burgerbaner, entry.month)
            if warning:
                messages.warning(request, warning)
            return redirect(request.path)
    today = timezone.localdate()
    entries = (
        ElsewhereAllowance.objects.filter(
            burgerbaner=burgerbaner, month__year__gte=today.year - 1, corrects=None
        )
        .select_related("registered_by")
        .prefetch_related("corrections__registered_by")
    )
    return render(
        request,
        "payments/elsewhere.html",
        {
            "burgerbaner": burgerbaner,
            "form": form,
            "entries": entries,
            "own": permissions.is_own(request.user, burgerbaner),
            "back": back,
            "overview": cap.overview(burgerbaner, today.year, today.month),
        },
    )


@people.role_required(people.BURGERBANER)
def my_elsewhere(request):
    """The burgerbaner records allowances they received from other organisations."""
    return _elsewhere_page(request, request.user.burgerbaner, back=reverse("my_payments"))


@people.role_required(people.ADMIN)
def elsewhere_for(request, pk: int):
    """An admin records allowances from elsewhere for a burgerbaner."""
    burgerbaner = get_object_or_404(Burgerbaner, pk=pk)
    if not permissions.can_record_elsewhere_for(request.user, burgerbaner):
        raise PermissionDenied
    return _elsewhere_page(request, burgerbaner, back=reverse("burgerbaner_detail", args=[pk]))


@login_required
def elsewhere_correct(request, pk: int):
    """A counter-entry that takes back (part of) an allowance from elsewhere."""
    entry = get_object_or_404(
        ElsewhereAllowance.objects.select_related("burgerbaner"), pk=pk, corrects=None
    )
    if not permissions.can_record_elsewhere_for(request.user, entry.burgerbaner):
        raise PermissionDenied
    own = permissions.is_own(request.user, entry.burgerbaner)
    back = reverse("my_elsewhere") if own else reverse("elsewhere_for", args=[entry.burgerbaner_id])
    form = CorrectElsewhereForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_elsewhere(
                entry,
                amount=form.cleaned_data["amount"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except PaymentError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("De correctie is opgeslagen."))
            return redirect(back)
    return render(
        request,
        "payments/elsewhere_correct.html",
        {"entry": entry, "form": form, "left": services.elsewhere_left(entry), "back": back},
    )
