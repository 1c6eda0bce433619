import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def test_the_factsheet_is_public_and_hides_small_numbers(client, burgerbaner):
    from tests.factories import AllowanceAgreementFactory, year_rules

    year_rules(2026)
    AllowanceAgreementFactory(burgerbaner=burgerbaner)
    response = client.get(reverse("factsheet"))
    assert response.status_code == 200
    facts = response.context["facts"]
    assert facts.active_shown == "minder dan 5"
    assert "minder dan 5" in response.text
    assert burgerbaner.legal_name not in response.text


def test_the_factsheet_pdf_has_the_figures_on_one_page(client, db):
    response = client.get(reverse("factsheet_pdf"))
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "De Almeerse Burgerbaan in cijfers" in text
    assert "Eén burgerbaan kost per jaar hoogstens" in text


def test_the_factsheet_runs_the_same_queries_as_the_pilot_grows(
    client, funded, django_assert_max_num_queries
):
    from tests.factories import year_rules

    year_rules(2026)
    year_rules(2027)
    funded(1)
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("factsheet"))
    funded(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("factsheet"))
