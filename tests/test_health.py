"""The health page answers "ok" to anyone, without touching the database."""

from django.urls import reverse


def test_health_answers_ok_without_login_or_database(client):
    # No database access is allowed in this test: a query would make it fail.
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"ok"


def test_health_answers_head_for_checkers_that_send_it(client):
    assert client.head(reverse("health")).status_code == 200


def test_health_refuses_post(client):
    assert client.post(reverse("health")).status_code == 405


def test_health_answers_over_plain_http_when_https_is_required(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("health")).status_code == 200
    assert client.get(reverse("account_login")).status_code == 301
