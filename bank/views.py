from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions as people
from bank import services
from bank.errors import BankError
from bank.forms import ClassifyForm, StatementUploadForm
from bank.models import Outcome, Statement, StatementLine
from sources.models import FundingSource


def _sources():
    return list(FundingSource.objects.filter(active=True).order_by("name"))


@people.role_required(people.TREASURER)
def upload(request):
    if request.method == "POST":
        form = StatementUploadForm(request.POST, request.FILES)
    else:
        form = StatementUploadForm()
    if form.is_bound and form.is_valid():
        try:
            result = services.import_statement(form.cleaned_data["file"].read(), by=request.user)
        except BankError as exc:
            form.add_error("file", exc.message)
        else:
            booked = sum(result.counts.values())
            messages.success(
                request,
                _("Het afschrift is ingelezen: %(booked)s nieuwe regels, %(known)s al eerder.")
                % {"booked": booked, "known": result.already_known},
            )
            return redirect("bank_statement", result.statement.pk)
    statements = Statement.objects.select_related("imported_by").annotate(
        line_count=Count("lines")
    )[:12]
    waiting = StatementLine.objects.filter(
        Q(outcome=Outcome.TO_CLASSIFY) | Q(outcome=Outcome.NEEDS_ATTENTION)
    ).count()
    return render(
        request,
        "bank/upload.html",
        {"form": form, "statements": statements, "waiting": waiting},
    )


@people.role_required(people.TREASURER)
def statement_detail(request, pk: int):
    statement = get_object_or_404(Statement.objects.select_related("imported_by"), pk=pk)
    lines = statement.lines.select_related(
        "payment__burgerbaner", "receipt__source", "classified_by"
    ).order_by("booked_on", "pk")
    return render(request, "bank/statement.html", {"statement": statement, "lines": lines})


@people.role_required(people.TREASURER)
def unclassified(request):
    sources = _sources()
    lines = (
        StatementLine.objects.filter(outcome__in=[Outcome.TO_CLASSIFY, Outcome.NEEDS_ATTENTION])
        .select_related("payment__burgerbaner")
        .order_by("booked_on", "pk")
    )
    rows = [
        (line, ClassifyForm(sources=sources, prefix=f"r{line.pk}"))
        if line.outcome == Outcome.TO_CLASSIFY
        else (line, None)
        for line in lines
    ]
    return render(request, "bank/unclassified.html", {"rows": rows})


@require_POST
@people.role_required(people.TREASURER)
def classify(request, pk: int):
    line = get_object_or_404(StatementLine, pk=pk)
    form = ClassifyForm(request.POST, sources=_sources(), prefix=f"r{line.pk}")
    if form.is_valid():
        try:
            services.classify(line, source=form.source(), by=request.user)
        except BankError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De regel is ingedeeld."))
    else:
        messages.error(request, form.errors["bron"][0])
    return redirect("bank_unclassified")
