"""New people accept their invitations at the same moment while the worker polls the file.

On `make demo` this gave "database is locked" pages: the worker and the requests
share one SQLite file, and the password was hashed inside the transaction.
"""

import re

import httpx

from tests.sqlite_server import at_once, post_form

PEOPLE = 6
INVITE = f"""
from accounts.models import User
from accounts.services import send_invitation
for n in range({PEOPLE}):
    user = User.objects.create_user(
        email=f"nieuw{{n}}@example.org", password=None, name=f"Nieuw {{n}}"
    )
    send_invitation(user, by=None)
"""


def accept(server, link: str, n: int) -> httpx.Response:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        password = f"mijn-eigen-wachtwoord-{n}-2026"
        return post_form(client, link, {"password1": password, "password2": password})


def test_invitations_accepted_at_once_with_the_worker_running_all_work(sqlite_server):
    links = re.findall(r"http://[^/\s]+(/uitnodiging/[^/\s]+/)", sqlite_server.shell(INVITE))
    assert len(links) == PEOPLE
    sqlite_server.start(worker=True)

    responses = at_once(
        [lambda i=i, link=link: accept(sqlite_server, link, i) for i, link in enumerate(links)]
    )

    assert [getattr(r, "status_code", r) for r in responses] == [302] * PEOPLE, (
        sqlite_server.log.read_text()[-3000:]
    )
    assert all(r.headers["Location"] == "/accounts/login/" for r in responses)
    accepted = sqlite_server.shell(
        "from accounts.models import Invitation;"
        "print(Invitation.objects.filter(accepted_at__isnull=False).count())"
    )
    assert accepted.strip() == str(PEOPLE)
