"""Load test: people of every role on gunicorn, with the bench's year of data.

Starts gunicorn (2 workers, loopback only) on PostgreSQL holding the ``make bench``
dataset. 50 virtual users of all roles use their main pages for five minutes: the
burgerbaners among them write hours through the real form, and visitors browse the
vacancy bank and apply through the public form (after its minimum fill time; the
server lets the one loopback address send as many applications as the load needs). Then the same
load goes to a trivial page of the same server (``/gezond/``), so that each page's
p95 can be read as a ratio that holds on a busy or slow machine. Prints one
figure per line as ``name: value unit`` and exits non-zero on any error.

    make load                                                    # full size, five minutes
    LOAD_SCALE=0.01 LOAD_SECONDS=30 LOAD_BASELINE_SECONDS=10 make load   # small and short

Environment:
    LOAD_DATABASE_URL      postgres://postgres@127.0.0.1:5432/burgerbaan_load
    LOAD_SCALE             1: the bench's 10,000 burgerbaners and 2,000,000 hour entries
    LOAD_FRESH             1 builds the data again; otherwise only when missing or of
                           another scale, and a second run reuses it
    LOAD_SECONDS           300 (the load on the pages)
    LOAD_BASELINE_SECONDS  60 (the same load on the trivial page)
    LOAD_MAX_REQUESTS      200000 per run; a run stops at whichever limit comes first
    LOAD_THINK_SECONDS     3: a person's pause between two pages, on average (between
                           half and one and a half times this); 0 sends without pause
    LOAD_REDIS_URL         redis://127.0.0.1:6379/15: the cache the workers share, as in
                           production, emptied first; when Redis does not answer, each
                           worker keeps its own cache in memory (the output says which)

Every run starts from the same data: hours and applications written by an earlier run
are removed first.
"""

from __future__ import annotations

import asyncio
import datetime
import math
import os
import random
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/burgerbaan_load"
)
# The bench builds the data; pointed at the load's own database, never at the bench's.
os.environ["BENCH_DATABASE_URL"] = DATABASE_URL
os.environ["BENCH_SCALE"] = os.environ.get("LOAD_SCALE", "1")

import httpx
from django.db import connection

import bench

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/15")
CACHE_URL = ""  # set by main()


def shared_cache() -> str:
    """Redis for the workers, as in production, emptied so a run keeps nothing of an
    earlier one; "" when it does not answer."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        return ""
    return REDIS_URL


SECONDS = float(os.environ.get("LOAD_SECONDS", "300"))
BASELINE_SECONDS = float(os.environ.get("LOAD_BASELINE_SECONDS", "60"))
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "200000"))
THINK_SECONDS = float(os.environ.get("LOAD_THINK_SECONDS", "3"))
FRESH = os.environ.get("LOAD_FRESH", "") not in ("", "0")
WORKERS = 2
TARGET_MS = 300
TIMEOUT = 30  # seconds for one request; a slower answer counts as an error
# Who the 50 virtual users are: mostly burgerbaners, as in the pilot.
MIX = {
    "burgerbaner": 36,
    "coordinator": 5,
    "signer": 2,
    "treasurer": 2,
    "admin": 1,
    "sponsor": 1,
    "visitor": 3,
}
DAYS_BACK = 90  # hours are written on the open days of the last three months
HOURS = "0,25"  # as a person types it; a quarter keeps far from the 24 hours of a day
DESCRIPTION = "Gasten ontvangen (belastingtest)"  # marks the hours this script wrote
POST_HOURS = "POST /uren/"  # the hours page, its form sent, and the page it leads to
TRIVIAL = "/gezond/"
POST_APPLY = "POST /aanmelden/"  # the application form, sent after its minimum fill time
APPLICANT = "Belastingtest"  # marks the applications this script sent
# Pages whose address differs per user; each user fills in its own (VirtualUser.urls).
PLACE = "/vacatures/<plek>/"
GUIDANCE = "/begeleiding/<persoon>/"
# Each role's main pages, in the order a person goes through them.
PAGES = {
    "burgerbaner": ["/mijn/", POST_HOURS, "/betalingen/mijn/"],
    "coordinator": ["/coordinator/", "/aftekenen/", GUIDANCE],
    "signer": ["/ondertekenaar/", "/mede-ondertekenen/"],
    "treasurer": [
        "/penningmeester/",
        "/betalingen/",
        f"/betalingen/{bench.YEAR}/{bench.MONTH}/",
        "/financiering/",
    ],
    "admin": ["/beheer/", f"/rapportage/{bench.YEAR}/", "/aanmeldingen/"],
    "sponsor": ["/sponsor/"],
    "visitor": ["/", "/vacatures/", PLACE, POST_APPLY],
    "anonymous": [TRIVIAL],
}
# The figures come in this order; writing hours opens the hours page first.
ORDER = [page for pages in PAGES.values() for page in pages]
ORDER.insert(ORDER.index(POST_HOURS), "/uren/")
ORDER.insert(ORDER.index(POST_APPLY), "/aanmelden/")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_FIELD = re.compile(r'name="started" value="([^"]+)"')
WARNED = "Toch opslaan"  # the save button once the form warns about the maxima
FORM_ERROR = re.compile(r'class="[^"]*errorlist[^"]*"[^>]*>(.*?)</ul>', re.S)
rng = random.Random(2026)
# One TLS context for all clients (the load speaks plain HTTP on the loopback): each
# client making its own reads the certificate store again, which on a busy machine
# took seconds of a short run before the first request.
TLS = ssl.create_default_context()


def say(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}", flush=True)


# --- the data ----------------------------------------------------------------------------


def dataset_ready() -> bool:
    """The bench's year is there at this scale (a half-built or other-sized one is not)."""
    import psycopg
    from django.core.management import call_command

    from accounts.models import Burgerbaner
    from payments.models import Payment

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres") as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        return False
    call_command("migrate", verbosity=0)  # a reused database follows the code
    from guidance.models import CheckIn
    from sources.models import Receipt

    # Payments, then check-ins and receipts are the bench's last steps: with them the
    # data is complete (and a database of an older bench without them is built again).
    return (
        Burgerbaner.objects.count() == bench.PEOPLE
        and Payment.objects.exists()
        and CheckIn.objects.exists()
        and Receipt.objects.exists()
    )


