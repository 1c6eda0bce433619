"""The treasurer uploads the statement on its page and sees what each line did."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bank.models import Outcome, Statement
from payments.models import PaymentStatus
from tests.bank.conftest import batch_entry, incoming, return_entry, statement
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def upload(client, content: bytes):
    return client.post(
        reverse("bank_upload"),
        {"file": SimpleUploadedFile("afschrift.xml", content, "application/xml")},
        follow=True,
    )


def test_upload_shows_the_statement_with_paid_returned_and_received_lines(
    client, batch, treasurer, sponsor
):
    april = batch.payments.get(month=4)
    content = statement(
        batch_entry(batch),
        return_entry(april, "MD07"),
        incoming("IN-1", "1500.00", name="WoonZorgFlevoland", text="BB-WZF"),
        incoming("IN-2", "40.00", name="J. Smit", text="Voor jullie"),
    )
    log_in(client, treasurer)
    response = upload(client, content)
    statement_row = Statement.objects.get()
    assert response.redirect_chain == [(reverse("bank_statement", args=[statement_row.pk]), 302)]
    page = response.content.decode()
    assert "Het afschrift is ingelezen: 5 nieuwe regels, 0 al eerder." in page
    assert "betaling uitgevoerd" in page
    assert "De rekeninghouder is overleden (MD07)" in page
    assert "ontvangst geboekt: WoonZorgFlevoland" in page
    assert "nog in te delen" in page
    assert april.__class__.objects.get(pk=april.pk).status == PaymentStatus.RETURNED


def test_the_same_file_again_shows_the_message_at_the_field(client, batch, treasurer):
    content = statement(batch_entry(batch))
    log_in(client, treasurer)
    upload(client, content)
    response = upload(client, content)
    assert "Dit afschrift is al ingelezen op" in response.content.decode()
    assert Statement.objects.count() == 1


def test_treasurer_classifies_money_that_came_in_by_hand(client, treasurer, foundation, sponsor):
    from bank import services

    services.import_statement(
        statement(
            incoming("IN-1", "40.00", name="J. Smit", text="Voor jullie"),
            incoming("IN-2", "12.00", name="Bakkerij", text="Terugbetaling"),
        ),
        by=treasurer,
    )
    log_in(client, treasurer)
    page = client.get(reverse("bank_unclassified")).content.decode()
    assert "J. Smit" in page and "Bakkerij" in page
    smit, bakery = Statement.objects.get().lines.order_by("bank_reference")
    response = client.post(
        reverse("bank_classify", args=[smit.pk]), {f"r{smit.pk}-bron": str(sponsor.pk)}
    )
    assert response["Location"] == reverse("bank_unclassified")
    client.post(reverse("bank_classify", args=[bakery.pk]), {f"r{bakery.pk}-bron": "geen"})
    smit.refresh_from_db()
    bakery.refresh_from_db()
    assert (smit.outcome, smit.receipt.source, smit.receipt.amount) == (
        Outcome.RECEIPT,
        sponsor,
        smit.amount,
    )
    assert (smit.classified_by, bakery.outcome, bakery.receipt) == (
        treasurer,
        Outcome.OTHER,
        None,
    )
    page = client.get(reverse("bank_unclassified")).content.decode()
    assert "Er is niets in te delen." in page
    # A line classified once stays as it is.
    response = client.post(
        reverse("bank_classify", args=[smit.pk]), {f"r{smit.pk}-bron": "geen"}, follow=True
    )
    assert "Deze regel is al ingedeeld." in response.content.decode()
    smit.refresh_from_db()
    assert smit.outcome == Outcome.RECEIPT


def test_a_wrong_choice_says_so_and_classifies_nothing(client, treasurer, foundation):
    from bank import services

    services.import_statement(statement(incoming("IN-1", "40.00", name="J. Smit")), by=treasurer)
    line = Statement.objects.get().lines.get()
    log_in(client, treasurer)
    for choice in ("", "999999", "<script>"):
        response = client.post(
            reverse("bank_classify", args=[line.pk]), {f"r{line.pk}-bron": choice}, follow=True
        )
        assert "Kies een bron" in response.content.decode()
    line.refresh_from_db()
    assert line.outcome == Outcome.TO_CLASSIFY


def test_the_list_to_classify_runs_the_same_queries_for_many_lines(
    client, treasurer, foundation, sponsor, django_assert_max_num_queries
):
    from bank import services

    services.import_statement(
        statement(*[incoming(f"IN-{i}", "5.00", name=f"Gever {i}") for i in range(3)]),
        by=treasurer,
    )
    log_in(client, treasurer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("bank_unclassified"))
    services.import_statement(
        statement(
            *[incoming(f"IN-{i}", "5.00", name=f"Gever {i}") for i in range(3, 40)],
            statement_id="AFSCHRIFT-2",
        ),
        by=treasurer,
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("bank_unclassified"))
    assert "Gever 39" in response.content.decode()


def test_the_statement_page_runs_the_same_queries_for_many_lines(
    client, batch, treasurer, sponsor, django_assert_max_num_queries
):
    from bank import services

    services.import_statement(
        statement(
            batch_entry(batch), *[incoming(f"IN-{i}", "5.00", text="BB-WZF") for i in range(2)]
        ),
        by=treasurer,
    )
    small = Statement.objects.get()
    log_in(client, treasurer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("bank_statement", args=[small.pk]))
    services.import_statement(
        statement(
            *[incoming(f"IN-{i}", "5.00", text="BB-WZF") for i in range(2, 40)],
            statement_id="AFSCHRIFT-2",
        ),
        by=treasurer,
    )
    large = Statement.objects.exclude(pk=small.pk).get()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("bank_statement", args=[large.pk]))
    assert response.content.decode().count("ontvangst geboekt: WoonZorgFlevoland") == 38


def test_the_payment_page_shows_the_day_the_bank_paid_it(client, batch, treasurer, burgerbaner):
    from bank import services

    services.import_statement(statement(batch_entry(batch)), by=treasurer)
    payment = batch.payments.get(month=3)
    log_in(client, burgerbaner.user)
    page = client.get(payment.get_absolute_url()).content.decode()
    assert "Betaald op" in page
    assert "6 mei 2025" in page
