"""When the database goes away or stays busy in the middle of a request.

The transaction of that request is lost with the connection, so nothing of it
was saved (PostgreSQL rolls back what it did not commit). The person gets a
plain page that says so and asks to try again; the broken connection is
closed so that the next request starts with a fresh one.

SQLite has one writer at a time; a request waits for the lock (the busy
timeout in the settings) and when it still does not get it, its transaction
is rolled back: the same page, asking to try again in a moment.
"""

import logging
import sqlite3

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)


# SQLSTATEs of a connection that is gone: class 08, and the server shutting it down.
GONE = ("08", "57P01", "57P02", "57P03")


def database_busy(exception: Exception) -> bool:
    """Did SQLite give up waiting for another writer?"""
    return isinstance(exception.__cause__, sqlite3.OperationalError) and (
        "locked" in str(exception.__cause__) or "busy" in str(exception.__cause__)
    )


def connection_lost(exception: Exception) -> bool:
    """Is this the database connection going away, rather than an error in a query?"""
    if isinstance(exception, InterfaceError):
        return True
    cause = exception.__cause__
    state = getattr(cause, "sqlstate", None)
    if state:
        return state.startswith(GONE)
    try:
        import psycopg
    except ImportError:  # pragma: no cover - SQLite only
        return False
    # psycopg's own errors without a SQLSTATE: the server closed the connection.
    return isinstance(cause, psycopg.OperationalError)


class DatabaseGoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        busy = database_busy(exception)
        if not busy and not connection_lost(exception):
            return None  # another database error (a missing table, say): a real error page
        logger.warning(
            "Database %s during %s %s",
            "busy" if busy else "connection lost",
            request.method,
            request.path,
            exc_info=True,
        )
        for conn in connections.all(initialized_only=True):
            conn.close()
        # A page that needs no database: it may still be down.
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/"
        # No request: no context processors, so no queries.
        page = render_to_string("503.html", {"back": back, "busy": busy})
        return HttpResponse(page, status=503)
