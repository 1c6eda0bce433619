"""Nobody decides about money for themselves, and a returned payment needs a second person."""

import datetime
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from accounts.models import Role
from accounts.services import grant_role
from payments import services
from payments.errors import PaymentError
from payments.models import Extra, Payment, PaymentStatus
from tests.conftest import YEAR
from tests.factories import TOTP_SECRET, user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def also(user, kind):
    """Give ``user`` a Safe Almere role besides being a burgerbaner."""
    grant_role(user, kind, by=None)
    TOTP.activate(user, TOTP_SECRET)
    return user


def gift_for(burgerbaner, by):
    return services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 1),
        kind="gift",
        amount=Decimal("25.00"),
        description="Bloemen",
        by=by,
    )


# --- gifts and travel costs -----------------------------------------------------------


@pytest.mark.parametrize("kind", [Role.Kind.SIGNER, Role.Kind.TREASURER])
def test_safe_almere_staff_never_register_a_gift_for_themselves(burgerbaner, allowance, kind):
    me = also(burgerbaner.user, kind)
    with pytest.raises(PaymentError, match="voor jezelf"):
        gift_for(burgerbaner, by=me)
    assert not Extra.objects.exists()


@pytest.mark.parametrize("kind", [Role.Kind.SIGNER, Role.Kind.TREASURER])
def test_the_gift_form_does_not_offer_ones_own_name_and_refuses_it(
    client, burgerbaner, other_burgerbaner, allowance, kind
):
    me = also(burgerbaner.user, kind)
    log_in(client, me)
    page = client.get(reverse("extra_create"))
    choices = [pk for pk, _label in page.context["form"].fields["burgerbaner"].choices if pk]
    assert burgerbaner.pk not in [int(str(pk)) for pk in choices]
    assert other_burgerbaner.pk in [int(str(pk)) for pk in choices]
    response = client.post(
        reverse("extra_create"),
        {
            "burgerbaner": burgerbaner.pk,
            "date": f"{YEAR}-03-01",
            "kind": "travel",
            "amount": "12,40",
            "description": "Bus",
        },
    )
    assert response.status_code == 200
    assert "Een gift of reiskosten voor jezelf registreert een collega" in response.text
    assert not Extra.objects.exists()


def test_a_colleague_registers_the_gift_of_a_signer(burgerbaner, allowance, treasurer):
    also(burgerbaner.user, Role.Kind.SIGNER)
    assert gift_for(burgerbaner, by=treasurer).registered_by == treasurer


# --- approving a payment to oneself ----------------------------------------------------


def test_the_month_proposal_does_not_offer_a_treasurer_their_own_payment(
    client, burgerbaner, countersigned
):
    me = also(burgerbaner.user, Role.Kind.TREASURER)
    countersigned(3, [3])
    log_in(client, me)
    page = client.get(reverse("month_proposal", args=[YEAR, 3]))
    assert f'name="burgerbaner" value="{burgerbaner.pk}"' not in page.text
    assert "Je kunt geen betaling aan jezelf goedkeuren" in page.text
    client.post(reverse("month_proposal", args=[YEAR, 3]), {"alles": "1", "bevestigd": "1"})
    assert not Payment.objects.exists()


# --- returned payments -----------------------------------------------------------------


@pytest.fixture
def returned(burgerbaner, countersigned, paid_month, treasurer):
    countersigned(3, [3])
    payment = paid_month(3)
    return services.mark_returned(payment, reason="Rekening opgeheven", by=treasurer)


def test_a_returned_payment_keeps_who_marked_it_and_when(returned, treasurer):
    stored = Payment.objects.get(pk=returned.pk)
    assert stored.status == PaymentStatus.RETURNED
    assert stored.returned_by == treasurer
    assert stored.returned_at is not None


def test_who_marked_a_payment_returned_does_not_approve_it_again(burgerbaner, returned, treasurer):
    with pytest.raises(PaymentError, match="zelf als teruggekomen gemarkeerd"):
        services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert Payment.objects.count() == 1

    colleague = user_with_role(Role.Kind.TREASURER, name="Wim Bakker")
    again = services.approve_month(burgerbaner, YEAR, 3, by=colleague)
    assert (again.amount, again.approved_by) == (Decimal("28.00"), colleague)


def test_the_month_proposal_does_not_offer_who_marked_it_returned_to_approve_it_again(
    client, burgerbaner, returned, treasurer
):
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[YEAR, 3])
    page = client.get(url)
    assert f'name="burgerbaner" value="{burgerbaner.pk}"' not in page.text
    assert "zelf als teruggekomen gemarkeerd" in page.text
    response = client.post(url, {"burgerbaner": [burgerbaner.pk]}, follow=True)
    assert "zelf als teruggekomen gemarkeerd" in response.text
    client.post(url, {"alles": "1", "bevestigd": "1"})
    assert Payment.objects.count() == 1


def test_a_treasurer_never_marks_their_own_payment_returned(
    client, burgerbaner, countersigned, paid_month
):
    countersigned(3, [3])
    payment = paid_month(3)
    me = also(burgerbaner.user, Role.Kind.TREASURER)
    with pytest.raises(PaymentError, match="eigen betaling"):
        services.mark_returned(payment, reason="Kwam niet aan", by=me)
    log_in(client, me)
    page = client.get(payment.get_absolute_url())
    assert page.context["form"] is None
    client.post(payment.get_absolute_url(), {"reason": "Kwam niet aan"})
    assert Payment.objects.get().status == PaymentStatus.PAID
