import pytest
from django.urls import reverse

from tests.helpers import log_in

pytestmark = pytest.mark.django_db

FULL = "NL91 ABNA 0417 1643 00"
MASKED = "NL91 •••• •••• ••43 00"


def detail(burgerbaner):
    return reverse("burgerbaner_detail", args=[burgerbaner.pk])


def test_coordinator_sees_volunteer_of_own_organisation(client, coordinator, burgerbaner):
    log_in(client, coordinator)
    response = client.get(detail(burgerbaner))
    assert response.status_code == 200
    assert "Fatima el Amrani" in response.text


def test_coordinator_of_other_org_gets_403(client, other_coordinator, burgerbaner):
    log_in(client, other_coordinator)
    assert client.get(detail(burgerbaner)).status_code == 403


def test_burgerbaner_cannot_open_another_burgerbaner(client, burgerbaner, other_burgerbaner):
    log_in(client, other_burgerbaner.user)
    assert client.get(detail(burgerbaner)).status_code == 403


def test_unknown_burgerbaner_is_404(client, admin_user):
    log_in(client, admin_user)
    assert client.get(reverse("burgerbaner_detail", args=[999999])).status_code == 404


def test_coordinator_sees_only_agreements_with_own_organisation(
    client, coordinator, burgerbaner, other_nonprofit
):
    from tests.factories import VolunteerAgreementFactory

    VolunteerAgreementFactory(burgerbaner=burgerbaner, organisation=other_nonprofit)
    log_in(client, coordinator)
    response = client.get(detail(burgerbaner))
    assert other_nonprofit.name not in response.text


def test_coordinator_does_not_see_the_allowance_agreement(
    client, coordinator, admin_user, burgerbaner
):
    from tests.factories import AllowanceAgreementFactory

    AllowanceAgreementFactory(burgerbaner=burgerbaner, hourly_rate="4.75")
    log_in(client, coordinator)
    page = client.get(detail(burgerbaner)).text
    assert "Vergoedingsovereenkomst" not in page and "4,75" not in page
    log_in(client, admin_user)
    assert "4,75" in client.get(detail(burgerbaner)).text


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("burgerbaner", FULL),
        ("coordinator", MASKED),
        ("signer", MASKED),
        ("treasurer", FULL),
        ("admin", FULL),
    ],
)
def test_iban_is_masked_except_for_person_treasurer_and_admin(
    client, people, burgerbaner, role, expected
):
    log_in(client, people[role])
    text = client.get(detail(burgerbaner)).text
    assert expected in text
    if expected == MASKED:
        assert FULL not in text
        assert "NL91ABNA0417164300" not in text
