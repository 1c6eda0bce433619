import pytest
from django.urls import reverse

from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_dutch_even_when_the_browser_asks_for_english(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.get(reverse("burgerbaner_dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert '<html lang="nl">' in response.text


def test_english_when_chosen_in_the_footer(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/mijn/"})
    response = client.get(reverse("burgerbaner_dashboard"))
    assert '<html lang="en">' in response.text
    assert "Log out" in response.text


def test_every_dutch_text_has_an_english_translation():
    from pathlib import Path

    import polib

    po = polib.pofile(Path(__file__).resolve().parents[1] / "locale/en/LC_MESSAGES/django.po")
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()


def test_every_text_marked_for_translation_is_in_the_english_catalogue(tmp_path):
    """The catalogue holds every marked text, not only the ones someone remembered to add.

    makemessages runs on a copy of the project, so the catalogue in the repository stays
    as it is; a text it finds without an English translation fails the test.
    """
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import polib

    root = Path(__file__).resolve().parents[1]
    copy = tmp_path / "project"
    shutil.copytree(
        root,
        copy,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".venv",
            "node_modules",
            ".git",
            "static",
            "staticfiles",
            "media",
            "tests",
            "bench",
            "__pycache__",
            "*.mo",
            "*.sqlite3",
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"],
        cwd=copy,
        env={**os.environ, "SECRET_KEY": "makemessages-only", "DEBUG": "0"},
        check=True,
    )
    po = polib.pofile(copy / "locale/en/LC_MESSAGES/django.po")
    missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    assert not missing, "No English in locale/en/LC_MESSAGES/django.po for:\n" + "\n".join(missing)