@dataclass
class VirtualUser:
    role: str
    session_key: str | None = None
    agreement: int | None = None  # the volunteer agreement a burgerbaner writes hours on
    days: list[datetime.date] = field(
        default_factory=list
    )  # open days to write hours on, newest first
    written: int = 0
    urls: dict[str, str] = field(default_factory=dict)  # this user's address of a page


def session_for(user) -> str:
    """A logged-in session, as a real login makes one: the password step and, for a
    person with an authenticator, the second step that staff pages require."""
    from importlib import import_module

    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.test import RequestFactory

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    record_authentication(request, user, "password", email=user.email)
    factor = (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .order_by("pk")
        .first()
    )
    if factor is not None:
        record_authentication(request, user, "mfa", id=factor.pk, type=factor.type)
    session.create()
    return session.session_key


def prepare() -> list[VirtualUser]:
    """The people behind the virtual users, ready to work in the current month.

    The bench's year is in the past; its volunteer agreements run on, but its
    allowance agreements end with that year. The burgerbaners of the load get
    the current year's rules and an allowance agreement for it, so the hours
    page does the real arithmetic against the maxima. Coordinators and signers
    are made here: the bench has none.
    """
    from decimal import Decimal

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.utils import timezone

    from accounts.models import Burgerbaner, Organisation, Role, User
    from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
    from hours.models import EDITABLE, HourEntry, Timesheet, TimesheetStatus
    from intake.models import Application
    from places.models import Place
    from sources.models import FundingSource, own_money_source
    from tests.factories import year_rules

    today = timezone.localdate()
    year_rules(today.year)
    HourEntry.objects.filter(description=DESCRIPTION).delete()
    Application.objects.filter(name=APPLICANT).delete()
    Timesheet.objects.filter(
        month__gt=datetime.date(bench.YEAR, 12, 1),
        status=TimesheetStatus.OPEN,
        entries__isnull=True,
    ).delete()

    people = list(Burgerbaner.objects.order_by("pk")[: MIX["burgerbaner"]])
    agreements = {
        a.burgerbaner_id: a
        for a in VolunteerAgreement.objects.in_force_on(today)
        .filter(burgerbaner__in=people)
        .select_related("organisation")
    }
    source = (
        FundingSource.objects.filter(organisation__kind=Organisation.Kind.SPONSOR)
        .order_by("pk")
        .first()
    )
    with_allowance = set(
        AllowanceAgreement.objects.in_force_on(today)
        .filter(burgerbaner__in=people)
        .values_list("burgerbaner_id", flat=True)
    )
    AllowanceAgreement.objects.bulk_create(
        AllowanceAgreement(
            burgerbaner=person,
            start_date=datetime.date(today.year, 1, 1),
            end_date=datetime.date(today.year, 12, 31),
            hourly_rate=Decimal("5.00"),
            iban=person.iban,
            source=source or FundingSource.objects.get(pk=own_money_source()),
            status=AgreementStatus.ACTIVE,
        )
        for person in people
        if person.pk not in with_allowance
    )

    users = []
    for person in people:
        agreement = agreements.get(person.pk)
        if agreement is None:
            raise SystemExit(f"{person} has no volunteer agreement in force today.")
        locked = set(
            Timesheet.objects.filter(burgerbaner=person, organisation=agreement.organisation)
            .exclude(status__in=EDITABLE)
            .values_list("month", flat=True)
        )
        days = [
            day
            for day in (today - datetime.timedelta(days=n) for n in range(DAYS_BACK))
            if agreement.is_in_force_on(day) and day.replace(day=1) not in locked
        ]
        if not days:
            raise SystemExit(f"{person} has no open day with a volunteer agreement to write on.")
        users.append(VirtualUser("burgerbaner", session_for(person.user), agreement.pk, days=days))

    for i, agreement in enumerate(list(agreements.values())[: MIX["coordinator"]]):
        user, _new = User.objects.get_or_create(
            email=f"coordinator{i}@load.test",
            defaults={"name": f"Coördinator {i}", "password": "!"},
        )
        Role.objects.get_or_create(
            user=user, kind=Role.Kind.COORDINATOR, organisation=agreement.organisation
        )
        # They guide the person of that agreement and open that person's guidance page.
        guided = {GUIDANCE: f"/begeleiding/{agreement.burgerbaner_id}/"}
        users.append(VirtualUser("coordinator", session_for(user), urls=guided))
    for i in range(MIX["signer"]):
        user, _new = User.objects.get_or_create(
            email=f"signer{i}@load.test", defaults={"name": f"Ondertekenaar {i}", "password": "!"}
        )
        Role.objects.get_or_create(user=user, kind=Role.Kind.SIGNER)
        # The app lets signers in only with a second factor enrolled.
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        users.append(VirtualUser("signer", session_for(user)))
    treasurer = User.objects.get(email="pm@bench.test")
    users += [VirtualUser("treasurer", session_for(treasurer)) for _ in range(MIX["treasurer"])]
    admin = User.objects.get(email="admin@bench.test")
    users += [VirtualUser("admin", session_for(admin)) for _ in range(MIX["admin"])]
    for i in range(MIX["sponsor"]):
        user, _new = User.objects.get_or_create(
            email=f"sponsor{i}@load.test", defaults={"name": f"Sponsor {i}", "password": "!"}
        )
        Role.objects.get_or_create(
            user=user, kind=Role.Kind.SPONSOR, organisation=source.organisation
        )
        users.append(VirtualUser("sponsor", session_for(user)))
    places = list(Place.objects.public().order_by("pk")[: MIX["visitor"]])
    if len(places) < MIX["visitor"]:
        raise SystemExit("The data has too few places online for the visitors.")
    users += [VirtualUser("visitor", urls={PLACE: p.get_absolute_url()}) for p in places]
    if len(users) != sum(MIX.values()):
        raise SystemExit(f"Only {len(users)} of {sum(MIX.values())} virtual users could be made.")
    return users


