"""Headers, sessions and logs: what a visitor never sees and an attacker cannot use."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_every_page_has_a_strict_content_security_policy(client, burgerbaner):
    client.force_login(burgerbaner.user)
    for url in (reverse("account_login"), reverse("hours_home"), reverse("burgerbaner_dashboard")):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_a_session_ends_with_the_browser_and_after_a_working_day(client, burgerbaner):
    response = client.post(
        reverse("account_login"), {"login": burgerbaner.user.email, "password": PASSWORD}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and not cookie["expires"]  # gone when the browser closes
    session = client.session
    assert session.get_expire_at_browser_close()
    assert session.get_expiry_age() <= 8 * 60 * 60


def test_logs_carry_no_personal_data(client, caplog, burgerbaner, other_burgerbaner):
    """Failed logins, refusals and unknown links leave no e-mail, name, IBAN or token."""
    caplog.set_level(logging.DEBUG)
    client.post(
        reverse("account_login"),
        {"login": burgerbaner.user.email, "password": "fout-wachtwoord"},
    )
    client.get(reverse("accept_invitation", args=["geheim-token-1234567890"]))
    client.force_login(other_burgerbaner.user)
    client.get(reverse("burgerbaner_detail", args=[burgerbaner.pk]))  # 403
    client.post(reverse("profile_edit"), {"iban": "NL91ABNA0417164300X"})  # refused
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for secret in (
        burgerbaner.user.email,
        "Fatima",
        "NL91ABNA",
        "geheim-token-1234567890",
        "fout-wachtwoord",
    ):
        assert secret not in logged
