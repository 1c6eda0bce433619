import datetime

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Burgerbaner, Invitation, User
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

URL = reverse("burgerbaner_add")


def form_data(**overrides):
    data = {
        "legal_name": "Priya Ramdin",
        "email": "Priya@Example.org",
        "date_of_birth": "1988-01-30",
        "start_date": "2026-02-01",
        "street": "Tuinlaan 22",
        "postcode": "1358 EF",
        "city": "Almere",
        "phone": "06 11122233",
        "iban": "NL20INGB0001234567",
        "personal_plan": "Buiten werken in de moestuin.",
    }
    data.update(overrides)
    return data


def test_admin_adds_burgerbaner_who_gets_an_invitation(client, admin_user):
    log_in(client, admin_user)
    response = client.post(URL, form_data())
    person = Burgerbaner.objects.get(legal_name="Priya Ramdin")
    assert response["Location"] == reverse("burgerbaner_detail", args=[person.pk])
    assert person.user.email == "priya@example.org"
    assert not person.user.has_usable_password()
    assert person.iban == "NL20INGB0001234567"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["priya@example.org"]
    assert "/uitnodiging/" in mail.outbox[0].body
    assert Invitation.objects.filter(user=person.user, invited_by=admin_user).count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"iban": "NL00ABNA0000000000"}, "Dit IBAN klopt niet"),
        ({"date_of_birth": "2999-01-01"}, "De geboortedatum kan niet in de toekomst liggen."),
        ({"date_of_birth": "1850-01-01"}, "het jaar lijkt niet te kloppen"),
        ({"date_of_birth": "30-02-2000"}, "Voer een geldige datum in."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"legal_name": ""}, "Dit veld is verplicht."),
        ({"postcode": "ABCD 12"}, "Vul een postcode in zoals 1311 AB."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_saved(client, admin_user, overrides, message):
    log_in(client, admin_user)
    users_before = User.objects.count()
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 200
    assert message in response.text
    assert "Er is nog iets niet goed" in response.text
    assert User.objects.count() == users_before
    assert not Burgerbaner.objects.exists()
    assert mail.outbox == []


def test_duplicate_email_is_refused(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    response = client.post(URL, form_data(email=burgerbaner.user.email.upper()))
    assert "Er is al iemand met dit e-mailadres" in response.text
    assert Burgerbaner.objects.count() == 1


def test_age_is_computed_for_the_hourly_maximum(db):
    from tests.factories import BurgerbanerFactory

    person = BurgerbanerFactory(date_of_birth=datetime.date(2004, 2, 29))
    assert person.age_on(datetime.date(2025, 2, 28)) == 20
    assert person.age_on(datetime.date(2025, 3, 1)) == 21
    assert person.twenty_first_birthday() == datetime.date(2025, 3, 1)


@pytest.mark.parametrize("role", ["burgerbaner", "coordinator", "signer", "treasurer"])
def test_only_admins_may_add_burgerbaners(client, people, role):
    log_in(client, people[role])
    assert client.post(URL, form_data()).status_code == 403
    assert not Burgerbaner.objects.filter(legal_name="Priya Ramdin").exists()


def test_admin_corrects_a_profile(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    data = form_data(legal_name="Fatima El Amrani-Bakker")
    del data["email"]
    response = client.post(reverse("burgerbaner_edit", args=[burgerbaner.pk]), data)
    assert response.status_code == 302
    burgerbaner.refresh_from_db()
    assert burgerbaner.legal_name == "Fatima El Amrani-Bakker"
