"""Imports through django-import-export: preview first, and an error anywhere imports nothing."""

import io
from decimal import Decimal

import pytest
import tablib
from django.urls import reverse

from accounts.admin import OrganisationResource
from accounts.models import Organisation
from payments.admin import OpeningBalanceResource
from payments.models import OpeningBalance
from tests.factories import OrganisationFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_organisations_export_then_import_round_trip():
    OrganisationFactory(name="Buurthuis Noord", kvk_number="12345678", address="Noordweg 1")
    OrganisationFactory(name="Repair Café Zuid", kvk_number="87654321")
    exported = OrganisationResource().export()
    Organisation.objects.all().delete()
    result = OrganisationResource().import_data(tablib.Dataset().load(exported.csv, "csv"))
    assert not result.has_errors()
    assert set(Organisation.objects.values_list("name", "kvk_number")) == {
        ("Buurthuis Noord", "12345678"),
        ("Repair Café Zuid", "87654321"),
    }


def opening_csv(*rows):
    return "email,year,amount,note\n" + "\n".join(rows) + "\n"


def test_opening_balances_import_with_a_bad_row_imports_nothing(burgerbaner):
    data = tablib.Dataset().load(
        opening_csv(
            f"{burgerbaner.user.email},2025,300.00,Sportclub",
            "onbekend@example.org,2025,100.00,Niemand",
            f"{burgerbaner.user.email},2025,-5,Negatief",
        ),
        "csv",
    )
    result = OpeningBalanceResource().import_data(data, dry_run=True, use_transactions=True)
    assert result.has_errors() or result.has_validation_errors()
    assert not OpeningBalance.objects.exists()


def test_admin_import_previews_then_confirms(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    upload = io.BytesIO(opening_csv(f"{burgerbaner.user.email},2025,300.00,Sportclub").encode())
    upload.name = "beginsaldi.csv"
    response = client.post(
        reverse("admin:payments_openingbalance_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert response.status_code == 200
    assert "300" in response.text
    assert not OpeningBalance.objects.exists()  # only a preview so far
    confirm = response.context["confirm_form"]
    response = client.post(reverse("admin:payments_openingbalance_process_import"), confirm.initial)
    assert OpeningBalance.objects.get().amount == Decimal("300.00")


def burgerbaner_csv(*rows):
    header = "email,legal_name,date_of_birth,street,postcode,city,phone,iban,start_date"
    return header + "\n" + "\n".join(rows) + "\n"


def test_burgerbaners_import_creates_accounts_and_profiles(db):
    from accounts.admin import BurgerbanerResource
    from accounts.models import Burgerbaner

    data = tablib.Dataset().load(
        burgerbaner_csv(
            "priya@example.org,Priya Ramdin,1988-01-30,Tuinlaan 22,1358 EF,Almere,0611,"
            "NL20INGB0001234567,2026-02-01",
        ),
        "csv",
    )
    result = BurgerbanerResource().import_data(data, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()
    person = Burgerbaner.objects.get()
    assert (person.user.email, person.iban) == ("priya@example.org", "NL20INGB0001234567")
    assert not person.user.has_usable_password()

    exported = BurgerbanerResource().export()
    Burgerbaner.objects.update(city="Lelystad")
    BurgerbanerResource().import_data(tablib.Dataset().load(exported.csv, "csv"))
    assert Burgerbaner.objects.get().city == "Almere"  # round trip: same data back
    assert Burgerbaner.objects.count() == 1


def test_burgerbaners_import_with_an_invalid_iban_imports_nobody(db):
    from accounts.admin import BurgerbanerResource
    from accounts.models import Burgerbaner, User

    data = tablib.Dataset().load(
        burgerbaner_csv(
            "a@example.org,Anna,1980-01-01,,,Almere,,NL91ABNA0417164300,2026-01-01",
            "b@example.org,Bert,1981-01-01,,,Almere,,NL00FOUT0000000000,2026-01-01",
        ),
        "csv",
    )
    result = BurgerbanerResource().import_data(
        data, use_transactions=True, rollback_on_validation_errors=True
    )
    assert result.has_validation_errors()
    assert "Dit IBAN klopt niet" in str(result.invalid_rows[0].error_dict)
    assert not Burgerbaner.objects.exists()
    assert not User.objects.exists()


def test_a_row_that_breaks_between_preview_and_confirm_imports_nothing(
    client, admin_user, burgerbaner, other_burgerbaner
):
    log_in(client, admin_user)
    upload = io.BytesIO(
        opening_csv(
            f"{other_burgerbaner.user.email},2025,50.00,Bibliotheek",
            f"{burgerbaner.user.email},2025,300.00,Sportclub",
        ).encode()
    )
    upload.name = "beginsaldi.csv"
    preview = client.post(
        reverse("admin:payments_openingbalance_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    confirm = preview.context["confirm_form"].initial
    burgerbaner.user.email = "nieuw-adres@example.org"  # changed in the meantime
    burgerbaner.user.save()
    response = client.post(
        reverse("admin:payments_openingbalance_process_import"), confirm, follow=True
    )
    assert "Er is niets geïmporteerd: rij 2 klopt niet" in response.text
    assert not OpeningBalance.objects.exists()
