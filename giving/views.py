from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from burgerbaan.money import format_euro
from burgerbaan.pdf import template_pdf
from giving import qr
from giving.forms import AmountForm
from rules.models import YearRules


def _context(request, default_amount):
    account = qr.foundation_account()
    form = AmountForm(
        request.GET if "bedrag" in request.GET else None, initial={"bedrag": default_amount}
    )
    amount = form.amount(default_amount)
    today = timezone.localdate()
    rules = YearRules.objects.filter(year__lte=today.year).order_by("-year").first()
    return {
        "account": account,
        "form": form,
        "amount": amount,
        "qr_svg": (
            qr.epc_svg(
                account,
                amount,
                title=_("QR-code om %(amount)s te geven aan %(name)s")
                % {"amount": format_euro(amount), "name": account.name},
            )
            if account
            else ""
        ),
        "rules": rules,
        "today": today,
    }


@require_GET
def give(request):
    return render(request, "giving/give.html", _context(request, qr.DEFAULT_AMOUNT))


@require_GET
def poster(request):
    context = _context(request, qr.POSTER_AMOUNT)
    if context["account"] is None:
        return render(request, "giving/give.html", context, status=404)
    pdf = template_pdf("giving/pdf/poster.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"poster-geven-burgerbaan-{context['today']:%Y}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
