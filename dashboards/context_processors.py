from django.utils.translation import gettext_noop

from accounts import permissions as perms
from dashboards.views import dashboards_for

# Pages people use every week, beside their dashboard.
WORK_LINKS = [
    (perms.BURGERBANER, "hours_home", gettext_noop("Mijn uren")),
    (perms.COORDINATOR, "approve_queue", gettext_noop("Aftekenen")),
    (perms.BURGERBANER, "my_payments", gettext_noop("Mijn betalingen")),
    (perms.SIGNER, "countersign_queue", gettext_noop("Mede-ondertekenen")),
    (perms.TREASURER, "treasurer_home", gettext_noop("Betalingen")),
    (perms.TREASURER, "bank_upload", gettext_noop("Bankafschrift")),
    (perms.TREASURER, "funding_home", gettext_noop("Financiering")),
    (perms.COORDINATOR, "my_places", gettext_noop("Mijn plekken")),
    (perms.ADMIN, "intake_funnel", gettext_noop("Aanmeldingen")),
    (perms.ADMIN, "place_review", gettext_noop("Plekken goedkeuren")),
    (perms.BURGERBANER, "place_request_list", gettext_noop("Plekken kiezen")),
    (perms.COORDINATOR, "place_request_list", gettext_noop("Verzoeken")),
    (perms.ADMIN, "place_request_list", gettext_noop("Verzoeken")),
]


def roles(request):
    """The dashboards and work pages of the logged-in person, for the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_dashboards": [], "nav_links": []}
    kinds = perms.role_kinds(user)
    links: dict[str, str] = {}
    for kind, url, label in WORK_LINKS:
        if kind in kinds:
            links.setdefault(url, label)  # one link per page, also with two roles sharing it
    return {
        "nav_dashboards": dashboards_for(user),
        "nav_links": list(links.items()),
    }
