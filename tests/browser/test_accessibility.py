"""Every page of every role meets WCAG 2.1 A/AA (as axe-core checks it) and fits a phone.

For each role the test starts at the home page, follows every link it finds
(GET only, no downloads, no Django admin) and checks each page once per URL
shape: /urenoverzichten/12/ and /urenoverzichten/13/ count as one page. Pages
that only show something after an action (a form with errors, a rejected
month) are opened on purpose.
"""

import datetime
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from accounts.models import Role
from accounts.services import invite_staff
from agreements import services as agreements
from agreements.models import VolunteerAgreement
from hours import services as hours
from intake.models import Application, Stage
from payments import services as payments
from places.models import District, KindOfWork, Place, PlaceStatus
from reports.models import StatementRun
from tests.browser.helpers import log_in
from tests.conftest import YEAR
from tests.factories import (
    TOTP_SECRET,
    AllowanceAgreementFactory,
    OrganisationFactory,
    year_rules,
)
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_PAGES = 60
SKIPPED = re.compile(r"^/(admin|accounts/logout|i18n)/")
ACCOUNT = re.compile(r"^/accounts/")
# The account pages are the same for every role: the burgerbaner's crawl checks them, and
# a treasurer's states add the page that differs with TOTP.
ACCOUNT_PAGES_OF = {"anonymous", "burgerbaner"}
DOWNLOAD = re.compile(r"/pdf/|/sepa/|/zip/|specificatie|jaaropgave/|\.(csv|xlsx|json|xml|zip|pdf)$")
PAGE_TYPE = "text/html"
AXE_RUN = (
    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
)


