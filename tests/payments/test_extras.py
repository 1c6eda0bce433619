"""Gifts and travel costs: within the annual maximum, never in the future, and corrected
by a counter-entry (a negative entry that refers to the one it corrects), never edited."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from payments import cap, services
from payments.errors import PaymentError
from payments.models import Extra
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def post_extra(client, burgerbaner, **overrides):
    data = {
        "burgerbaner": burgerbaner.pk,
        "date": f"{YEAR}-03-01",
        "kind": "gift",
        "amount": "25,00",
        "description": "Bloemen",
        **overrides,
    }
    return client.post(reverse("extra_create"), data)


def field_errors(response, field: str) -> list[str]:
    return [e.replace("\xa0", " ") for e in response.context["form"].errors.get(field, [])]


@pytest.mark.parametrize("amount", ["99999999,99", "2100,01"])
def test_a_gift_above_the_annual_maximum_is_refused_at_the_amount(
    client, burgerbaner, allowance, treasurer, amount
):
    log_in(client, treasurer)
    response = post_extra(client, burgerbaner, amount=amount)
    assert response.status_code == 200
    assert any("jaarmaximum van € 2.100,00" in e for e in field_errors(response, "amount"))
    assert not Extra.objects.exists()


def test_a_gift_of_the_whole_annual_maximum_is_accepted_once_confirmed(
    client, burgerbaner, allowance, treasurer
):
    log_in(client, treasurer)
    response = post_extra(client, burgerbaner, amount="2100,00")
    assert "€\xa01.890,00 boven het maandmaximum van maart" in response.text
    assert not Extra.objects.exists()
    confirmed = post_extra(client, burgerbaner, amount="2100,00", confirm_over_maximum="on")
    assert confirmed.status_code == 302
    assert Extra.objects.get().amount == Decimal("2100.00")


def test_a_gift_that_does_not_fit_says_how_much_is_over_before_saving(
    client, burgerbaner, allowance, countersigned, treasurer
):
    from payments.services import record_elsewhere

    countersigned(3, list(range(3, 8)), "5")  # 25 h × 5,60 = 140,00
    record_elsewhere(
        burgerbaner,
        organisation_name="Sportclub",
        month=datetime.date(YEAR, 3, 1),
        amount=Decimal("50.00"),
        by=burgerbaner.user,
    )
    log_in(client, treasurer)
    response = post_extra(client, burgerbaner, amount="30,00")
    # 140 + 50 from elsewhere + 30 = 220: 10 over the monthly maximum of 210
    assert "Let op: hiermee komt Fatima el Amrani €\xa010,00 boven het maandmaximum" in (
        response.text
    )
    assert "Toch registreren" in response.text
    assert not Extra.objects.exists()
    assert post_extra(client, burgerbaner, amount="20,00").status_code == 302


def test_a_gift_dated_in_the_future_is_refused_at_the_date(
    client, burgerbaner, allowance, treasurer
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    log_in(client, treasurer)
    response = post_extra(client, burgerbaner, date=tomorrow.isoformat())
    assert response.status_code == 200
    assert any("nog moet komen" in e for e in field_errors(response, "date"))
    assert not Extra.objects.exists()


def test_the_service_refuses_the_same_as_the_form(burgerbaner, allowance, treasurer):
    with pytest.raises(PaymentError, match="jaarmaximum") as refused:
        services.register_extra(
            burgerbaner,
            date=datetime.date(YEAR, 3, 1),
            kind="travel",
            amount=Decimal("99999999.99"),
            description="Bus",
            by=treasurer,
        )
    assert refused.value.field == "amount"
    with pytest.raises(PaymentError, match="nog moet komen") as refused:
        services.register_extra(
            burgerbaner,
            date=timezone.localdate() + datetime.timedelta(days=1),
            kind="travel",
            amount=Decimal("5"),
            description="Bus",
            by=treasurer,
        )
    assert refused.value.field == "date"
    assert not Extra.objects.exists()


@pytest.fixture
def gift(burgerbaner, allowance, treasurer):
    return services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 10),
        kind="gift",
        amount=Decimal("100.00"),
        description="Bloemen",
        by=treasurer,
    )


def test_a_gift_is_corrected_by_a_counter_entry_and_the_cap_counts_the_net(
    burgerbaner, gift, signer
):
    before = cap.overview(burgerbaner, YEAR, 3).signed(3)
    correction = services.correct_extra(gift, amount=Decimal("60.00"), reason="Te veel", by=signer)
    assert correction.amount == Decimal("-60.00")
    assert correction.corrects == gift
    assert (correction.kind, correction.date) == (gift.kind, gift.date)
    assert correction.registered_by == signer and correction.registered_at is not None
    gift.refresh_from_db()
    assert gift.amount == Decimal("100.00")  # the original never changes
    overview = cap.overview(burgerbaner, YEAR, 3)
    assert overview.signed(3) == before - Decimal("60.00")
    assert overview.left_year == Decimal("2100.00") - overview.signed_year


def test_a_correction_takes_back_at_most_what_is_left(gift, treasurer):
    services.correct_extra(gift, amount=Decimal("60.00"), reason="Te veel", by=treasurer)
    with pytest.raises(PaymentError, match=r"hoogstens €\s40,00") as refused:
        services.correct_extra(gift, amount=Decimal("40.01"), reason="Nog eens", by=treasurer)
    assert refused.value.field == "amount"
    services.correct_extra(gift, amount=Decimal("40.00"), reason="De rest", by=treasurer)
    assert sum(Extra.objects.values_list("amount", flat=True)) == Decimal("0.00")


def test_a_correction_needs_a_reason_and_is_not_corrected_itself(gift, treasurer):
    with pytest.raises(PaymentError, match="waarom"):
        services.correct_extra(gift, amount=Decimal("1.00"), reason="  ", by=treasurer)
    correction = services.correct_extra(gift, amount=Decimal("1.00"), reason="Typo", by=treasurer)
    with pytest.raises(PaymentError, match="oorspronkelijke"):
        services.correct_extra(correction, amount=Decimal("1.00"), reason="x", by=treasurer)


def test_only_safe_almere_corrects(gift, admin_user, burgerbaner):
    from django.core.exceptions import PermissionDenied

    for person in (admin_user, burgerbaner.user):
        with pytest.raises(PermissionDenied):
            services.correct_extra(gift, amount=Decimal("1.00"), reason="x", by=person)


def test_the_counter_entry_is_made_on_its_page(client, gift, treasurer):
    log_in(client, treasurer)
    url = reverse("extra_correct", args=[gift.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Bloemen" in page.text
    response = client.post(url, {"amount": "100,01", "reason": "Dubbel"})
    assert any("hoogstens € 100,00" in e for e in field_errors(response, "amount"))
    response = client.post(url, {"amount": "100,00", "reason": "Dubbel geregistreerd"})
    assert response.status_code == 302
    correction = Extra.objects.get(corrects=gift)
    assert correction.amount == Decimal("-100.00")
    assert correction.description == "Dubbel geregistreerd"
    assert "correctie" in client.get(reverse("extra_create")).text.lower()
