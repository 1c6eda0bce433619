import pytest
from django.urls import reverse

from tests.helpers import log_in

pytestmark = pytest.mark.django_db

URL = reverse("profile_edit")


def form_data(**overrides):
    data = {
        "street": "Nieuwstraat 4",
        "postcode": "1315ab",
        "city": "Almere",
        "phone": "06 98765432",
        "iban": "nl44 rabo 0123 4567 89",
        "personal_plan": "Ik wil leren fietsen repareren.",
    }
    data.update(overrides)
    return data


def test_burgerbaner_updates_own_contact_details(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(URL, form_data())
    assert response.status_code == 302
    burgerbaner.refresh_from_db()
    assert burgerbaner.iban == "NL44RABO0123456789"
    assert burgerbaner.postcode == "1315 AB"
    assert burgerbaner.personal_plan == "Ik wil leren fietsen repareren."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("iban", "NL91ABNA0417164301", "Dit IBAN klopt niet"),
        ("iban", "geen iban", "Dit IBAN klopt niet"),
        ("postcode", "12345", "Vul een postcode in zoals 1311 AB."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_changes(
    client, burgerbaner, field, value, message
):
    log_in(client, burgerbaner.user)
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    burgerbaner.refresh_from_db()
    assert burgerbaner.iban == "NL91ABNA0417164300"
    assert burgerbaner.street == "Marktstraat 1"


def test_burgerbaner_cannot_change_name_or_birth_date_here(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post(URL, form_data(legal_name="Iemand Anders", date_of_birth="2001-01-01"))
    burgerbaner.refresh_from_db()
    assert burgerbaner.legal_name == "Fatima el Amrani"
    assert str(burgerbaner.date_of_birth) == "1980-05-17"


def test_coordinator_has_no_profile_page(client, coordinator):
    log_in(client, coordinator)
    assert client.get(URL).status_code == 403


def test_changes_are_kept_in_history(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post(URL, form_data())
    latest = burgerbaner.history.first()
    assert latest.history_user == burgerbaner.user
    assert latest.iban == "NL44RABO0123456789"
