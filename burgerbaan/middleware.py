"""When the database goes away in the middle of a request.

The transaction of that request is lost with the connection, so nothing of it
was saved (PostgreSQL rolls back what it did not commit). The person gets a
plain page that says so and asks to try again; the broken connection is
closed so that the next request starts with a fresh one.
"""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)


class DatabaseGoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Database connection lost during %s %s", request.method, request.path)
        for conn in connections.all(initialized_only=True):
            conn.close()
        # A page that needs no database: it may still be down.
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/"
        page = render_to_string("503.html", {"back": back})  # no request: no context queries
        return HttpResponse(page, status=503)
