"""Benchmarks for the yearly reports, exports, statements and payments.

Generates a realistic year on PostgreSQL, then measures and prints one figure
per line as ``name: value unit``: wall time and peak Python memory of each
step, beside the limits they are measured against (PostgreSQL's own COPY of
the same rows; WeasyPrint rendering a bare one-page table).

    make bench                   # full size: 10,000 burgerbaners, 2,000,000 hour entries
    BENCH_SCALE=0.01 make bench  # a hundredth of that

The data goes into its own database (``BENCH_DATABASE_URL``, default
postgres://postgres@127.0.0.1:5432/burgerbaan_bench), which is emptied first.
"""

from __future__ import annotations

import datetime
import gc
import os
import random
import resource
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/burgerbaan_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "burgerbaan.settings")
os.environ.setdefault("SECRET_KEY", "bench-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("MEDIA_ROOT", "/tmp/burgerbaan-bench-media")

import django

django.setup()

from django.core.management import call_command
from django.db import connection

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
YEAR = 2025
PEOPLE = max(10, round(10_000 * SCALE))
NONPROFITS = max(3, round(500 * SCALE))
ENTRIES = max(100, round(2_000_000 * SCALE))
PLACES_PER_NONPROFIT = 2
APPLICATIONS = max(20, round(2_000 * SCALE))
FUNDS = max(2, round(40 * SCALE))  # funds and gifts beside the three sponsors
PAID_MONTHS = 10  # paid out before the bench; it approves and pays the next month itself
MONTH = PAID_MONTHS + 1
rng = random.Random(2025)


def say(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}", flush=True)


def measure(name: str, step, *, again: bool = True) -> float:
    """Time ``step`` untraced; then run it again under tracemalloc for its peak memory
    (tracing slows Python down, so it never runs during the timing). Steps that
    change data run once and report the growth of the process's resident memory."""
    # What the bench itself holds (the data it made, earlier steps' leftovers) is set
    # aside, so a garbage collection during the step walks only the step's own objects.
    gc.collect()
    gc.freeze()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    step()
    elapsed = time.perf_counter() - started
    say(f"{name} time", f"{elapsed:.3f}", "s")
    if again:
        tracemalloc.start()
        step()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        say(f"{name} peak memory", f"{peak / 1_048_576:.1f}", "MB")
    else:
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
        say(f"{name} peak memory growth", f"{grown / 1024:.1f}", "MB")
    return elapsed


def create_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def generate():
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.models import Burgerbaner, Organisation, Role, User
    from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
    from hours.models import HourEntry, Timesheet, TimesheetStatus
    from sources.models import FundingSource
    from tests.factories import year_rules

    year_rules(YEAR)
    with connection.cursor() as cursor:
        # A bulk load of a finished year, as a restore would: the immutability
        # triggers stay off while signed months are written in one go.
        cursor.execute("SET session_replication_role = replica")
    Organisation.objects.create(
        name="Stichting Safe Almere", kind="foundation", iban="NL66ASNB0707070707"
    )
    sponsors = [
        FundingSource.objects.create(
            name=n,
            kind=FundingSource.Kind.COMPANY,
            organisation=Organisation.objects.create(name=n, kind="sponsor"),
        )
        for n in ("WoonZorgFlevoland", "Triade-Vitree", "Knipscheer-infrastructuur")
    ]
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {i}", kind="nonprofit") for i in range(NONPROFITS)
    )
    admin = User.objects.create_user("admin@bench.test", "bench-password-1", name="Beheer")
    treasurer = User.objects.create_user("pm@bench.test", "bench-password-1", name="Penning")
    Role.objects.create(user=admin, kind="admin")
    Role.objects.create(user=treasurer, kind="treasurer")
    for user in (admin, treasurer):
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    users = User.objects.bulk_create(
        User(email=f"b{i}@bench.test", name=f"Burgerbaner {i:05d}", password="!")
        for i in range(PEOPLE)
    )
    people = Burgerbaner.objects.bulk_create(
        Burgerbaner(
            user=u,
            legal_name=u.name,
            date_of_birth=datetime.date(1970 + i % 30, 1 + i % 12, 1),
            start_date=datetime.date(YEAR, 1, 1),
            iban="NL91ABNA0417164300",
        )
        for i, u in enumerate(users)
    )
    start, end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
    volunteer = VolunteerAgreement.objects.bulk_create(
        VolunteerAgreement(
            burgerbaner=p,
            organisation=orgs[i % len(orgs)],
            work_description="Werk",
            hours_per_week=Decimal("8"),
            start_date=start,
            status=AgreementStatus.ACTIVE,
        )
        for i, p in enumerate(people)
    )
    AllowanceAgreement.objects.bulk_create(
        AllowanceAgreement(
            burgerbaner=p,
            start_date=start,
            end_date=end,
            hourly_rate=Decimal("5.00"),
            iban="NL91ABNA0417164300",
            source=sponsors[i % 3],
            status=AgreementStatus.ACTIVE,
        )
        for i, p in enumerate(people)
    )
    # January to November signed by both; December in every state of the sign-off.
    december = [
        TimesheetStatus.COUNTERSIGNED,
        TimesheetStatus.APPROVED,
        TimesheetStatus.SUBMITTED,
        TimesheetStatus.REJECTED,
        TimesheetStatus.OPEN,
    ]

    def state(person: int, month: int) -> str:
        return TimesheetStatus.COUNTERSIGNED if month < 12 else december[person % 5]

    sheets = Timesheet.objects.bulk_create(
        (
            Timesheet(
                burgerbaner=p,
                organisation=a.organisation,
                month=datetime.date(YEAR, m, 1),
                status=state(i, m),
                # What Safe Almere's countersignature fixes: who pays the month.
                source=sponsors[i % 3] if state(i, m) == TimesheetStatus.COUNTERSIGNED else None,
            )
            for i, (p, a) in enumerate(zip(people, volunteer, strict=True))
            for m in range(1, 13)
        ),
        batch_size=5000,
    )
    per_sheet = max(1, ENTRIES // len(sheets))
    batch = []
    for sheet, agreement in ((s, volunteer[i // 12]) for i, s in enumerate(sheets)):
        for n in range(per_sheet):
            batch.append(
                HourEntry(
                    timesheet=sheet,
                    agreement=agreement,
                    date=sheet.month + datetime.timedelta(days=n % 28),
                    hours=Decimal(rng.choice(["0.25", "0.5", "1", "1.5", "2", "3"])),
                    description="Koffie schenken, =gasten ontvangen",
                )
            )
        if len(batch) >= 20_000:
            HourEntry.objects.bulk_create(batch, batch_size=5000)
            batch = []
    HourEntry.objects.bulk_create(batch, batch_size=5000)
    with connection.cursor() as cursor:
        # What submitting does to each month handed in: fix the sum of its entries.
        cursor.execute(
            "UPDATE hours_timesheet t SET total_hours = s.total FROM"
            " (SELECT timesheet_id, SUM(hours) AS total FROM hours_hourentry"
            "  GROUP BY timesheet_id) s"
            " WHERE s.timesheet_id = t.id AND t.status NOT IN ('open', 'rejected')"
        )
    paid_batches(treasurer)
    vacancies_and_guidance(orgs, people, volunteer, admin)
    money_sources(sponsors, treasurer)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = DEFAULT")
        # As autovacuum would after a bulk load: statistics, and the old versions of the
        # months whose total was just fixed cleared away (index-only scans need that).
        cursor.execute("VACUUM ANALYZE")
    return admin, treasurer


def vacancies_and_guidance(orgs, people, volunteer, admin) -> None:
    """What the public pages, intake and guidance show: places online at every non-profit,
    applications in every stage choosing some of them, and for everyone a conversation
    held, the next one planned and a goal."""
    from django.utils import timezone

    from guidance.models import CheckIn, Goal
    from intake.models import Application, Event, Stage
    from places.models import District, KindOfWork, Place, PlaceStatus

    now = timezone.now()
    kinds, districts = list(KindOfWork.values), list(District.values)
    places = Place.objects.bulk_create(
        (
            Place(
                organisation=org,
                title=f"{KindOfWork(kinds[(i + n) % len(kinds)]).label} bij {org.name}",
                kind_of_work=kinds[(i + n) % len(kinds)],
                description="Je helpt mee waar het nodig is.",
                district=districts[i % len(districts)],
                hours_per_week=4 + 4 * ((i + n) % 4),
                days_and_times="dinsdag en donderdag, 10.00 tot 14.00 uur",
                guidance="De coördinator werkt met je mee.",
                number_of_places=3,
                filled_places=(i + n) % 3,
                status=PlaceStatus.PUBLISHED,
                created_by=admin,
                published_at=now,
            )
            for i, org in enumerate(orgs)
            for n in range(PLACES_PER_NONPROFIT)
        ),
        batch_size=5000,
    )
    stages = list(Stage.values)
    applications = Application.objects.bulk_create(
        (
            Application(
                name=f"Aanmelder {i:05d}",
                phone="06-12345678",
                district=districts[i % len(districts)],
                wants="Met mensen werken.",
                can="Luisteren.",
                availability="Dinsdag.",
                stage=stages[i % len(stages)],
                stage_changed_at=now - datetime.timedelta(days=i % 60),
                created_at=now - datetime.timedelta(days=i % 80),
            )
            for i in range(APPLICATIONS)
        ),
        batch_size=5000,
    )
    Application.places.through.objects.bulk_create(
        (
            Application.places.through(application=a, place=places[(i * 7 + n) % len(places)])
            for i, a in enumerate(applications)
            for n in range(1 + i % 2)
        ),
        batch_size=5000,
    )
    Event.objects.bulk_create(
        (Event(application=a, stage_to=a.stage, at=a.stage_changed_at) for a in applications),
        batch_size=5000,
    )
    today = timezone.localdate()
    CheckIn.objects.bulk_create(
        (
            CheckIn(
                burgerbaner=person,
                organisation=agreement.organisation,
                date=date,
                status=status,
                talked_about="Hoe het werk gaat." if status == "held" else "",
                created_by=admin,
            )
            for person, agreement in zip(people, volunteer, strict=True)
            for date, status in (
                (today - datetime.timedelta(days=30), "held"),
                (today + datetime.timedelta(days=30), "planned"),
            )
        ),
        batch_size=5000,
    )
    Goal.objects.bulk_create(
        (
            Goal(burgerbaner=person, title="Zelf de bus nemen", created_by=admin)
            for person in people
        ),
        batch_size=5000,
    )


def money_sources(sponsors, treasurer) -> None:
    """Beside the sponsors, funds and gifts; each source with a commitment for the year
    and money received every month."""
    from sources.models import Commitment, FundingSource, Receipt

    funds = FundingSource.objects.bulk_create(
        FundingSource(name=f"Fonds {i:03d}", kind=FundingSource.Kind.FUND) for i in range(FUNDS)
    )
    sources = [*sponsors, *funds]
    Commitment.objects.bulk_create(
        Commitment(
            source=source,
            amount=Decimal(PEOPLE * 700 if source in sponsors else 5000),
            start_date=datetime.date(YEAR, 1, 1),
            end_date=datetime.date(YEAR, 12, 31),
            purpose="Burgerbanen in het jaar",
            created_by=treasurer,
        )
        for source in sources
    )
    Receipt.objects.bulk_create(
        Receipt(
            source=source,
            amount=Decimal(PEOPLE * 50 if source in sponsors else 400),
            received_on=datetime.date(YEAR, month, 15),
            description=f"Bijdrage maand {month}",
            booked_by=treasurer,
        )
        for source in sources
        for month in range(1, 13)
    )


def paid_batches(treasurer) -> None:
    """January to October paid out: one batch a month, each payment within both maxima
    (the bench's hourly rate is the same all year, so a month is its hours × the rate)."""
    from django.utils import timezone

    from hours.models import Timesheet, TimesheetStatus
    from payments.models import Payment, PaymentBatch, PaymentStatus

    rate, monthly, annual = Decimal("5.00"), Decimal("210.00"), Decimal("2100.00")
    totals = (
        Timesheet.objects.filter(
            status=TimesheetStatus.COUNTERSIGNED, month__month__lte=PAID_MONTHS
        )
        .order_by("burgerbaner", "month")
        .values_list("burgerbaner", "month__month", "total_hours")
    )
    batches = {
        m: PaymentBatch.objects.create(
            created_by=treasurer,
            status=PaymentBatch.Status.PAID,
            execution_date=datetime.date(YEAR, m, 25),
        )
        for m in range(1, PAID_MONTHS + 1)
    }
    from agreements.models import AllowanceAgreement

    # What an approval fixes: the source of the agreement paying the month.
    source_of = dict(AllowanceAgreement.objects.values_list("burgerbaner", "source"))
    now, year_so_far, payments = timezone.now(), {}, []
    for person, month, total_hours in totals:
        so_far = year_so_far.get(person, Decimal("0"))
        amount = min(total_hours * rate, monthly, annual - so_far)
        if amount <= 0:
            continue
        year_so_far[person] = so_far + amount
        payments.append(
            Payment(
                burgerbaner_id=person,
                year=YEAR,
                month=month,
                amount=amount,
                iban="NL91ABNA0417164300",
                status=PaymentStatus.PAID,
                batch=batches[month],
                source_id=source_of[person],
                approved_by=treasurer,
                approved_at=now,
            )
        )
    Payment.objects.bulk_create(payments, batch_size=5000)


def main() -> None:
    from django.test import Client
    from weasyprint import HTML

    from accounts.models import Burgerbaner
    from burgerbaan.pdf import render_pdf
    from hours.models import HourEntry
    from payments import services
    from places.models import Place
    from reports.models import StatementRun
    from reports.statements import joined_statements_html, statement_pdf
    from reports.tasks import build_statements_zip
    from tests.helpers import log_in

    say("scale", SCALE, "")
    started = time.perf_counter()
    create_database()
    admin, treasurer = generate()
    say("generate data", f"{time.perf_counter() - started:.1f}", "s")
    say("hour entries", HourEntry.objects.count(), "rows")
    say("burgerbaners", Burgerbaner.objects.count(), "rows")

    client = Client()
    log_in(client, admin)  # both steps: staff pages want the second factor

    def get(url: str):
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        else:
            assert response.content

    from django.core.cache import cache

    get("/beheer/")  # a warm process: "cold" below means the year's totals are not cached yet
    cache.clear()
    measure("report first page (cold)", lambda: get(f"/rapportage/{YEAR}/"), again=False)
    measure("report first page", lambda: get(f"/rapportage/{YEAR}/"))
    measure("person report csv", lambda: get(f"/rapportage/{YEAR}/export/personen.csv"))
    measure("person report xlsx", lambda: get(f"/rapportage/{YEAR}/export/personen.xlsx"))
    measure("raw hours csv", lambda: get(f"/rapportage/{YEAR}/export/uren.csv"))

    def copy_hours():
        sql = (
            "COPY (SELECT e.id, e.date, b.legal_name, o.name, e.hours, e.description,"
            " e.is_correction, e.correction_reason, t.status FROM hours_hourentry e"
            " JOIN hours_timesheet t ON t.id = e.timesheet_id"
            " JOIN accounts_burgerbaner b ON b.id = t.burgerbaner_id"
            " JOIN accounts_organisation o ON o.id = t.organisation_id"
            f" WHERE e.date BETWEEN '{YEAR}-01-01' AND '{YEAR}-12-31' ORDER BY e.date, e.id)"
            " TO STDOUT WITH CSV HEADER"
        )
        with connection.cursor() as cursor, cursor.connection.cursor().copy(sql) as copy:
            for _block in copy:
                pass

    measure("limit: postgresql copy of the same rows", copy_hours)
    person = Burgerbaner.objects.order_by("pk").first()
    statement_pdf(person, YEAR)  # fonts and styles load once per process
    measure("one statement pdf", lambda: statement_pdf(person, YEAR))
    # The same table as a statement's (twelve months, six columns), without styles,
    # header, text or data: what WeasyPrint alone needs for a page like it.
    rows = "".join(
        f"<tr><td>maand {m}</td><td>12,50</td><td>€ 62,50</td><td>€ 0,00</td>"
        "<td>€ 0,00</td><td>€ 62,50</td></tr>"
        for m in range(1, 13)
    )
    HTML(string=f"<table>{rows}</table>").write_pdf()  # its default font loads once too
    measure(
        "limit: bare weasyprint one-page table (12 x 6 cells)",
        lambda: HTML(string=f"<table>{rows}</table>").write_pdf(),
    )
    # What WeasyPrint needs per statement page at best: a hundred statements laid out
    # and written as one document, on one core. The ZIP splits such documents per person.
    hundred = list(Burgerbaner.objects.order_by("pk")[:100])
    joined, _titles = joined_statements_html(hundred, YEAR)
    started = time.perf_counter()
    render_pdf(joined)
    limit = time.perf_counter() - started
    say(
        f"limit: weasyprint one document of {len(hundred)} statement pages time",
        f"{limit:.3f}",
        "s",
    )
    per_page = limit / len(hundred)
    say("limit: weasyprint per statement page", f"{per_page * 1000:.1f}", "ms")
    say("statements in zip", PEOPLE, "people")
    run = StatementRun.objects.create(year=YEAR, requested_by=admin)
    took = measure("all statements zip", lambda: build_statements_zip.call(run.pk), again=False)
    say("all statements zip per statement", f"{took / PEOPLE * 1000:.1f}", "ms")
    say(
        "all statements zip per statement to the page limit", f"{took / PEOPLE / per_page:.2f}", "x"
    )
    # The application form shows the chosen places and a search, never every place.
    sizes = []
    measure("application form page", lambda: sizes.append(len(client.get("/aanmelden/").content)))
    say("application form page size", f"{sizes[0] / 1024:.1f}", "KiB")
    place = Place.objects.public().order_by("pk").first()
    measure("application form search", lambda: get(f"/aanmelden/?plek={place.pk}&zoek=bij"))
    log_in(client, treasurer)
    measure("month proposal page", lambda: get(f"/betalingen/{YEAR}/{MONTH}/"))
    people = list(Burgerbaner.objects.order_by("pk"))
    approved = []
    measure(
        "approve a month of payments",
        lambda: approved.extend(services.approve_months(people, YEAR, MONTH, by=treasurer)[0]),
        again=False,
    )
    say("payments approved", len(approved), "payments")
    batch = services.create_batch(by=treasurer)
    sizes = []
    measure(
        "sepa file of a month",
        lambda: sizes.append(
            len(services.sepa_xml(batch, execution_date=datetime.date(YEAR, MONTH, 25)))
        ),
    )
    say("sepa file size", f"{sizes[0] / 1024:.0f}", "KiB")


if __name__ == "__main__":
    main()
