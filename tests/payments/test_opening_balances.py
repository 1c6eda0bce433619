"""Opening balances (allowance received earlier in the year elsewhere), entered one by one
in Django's admin or imported from CSV with a preview.

Each row is its own record with the admin who registered it; the year is one that can
have one; a correction is a counter-entry; a year that goes over the annual maximum warns.
"""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from payments import cap, services
from payments.errors import PaymentError
from payments.models import OpeningBalance
from tests.conftest import YEAR
from tests.factories import year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def opening_csv(*rows):
    return "email,year,amount,note\n" + "\n".join(rows) + "\n"


def preview(client, text: str):
    upload = io.BytesIO(text.encode())
    upload.name = "beginsaldi.csv"
    return client.post(
        reverse("admin:payments_openingbalance_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )


def import_csv(client, text: str):
    """Preview, then confirm, as an admin does."""
    response = preview(client, text)
    assert response.status_code == 200
    assert "confirm_form" in response.context, response.text[:2000]
    return client.post(
        reverse("admin:payments_openingbalance_process_import"),
        response.context["confirm_form"].initial,
        follow=True,
    )


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]).replace("\xa0", " ")


def test_two_equal_rows_are_two_records_with_who_registered_them(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    row = f"{burgerbaner.user.email},{YEAR},500.00,Sportclub"
    import_csv(client, opening_csv(row, row))
    balances = list(OpeningBalance.objects.order_by("pk"))
    assert [b.amount for b in balances] == [Decimal("500.00"), Decimal("500.00")]
    assert all(b.registered_by == admin_user and b.registered_at for b in balances)
    assert all(b.history.first().history_user == admin_user for b in balances)
    assert cap.overview(burgerbaner, YEAR, 12).opening == Decimal("1000.00")


@pytest.mark.parametrize("year", ["70000", "1999", str(timezone.localdate().year + 1)])
def test_an_import_with_an_impossible_year_imports_nothing(client, admin_user, burgerbaner, year):
    log_in(client, admin_user)
    response = preview(
        client,
        opening_csv(
            f"{burgerbaner.user.email},{YEAR},100.00,Goed",
            f"{burgerbaner.user.email},{year},100.00,Fout",
        ),
    )
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "Een beginsaldo hoort bij een jaar van 2000 tot en met" in response.text
    assert not OpeningBalance.objects.exists()


@pytest.mark.parametrize("year", ["70000", "1999", str(timezone.localdate().year + 1)])
def test_an_impossible_year_is_refused_at_the_field(client, admin_user, burgerbaner, year):
    log_in(client, admin_user)
    response = client.post(
        reverse("admin:payments_openingbalance_add"),
        {"burgerbaner": burgerbaner.pk, "year": year, "amount": "100.00", "note": ""},
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "jaar van 2000 tot en met" in str(errors["year"])
    assert not OpeningBalance.objects.exists()


def test_the_service_needs_a_sensible_year_and_the_one_who_registers(burgerbaner, treasurer):
    with pytest.raises(PaymentError, match="jaar van 2000") as refused:
        services.set_opening_balance(
            burgerbaner, year=70000, amount=Decimal("10"), note="", by=treasurer
        )
    assert refused.value.field == "year"
    with pytest.raises(TypeError):
        services.set_opening_balance(burgerbaner, year=YEAR, amount=Decimal("10"), note="")


@pytest.fixture
def balance(burgerbaner, admin_user):
    year_rules(YEAR)
    return services.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("500.00"), note="Sportclub", by=admin_user
    )


def test_an_opening_balance_is_corrected_by_a_counter_entry(burgerbaner, balance, treasurer):
    correction = services.correct_opening_balance(
        balance, amount=Decimal("200.00"), note="Was maar 300", by=treasurer
    )
    assert (correction.amount, correction.year) == (Decimal("-200.00"), YEAR)
    assert correction.corrects == balance
    assert correction.registered_by == treasurer and correction.registered_at is not None
    balance.refresh_from_db()
    assert balance.amount == Decimal("500.00")
    assert cap.overview(burgerbaner, YEAR, 12).opening == Decimal("300.00")
    with pytest.raises(PaymentError, match=r"hoogstens €\s300,00"):
        services.correct_opening_balance(balance, amount=Decimal("300.01"), note="x", by=treasurer)
    with pytest.raises(PaymentError, match="waarom"):
        services.correct_opening_balance(balance, amount=Decimal("1"), note=" ", by=treasurer)
    with pytest.raises(PaymentError, match="oorspronkelijke"):
        services.correct_opening_balance(correction, amount=Decimal("1"), note="x", by=treasurer)


def test_an_admin_corrects_an_opening_balance_on_its_page(client, admin_user, balance):
    log_in(client, admin_user)
    changelist = client.get(reverse("admin:payments_openingbalance_changelist"))
    url = reverse("admin:payments_openingbalance_correct", args=[balance.pk])
    assert url in changelist.text
    assert client.get(url).status_code == 200
    response = client.post(url, {"amount": "600,00", "note": "Te veel"})
    assert response.status_code == 200
    assert not OpeningBalance.objects.filter(corrects=balance).exists()
    response = client.post(url, {"amount": "500,00", "note": "Dubbel ingevoerd"}, follow=True)
    correction = OpeningBalance.objects.get(corrects=balance)
    assert correction.amount == Decimal("-500.00")
    assert correction.registered_by == admin_user
    balance.refresh_from_db()
    assert balance.amount == Decimal("500.00")


def test_a_year_with_payments_going_over_the_maximum_warns(
    client, admin_user, burgerbaner, countersigned, paid_month
):
    countersigned(3, [3, 4])
    paid_month(3)  # 56,00 paid
    log_in(client, admin_user)
    response = client.post(
        reverse("admin:payments_openingbalance_add"),
        {"burgerbaner": burgerbaner.pk, "year": YEAR, "amount": "2050.00", "note": ""},
        follow=True,
    )
    assert "€ 6,00 boven het jaarmaximum van € 2.100,00" in messages_of(response)
    assert OpeningBalance.objects.get().amount == Decimal("2050.00")

    preview_page = preview(
        client, opening_csv(f"{burgerbaner.user.email},{YEAR},10.00,Bibliotheek")
    )
    assert "€ 16,00 boven het jaarmaximum" in messages_of(preview_page)


def test_an_opening_balance_within_the_maximum_does_not_warn(client, admin_user, burgerbaner):
    year_rules(YEAR)
    log_in(client, admin_user)
    response = client.post(
        reverse("admin:payments_openingbalance_add"),
        {"burgerbaner": burgerbaner.pk, "year": YEAR, "amount": "400.00", "note": ""},
        follow=True,
    )
    assert "jaarmaximum" not in messages_of(response)
