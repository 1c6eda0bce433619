import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_anonymous_visitor_of_home_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_burgerbaner_logs_in_with_email_and_lands_on_own_dashboard(client, burgerbaner):
    response = client.post(
        LOGIN, {"login": burgerbaner.user.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("burgerbaner_dashboard")
    assert "Fatima el Amrani" in response.text


def test_login_accepts_email_in_other_case(client, burgerbaner):
    response = client.post(LOGIN, {"login": burgerbaner.user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_gets_dutch_message_and_no_session(client, burgerbaner):
    response = client.post(LOGIN, {"login": burgerbaner.user.email, "password": "fout"})
    assert response.status_code == 200
    assert "e-mailadres en/of wachtwoord is niet correct" in response.text
    assert "_auth_user_id" not in client.session


def test_unknown_email_gets_same_message(client, db):
    response = client.post(LOGIN, {"login": "niemand@example.org", "password": "iets"})
    assert response.status_code == 200
    assert "e-mailadres en/of wachtwoord is niet correct" in response.text


def test_repeated_wrong_passwords_are_rate_limited(client, burgerbaner):
    for _ in range(5):
        client.post(LOGIN, {"login": burgerbaner.user.email, "password": "fout"})
    response = client.post(LOGIN, {"login": burgerbaner.user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_nobody_can_sign_up_without_invitation(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    from accounts.models import User

    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert response.status_code in (200, 302)


def test_password_reset_sends_email_with_link(client, burgerbaner):
    response = client.post("/accounts/password/reset/", {"email": burgerbaner.user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_logout_ends_session(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_password_change_works_for_logged_in_person(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-wachtwoord-77",
            "password2": "nieuw-wachtwoord-77",
        },
    )
    assert response.status_code == 302
    burgerbaner.user.refresh_from_db()
    assert burgerbaner.user.check_password("nieuw-wachtwoord-77")
