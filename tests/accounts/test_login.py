import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_anonymous_visitor_of_home_reads_the_public_page_with_a_way_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 200
    assert f'href="{LOGIN}"' in response.text


def test_logging_out_lands_on_the_login_page(client, burgerbaner):
    client.force_login(burgerbaner.user)
    response = client.post("/accounts/logout/")
    assert response["Location"] == LOGIN


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
    assert client.get("/mijn/").status_code == 302


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


def failed_logins_from(client, address: str, emails: list[str], **proxy) -> None:
    for email in emails:
        client.post(LOGIN, {"login": email, "password": "fout"}, **proxy, **address_of(address))


def address_of(address: str) -> dict:
    return {"HTTP_X_FORWARDED_FOR": f"198.51.100.99, {address}"}


def test_behind_a_proxy_one_clients_failed_logins_lock_out_only_that_client(
    client, settings, burgerbaner, db
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    others = [f"niemand{n}@example.org" for n in range(12)]
    failed_logins_from(client, "203.0.113.5", others, **proxy)
    response = client.post(
        LOGIN,
        {"login": burgerbaner.user.email, "password": PASSWORD},
        **proxy,
        **address_of("203.0.113.5"),
    )
    assert "_auth_user_id" not in client.session  # that client is held back

    response = client.post(
        LOGIN,
        {"login": burgerbaner.user.email, "password": PASSWORD},
        **proxy,
        **address_of("192.0.2.44"),
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(burgerbaner.user.pk)


def test_without_a_proxy_a_forwarded_address_does_not_dodge_the_limit(
    client, settings, burgerbaner, db
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(12):
        client.post(
            LOGIN,
            {"login": f"niemand{n}@example.org", "password": "fout"},
            REMOTE_ADDR="203.0.113.5",
            **address_of(f"192.0.2.{n + 1}"),
        )
    client.post(
        LOGIN,
        {"login": burgerbaner.user.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        **address_of("192.0.2.200"),
    )
    assert "_auth_user_id" not in client.session


def test_the_login_page_says_people_join_by_invitation_and_whom_to_ask(client):
    page = client.get(LOGIN).text
    assert "met een uitnodiging per e-mail" in page
    assert "Vraag het aan de coördinator" in page and "Stadscoöperatie Almere" in page
    assert 'href="/accounts/signup/"' not in page


def test_the_sign_up_link_explains_instead_of_saying_closed(client):
    page = client.get("/accounts/signup/").text
    assert "Meedoen gaat met een uitnodiging" in page
    assert "Registratie gesloten" not in page
    assert "Vraag het aan de coördinator" in page
    assert f'href="{LOGIN}"' in page
