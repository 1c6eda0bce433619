import csv
import datetime
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from payments import services
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_year(burgerbaner, countersigned, paid_month):
    countersigned(3, [3, 4])  # 56,00
    paid_month(3, gift="25.00")
    return burgerbaner


def test_admin_sees_the_year_per_person_organisation_and_sponsor(client, admin_user, paid_year):
    log_in(client, admin_user)
    response = client.get(reverse("year_report", args=[YEAR]))
    row = response.context["rows"][0]
    assert (row.hours, row.allowance, row.gifts, row.paid, row.payments) == (
        Decimal("10"),
        Decimal("56.00"),
        Decimal("25.00"),
        Decimal("81.00"),
        1,
    )
    assert row.headroom == Decimal("2019.00")
    assert "Buurtkamer De Polderhoek" in response.text
    assert "<svg" in response.text


@pytest.mark.parametrize("role", ["burgerbaner", "coordinator", "signer", "treasurer"])
def test_only_admins_see_reports(client, people, role):
    log_in(client, people[role])
    assert client.get(reverse("year_report", args=[YEAR])).status_code == 403
    url = reverse("report_export", args=[YEAR, "personen", "csv"])
    assert client.get(url).status_code == 403


def test_xlsx_export_totals_match_the_database(client, admin_user, paid_year):
    log_in(client, admin_user)
    response = client.get(reverse("report_export", args=[YEAR, "personen", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["burgerbaner"] == "Fatima el Amrani"
    assert Decimal(str(values["betaald"])) == Decimal("81.00")
    assert Decimal(str(values["totaal"])) == Decimal("81.00")
    assert Decimal(str(values["niet uitbetaald: boven het maximum"])) == Decimal("0.00")


def test_the_year_report_says_what_was_not_paid_over_a_maximum(
    client, admin_user, burgerbaner, countersigned
):
    countersigned(4, list(range(1, 9)))  # 224,00: 14,00 over the monthly maximum
    log_in(client, admin_user)
    response = client.get(reverse("report_export", args=[YEAR, "personen", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
    assert Decimal(str(values["niet uitbetaald: boven het maximum"])) == Decimal("14.00")
    page = client.get(reverse("year_report", args=[YEAR])).text
    assert "Niet uitbetaald: boven het maximum" in page and "€\xa014,00" in page


def test_json_and_csv_exports(client, admin_user, paid_year):
    log_in(client, admin_user)
    data = json.loads(
        client.get(reverse("report_export", args=[YEAR, "betalingen", "json"])).content
    )
    assert [Decimal(str(d["bedrag"])) for d in data] == [Decimal("81.00")]
    response = client.get(reverse("report_export", args=[YEAR, "uren", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["id", "date", "burgerbaner"]
    assert len(rows) == 3


@pytest.mark.parametrize(
    "evil", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]
)
def test_cells_that_look_like_formulas_are_neutralised(client, admin_user, paid_year, evil):
    paid_year.legal_name = evil
    paid_year.save()
    log_in(client, admin_user)
    text = client.get(reverse("report_export", args=[YEAR, "personen", "csv"])).content.decode()
    first = list(csv.reader(io.StringIO(text, newline="")))[1][0]
    assert first == "'" + evil
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("report_export", args=[YEAR, "personen", "xlsx"])).content)
    )
    # XLSX stores a carriage return as a line feed; what matters is the quote in front.
    assert book.active["A2"].value.replace("\n", "\r") == ("'" + evil).replace("\n", "\r")


def test_a_formula_after_a_semicolon_is_neutralised_too(client, admin_user, paid_year):
    """A Dutch spreadsheet splits a CSV line at ';': the part after it is a cell of its own."""
    paid_year.legal_name = "Fatima; =1+1"
    paid_year.save()
    log_in(client, admin_user)
    text = client.get(reverse("report_export", args=[YEAR, "personen", "csv"])).content.decode()
    assert list(csv.reader(io.StringIO(text, newline="")))[1][0] == "Fatima; '=1+1"
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("report_export", args=[YEAR, "personen", "xlsx"])).content)
    )
    assert book.active.title == f"personen {YEAR}"
    assert book.active["A2"].value == "Fatima; '=1+1"


def test_audit_export_lists_signatures_and_money_changes(client, admin_user, paid_year):
    log_in(client, admin_user)
    text = client.get(reverse("audit_export", args=[YEAR])).content.decode()
    assert "betaling" in text and "paid" in text and "approved" in text


def test_audit_export_lists_money_received_and_its_counter_entries(client, admin_user, treasurer):
    import datetime

    from sources import services as sources
    from sources.models import FundingSource

    fund = FundingSource.objects.create(name="Oranje Fonds", kind="fund")
    receipt = sources.book_receipt(
        fund, amount=Decimal("250"), received_on=datetime.date(YEAR, 2, 3), by=treasurer
    )
    sources.correct_receipt(receipt, by=treasurer, reason="Verkeerde bron")
    log_in(client, admin_user)
    lines = client.get(reverse("audit_export", args=[receipt.booked_at.year])).content.decode()
    assert f"Karel Jansen,ontvangst Oranje Fonds,{receipt.pk},,250.00" in lines
    assert "Karel Jansen,tegenboeking ontvangst Oranje Fonds" in lines
    assert ",-250.00," in lines


def test_yearly_statement_says_the_total_stayed_within(client, paid_year, other_burgerbaner):
    log_in(client, paid_year.user)
    response = client.get(reverse("my_statement", args=[YEAR]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = text.replace("\xa0", " ")
    assert "Jaaropgave vrijwilligersvergoeding 2025" in text
    assert "maart" in text and "€ 81,00" in text
    assert "bleef binnen het maximum van € 2.100,00" in text


def test_statement_explains_an_opening_balance_over_the_maximum(
    client, admin_user, paid_year, treasurer
):
    services.set_opening_balance(
        paid_year, year=YEAR, amount=Decimal("2050.00"), note="", by=treasurer
    )
    log_in(client, admin_user)
    response = client.get(reverse("statement_for", args=[YEAR, paid_year.pk]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "€ 31,00 boven het maximum" in text.replace("\xa0", " ")


def test_report_queries_do_not_grow(client, admin_user, django_assert_max_num_queries):
    from tests.factories import AllowanceAgreementFactory

    AllowanceAgreementFactory(
        start_date=datetime.date(YEAR, 1, 1), end_date=datetime.date(YEAR, 12, 31)
    )
    log_in(client, admin_user)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("year_report", args=[YEAR]))
    AllowanceAgreementFactory.create_batch(
        15, start_date=datetime.date(YEAR, 1, 1), end_date=datetime.date(YEAR, 12, 31)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("year_report", args=[YEAR]))
    assert len(response.context["rows"]) == 16


def test_all_statements_of_a_year_as_zip_in_the_background(
    client, admin_user, paid_year, other_burgerbaner
):
    import zipfile

    from reports.models import StatementRun

    log_in(client, admin_user)
    response = client.post(reverse("statement_run_start", args=[YEAR]))
    run = StatementRun.objects.get()
    assert response["Location"] == run.get_absolute_url()
    progress = client.get(run.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert "klaar: 1 van 1" in progress.text.lower()
    assert "hx-get" not in progress.text  # stops polling when done
    zipped = client.get(reverse("statement_run_download", args=[run.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))
    assert [n.startswith(f"jaaropgave-{YEAR}-Fatima") for n in archive.namelist()] == [True]


def test_report_pages_and_exports_everyone_in_chunks(client, admin_user):
    from reports import yearly
    from tests.factories import AllowanceAgreementFactory

    AllowanceAgreementFactory.create_batch(
        55, start_date=datetime.date(YEAR, 1, 1), end_date=datetime.date(YEAR, 12, 31)
    )
    log_in(client, admin_user)
    assert len(client.get(reverse("year_report", args=[YEAR])).context["rows"]) == 50
    second = client.get(reverse("year_report", args=[YEAR]) + "?pagina=2")
    assert len(second.context["rows"]) == 5
    assert len(list(yearly.iter_rows(YEAR, chunk=10))) == 55
    text = client.get(reverse("report_export", args=[YEAR, "personen", "csv"])).content
    assert len(text.decode().strip().splitlines()) == 56


def test_raw_hours_export_neutralises_formulas(client, admin_user, burgerbaner, countersigned):
    countersigned(3, [3], description="=cmd|' /C calc'!A0")
    log_in(client, admin_user)
    response = client.get(reverse("report_export", args=[YEAR, "uren", "csv"]))
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content, newline="")))
    assert rows[1][5] == "'=cmd|' /C calc'!A0"
    assert rows[1][2] == "Fatima el Amrani"


@pytest.mark.parametrize(
    ("description", "safe"),
    [
        ("Koffie; =1+1", "Koffie; '=1+1"),
        ("-2+3", "'-2+3"),
        ("\tTab;@SUM(A1)", "'\tTab;'@SUM(A1)"),
        ("Koffie;  +1", "Koffie;  '+1"),
        ("-12.50", "-12.50"),
    ],
)
def test_raw_hours_export_neutralises_like_every_other_export(
    client, admin_user, burgerbaner, countersigned, description, safe
):
    """On PostgreSQL the database writes this CSV itself: the same rule, the same result."""
    countersigned(3, [3], description=description)
    log_in(client, admin_user)
    response = client.get(reverse("report_export", args=[YEAR, "uren", "csv"]))
    content = b"".join(response.streaming_content).decode()
    assert list(csv.reader(io.StringIO(content, newline="")))[1][5] == safe


def test_many_statements_render_on_every_core(admin_user, monkeypatch):
    import zipfile

    from reports import tasks
    from reports.models import StatementRun
    from tests.factories import AllowanceAgreementFactory

    monkeypatch.setattr(tasks, "PARALLEL_FROM", 3)
    AllowanceAgreementFactory.create_batch(
        5, start_date=datetime.date(YEAR, 1, 1), end_date=datetime.date(YEAR, 12, 31)
    )
    run = StatementRun.objects.create(year=YEAR, requested_by=admin_user)
    tasks.build_statements_zip.call(run.pk)
    run.refresh_from_db()
    assert (run.status, run.done, run.total) == ("done", 5, 5)
    names = zipfile.ZipFile(run.file.open("rb")).namelist()
    assert len(names) == 5 and all(n.endswith(".pdf") for n in names)


def test_raw_hours_come_only_as_streamed_csv(client, admin_user):
    log_in(client, admin_user)
    assert client.get(reverse("report_export", args=[YEAR, "uren", "xlsx"])).status_code == 404
    assert client.get(reverse("report_export", args=[YEAR, "onbekend", "csv"])).status_code == 404


def test_xlsx_export_has_dutch_headers_a_named_sheet_and_euro_cells(client, admin_user, paid_year):
    log_in(client, admin_user)
    response = client.get(reverse("report_export", args=[YEAR, "personen", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == f"personen {YEAR}"
    header = [c.value for c in sheet[1]]
    assert {"burgerbaner", "uren", "vergoeding", "betaald", "ruimte tot jaarmaximum"} <= set(header)
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["betaald"].number_format == '"€" #,##0.00'
    assert cells["vergoeding"].number_format == '"€" #,##0.00'
    assert cells["uren"].number_format != '"€" #,##0.00'


def test_the_year_report_adds_up_with_what_was_received_earlier(
    client, admin_user, paid_year, treasurer
):
    services.set_opening_balance(
        paid_year, year=YEAR, amount=Decimal("100.00"), note="", by=treasurer
    )
    log_in(client, admin_user)
    page = client.get(reverse("year_report", args=[YEAR])).text
    assert "Al eerder ontvangen" in page
    assert "€\xa0100,00" in page
    # 100,00 earlier + 56,00 allowance + 25,00 gift, as the row's sum
    assert "<strong>€\xa0181,00</strong>" in page


def test_the_chart_shows_the_hours_of_each_month_as_text(client, admin_user, paid_year):
    log_in(client, admin_user)
    page = client.get(reverse("year_report", args=[YEAR])).text
    assert 'class="bar-value" text-anchor="middle">10</text>' in page


def test_the_organisation_filter_offers_every_nonprofit_and_keeps_the_chosen_one(
    client, admin_user, paid_year, nonprofit, other_nonprofit
):
    log_in(client, admin_user)
    response = client.get(reverse("year_report", args=[YEAR]), {"organisatie": nonprofit.pk})
    assert f'<option value="{nonprofit.pk}" selected>{nonprofit.name}</option>' in response.text
    assert f'<option value="{other_nonprofit.pk}">{other_nonprofit.name}</option>' in (
        response.text
    )


def test_the_totals_per_organisation_follow_the_year_summary_when_it_is_made_again(
    client, admin_user, paid_year, countersigned
):
    from django.core.cache import cache

    log_in(client, admin_user)
    cache.clear()
    first = client.get(reverse("year_report", args=[YEAR]))
    assert 'data-label="Getekende uren">10</td>' in first.text
    countersigned(4, [1])
    # Within the ten minutes the page shows the summary it made, then the new one.
    assert (
        'data-label="Getekende uren">10</td>'
        in client.get(reverse("year_report", args=[YEAR])).text
    )
    cache.delete(f"year-summary-{YEAR}")
    again = client.get(reverse("year_report", args=[YEAR]))
    assert 'data-label="Getekende uren">15</td>' in again.text
