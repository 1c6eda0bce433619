"""A consistent copy of the whole database, and putting it back into an empty one.

PostgreSQL: ``pg_dump`` in its custom format, which reads everything in one
snapshot (consistent while the app keeps running), and ``pg_restore`` in one
transaction: a restore that fails leaves the target empty. The immutability
triggers are created after the rows are loaded, as pg_restore always does.

SQLite (development): SQLite's own online backup, page by page in one read
transaction.

    python manage.py backup [FILE]
    python manage.py restore FILE [--target URL]
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.db import connection

from burgerbaan.errors import DomainError


class BackupError(DomainError):
    pass


def _pg_conninfo(settings: dict) -> tuple[str, dict]:
    """A libpq connection string (quoted, with the database's OPTIONS such as sslmode)
    and the environment that carries the password, so it never shows in a process list."""
    from psycopg.conninfo import make_conninfo

    parts = {
        "dbname": settings["NAME"],
        "host": settings.get("HOST") or None,
        "port": str(settings.get("PORT") or "") or None,
        "user": settings.get("USER") or None,
        **{k: v for k, v in (settings.get("OPTIONS") or {}).items() if isinstance(v, str)},
    }
    conninfo = make_conninfo(**{k: v for k, v in parts.items() if v})
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return conninfo, env


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, check=True, env=env, capture_output=True, text=True)  # noqa: S603
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{Path(command[0]).name} is mislukt:\n{exc.stderr.strip()}") from exc


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is niet gevonden. Installeer de PostgreSQL-programma's, bijvoorbeeld: "
            "apt-get install postgresql-client"
        )
    return found


def backup(path: Path) -> Path:
    """Write a consistent copy of the configured database to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Every IBAN and address is in it: readable by the owner only.
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        conninfo, env = _pg_conninfo(db)
        _run(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={path}",
                f"--dbname={conninfo}",
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    else:  # pragma: no cover - the project runs on these two
        raise BackupError(f"Geen back-up voor {connection.vendor}.")
    return path


def restore(path: Path, target_url: str | None = None) -> None:
    """Put the backup at ``path`` into an empty database (the configured one by default)."""
    if not path.exists():
        raise BackupError(f"Het bestand {path} bestaat niet.")
    target = dj_database_url.parse(target_url) if target_url else connection.settings_dict
    engine = target["ENGINE"]
    if "postgresql" in engine:
        import psycopg

        conninfo, env = _pg_conninfo(target)
        with psycopg.connect(
            conninfo, password=target.get("PASSWORD") or None, autocommit=True
        ) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ).fetchone()[0]
        if tables:
            raise BackupError("De doeldatabase is niet leeg. Terugzetten kan alleen in een lege.")
        _run(
            [
                _tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={conninfo}",
                str(path),
            ],
            env,
        )
    elif "sqlite" in engine:
        name = str(target["NAME"])
        into = sqlite3.connect(name, uri=name.startswith("file:"))
        try:
            tables = into.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            if tables.fetchone()[0]:
                raise BackupError(
                    "De doeldatabase is niet leeg. Terugzetten kan alleen in een lege."
                )
            with sqlite3.connect(path) as source:
                source.backup(into)
            source.close()
        finally:
            into.close()
    else:  # pragma: no cover
        raise BackupError(f"Geen terugzetten voor {engine}.")


def table_counts(cursor) -> dict[str, int]:
    """Rows per table of every model, read with ``cursor`` (any database of the project)."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - our own table names
        counts[table] = cursor.fetchone()[0]
    return counts


def money_totals(cursor) -> tuple:
    """The sums an auditor would check first: hours, payments, gifts and travel."""
    cursor.execute(
        "SELECT (SELECT coalesce(sum(hours), 0) FROM hours_hourentry),"
        " (SELECT coalesce(sum(amount), 0) FROM payments_payment),"
        " (SELECT coalesce(sum(amount), 0) FROM payments_extra),"
        " (SELECT coalesce(sum(amount), 0) FROM payments_openingbalance)"
    )
    return tuple(str(v) for v in cursor.fetchone())
