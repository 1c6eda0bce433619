"""A backup restores into an empty database with every row and every total."""

import datetime
import sqlite3
import uuid
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from burgerbaan import backup
from payments import services as payments
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def paid_year(burgerbaner, countersigned, treasurer, paid_month):
    countersigned(3, [3, 4, 5])
    payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 9),
        kind="travel",
        amount=Decimal("12.40"),
        description="Bus",
        by=treasurer,
    )
    payments.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("100.00"), note="", by=treasurer
    )
    paid_month(3)


@pytest.fixture
def empty_target(tmp_path):
    """An empty database of the same kind, and a cursor factory to read it."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path).cursor()
        return
    import psycopg

    db = connection.settings_dict
    name = f"burgerbaan_restore_{uuid.uuid4().hex[:8]}"
    server = f"host={db['HOST']} port={db['PORT'] or 5432} user={db['USER']}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    opened = []

    def cursor():
        conn = psycopg.connect(f"{server} dbname={name}")
        opened.append(conn)
        return conn.cursor()

    yield url, cursor
    for conn in opened:
        conn.close()
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_backup_restores_into_an_empty_database_with_every_row_and_total(
    paid_year, empty_target, tmp_path
):
    url, target_cursor = empty_target
    file = tmp_path / "burgerbaan.backup"
    call_command("backup", str(file))
    assert file.stat().st_size > 0

    call_command("restore", str(file), target=url)

    with connection.cursor() as cursor:
        counts, totals = backup.table_counts(cursor), backup.money_totals(cursor)
    restored = target_cursor()
    assert backup.table_counts(restored) == counts
    assert backup.money_totals(restored) == totals
    assert counts["hours_hourentry"] == 3 and counts["payments_payment"] == 1
    assert Decimal(totals[1]) == Decimal("84.00") + Decimal("12.40")  # 15 h × 5,60 + travel


def test_restoring_into_a_database_that_is_not_empty_is_refused(paid_year, tmp_path):
    file = tmp_path / "burgerbaan.backup"
    call_command("backup", str(file))
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(file))  # the configured database holds data


def test_restoring_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "nergens.backup"))


def test_a_backup_file_is_readable_by_its_owner_only(tmp_path):
    file = tmp_path / "burgerbaan.backup"
    call_command("backup", str(file))
    assert file.stat().st_mode & 0o777 == 0o600
