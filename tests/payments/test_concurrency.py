"""Two treasurers approving at once, on real PostgreSQL connections."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from payments import services
from payments.errors import PaymentError
from payments.models import Payment
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(count: int, action) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes: list[str] = []

    def worker():
        try:
            barrier.wait()
            action()
            outcomes.append("approved")
        except PaymentError as exc:
            outcomes.append(f"refused: {exc.message}")
        except Exception as exc:  # anything else is a failure the test must show
            outcomes.append(f"error: {exc!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("row and advisory locks are proven on PostgreSQL (make test-pg; CI runs it)")


def test_concurrent_approvals_of_one_month_pay_once(
    postgresql, burgerbaner, countersigned, treasurer
):
    countersigned(4, list(range(1, 9)))  # 224,00 payable, 210,00 allowed
    outcomes = run_at_once(6, lambda: services.approve_month(burgerbaner, YEAR, 4, by=treasurer))
    assert outcomes.count("approved") == 1, outcomes
    assert [p.amount for p in Payment.objects.all()] == [Decimal("210.00")]


def test_concurrent_approvals_of_different_months_respect_the_year(
    postgresql, burgerbaner, countersigned, treasurer
):
    services.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("2000.00"), note="", by=treasurer
    )
    for month in (2, 3, 4, 5):
        countersigned(month, [3, 4])  # 56,00 each
    months = iter([2, 3, 4, 5])
    lock = threading.Lock()

    def approve_next():
        with lock:
            month = next(months)
        services.approve_month(burgerbaner, YEAR, month, by=treasurer)

    outcomes = run_at_once(4, approve_next)
    assert not [o for o in outcomes if o.startswith("error")], outcomes
    total = sum(p.amount for p in Payment.objects.all())
    assert total == Decimal("100.00"), outcomes  # 2.100,00 − 2.000,00 opening balance
