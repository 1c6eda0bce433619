"""Every counter-entry (gift or travel costs, money from elsewhere) is refused the same way:
not on a correction, not without a reason, not for more than is left; nothing is made."""

import datetime
from decimal import Decimal

import pytest

from payments import services
from payments.errors import PaymentError
from payments.models import ElsewhereAllowance, Extra
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["gift", "elsewhere"])
def correct(request, burgerbaner, allowance, treasurer):
    """(original, a function that corrects it, the model)."""
    if request.param == "gift":
        gift = services.register_extra(
            burgerbaner,
            date=datetime.date(YEAR, 3, 10),
            kind="gift",
            amount=Decimal("100.00"),
            description="Bloemen",
            by=treasurer,
        )
        return (
            gift,
            lambda entry, amount, why: services.correct_extra(
                entry, amount=amount, reason=why, by=treasurer
            ),
            Extra,
        )
    entry = services.record_elsewhere(
        burgerbaner,
        organisation_name="Voedselbank",
        month=datetime.date(YEAR, 3, 1),
        amount=Decimal("100.00"),
        by=burgerbaner.user,
    )
    return (
        entry,
        lambda entry, amount, why: services.correct_elsewhere(
            entry, amount=amount, note=why, by=burgerbaner.user
        ),
        ElsewhereAllowance,
    )


def test_a_counter_entry_refuses_what_does_not_hold_and_makes_nothing(correct):
    original, fix, model = correct
    with pytest.raises(PaymentError, match="waarom"):
        fix(original, Decimal("10.00"), "  ")
    with pytest.raises(PaymentError, match=r"hoogstens €\s100,00"):
        fix(original, Decimal("100.01"), "Te veel")
    assert model.objects.count() == 1
    counter = fix(original, Decimal("40.00"), "Verkeerd bedrag")
    with pytest.raises(PaymentError, match="Dit is zelf een correctie"):
        fix(counter, Decimal("1.00"), "Nog eens")
    with pytest.raises(PaymentError, match=r"hoogstens €\s60,00"):
        fix(original, Decimal("60.01"), "Te veel")
    assert model.objects.count() == 2
