"""Treasurers approve months at the same moment on the demo's SQLite file.

Each request waits for the one writer before it; if it waited too long it gets the
"probeer het opnieuw" page. Never a server error, and every month is paid once.
"""

import json

import httpx

from tests.conftest import YEAR
from tests.factories import PASSWORD, TOTP_SECRET
from tests.helpers import totp_code
from tests.sqlite_server import at_once, post_form

TREASURERS = 4
PEOPLE = 5
MONTH = 4
SET_UP = f"""
import datetime
from decimal import Decimal
from accounts.models import Organisation, Role
from hours import services as hours
from tests.factories import (
    AllowanceAgreementFactory, BurgerbanerFactory, OrganisationFactory,
    VolunteerAgreementFactory, user_with_role, year_rules,
)
year_rules({YEAR})
OrganisationFactory(name="Stichting Safe Almere", kind=Organisation.Kind.FOUNDATION,
                    iban="NL20INGB0001234567", bic="INGBNL2A")
nonprofit = OrganisationFactory()
coordinator = user_with_role(Role.Kind.COORDINATOR, nonprofit)
signer = user_with_role(Role.Kind.SIGNER)
for n in range({TREASURERS}):
    user_with_role(Role.Kind.TREASURER, email=f"penningmeester{{n}}@example.org")
for n in range({PEOPLE}):
    person = BurgerbanerFactory()
    start = datetime.date({YEAR}, 1, 1)
    agreement = VolunteerAgreementFactory(
        burgerbaner=person, organisation=nonprofit, start_date=start
    )
    AllowanceAgreementFactory(burgerbaner=person, start_date=start,
                              end_date=datetime.date({YEAR}, 12, 31), hourly_rate=Decimal("5.60"))
    for day in (1, 2):
        entry = hours.log_hours(person, by=person.user, agreement=agreement,
                                date=datetime.date({YEAR}, {MONTH}, day), hours=Decimal("5"),
                                description="Werk")
    hours.submit_timesheet(entry.timesheet, by=person.user)
    hours.approve_timesheet(entry.timesheet, by=coordinator)
    hours.countersign_timesheet(entry.timesheet, by=signer)
"""


def logged_in(server, email: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=60, follow_redirects=False)
    response = post_form(client, "/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.headers["Location"] == "/accounts/2fa/authenticate/", response.text
    response = post_form(client, "/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302, response.text
    return client


def test_treasurers_approving_at_once_wait_or_are_asked_to_try_again(sqlite_server):
    sqlite_server.shell(SET_UP)
    sqlite_server.start(worker=True)
    clients = [
        logged_in(sqlite_server, f"penningmeester{n}@example.org") for n in range(TREASURERS)
    ]
    month = f"/betalingen/{YEAR}/{MONTH}/"
    for client in clients:
        assert client.get(month).status_code == 200

    responses = at_once(
        [
            lambda client=client: client.post(
                month,
                data={"alles": "1", "bevestigd": "1"},
                headers={"X-CSRFToken": client.cookies["csrftoken"], "Referer": sqlite_server.url},
            )
            for client in clients
        ]
    )

    codes = [getattr(r, "status_code", r) for r in responses]
    assert set(codes) <= {302, 503}, sqlite_server.log.read_text()[-3000:]
    assert 302 in codes
    for response in responses:
        if response.status_code == 503:
            assert "Probeer het opnieuw" in response.text
    paid = sqlite_server.shell(
        "import json; from payments.models import Payment;"
        f"print(json.dumps(list(Payment.objects.filter(year={YEAR}, month={MONTH})"
        ".values_list('burgerbaner', flat=True))))"
    )
    assert len(json.loads(paid)) == len(set(json.loads(paid))) == PEOPLE
