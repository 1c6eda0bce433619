"""Each role lands on its own dashboard, and every other role is refused."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    VolunteerAgreementFactory,
    user_with_role,
)
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

DASHBOARD_OF = {
    "burgerbaner": "burgerbaner_dashboard",
    "coordinator": "coordinator_dashboard",
    "signer": "signer_dashboard",
    "treasurer": "treasurer_dashboard",
    "admin": "admin_dashboard",
}


@pytest.mark.parametrize("dashboard", DASHBOARD_OF.values())
def test_anonymous_is_sent_to_login(client, dashboard):
    response = client.get(reverse(dashboard))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", DASHBOARD_OF)
@pytest.mark.parametrize("dashboard", DASHBOARD_OF.values())
def test_dashboard_only_for_its_own_role(client, people, role, dashboard):
    log_in(client, people[role])
    expected = 200 if DASHBOARD_OF[role] == dashboard else 403
    assert client.get(reverse(dashboard)).status_code == expected


@pytest.mark.parametrize("role", DASHBOARD_OF)
def test_home_sends_each_role_to_its_dashboard(client, people, role):
    log_in(client, people[role])
    response = client.get("/")
    assert response["Location"] == reverse(DASHBOARD_OF[role])


def test_refusal_page_is_in_dutch(client, people):
    log_in(client, people["burgerbaner"])
    response = client.get(reverse("admin_dashboard"))
    assert "Deze pagina is niet voor jou" in response.text


def test_person_without_role_gets_a_plain_explanation(client, db):
    from tests.factories import UserFactory

    log_in(client, UserFactory())
    response = client.get("/")
    assert response.status_code == 200
    assert "nog geen rol" in response.text


def test_burgerbaner_dashboard_shows_own_profile_and_agreements(client, burgerbaner, nonprofit):
    AllowanceAgreementFactory(burgerbaner=burgerbaner)
    log_in(client, burgerbaner.user)
    text = client.get(reverse("burgerbaner_dashboard")).text
    assert "Fatima el Amrani" in text
    assert "NL91 ABNA 0417 1643 00" in text
    assert nonprofit.name in text
    assert "€\xa05,00" in text


def test_coordinator_dashboard_lists_own_volunteers_only(
    client, coordinator, burgerbaner, other_burgerbaner
):
    log_in(client, coordinator)
    text = client.get(reverse("coordinator_dashboard")).text
    assert "Fatima el Amrani" in text
    assert "Jan de Vries" not in text


def test_coordinator_of_two_organisations_sees_both(
    client, coordinator, other_nonprofit, burgerbaner, other_burgerbaner
):
    from accounts.services import grant_role

    grant_role(coordinator, Role.Kind.COORDINATOR, other_nonprofit, by=None)
    log_in(client, coordinator)
    text = client.get(reverse("coordinator_dashboard")).text
    assert "Fatima el Amrani" in text
    assert "Jan de Vries" in text


def test_signer_dashboard_counts_agreements_awaiting_signature(client, signer, burgerbaner):
    AllowanceAgreementFactory.create_batch(3, burgerbaner=burgerbaner, status="awaiting")
    log_in(client, signer)
    response = client.get(reverse("signer_dashboard"))
    assert response.context["counts"]["awaiting"] == 3


def test_admin_dashboard_counts_people_and_organisations(client, people):
    log_in(client, people["admin"])
    response = client.get(reverse("admin_dashboard"))
    assert response.context["counts"]["burgerbaners"] == 2
    assert response.context["counts"]["nonprofits"] == 2
    assert "Jan de Vries" in response.text


def test_admin_dashboard_queries_do_not_grow_with_people(
    client, admin_user, nonprofit, django_assert_max_num_queries
):
    log_in(client, admin_user)
    VolunteerAgreementFactory(organisation=nonprofit)
    user_with_role(Role.Kind.COORDINATOR, nonprofit)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("admin_dashboard"))
    for _ in range(30):
        VolunteerAgreementFactory(organisation=nonprofit)
        user_with_role(Role.Kind.COORDINATOR, nonprofit)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("admin_dashboard"))
    assert response.context["counts"]["burgerbaners"] == 31


def test_admin_dashboard_lists_fifty_people_a_page_and_finds_by_name_or_email(
    client, admin_user, nonprofit
):
    from tests.factories import UserFactory

    for n in range(60):
        UserFactory(name=f"Persoon {n:02d}", email=f"p{n:02d}@example.org")
    log_in(client, admin_user)
    first = client.get(reverse("admin_dashboard"))
    assert len(first.context["page"].object_list) == 50
    assert "Pagina 1 van 2" in first.text
    second = client.get(reverse("admin_dashboard"), {"pagina": 2})
    assert len(second.context["page"].object_list) == 11  # 60 + the admin
    searched = client.get(reverse("admin_dashboard"), {"zoek": "Persoon"})
    assert 'href="?zoek=Persoon&amp;pagina=2"' in searched.text  # the next page keeps the search
    found = client.get(reverse("admin_dashboard"), {"zoek": "p07@EXAMPLE"})

    assert [p.name for p in found.context["page"].object_list] == ["Persoon 07"]
    assert "1 persoon gevonden" in found.text
    nothing = client.get(reverse("admin_dashboard"), {"zoek": "<script>x</script>"})
    assert "0 mensen gevonden" in nothing.text and "<script>x" not in nothing.text


def test_coordinator_dashboard_queries_do_not_grow_with_volunteers(
    client, coordinator, nonprofit, django_assert_max_num_queries
):
    log_in(client, coordinator)
    VolunteerAgreementFactory(organisation=nonprofit)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("coordinator_dashboard"))
    for _ in range(40):
        VolunteerAgreementFactory(organisation=nonprofit, burgerbaner=BurgerbanerFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("coordinator_dashboard"))
    assert len(response.context["groups"][0]["agreements"]) == 41
