from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.models import AgreementStatus
from burgerbaan.errors import DomainError
from burgerbaan.money import format_euro
from funding import money
from funding.forms import CorrectReceiptForm, ReceiptForm
from sources import services
from sources.models import FundingSource, Receipt
from sources.permissions import can_book_receipts, can_see_funding


def _funding_staff(request):
    if not can_see_funding(request.user):
        raise PermissionDenied


@login_required
def funding_home(request):
    """Per source and in total: committed, received, paid, reserved, left, and the runway."""
    _funding_staff(request)
    return _render_home(request, ReceiptForm(initial={"received_on": timezone.localdate()}))


def _render_home(request, form):
    rows = money.kept_money_of_all_sources()
    total = money.total(rows)
    return render(
        request,
        "funding/funding_home.html",
        {
            "rows": [(row, money.runway_text(row)) for row in rows],
            "total": total,
            "total_runway": money.runway_text(total),
            "form": form if can_book_receipts(request.user) else None,
        },
    )


@require_POST
@login_required
def receipt_create(request):
    if not can_book_receipts(request.user):
        raise PermissionDenied
    form = ReceiptForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            receipt = services.book_receipt(
                data["source"],
                amount=data["amount"],
                received_on=data["received_on"],
                description=data["description"],
                by=request.user,
            )
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(
                request,
                _("%(amount)s voor %(source)s is geboekt.")
                % {"amount": format_euro(receipt.amount), "source": receipt.source},
            )
            return redirect("funding_source", receipt.source_id)
    return _render_home(request, form)


@login_required
def funding_source(request, pk: int):
    _funding_staff(request)
    source = get_object_or_404(FundingSource.objects.select_related("organisation"), pk=pk)
    [figures] = money.money_of_sources([source])
    receipts = list(
        source.receipts.select_related("booked_by").prefetch_related("corrections")[:200]
    )
    return render(
        request,
        "funding/funding_source.html",
        {
            "source": source,
            "figures": figures,
            "runway": money.runway_text(figures),
            "commitments": source.commitments.all(),
            "receipts": receipts,
            "can_book": can_book_receipts(request.user),
            "running": source.allowance_agreements.filter(status=AgreementStatus.ACTIVE).count(),
        },
    )


@login_required
def receipt_correct(request, pk: int):
    if not can_book_receipts(request.user):
        raise PermissionDenied
    receipt = get_object_or_404(Receipt.objects.select_related("source"), pk=pk)
    form = CorrectReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_receipt(receipt, by=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("De ontvangst is tegengeboekt."))
            return redirect("funding_source", receipt.source_id)
    return render(request, "funding/receipt_correct.html", {"receipt": receipt, "form": form})
