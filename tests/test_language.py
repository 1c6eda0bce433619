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
