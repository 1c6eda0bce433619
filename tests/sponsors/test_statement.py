import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from sponsors.models import Statement
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_yearly_statement_pdf_states_the_figures_and_a_code_anyone_can_check(
    client, sponsor_user, funded, foundation
):
    funded(6)
    log_in(client, sponsor_user)
    response = client.get(reverse("sponsor_statement", args=[YEAR]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    statement = Statement.objects.get()
    assert f"Verklaring {YEAR} voor WoonZorgFlevoland" in text
    assert "€ 336,00" in text.replace("\xa0", " ")
    assert statement.code in text
    assert "Stichting Safe Almere" in text
    assert (statement.citizen_jobs, statement.hours) == ("6", Decimal("60.00"))
    # The same figures again: the same statement and code.
    client.get(reverse("sponsor_statement", args=[YEAR]))
    assert Statement.objects.count() == 1

    client.logout()
    page = client.get(reverse("statement_check"), {"code": statement.code.lower()})
    assert "Deze verklaring is echt" in page.text
    assert "WoonZorgFlevoland" in page.text and "€\xa0336,00" in page.text


def test_an_unknown_code_says_so(client, db):
    page = client.get(reverse("statement_check"), {"code": "ABCD-EFGH-2345"})
    assert "Deze code kennen we niet." in page.text


def test_new_figures_get_a_new_statement_and_the_old_code_still_checks(
    client, sponsor_user, funded
):
    funded(1)
    log_in(client, sponsor_user)
    client.get(reverse("sponsor_statement", args=[YEAR]))
    funded(1)
    client.get(reverse("sponsor_statement", args=[YEAR]))
    first, second = Statement.objects.order_by("pk")
    assert first.code != second.code
    assert (first.hours, second.hours) == (Decimal("10.00"), Decimal("20.00"))


@pytest.mark.parametrize("year", [1, 99999])
def test_a_statement_of_an_impossible_year_is_not_found(client, sponsor_user, year):
    log_in(client, sponsor_user)
    assert client.get(reverse("sponsor_statement", args=[year])).status_code == 404
    assert not Statement.objects.exists()
