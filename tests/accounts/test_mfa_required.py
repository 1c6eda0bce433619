import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory, user_with_role
from tests.helpers import log_in, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"
CODE_PROMPT = "/accounts/2fa/reauthenticate/"

STAFF_ROLES = [
    (Role.Kind.SIGNER, "signer_dashboard"),
    (Role.Kind.TREASURER, "treasurer_dashboard"),
    (Role.Kind.ADMIN, "admin_dashboard"),
]


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_staff_role_without_2fa_is_sent_to_enrolment(client, kind, dashboard):
    user = user_with_role(kind, totp=False)
    log_in(client, user)
    response = client.get(reverse(dashboard))
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_staff_role_with_2fa_reaches_dashboard(client, kind, dashboard):
    log_in(client, user_with_role(kind))
    assert client.get(reverse(dashboard)).status_code == 200


def test_admin_without_2fa_cannot_reach_django_admin(client):
    log_in(client, user_with_role(Role.Kind.ADMIN, totp=False))
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
    log_in(client, user_with_role(Role.Kind.COORDINATOR, nonprofit))
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


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_password_alone_is_not_enough_for_a_staff_role_with_2fa(client, kind, dashboard):
    log_in(client, user_with_role(kind), second_factor=False)
    for url in (reverse(dashboard), "/admin/", "/accounts/2fa/webauthn/add/", ACTIVATE):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(CODE_PROMPT), url


@pytest.mark.parametrize(("kind", "dashboard"), STAFF_ROLES)
def test_code_prompt_opens_the_role_for_a_password_only_session(client, kind, dashboard):
    log_in(client, user_with_role(kind), second_factor=False)
    response = client.get(reverse(dashboard), follow=True)
    assert response.redirect_chain[-1][0] == f"{CODE_PROMPT}?next=%2F{dashboard_path(dashboard)}"
    assert "Vul de code uit je authenticator-app in" in response.text

    response = client.post(response.redirect_chain[-1][0], {"code": "000000"})
    assert client.get(reverse(dashboard)).status_code == 302

    response = client.post(
        f"{CODE_PROMPT}?next={reverse(dashboard)}", {"code": totp_code(TOTP_SECRET)}
    )
    assert response["Location"] == reverse(dashboard)
    assert client.get(reverse(dashboard)).status_code == 200


def dashboard_path(name: str) -> str:
    return reverse(name).strip("/").replace("/", "%2F") + "%2F"


def test_django_admin_login_sends_to_the_login_with_two_steps(client):
    admin = user_with_role(Role.Kind.ADMIN, email="beheer@example.org")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": admin.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    for url in ("/admin/", reverse("admin_dashboard"), reverse("report_home")):
        assert client.get(url).status_code == 302, url
        assert "_auth_user_id" not in client.session


def test_django_admin_login_cannot_be_used_to_guess_passwords(client):
    admin = user_with_role(Role.Kind.ADMIN, email="beheer@example.org")
    for _ in range(12):
        client.post("/admin/login/", {"username": admin.email, "password": "fout-wachtwoord"})
    client.post("/admin/login/", {"username": admin.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # The one login there is counts the failures and holds its limit.
    for _ in range(12):
        client.post("/accounts/login/", {"login": admin.email, "password": "fout-wachtwoord"})
    response = client.post("/accounts/login/", {"login": admin.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_django_admin_login_page_takes_a_logged_in_admin_to_the_admin(client):
    log_in(client, user_with_role(Role.Kind.ADMIN))
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_staff_without_a_role_needs_2fa_for_django_admin(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_without_a_factor_only_enrolment_and_logout_are_open(client):
    log_in(client, user_with_role(Role.Kind.TREASURER, totp=False))
    assert client.get("/accounts/2fa/").status_code == 200
    assert client.get("/accounts/reauthenticate/").status_code == 200
    for url in ("/accounts/email/", "/accounts/password/change/", CODE_PROMPT, "/admin/"):
        response = client.get(url)
        assert response["Location"] == ACTIVATE, url
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)  # allauth notes the new factor once it is committed
def test_a_session_that_enrols_a_factor_counts_as_two_step(client):
    user = user_with_role(Role.Kind.TREASURER, totp=False)
    log_in(client, user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get(ACTIVATE)
    secret = page.context["form"].secret
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("treasurer_dashboard")).status_code == 200


def test_a_password_only_session_cannot_enrol_a_second_factor_for_itself(client):
    user = user_with_role(Role.Kind.ADMIN)
    log_in(client, user, second_factor=False)
    response = client.post("/accounts/2fa/webauthn/add/", {"name": "Mijn sleutel"})
    assert response["Location"].startswith(CODE_PROMPT)
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response["Location"].startswith(CODE_PROMPT)
