"""Money records in Django's admin: shown, never added, changed, reverted or deleted there."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from payments import services
from payments.models import Extra, OpeningBalance, Payment, PaymentBatch, PaymentStatus
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def history_url(record, version):
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[record.pk, version.history_id],
    )


def test_a_paid_payment_is_not_changed_through_its_history_page_in_django_admin(
    client, admin_user, burgerbaner, treasurer, countersigned, paid_month
):
    countersigned(3, [3])
    payment = paid_month(3)
    approved = payment.history.order_by("history_date").first()
    assert approved.status == PaymentStatus.APPROVED
    log_in(client, admin_user)
    back_to_approved_and_more = {
        "burgerbaner": burgerbaner.pk,
        "year": YEAR,
        "month": 3,
        "amount": "999.00",
        "iban": "NL44RABO0123456789",
        "status": PaymentStatus.APPROVED,
        "approved_by": treasurer.pk,
        "approved_at_0": f"{YEAR}-04-01",
        "approved_at_1": "10:00",
        "return_reason": "",
    }
    response = client.post(history_url(payment, approved), back_to_approved_and_more)
    assert response.status_code == 403
    stored = Payment.objects.get(pk=payment.pk)
    assert (stored.status, stored.amount, stored.iban, stored.batch_id) == (
        PaymentStatus.PAID,
        Decimal("28.00"),
        "NL91ABNA0417164300",
        payment.batch_id,
    )


def test_a_paid_batch_is_not_reverted_to_open_in_django_admin(
    client, admin_user, countersigned, paid_month
):
    countersigned(3, [3])
    batch = paid_month(3).batch
    opened = batch.history.order_by("history_date").first()
    log_in(client, admin_user)
    assert client.post(history_url(batch, opened), {}).status_code == 403
    assert PaymentBatch.objects.get(pk=batch.pk).status == PaymentBatch.Status.PAID


def test_gifts_and_opening_balances_are_not_reverted_in_django_admin(
    client, admin_user, burgerbaner, allowance, treasurer
):
    gift = services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 1),
        kind="gift",
        amount=Decimal("20.00"),
        description="Bloemen",
        by=treasurer,
    )
    balance = services.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("100.00"), note="Sportclub", by=admin_user
    )
    log_in(client, admin_user)
    for record in (gift, balance):
        version = record.history.get()
        assert client.post(history_url(record, version), {}).status_code == 403
    assert Extra.objects.get().amount == Decimal("20.00")
    assert OpeningBalance.objects.get().note == "Sportclub"


def test_importing_an_opening_balance_again_never_changes_the_one_entered(
    client, admin_user, burgerbaner
):
    """Every imported row is a record of its own; one that repeats an earlier entry warns
    in the preview, and the entry made before stays as it was."""
    services.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("300.00"), note="Sportclub", by=admin_user
    )
    log_in(client, admin_user)
    upload = io.BytesIO(
        f"email,year,amount,note\n{burgerbaner.user.email},{YEAR},300.00,Anders\n".encode()
    )
    upload.name = "beginsaldi.csv"
    preview = client.post(
        reverse("admin:payments_openingbalance_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert "Dit beginsaldo staat er al" in preview.text
    assert OpeningBalance.objects.get().note == "Sportclub"
    client.post(
        reverse("admin:payments_openingbalance_process_import"),
        preview.context["confirm_form"].initial,
    )
    first, second = OpeningBalance.objects.order_by("pk")
    assert (first.amount, first.note) == (Decimal("300.00"), "Sportclub")
    assert (second.amount, second.note) == (Decimal("300.00"), "Anders")
