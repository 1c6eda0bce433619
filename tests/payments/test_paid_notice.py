"""The burgerbaner hears that their allowance was paid, once."""

import datetime

import pytest
from django.core import mail

from accounts.models import Notice
from payments import services
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails leave on commit


def test_payment_is_told_by_mail_and_on_the_dashboard_once(
    burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3])
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    batch = services.create_batch(by=treasurer)
    mail.outbox.clear()
    services.mark_batch_paid(batch, execution_date=datetime.date(YEAR, 4, 2), by=treasurer)
    paid = [m for m in mail.outbox if "is betaald" in m.subject]
    assert len(paid) == 1
    assert paid[0].to == [burgerbaner.user.email]
    assert "Je vergoeding van maart 2025 is betaald: €\xa028,00." in paid[0].body
    notice = Notice.objects.get(key=f"payment-paid-{payment.pk}")
    assert notice.url == payment.get_absolute_url()
