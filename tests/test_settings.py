"""Production settings must pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_ONLY_ENV = {
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "STATIC_MANIFEST",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7#kq2!vz9@lm4$pw8^rt6&yb3*hn5(jd1)gf0_ce-sa+ui=ox~QWERTYZ",
        ALLOWED_HOSTS="burgerbaan.example.org",
        MFA_ENCRYPTION_KEYS="mZyh9O8YlJmc0Crjx4Ew-bAmBt0lWdHDfydE_4jvVn0=",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_asks_for_own_keys_for_two_step_secrets():
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "x7#kq2!vz9@lm4$pw8^rt6&yb3*hn5(jd1)gf0_ce-sa+ui=ox~QWERTYZ",
        "ALLOWED_HOSTS": "burgerbaan.example.org",
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEYS is not set" in result.stdout + result.stderr
    result = run_manage("check", MFA_ENCRYPTION_KEYS="geen-sleutel", **production)
    assert result.returncode != 0
    assert "not a Fernet key" in result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV | {"SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:0"],
        cwd=ROOT,
        # Its own empty SQLite file: the refusal must not depend on a database server.
        env={
            **env,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_deploy_check_fails_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV | {"SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, "DEBUG": "0", "ALLOWED_HOSTS": "burgerbaan.example.org"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr


def test_gunicorn_refuses_to_serve_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV | {"SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "-c", "import burgerbaan.wsgi"],
        cwd=ROOT,
        env={**env, "DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_migrations_can_be_checked_without_any_secret():
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV | {"SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def trusted_proxies(**env: str) -> str:
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_behind_a_proxy_the_client_address_comes_from_the_one_trusted_proxy():
    assert trusted_proxies(BEHIND_PROXY="1") == "1 None"
    assert trusted_proxies(BEHIND_PROXY="1", TRUSTED_PROXY_COUNT="2") == "2 None"
    assert trusted_proxies(BEHIND_PROXY="1", CLIENT_IP_HEADER="X-Real-IP") == "1 X-Real-IP"


def test_without_a_proxy_no_forwarded_header_is_trusted():
    assert trusted_proxies(BEHIND_PROXY="") == "0 None"
