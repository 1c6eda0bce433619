"""Allowances from elsewhere: recorded per month by the burgerbaner or an admin, corrected
by a counter-entry, and counted under the same maxima as this pilot's money."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from payments import cap, services
from payments.errors import PaymentError
from payments.models import ElsewhereAllowance
from privacy import services as privacy
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_burgerbaner_records_an_allowance_from_elsewhere_on_their_phone_page(
    client, burgerbaner, allowance, countersigned
):
    countersigned(3, [3, 4], "5")  # 10 h × 5,60 = 56,00
    log_in(client, burgerbaner.user)
    url = reverse("my_elsewhere")
    page = client.get(url).text
    assert f"maart {YEAR}" in page and "Van welke organisatie?" in page
    response = client.post(
        url,
        {"organisation_name": "Voedselbank Almere", "month": f"{YEAR}-03-01", "amount": "180,00"},
        follow=True,
    )
    assert "De vergoeding van elders is opgeslagen." in response.text
    # 180 + 56 = 236: 26 over the monthly maximum of 210 for that month
    assert "€\xa026,00 boven het maandmaximum van maart" in response.text
    entry = ElsewhereAllowance.objects.get()
    assert (entry.month, entry.amount, entry.registered_by) == (
        datetime.date(YEAR, 3, 1),
        Decimal("180.00"),
        burgerbaner.user,
    )
    assert entry.history.get().history_user == burgerbaner.user
    overview = cap.overview(burgerbaner, YEAR, 3)
    assert overview.proposal(3).proposed == Decimal("30.00")
    assert overview.counted_year == Decimal("210.00")


def test_bad_input_gets_a_message_at_the_field_and_saves_nothing(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(
        reverse("my_elsewhere"), {"organisation_name": "", "month": "2999-01-01", "amount": "-5"}
    )
    assert response.status_code == 200
    assert "Kies een maand uit de lijst." in response.text
    assert "Het bedrag moet meer dan € 0,00 zijn." in response.text.replace("\xa0", " ")
    assert not ElsewhereAllowance.objects.exists()


def test_an_admin_records_and_corrects_for_a_burgerbaner(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    client.post(
        reverse("elsewhere_for", args=[burgerbaner.pk]),
        {"organisation_name": "Sportclub", "month": f"{YEAR}-05-01", "amount": "100"},
    )
    entry = ElsewhereAllowance.objects.get()
    assert entry.registered_by == admin_user
    url = reverse("elsewhere_correct", args=[entry.pk])
    response = client.post(url, {"amount": "150", "note": "Typfout"})
    assert "Je kunt hoogstens €\xa0100,00 terugnemen" in response.text
    client.post(url, {"amount": "40", "note": "Typfout"})
    correction = ElsewhereAllowance.objects.get(corrects=entry)
    assert (correction.amount, correction.month, correction.note) == (
        Decimal("-40.00"),
        entry.month,
        "Typfout",
    )
    assert cap.overview(burgerbaner, YEAR, 5).elsewhere(5) == Decimal("60.00")


def test_nobody_else_records_for_a_burgerbaner(burgerbaner, other_burgerbaner, treasurer):
    from django.core.exceptions import PermissionDenied

    for user in (other_burgerbaner.user, treasurer):
        with pytest.raises(PermissionDenied):
            services.record_elsewhere(
                burgerbaner,
                organisation_name="X",
                month=datetime.date(YEAR, 1, 1),
                amount=Decimal("1"),
                by=user,
            )


def test_a_month_still_to_come_is_refused(burgerbaner):
    with pytest.raises(PaymentError, match="moet nog komen"):
        services.record_elsewhere(
            burgerbaner,
            organisation_name="X",
            month=datetime.date.today().replace(day=1) + datetime.timedelta(days=40),
            amount=Decimal("1"),
            by=burgerbaner.user,
        )


def test_allowances_from_elsewhere_are_in_the_export_and_anonymised(burgerbaner, admin_user):
    services.record_elsewhere(
        burgerbaner,
        organisation_name="Buurthuis Fatima",
        month=datetime.date(YEAR, 2, 1),
        amount=Decimal("25"),
        by=burgerbaner.user,
    )
    data = privacy.personal_data(burgerbaner)
    assert data["vergoedingen_van_elders"][0]["organisation_name"] == "Buurthuis Fatima"
    burgerbaner.volunteeragreements.update(end_date=datetime.date(YEAR, 12, 31))
    privacy.anonymise(burgerbaner, by=admin_user, today=datetime.date(2040, 1, 1))
    assert not ElsewhereAllowance.objects.filter(organisation_name__contains="Fatima").exists()
    assert not ElsewhereAllowance.history.filter(organisation_name__contains="Fatima").exists()
    assert ElsewhereAllowance.objects.get().amount == Decimal("25.00")
