import csv
import datetime
import hashlib
import io

import openpyxl
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from import_export.formats import base_formats

from accounts import permissions as people
from accounts.models import Burgerbaner, Organisation
from agreements.models import Signature
from burgerbaan.errors import InputRefused
from burgerbaan.exports import neutralise, safe_dataset, sql_neutralise
from burgerbaan.forms import refusal
from hours.models import HourEntry
from payments import to_pay
from payments.models import Payment
from payments.services import years_on_record
from reports import outcomes, research, yearly
from reports.forms import ReportFilterForm
from reports.models import StatementRun
from reports.resources import (
    EURO_COLUMNS,
    EURO_FORMAT,
    HourEntryResource,
    PaymentResource,
    PersonReportResource,
    SignatureResource,
)
from reports.statements import statement_pdf
from reports.tasks import build_statements_zip
from sources.models import Receipt

FORMATS = {"csv": base_formats.CSV, "xlsx": base_formats.XLSX, "json": base_formats.JSON}


def _filters(request) -> dict:
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        raise InputRefused(refusal(form))
    chosen = form.cleaned_data
    return {
        "organisation": chosen["organisatie"].pk if chosen["organisatie"] else None,
        "sponsor": chosen["sponsor"].pk if chosen["sponsor"] else None,
    }


def _without_page(request) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@people.role_required(people.ADMIN)
def report_home(request):
    return redirect("year_report", timezone.localdate().year)


@people.role_required(people.ADMIN)
def year_report(request, year: int):
    filters = _filters(request)
    page = Paginator(yearly.people_of(year, **filters), 50).get_page(request.GET.get("pagina"))
    persons = list(page.object_list)
    # Every figure of a row comes from what the money story reads: kept until it changes.
    people = hashlib.sha256(",".join(str(p.pk) for p in persons).encode()).hexdigest()[:16]
    rows = to_pay.kept(f"report-rows-{year}-{people}", lambda: yearly.rows_for(persons, year))
    summary = yearly.year_summary(year)
    months = summary["hours_per_month"]
    top = max((hours for _m, hours in months), default=0) or 1
    bars = [
        {
            "month": month,
            "hours": hours,
            "x": 6 + i * 29,
            "height": round(120 * hours / top),
            "y": 135 - round(120 * hours / top),
        }
        for i, (month, hours) in enumerate(months)
    ]
    return render(
        request,
        "reports/year_report.html",
        {
            "year": year,
            "rows": rows,
            "nonprofits": summary["nonprofits"],
            "sponsors": summary["sponsors"],
            "computed_at": summary["computed_at"],
            "page": page,
            "bars": bars,
            "filters": filters,
            "organisations": Organisation.objects.filter(
                kind=Organisation.Kind.NONPROFIT
            ).values_list("pk", "name"),
            "sponsor_choices": Organisation.objects.filter(kind=Organisation.Kind.SPONSOR),
            "query": _without_page(request),
        },
    )


def _download(content, fmt: str, name: str) -> HttpResponse:
    export_format = FORMATS[fmt]()
    response = HttpResponse(content, content_type=export_format.get_content_type())
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


class _Echo:
    def write(self, value):
        return value


# The database writes the CSV itself; its text columns get the same neutralising.
_TEXT_COLUMNS = ("b.legal_name", "o.name", "e.description", "e.correction_reason")
_COPY_HOURS = (
    "COPY (SELECT e.id, e.date, {0}, {1}, e.hours, {2}, "
    "CASE WHEN e.is_correction THEN 1 ELSE 0 END, {3}, t.status "
    "FROM hours_hourentry e "
    "JOIN hours_timesheet t ON t.id = e.timesheet_id "
    "JOIN accounts_burgerbaner b ON b.id = t.burgerbaner_id "
    "JOIN accounts_organisation o ON o.id = t.organisation_id "
    "WHERE e.date BETWEEN %s AND %s ORDER BY e.date, e.id) TO STDOUT WITH CSV"
)


def _copy_hours_sql(first: datetime.date, last: datetime.date) -> tuple[str, list]:
    expressions, params = [], []
    for column in _TEXT_COLUMNS:
        expression, patterns = sql_neutralise(column)
        expressions.append(expression)
        params.extend(patterns)
    return _COPY_HOURS.format(*expressions), [*params, first, last]


