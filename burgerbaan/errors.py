from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


class DomainError(Exception):
    """A business rule refused an action. ``message`` is Dutch and shown to the user;
    ``field`` names the form field it belongs to, when it is about one."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class InputRefused(BadRequest):
    """A link or a list of choices holds a value that cannot be right (a week in the year
    1, an id that is no number). ``message`` is Dutch and says what; the answer is a 400."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def bad_request(request, exception):
    """The 400 page. Only our own message is shown; any other cause stays unsaid."""
    message = exception.message if isinstance(exception, InputRefused) else ""
    return HttpResponseBadRequest(render_to_string("400.html", {"message": message}, request))
