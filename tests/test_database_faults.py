"""The database connection dies in the middle of a payment approval or an import.

A second connection ends the request's own PostgreSQL backend with
``pg_terminate_backend`` right after the first row is written. The request's
transaction is lost with it: nothing half-written stays, the person sees a
page that asks to try again, and trying again works once, without duplicates.
"""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from payments.models import OpeningBalance, Payment
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL backend is terminated (make test-pg; CI runs it)")


@pytest.fixture
def cut_connection_after_first(request):
    """End the database backend of the request that first writes a row of ``model``.

    A trigger, committed for this test only, calls ``pg_terminate_backend`` on the
    writing backend itself: PostgreSQL ends that connection as an administrator
    would, in the middle of the request's transaction.
    """
    cut = []

    def arm(model):
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE IF NOT EXISTS test_cut_done (pid int);"
                "CREATE OR REPLACE FUNCTION test_cut() RETURNS trigger AS $$ BEGIN"
                "  IF NOT EXISTS (SELECT 1 FROM test_cut_done) THEN"
                "    PERFORM pg_terminate_backend(pg_backend_pid());"
                "  END IF;"
                "  RETURN NULL;"
                " END $$ LANGUAGE plpgsql;"
                f"CREATE TRIGGER test_cut AFTER INSERT ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION test_cut();"
            )

        def disarm():
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DROP TRIGGER IF EXISTS test_cut ON {table};"
                    "DROP FUNCTION IF EXISTS test_cut(); DROP TABLE IF EXISTS test_cut_done;"
                )

        request.addfinalizer(disarm)
        return cut

    return arm


def mark_cut(cut) -> None:
    """The cut happened: later writes go through (a retry must succeed)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO test_cut_done VALUES (1)")
    cut.append(True)


def test_approval_cut_off_saves_nothing_and_a_retry_pays_once(
    client, burgerbaner, other_burgerbaner, countersigned, treasurer, cut_connection_after_first
):
    countersigned(4, [1, 2])
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[YEAR, 4])
    cut = cut_connection_after_first(Payment)

    response = client.post(url, {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"})

    assert response.status_code == 503, "the connection was not cut"
    mark_cut(cut)
    assert "Wat je net deed, is waarschijnlijk niet bewaard" in response.text
    assert not Payment.objects.exists()
    assert not Payment.history.exists()

    response = client.post(url, {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"}, follow=True)
    assert "1 betaling is goedgekeurd" in response.text
    client.post(
        url, {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"}
    )  # a double click after the retry
    assert list(Payment.objects.values_list("burgerbaner", "amount")) == [
        (burgerbaner.pk, Decimal("56.00"))
    ]


def test_import_cut_off_imports_nothing_and_a_retry_imports_once(
    client, admin_user, burgerbaner, other_burgerbaner, cut_connection_after_first
):
    log_in(client, admin_user)
    rows = (
        "email,year,amount,note\n"
        f"{burgerbaner.user.email},2025,300.00,Sportclub\n"
        f"{other_burgerbaner.user.email},2025,120.00,Bibliotheek\n"
    )
    upload = io.BytesIO(rows.encode())
    upload.name = "beginsaldi.csv"
    preview = client.post(
        reverse("admin:payments_openingbalance_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    confirm = preview.context["confirm_form"].initial
    cut = cut_connection_after_first(OpeningBalance)

    response = client.post(reverse("admin:payments_openingbalance_process_import"), confirm)

    assert response.status_code == 503, "the connection was not cut"
    mark_cut(cut)
    assert not OpeningBalance.objects.exists()

    client.post(reverse("admin:payments_openingbalance_process_import"), confirm)
    assert sorted(OpeningBalance.objects.values_list("amount", flat=True)) == [
        Decimal("120.00"),
        Decimal("300.00"),
    ]