def _stream_hours_csv(year: int):
    """The raw hours of a year as CSV, row by row: memory stays flat however many.

    On PostgreSQL the database writes the CSV itself (COPY), which is about as
    fast as it gets; elsewhere the rows go through the export resource.
    """
    writer = csv.writer(_Echo())
    resource = HourEntryResource()
    yield writer.writerow(resource.get_export_headers())
    if connection.vendor == "postgresql":
        sql, params = _copy_hours_sql(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        with connection.cursor() as cursor:
            raw = cursor.connection.cursor()
            with raw.copy(sql, params) as copy:
                for block in copy:
                    yield bytes(block)
        return
    entries = (
        HourEntry.objects.filter(date__year=year)
        .select_related("timesheet__burgerbaner", "timesheet__organisation")
        .order_by("date", "pk")
    )
    for entry in entries.iterator(chunk_size=2000):
        yield writer.writerow([neutralise(cell) for cell in resource.export_resource(entry)])


@people.role_required(people.ADMIN)
def export(request, year: int, kind: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    if kind == "uren":
        # A year holds millions of hours: only a streamed CSV keeps memory flat
        # (and an XLSX sheet stops at about a million rows anyway).
        if fmt != "csv":
            raise Http404
        response = StreamingHttpResponse(_stream_hours_csv(year), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="uren-{year}.csv"'
        return response
    if kind == "personen":
        dataset = PersonReportResource().export(yearly.iter_rows(year, **_filters(request)))
    elif kind == "betalingen":
        dataset = PaymentResource().export(Payment.objects.filter(year=year))
    elif kind == "handtekeningen":
        dataset = SignatureResource().export(Signature.objects.filter(signed_at__year=year))
    else:
        raise Http404
    safe_dataset(dataset, title=f"{kind} {year}")
    content = FORMATS[fmt]().export_data(dataset)
    if fmt == "xlsx":
        content = _euro_cells(content)
    return _download(content, fmt, f"{kind}-{year}")


def _euro_cells(content: bytes) -> bytes:
    """Give the money columns of an XLSX sheet the euro format."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.active
    for header in sheet[1]:
        if str(header.value).lower() in EURO_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=header.column, max_col=header.column):
                cell.number_format = EURO_FORMAT
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@people.role_required(people.ADMIN)
def audit_export(request, year: int):
    """Every signature, money state change and money received of a year, for the
    auditor (CSV)."""
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="audit-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(["wanneer", "wie", "wat", "record", "status", "bedrag", "ip"])
    signatures = Signature.objects.filter(
        Q(signed_at__year=year)
        | Q(volunteer_agreement__start_date__year=year)
        | Q(allowance_agreement__start_date__year=year)
    ).select_related("signed_by")
    for signature in signatures:
        agreement = signature.volunteer_agreement_id or signature.allowance_agreement_id
        writer.writerow(
            [
                signature.signed_at.isoformat(),
                neutralise(signature.signed_by.name),
                f"handtekening ({signature.get_party_display()})",
                agreement,
                "",
                "",
                signature.ip_address or "",
            ]
        )
    changes = Payment.history.filter(Q(history_date__year=year) | Q(year=year))
    for record in changes.select_related("history_user").order_by("history_date"):
        writer.writerow(
            [
                record.history_date.isoformat(),
                neutralise(record.history_user.name if record.history_user else "systeem"),
                "betaling",
                record.id,
                record.status,
                record.amount,
                "",
            ]
        )
    receipts = Receipt.objects.filter(Q(booked_at__year=year) | Q(received_on__year=year))
    for receipt in receipts.select_related("booked_by", "source").order_by("booked_at", "pk"):
        what = "tegenboeking ontvangst" if receipt.is_counter_entry else "ontvangst"
        writer.writerow(
            [
                receipt.booked_at.isoformat(),
                neutralise(receipt.booked_by.name if receipt.booked_by else "systeem"),
                neutralise(f"{what} {receipt.source.name}"),
                receipt.pk,
                "",
                receipt.amount,
                "",
            ]
        )
    return response


@people.role_required(people.ADMIN)
def statement_for(request, year: int, pk: int):
    burgerbaner = get_object_or_404(Burgerbaner, pk=pk)
    return _statement_response(request, burgerbaner, year)


@people.role_required(people.BURGERBANER)
def my_statement(request, year: int):
    return _statement_response(request, request.user.burgerbaner, year)


def _statement_response(request, burgerbaner: Burgerbaner, year: int) -> HttpResponse:
    """The statement as a PDF; a year with nothing on record has none (a plain page)."""
    if year not in years_on_record(burgerbaner, [year]):
        return render(
            request,
            "reports/no_statement.html",
            {"burgerbaner": burgerbaner, "year": year},
            status=404,
        )
    response = HttpResponse(statement_pdf(burgerbaner, year), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="jaaropgave-{year}-{burgerbaner.pk}.pdf"'
    )
    return response


@require_POST
@people.role_required(people.ADMIN)
def statement_run_start(request, year: int):
    run = StatementRun.objects.create(year=year, requested_by=request.user)
    build_statements_zip.enqueue(run.pk)
    return redirect(run.get_absolute_url())


@people.role_required(people.ADMIN)
def statement_run(request, pk: int):
    run = get_object_or_404(StatementRun, pk=pk)
    partial = request.headers.get("HX-Request") == "true"
    template = "reports/partials/run_progress.html" if partial else "reports/run.html"
    return render(request, template, {"run": run})


@people.role_required(people.ADMIN)
def statement_run_download(request, pk: int):
    run = get_object_or_404(StatementRun, pk=pk, status=StatementRun.Status.DONE)
    response = FileResponse(run.file.open("rb"), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="jaaropgaven-{run.year}.zip"'
    return response


@people.role_required(people.ADMIN)
def outcomes_report(request, year: int):
    """How people are doing, goals and conversations, per quarter: groups of 5 or more only."""
    return render(
        request,
        "reports/outcomes.html",
        {**outcomes.outcomes(year), "report_year": year, "small_group": outcomes.SMALL_GROUP},
    )


@people.role_required(people.ADMIN)
def research_export(request, year: int):
    response = HttpResponse(research.export_zip(year), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="burgerbaan-onderzoek-{year}.zip"'
    return response
