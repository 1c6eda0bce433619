"""A request that finds SQLite still busy after waiting asks to try again; never a 500."""

import sqlite3

from django.db import OperationalError
from django.test import RequestFactory

from burgerbaan.middleware import DatabaseGoneMiddleware


def busy_error() -> OperationalError:
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as cause:
            raise OperationalError("database is locked") from cause
    except OperationalError as exc:
        return exc


def test_a_busy_database_gets_the_try_again_page():
    request = RequestFactory().post("/betalingen/2025/4/", HTTP_REFERER="http://testserver/x/")
    middleware = DatabaseGoneMiddleware(lambda r: None)
    response = middleware.process_exception(request, busy_error())
    assert response.status_code == 503
    page = response.content.decode()
    assert "Probeer het opnieuw" in page
    assert "Het is even heel druk. Wat je net deed, is niet bewaard." in page
    assert 'href="http://testserver/x/"' in page


def test_another_sqlite_error_stays_a_real_error():
    try:
        try:
            raise sqlite3.OperationalError("no such table: nergens")
        except sqlite3.OperationalError as cause:
            raise OperationalError("no such table: nergens") from cause
    except OperationalError as exc:
        error = exc
    assert (
        DatabaseGoneMiddleware(lambda r: None).process_exception(RequestFactory().get("/"), error)
        is None
    )