@pytest.fixture
def checked_page(browser, live_server):
    """A phone-sized page like the ``page`` fixture, which also lets axe-core in.

    axe-core goes in as an inline script, which the site's strict CSP refuses;
    the CSP is not what this test checks.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing. `make browser-deps` installs it (npm ci).", pytrace=False)
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 360, "height": 780},
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def problems_on(page) -> list[str]:
    """What axe-core finds on the page as it is now, and whether it scrolls sideways."""
    url = urlsplit(page.url)
    where = url.path + (f"?{url.query}" if url.query else "")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(AXE_RUN, WCAG_21_AA)
    found = [
        f"{where}: {v['id']} ({v['impact']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        + (f" and {len(v['nodes']) - 3} more" if len(v["nodes"]) > 3 else "")
        for v in result["violations"]
    ]
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        found.append(f"{where}: scrolls sideways ({widths[0]} px wide on a {widths[1]} px screen)")
    return found


def shape(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/<n>", path)


def crawl(page, starts: list[str], *, accounts: bool) -> tuple[int, list[str]]:
    """Check every page reachable by links from ``starts``; returns (pages, problems)."""
    origin = urlsplit(page.url).netloc
    queue = list(starts)
    seen: set[str] = set()
    problems: list[str] = []
    checked = 0
    while queue and checked < MAX_PAGES:
        path = urlsplit(queue.pop(0)).path
        if shape(path) in seen or SKIPPED.match(path) or DOWNLOAD.search(path):
            continue
        if ACCOUNT.match(path) and not accounts:
            continue
        seen.add(shape(path))
        try:
            response = page.goto(path)
        except PlaywrightError as exc:
            if "Download is starting" in exc.message:  # a file after all
                continue
            raise
        if response is None or PAGE_TYPE not in response.headers.get("content-type", ""):
            continue
        landed = shape(urlsplit(page.url).path)
        if landed != shape(path) and landed in seen:  # redirected to a page seen before
            continue
        seen.add(landed)
        checked += 1
        problems += problems_on(page)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = urlsplit(urldefrag(href).url)
            if link.netloc == origin:
                queue.append(link.geturl())
    return checked, problems


def log_in_as(page, user) -> list[str]:
    """Log in, with the TOTP code when the role needs one; returns the code page's problems."""
    log_in(page, user.email)
    page.wait_for_load_state()
    problems = []
    if "/2fa/" in page.url:
        problems = problems_on(page)
        page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
        page.locator("input[name=code]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return problems


@pytest.fixture
def pilot(
    burgerbaner,
    other_burgerbaner,
    other_nonprofit,
    coordinator,
    signer,
    treasurer,
    admin_user,
    foundation,
    countersigned,
):
    """A pilot in its second year, with something on every page."""
    countersigned(3, [3, 4, 5])
    countersigned(4, [7, 8])
    countersigned(5, [12, 13])
    payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 5, 9),
        kind="gift",
        amount=Decimal("20.00"),
        description="Bos bloemen",
        by=treasurer,
    )
    payments.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    paid = payments.create_batch(by=treasurer)
    payments.mark_batch_paid(paid, execution_date=datetime.date(YEAR, 4, 2), by=treasurer)
    payments.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    unpaid = payments.create_batch(by=treasurer)

    # Now: a rejected, an approved and a submitted month, and hours of today.
    today = timezone.localdate()
    year_rules(today.year)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=today.replace(month=1, day=1),
        end_date=today.replace(month=12, day=31),
        hourly_rate=Decimal("5.60"),
    )
    agreement = burgerbaner.volunteeragreements.get()
    months = [today.replace(day=1)]
    for _ in range(3):
        months.insert(0, (months[0] - datetime.timedelta(days=1)).replace(day=1))
    sheets = [
        hours.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=month.replace(day=10),
            hours=Decimal("4"),
            description="Koffie schenken en gasten ontvangen",
        ).timesheet
        for month in months[:3]
    ]
    hours.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=today,
        hours=Decimal("3.5"),
        description="Stoelen klaarzetten voor de buurtavond",
    )
    for sheet in sheets:
        hours.submit_timesheet(sheet, by=burgerbaner.user)
    hours.reject_timesheet(sheets[0], by=coordinator, reason="De datum klopt niet.")
    hours.approve_timesheet(sheets[1], by=coordinator)

    # An agreement waiting for the burgerbaner's signature.
    waiting = agreements.create_agreement(
        VolunteerAgreement,
        by=admin_user,
        burgerbaner=burgerbaner,
        organisation=other_nonprofit,
        coordinator=None,
        work_description="Fietsen en lampen repareren.",
        place="Repair Café",
        hours_per_week=Decimal("3"),
        start_date=today,
        end_date=None,
    )
    agreements.send_for_signature(waiting, by=admin_user, notify=False)
    # Long names and addresses are common; they must not widen a phone's page.
    mail.outbox.clear()
    invite_staff(
        email="coordinator.almere-haven@vrijwilligerscentrale-almere-haven.nl",
        name="Wilhelmina van Oldenbarnevelt-Schimmelpenninck",
        kind=Role.Kind.COORDINATOR,
        organisation=OrganisationFactory(
            name="Stichting Vrijwilligerscentrale Almere-Haven en Omstreken voor Buurtwerk"
        ),
        by=admin_user,
    )
    invitation = re.search(r"/uitnodiging/[\w-]+/", mail.outbox[-1].body).group(0)
    run = StatementRun.objects.create(
        year=YEAR, requested_by=admin_user, status=StatementRun.Status.RUNNING, done=1, total=2
    )
    # The vacancy bank and intake: a public place, one waiting for approval, an application.
    place = Place.objects.create(
        organisation=coordinator.roles.get().organisation,
        title="Gastvrouw of gastheer in de buurtkamer",
        kind_of_work=KindOfWork.MEETING,
        description="Je zet koffie en thee en praat met buurtbewoners die binnenlopen.",
        district=District.HAVEN,
        address="Sluis 4",
        hours_per_week=8,
        days_and_times="dinsdag en donderdag, 10.00 tot 14.00 uur",
        guidance="De coördinator werkt de eerste weken met je mee.",
        number_of_places=3,
        filled_places=1,
        status=PlaceStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    Place.objects.create(
        organisation=other_nonprofit,
        title="Fietsenmaker in het repair café",
        kind_of_work=KindOfWork.REPAIR,
        description="Je repareert fietsen samen met buurtbewoners.",
        district=District.BUITEN,
        hours_per_week=4,
        days_and_times="zaterdag",
        guidance="Een vaste vrijwilliger leert je het vak.",
        status=PlaceStatus.SUBMITTED,
    )
    application = Application.objects.create(
        name="Samira Bakker",
        email="samira@example.org",
        district=District.POORT,
        wants="Buiten werken",
        can="Planten verzorgen",
        availability="Maandag",
        plan_consent=True,
        stage=Stage.PLAN_MADE,
    )
    application.places.set([place])
    return {
        "anonymous": None,
        "burgerbaner": burgerbaner.user,
        "coordinator": coordinator,
        "signer": signer,
        "treasurer": treasurer,
        "admin": admin_user,
        "invitation": invitation,
        "waiting": waiting,
        "run": run,
        "rejected": sheets[0],
        "submitted": sheets[2],
        "batches": [paid, unpaid],
        "application": application,
    }


def states(page, role: str, pilot):
    """Open the pages that need an action first; yields after each one."""
    if role == "anonymous":
        page.goto(pilot["invitation"])
        yield
        page.goto("/uitnodiging/bestaat-niet/")
        yield
        page.goto("/bestaat-niet/")
        yield
        page.goto("/aanmelden/")
        page.get_by_role("button", name="Verstuur mijn aanmelding").click()
        page.locator(".errorlist").first.wait_for()
        yield
        page.goto("/aanmelden/bedankt/")
        yield
        page.goto("/accounts/login/")
        page.get_by_label("E-mail").fill("iemand@example.org")
        page.get_by_label("Wachtwoord").fill("fout")
        page.get_by_label("Wachtwoord").press("Enter")
        page.wait_for_load_state()
        yield
    elif role == "burgerbaner":
        page.goto("/uren/")
        page.get_by_label("Hoeveel uur?").fill("30")
        page.get_by_role("button", name="Opslaan").click()
        page.locator(".errorlist").first.wait_for()
        yield
        page.goto("/uren/?correctie=1")
        page.get_by_role("button", name="Opslaan").click()
        page.locator(".errorlist").first.wait_for()
        yield
        page.goto(pilot["waiting"].get_absolute_url())
        page.get_by_role("button", name="Ondertekenen").click()
        page.get_by_text("Zet een vinkje als je akkoord gaat").first.wait_for()
        yield
        page.goto("/beheer/")  # not theirs: the 403 page
        yield
    elif role == "coordinator":
        page.goto(pilot["submitted"].get_absolute_url())
        page.locator("details.reject summary").click()
        page.get_by_role("button", name="Afkeuren en terugsturen").click()
        page.locator(".message-error").wait_for()
        page.locator("details.reject summary").click()
        yield
        page.goto(pilot["rejected"].get_absolute_url())
        yield
        page.goto("/vacatures/nieuw/")
        page.locator("main form button[type=submit]").last.click()
        page.locator(".errorlist").first.wait_for()
        yield
    elif role == "treasurer":
        page.goto("/accounts/2fa/")
        yield
        page.goto(f"/betalingen/{YEAR}/5/")
        yield
        for batch in pilot["batches"]:
            page.goto(f"/betalingen/opdrachten/{batch.pk}/")
            yield
        page.goto("/betalingen/giften/")
        page.locator("main form button[type=submit]").last.click()
        page.locator(".errorlist").first.wait_for()
        yield
    elif role == "admin":
        page.goto(f"/rapportage/{YEAR}/")
        yield
        page.goto(pilot["run"].get_absolute_url())
        yield
        page.goto("/beheer/burgerbaners/nieuw/")
        page.locator("main form button[type=submit]").last.click()
        page.locator(".errorlist").first.wait_for()
        yield
        page.goto(f"/aanmeldingen/{pilot['application'].pk}/plaatsen/")
        page.get_by_role("button", name="Plaatsen en uitnodigen").click()
        page.locator(".errorlist").first.wait_for()
        yield


@pytest.mark.parametrize(
    "role", ["anonymous", "burgerbaner", "coordinator", "signer", "treasurer", "admin"]
)
def test_every_page_meets_wcag_21_aa_on_a_phone(checked_page, role, pilot):
    page = checked_page
    page.goto("/")
    problems = []
    if pilot[role] is not None:
        problems += log_in_as(page, pilot[role])
    starts = [page.url]
    if role in ACCOUNT_PAGES_OF:
        starts += ["/accounts/email/", "/accounts/2fa/"]  # the menu does not link to these
    count, found = crawl(page, starts, accounts=role in ACCOUNT_PAGES_OF)
    problems += found
    for _ in states(page, role, pilot):
        count += 1
        problems += problems_on(page)
    print(f"{role}: {count} pages checked")
    if problems:
        pytest.fail(
            f"{len(problems)} accessibility problems for {role}:\n" + "\n".join(problems),
            pytrace=False,
        )