def forget_sessions(users: list[VirtualUser]) -> None:
    from django.contrib.sessions.models import Session

    Session.objects.filter(session_key__in=[u.session_key for u in users]).delete()


# --- the server --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(log: Path) -> Iterator[str]:
    """gunicorn as in production, on a free loopback port; stopped whatever happens.

    Plain HTTP on the loopback: no redirect to HTTPS and no secure-only cookies,
    or the client could not send them back. Static files are left out: a
    browser keeps them in its cache.
    """
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STATIC_MANIFEST": "0",
        # All virtual visitors apply from the one loopback address.
        "APPLICATIONS_PER_HOUR": "1000000",
        "REDIS_URL": CACHE_URL,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "burgerbaan.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        # A worker is restarted only well after the client has given up on it.
        "--timeout",
        str(TIMEOUT * 2),
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(base + TRIVIAL, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer within 60 s.")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the load ----------------------------------------------------------------------------


@dataclass
class Results:
    seconds: float = 0.0
    requests: int = 0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    written: int = 0


class Load:
    """Virtual users going through their pages until the time or the requests run out.

    Each user has its own client and cookies and waits for each answer before
    the next page, as a person does; between pages it thinks for a while.
    """

    def __init__(self, base: str, *, seconds: float, think: float, rounds: int | None = None):
        self.base = base
        self.deadline = time.monotonic() + seconds
        self.think_seconds = think
        self.rounds = rounds
        self.results = Results()

    def running(self) -> bool:
        return time.monotonic() < self.deadline and self.results.requests < MAX_REQUESTS

    async def think(self) -> None:
        pause = rng.uniform(0.5, 1.5) * self.think_seconds
        await asyncio.sleep(max(0.0, min(pause, self.deadline - time.monotonic())))

    async def send(
        self,
        client: httpx.AsyncClient,
        name: str,
        method: str,
        url: str,
        expect: tuple[int, ...] = (200,),
        **kwargs,
    ) -> httpx.Response | None:
        """One request, timed until its whole answer is in; None when it failed."""
        self.results.requests += 1
        started = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self.results.errors.append(f"{name}: {type(exc).__name__} {exc}")
            return None
        self.results.latencies[name].append(time.perf_counter() - started)
        if response.status_code not in expect:
            where = response.headers.get("location", "")
            self.results.errors.append(f"{name}: status {response.status_code} {where}".strip())
            return None
        return response

    async def write_hours(self, client: httpx.AsyncClient, user: VirtualUser) -> None:
        """The hours page, then its form sent as a person sends it, then where it leads."""
        page = await self.send(client, "/uren/", "GET", "/uren/")
        if page is None:
            return
        await self.think()
        token = CSRF_FIELD.search(page.text)
        day = user.days[user.written % len(user.days)]
        form = {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "date": day.isoformat(),
            "agreement": str(user.agreement),
            "hours": HOURS,
            "description": DESCRIPTION,
        }
        post = POST_HOURS
        response = await self.send(client, post, "POST", "/uren/", (302, 200), data=form)
        if response is not None and response.status_code == 200 and WARNED in response.text:
            # Over a maximum the page warns once; the person saves anyway.
            await self.think()
            form["confirm_over_maximum"] = "on"
            response = await self.send(client, post, "POST", "/uren/", (302, 200), data=form)
        if response is None:
            return
        if response.status_code != 302:
            refused = FORM_ERROR.search(response.text)
            reason = re.sub(r"<[^>]+>|\s+", " ", refused.group(1)) if refused else "no redirect"
            self.results.errors.append(f"{post}: form refused: {reason[:200]}")
            return
        user.written += 1
        self.results.written += 1
        await self.send(client, "/uren/", "GET", response.headers["location"])

    async def apply(self, client: httpx.AsyncClient) -> None:
        """The application form, filled in no faster than a person may, then sent."""
        from django.conf import settings

        page = await self.send(client, "/aanmelden/", "GET", "/aanmelden/")
        if page is None:
            return
        # The form refuses what comes back sooner than its minimum fill time; a person
        # who has no time left for that does not send it.
        minimum = settings.APPLICATION_MIN_SECONDS + 1
        if self.deadline - time.monotonic() < minimum:
            return
        await asyncio.sleep(minimum)
        await self.think()
        token, started = CSRF_FIELD.search(page.text), STARTED_FIELD.search(page.text)
        form = {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "started": started.group(1) if started else "",
            "website": "",
            "name": APPLICANT,
            "phone": "06-12345678",
            "district": "haven",
            # No place chosen: what kind of work is enough (the form never lists every place).
            "kinds_of_work": "meeting",
            "wants": "Met mensen werken.",
            "can": "Luisteren.",
            "availability": "Dinsdag en donderdag.",
        }
        response = await self.send(client, POST_APPLY, "POST", "/aanmelden/", (302, 200), data=form)
        if response is not None and response.status_code != 302:
            refused = FORM_ERROR.search(response.text)
            reason = re.sub(r"<[^>]+>|\s+", " ", refused.group(1)) if refused else "no redirect"
            self.results.errors.append(f"{POST_APPLY}: form refused: {reason[:200]}")

    async def user(self, user: VirtualUser) -> None:
        cookies = {"sessionid": user.session_key} if user.session_key else {}
        async with httpx.AsyncClient(
            base_url=self.base,
            cookies=cookies,
            timeout=TIMEOUT,
            follow_redirects=False,
            verify=TLS,
        ) as client:
            rounds = 0
            # Users start spread over the first moments, as people arrive.
            await asyncio.sleep(rng.uniform(0, self.think_seconds))
            while self.running() and (self.rounds is None or rounds < self.rounds):
                for url in PAGES[user.role]:
                    if not self.running():
                        return
                    if url == POST_HOURS:
                        await self.write_hours(client, user)
                    elif url == POST_APPLY:
                        await self.apply(client)
                    else:
                        await self.send(client, url, "GET", user.urls.get(url, url))
                    await self.think()
                rounds += 1

    async def run(self, users: list[VirtualUser]) -> Results:
        started = time.monotonic()
        await asyncio.gather(*(self.user(u) for u in users))
        self.results.seconds = time.monotonic() - started
        return self.results


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: ``share`` of the values are at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def load(base: str, users: list[VirtualUser], seconds: float, **kwargs) -> Results:
    runner = Load(base, seconds=seconds, think=THINK_SECONDS, **kwargs)
    # A hung run still ends: every request has its own timeout, and this bounds the rest.
    return asyncio.run(asyncio.wait_for(runner.run(users), seconds + 2 * TIMEOUT + 30))


def main() -> int:
    from django.utils import timezone

    from accounts.models import Burgerbaner
    from hours.models import HourEntry
    from intake.models import Application

    global CACHE_URL
    CACHE_URL = shared_cache()
    say("scale", bench.SCALE, "")
    started = time.perf_counter()
    if FRESH or not dataset_ready():
        connection.close()  # the database is dropped and made again
        bench.create_database()
        bench.generate()
        say("generate data", f"{time.perf_counter() - started:.1f}", "s")
    else:
        say("data reused", DATABASE_URL.rsplit("/", 1)[1], "")
    users = prepare()  # before counting: it takes out the hours of an earlier run
    say("hour entries", HourEntry.objects.count(), "rows")
    say("burgerbaners", Burgerbaner.objects.count(), "rows")
    for role, count in MIX.items():
        say(f"virtual users {role}", count, "users")
    written_before = HourEntry.objects.filter(description=DESCRIPTION).count()
    log = Path(tempfile.gettempdir()) / f"burgerbaan-load-{os.getpid()}.log"
    try:
        with server(log) as base:
            say("server", f"gunicorn, {WORKERS} workers, {base}", "")
            say("cache", "redis" if CACHE_URL else "memory of each worker", "")
            say("today", timezone.localdate().isoformat(), "")
            say("think time", f"{THINK_SECONDS:g}", "s")
            # One round each first: templates compile and caches fill as after a deploy.
            warm = load(base, users, TIMEOUT * 4, rounds=1)
            main_run = load(base, users, SECONDS)
            anonymous = [VirtualUser("anonymous") for _ in users]
            trivial = load(base, anonymous, BASELINE_SECONDS)
    finally:
        forget_sessions(users)
    written = HourEntry.objects.filter(description=DESCRIPTION).count() - written_before

    errors = warm.errors + main_run.errors + trivial.errors
    say("load duration", f"{main_run.seconds:.1f}", "s")
    say("load requests", main_run.requests, "requests")
    say("load throughput", f"{main_run.requests / main_run.seconds:.1f}", "requests/s")
    say("load errors", len(warm.errors) + len(main_run.errors), "requests")
    everything = [t for times in main_run.latencies.values() for t in times]
    if everything:
        say("load p50 all pages", ms(percentile(everything, 0.5)), "ms")
        say("load p95 all pages", ms(percentile(everything, 0.95)), "ms")
    p95 = {
        name: percentile(main_run.latencies[name], 0.95)
        for name in ORDER
        if main_run.latencies[name]
    }
    for name, value in p95.items():
        say(f"load p95 {name}", ms(value), "ms")
    for name in p95:  # how many answers each p95 rests on
        say(f"load requests {name}", len(main_run.latencies[name]), "requests")
    say("load p95 target", TARGET_MS, "ms")
    say("pages over target", sum(v * 1000 >= TARGET_MS for v in p95.values()), "pages")
    say("hours posted", warm.written + main_run.written, "entries")
    say("hours logged", written, "entries")
    say("applications sent", Application.objects.filter(name=APPLICANT).count(), "applications")
    say("trivial view requests", trivial.requests, "requests")
    say("trivial view errors", len(trivial.errors), "requests")
    if trivial.latencies[TRIVIAL]:
        baseline = percentile(trivial.latencies[TRIVIAL], 0.95)
        say("trivial view p95", ms(baseline), "ms")
        for name, value in p95.items():
            say(f"ratio p95 {name} to trivial", f"{value / baseline:.1f}", "x")

    if written != warm.written + main_run.written:
        errors.append(f"{warm.written + main_run.written} hours posted, {written} in the database")
    if errors:
        for error in sorted(set(errors))[:20]:
            print(f"error: {error}", file=sys.stderr)
        print(f"server log (last lines of {log}):", file=sys.stderr)
        print(log.read_text()[-4000:], file=sys.stderr)
        return 1
    log.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
