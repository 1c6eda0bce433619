import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from payments import services
from payments.models import Extra, Payment, PaymentBatch, PaymentStatus
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def proposal_url(month):
    return reverse("month_proposal", args=[YEAR, month])


def test_treasurer_approves_from_the_month_proposal(client, burgerbaner, countersigned, treasurer):
    countersigned(4, list(range(1, 9)))  # 224,00 → 210,00 proposed, 14,00 held
    log_in(client, treasurer)
    response = client.get(proposal_url(4))
    assert "€\xa0210,00" in response.text
    assert "€\xa014,00 niet uitbetaald: boven het maandmaximum van €\xa0210,00" in response.text
    client.post(proposal_url(4), {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"})
    assert Payment.objects.get().amount == Decimal("210.00")
    response = client.post(
        proposal_url(4), {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"}, follow=True
    )
    assert "geen ruimte meer" in response.text
    assert Payment.objects.count() == 1


@pytest.mark.parametrize("role", ["signer", "admin", "coordinator", "burgerbaner"])
def test_only_the_treasurer_opens_the_proposal(client, people, role):
    log_in(client, people[role])
    assert client.get(proposal_url(4)).status_code == 403
    assert client.post(proposal_url(4), {"burgerbaner": [1]}).status_code == 403


def test_batch_sepa_and_paid_through_the_pages(
    client, burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    log_in(client, treasurer)
    response = client.post(
        reverse("batch_create"), {"betaling": [Payment.objects.get().pk], "bevestigd": "1"}
    )
    batch = PaymentBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    xml = client.post(reverse("batch_sepa", args=[batch.pk]))
    assert xml["Content-Type"] == "application/xml"
    assert b"NL91ABNA0417164300" in xml.content
    client.post(batch.get_absolute_url(), {"execution_date": f"{YEAR}-04-02", "bevestigd": "1"})
    assert Payment.objects.get().status == PaymentStatus.PAID


def test_burgerbaner_sees_own_payments_and_downloads_the_specification(
    client, burgerbaner, other_burgerbaner, countersigned, treasurer
):
    countersigned(3, [3, 4])
    services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 9),
        kind="travel",
        amount=Decimal("12.40"),
        description="Bus naar de moestuin",
        by=treasurer,
    )
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    log_in(client, burgerbaner.user)
    assert "€\xa068,40" in client.get(reverse("my_payments")).text
    response = client.get(reverse("payment_spec", args=[payment.pk]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = text.replace("\xa0", " ")
    assert "Buurtkamer De Polderhoek" in text
    assert "€ 5,60" in text and "€ 56,00" in text
    assert "Bus naar de moestuin" in text
    assert "€ 68,40" in text
    assert "€ 2.031,60" in text  # room left this year

    log_in(client, other_burgerbaner.user)
    assert client.get(reverse("payment_detail", args=[payment.pk])).status_code == 403
    assert client.get(reverse("payment_spec", args=[payment.pk])).status_code == 403


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "meer dan € 0,00"),
        ("-3", "meer dan € 0,00"),
        ("1,005", "2 cijfers achter de komma"),
        ("tien", "Schrijf een getal, zoals 2 of 1,5."),
    ],
)
def test_extra_form_refuses_bad_amounts(client, burgerbaner, allowance, treasurer, amount, message):
    log_in(client, treasurer)
    response = client.post(
        reverse("extra_create"),
        {
            "burgerbaner": burgerbaner.pk,
            "date": f"{YEAR}-03-01",
            "kind": "gift",
            "amount": amount,
            "description": "Bloemen",
        },
    )
    assert message in response.text
    assert not Extra.objects.exists()


def test_proposal_queries_do_not_grow(client, treasurer, django_assert_max_num_queries):
    from tests.factories import AllowanceAgreementFactory

    def person():
        AllowanceAgreementFactory(
            start_date=datetime.date(YEAR, 1, 1), end_date=datetime.date(YEAR, 12, 31)
        )

    person()
    log_in(client, treasurer)
    with django_assert_max_num_queries(25) as few:
        client.get(proposal_url(3))
    for _ in range(15):
        person()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(proposal_url(3))
    assert len(response.context["nothing"]) == 16


def test_admin_sees_every_money_state_change(
    client, burgerbaner, countersigned, treasurer, admin_user, foundation
):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    batch = services.create_batch(by=treasurer)
    services.mark_batch_paid(batch, execution_date=datetime.date(YEAR, 4, 2), by=treasurer)
    log_in(client, admin_user)
    response = client.get(reverse("payment_audit"))
    assert response.text.count("€\xa028,00") >= 2
    assert "betaald" in response.text


def test_admin_enters_an_opening_balance_that_counts_toward_the_maximum(
    client, admin_user, burgerbaner
):
    from payments.models import OpeningBalance

    log_in(client, admin_user)
    response = client.post(
        reverse("admin:payments_openingbalance_add"),
        {"burgerbaner": burgerbaner.pk, "year": YEAR, "amount": "400.00", "note": "Sportclub"},
    )
    assert response.status_code == 302
    balance = OpeningBalance.objects.get()
    assert balance.registered_by == admin_user
    from payments import cap

    assert cap.overview(burgerbaner, YEAR, 1).headroom_year == Decimal("1700.00")
    change = reverse("admin:payments_openingbalance_change", args=[balance.pk])
    assert client.post(change, {"amount": "1"}).status_code == 403


def test_payments_cannot_be_edited_in_django_admin(
    client, admin_user, burgerbaner, countersigned, treasurer
):
    countersigned(3, [3])
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    log_in(client, admin_user)
    url = reverse("admin:payments_payment_change", args=[payment.pk])
    assert client.post(url, {"amount": "999"}).status_code == 403
    assert Payment.objects.get().amount == Decimal("28.00")


def test_treasurer_approves_the_whole_month_in_one_go(
    client, burgerbaner, other_burgerbaner, countersigned, treasurer
):
    from tests.factories import AllowanceAgreementFactory

    countersigned(4, [1, 2])
    AllowanceAgreementFactory(
        burgerbaner=other_burgerbaner,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
    )
    log_in(client, treasurer)
    response = client.post(proposal_url(4), {"alles": "1", "bevestigd": "1"}, follow=True)
    assert "1 betaling is goedgekeurd." in response.text
    assert "1 burgerbaners kregen niets" in response.text
    assert Payment.objects.get().amount == Decimal("56.00")


def test_the_treasurer_sees_earlier_months_with_money_to_pay(
    client,
    burgerbaner,
    countersigned,
    coordinator,
    signer,
    treasurer,
    foundation,
    django_assert_max_num_queries,
):
    from hours import services as hours_services

    countersigned(6, [2, 3], "5")  # 10 h × 5,60 = 56,00
    services.approve_month(burgerbaner, YEAR, 6, by=treasurer)
    agreement = burgerbaner.volunteeragreements.get()
    correction = hours_services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=datetime.date(YEAR, 7, 10),
        hours=Decimal("5"),
        description="Vergeten",
        is_correction=True,
        correction_reason="Op 4 juni vergeten te schrijven",
        corrects_date=datetime.date(YEAR, 6, 4),
    )
    hours_services.submit_timesheet(correction.timesheet, by=burgerbaner.user)
    hours_services.approve_timesheet(correction.timesheet, by=coordinator)
    hours_services.countersign_timesheet(correction.timesheet, by=signer)
    log_in(client, treasurer)
    with django_assert_max_num_queries(40):
        page = client.get(reverse("treasurer_home")).text
    assert f'{reverse("month_proposal", args=[YEAR, 6])}">juni {YEAR}</a>: 1 burgerbaner' in page


def test_a_yearly_statement_is_offered_only_for_a_year_with_something_on_record(
    client, burgerbaner, treasurer
):
    today = timezone.localdate()
    burgerbaner.volunteeragreements.update(start_date=today.replace(month=1, day=1))
    log_in(client, burgerbaner.user)
    page = client.get(reverse("my_payments")).text
    assert reverse("my_statement", args=[today.year]) not in page
    assert reverse("my_statement", args=[today.year - 1]) not in page

    services.set_opening_balance(
        burgerbaner, year=today.year - 1, amount=Decimal("100.00"), note="Eerder", by=treasurer
    )
    page = client.get(reverse("my_payments")).text
    assert reverse("my_statement", args=[today.year - 1]) in page
    assert reverse("my_statement", args=[today.year]) not in page
