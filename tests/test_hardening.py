"""Headers, sessions and logs: what a visitor never sees and an attacker cannot use."""

import contextlib
import io
import logging
import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_every_page_has_a_strict_content_security_policy(client, burgerbaner):
    log_in(client, burgerbaner.user)
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


@pytest.fixture
def console_log():
    """What the app's own log handler writes (the one production logs go through)."""
    from burgerbaan.logs import RedactSecrets

    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in h.filters)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_logs_carry_no_personal_data(client, console_log, burgerbaner, other_burgerbaner):
    """Failed logins, refusals, unknown links and CSRF failures leave no e-mail, name,
    IBAN or token in the log."""
    client.post(
        reverse("account_login"),
        {"login": burgerbaner.user.email, "password": "fout-wachtwoord"},
    )
    token_url = reverse("accept_invitation", args=["geheim-token-1234567890"])
    client.get(token_url)
    Client(enforce_csrf_checks=True).post(token_url, {"password1": "x"})  # 403, CSRF
    log_in(client, other_burgerbaner.user)
    client.get(reverse("burgerbaner_detail", args=[burgerbaner.pk]))  # 403
    client.post(reverse("profile_edit"), {"iban": "NL91ABNA0417164300X"})  # refused
    logged = console_log.getvalue()
    assert "CSRF" in logged and "[verborgen]" in logged  # the records are there, redacted
    for secret in (
        burgerbaner.user.email,
        "Fatima",
        "NL91ABNA",
        "geheim-token-1234567890",
        "fout-wachtwoord",
    ):
        assert secret not in logged


@pytest.fixture
def server_log():
    """What runserver's access log (the ``django.server`` logger) writes."""
    stream = io.StringIO()
    logger = logging.getLogger("django.server")
    handlers = [h for h in logger.handlers if type(h) is logging.StreamHandler]
    assert handlers, "runserver's access log has no handler"
    previous = [h.setStream(stream) for h in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_runserver_access_log_hides_invitation_tokens_and_reset_keys(
    live_server, server_log, monkeypatch
):
    """`make demo` runs runserver, which logs every request's path: the README promises
    that invitation links and reset keys never reach a log."""
    import urllib.error
    import urllib.request

    from django.core.servers.basehttp import WSGIRequestHandler
    from django.test import testcases

    # The live server is runserver's own server with its access log switched off; on.
    monkeypatch.setattr(
        testcases.QuietWSGIRequestHandler, "log_message", WSGIRequestHandler.log_message
    )
    secrets = {
        "/uitnodiging/geheim-token-1234567890/": "geheim-token-1234567890",
        "/accounts/password/reset/key/1-geheime-sleutel-42/": "geheime-sleutel-42",
        "/accounts/confirm-email/geheime-bevestiging-77/": "geheime-bevestiging-77",
    }
    for path in secrets:
        with contextlib.suppress(urllib.error.HTTPError):  # a 410 or 404 is logged too
            urllib.request.urlopen(live_server.url + path, timeout=10).close()
    # The server writes its log line just after the answer has gone out.
    deadline = time.monotonic() + 5
    while server_log.getvalue().count("\n") < len(secrets) and time.monotonic() < deadline:
        time.sleep(0.05)
    logged = server_log.getvalue()
    assert logged.count("[verborgen]") == len(secrets), logged
    for secret in secrets.values():
        assert secret not in logged


def test_only_a_lost_connection_becomes_the_try_again_page():
    """A broken query (a missing table after a forgotten migration) stays a real error."""
    import sqlite3

    from django.db import OperationalError

    from burgerbaan.middleware import connection_lost

    try:
        try:
            sqlite3.connect(":memory:").execute("SELECT * FROM nergens")
        except sqlite3.OperationalError as exc:
            raise OperationalError(str(exc)) from exc
    except OperationalError as wrapped:
        assert not connection_lost(wrapped)
