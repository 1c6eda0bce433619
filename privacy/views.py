"""A burgerbaner's download of their own data, and the admin's anonymisation."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts import permissions as perms
from accounts.models import Burgerbaner
from burgerbaan.errors import DomainError
from burgerbaan.pdf import template_pdf
from privacy import services as privacy
from privacy.readable import readable


@perms.role_required(perms.BURGERBANER)
def my_data(request):
    """Everything the pilot holds about the person asking, as one JSON file."""
    data = privacy.personal_data(request.user.burgerbaner)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-burgerbaan.json"'
    return response


@perms.role_required(perms.BURGERBANER)
def my_data_page(request):
    """The same as the JSON, to read on the screen."""
    burgerbaner = request.user.burgerbaner
    sections = readable(privacy.personal_data(burgerbaner))
    return render(request, "privacy/my_data.html", {"sections": sections})


@perms.role_required(perms.BURGERBANER)
def my_data_pdf(request):
    """The same as the JSON, to keep or print."""
    burgerbaner = request.user.burgerbaner
    sections = readable(privacy.personal_data(burgerbaner))
    pdf = template_pdf(
        "privacy/pdf/my_data.html",
        {"sections": sections, "burgerbaner": burgerbaner, "today": timezone.localdate()},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-burgerbaan.pdf"'
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
        "privacy/anonymise_confirm.html",
        {
            "burgerbaner": burgerbaner,
            "retention_ends": ends,
            "last_payment": privacy.last_payment_on(burgerbaner),
            "allowed": ends <= timezone.localdate() and not privacy.is_anonymised(burgerbaner),
        },
    )
