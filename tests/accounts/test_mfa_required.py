import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import PASSWORD, TOTP_SECRET, user_with_role
from tests.helpers import totp_code

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"

STAFF_ROLES = [
    (Role.Kind.SIGNER, "signer_dashboard"),
    (Role.Kind.TREASURER, "treasurer_dashboard"),
    (Role.Kind.ADMIN, "admin_dashboard"),
]


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_staff_role_without_2fa_is_sent_to_enrolment(client, kind, dashboard):
    user = user_with_role(kind, totp=False)
    client.force_login(user)
    response = client.get(reverse(dashboard))
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_staff_role_with_2fa_reaches_dashboard(client, kind, dashboard):
    client.force_login(user_with_role(kind))
    assert client.get(reverse(dashboard)).status_code == 200


def test_admin_without_2fa_cannot_reach_django_admin(client):
    client.force_login(user_with_role(Role.Kind.ADMIN, totp=False))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_after_login_only_enrolment_is_open(client):
    user = user_with_role(Role.Kind.TREASURER, totp=False)
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.get(response["Location"])["Location"] == ACTIVATE
    # allauth asks for the password once more before 2FA is set up.
    response = client.get(ACTIVATE, follow=True)
    assert "Voor jouw rol is inloggen in twee stappen verplicht" in response.text
    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == ACTIVATE
    assert response.status_code == 200
    assert 'id="authenticator_secret"' in response.text


def test_coordinator_may_work_without_2fa(client, nonprofit):
    client.force_login(user_with_role(Role.Kind.COORDINATOR, nonprofit))
    assert client.get(reverse("coordinator_dashboard")).status_code == 200


def test_treasurer_login_asks_totp_code_and_accepts_it(client):
    user = user_with_role(Role.Kind.TREASURER)
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "Ongeldige code" in response.text
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("treasurer_dashboard")
