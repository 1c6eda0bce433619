"""A page that says the application answers, for health checks and load tests.

It reads no database and needs no login, so a check stays cheap and says only
that a worker takes requests.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def health(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
