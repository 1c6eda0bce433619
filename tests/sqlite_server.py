"""The app as `make demo` runs it: runserver and the task worker on one SQLite file.

Each test gets a copy of a migrated database file, a server on a free port and,
when asked, the background worker polling the same file. Requests go over HTTP
from several threads at once, as a few people using the demo would.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
# The test run's own settings (an in-memory database, tasks run at once) stay out.
DROPPED = {"DATABASE_URL", "TASKS_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE", "ALLOWED_HOSTS"}


def environment(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    return {
        **env,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{database}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PYTHONUNBUFFERED": "1",
    }


def migrate(database: Path) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=environment(database),
        check=True,
        timeout=300,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SqliteServer:
    def __init__(self, template: Path, workdir: Path):
        self.database = workdir / "db.sqlite3"
        shutil.copy(template, self.database)
        self.env = environment(self.database)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen] = []
        self.log = workdir / "server.log"

    def shell(self, code: str) -> str:
        """Run ``code`` in `manage.py shell` against the file; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start(self, *, worker: bool) -> None:
        log = self.log.open("w")
        command = [sys.executable, "manage.py", "runserver", "--noreload"]
        self.processes.append(
            subprocess.Popen(
                [*command, f"127.0.0.1:{self.port}"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        if worker:
            # Polling far more often than the demo's worker: more chances to collide.
            self.processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "manage.py",
                        "db_worker",
                        "--no-reload",
                        "--no-startup-delay",
                        "--interval",
                        "0.05",
                    ],
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/gezond/", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(self.log.read_text())

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def csrf_token(response: httpx.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def post_form(client: httpx.Client, path: str, data: dict) -> httpx.Response:
    """Open the page, then send its form as a browser would (with the CSRF token)."""
    page = client.get(path)
    return client.post(
        path,
        data={"csrfmiddlewaretoken": csrf_token(page), **data},
        headers={"Referer": f"{client.base_url}{path}"},
    )


def at_once(actions) -> list:
    """Run every action in its own thread, released together; their results, in order."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index, action):
        barrier.wait()
        try:
            results[index] = action()
        except Exception as exc:  # the test shows what went wrong
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
