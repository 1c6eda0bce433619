"""A new burgerbaner accepts the invitation on the demo's own set-up: runserver and the
task worker on one SQLite file, with two others accepting theirs at the same moment."""

import re
import threading

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SHOTS
from tests.sqlite_server import at_once, post_form

pytestmark = pytest.mark.browser

INVITE = """
from accounts.models import Burgerbaner, User
from accounts.services import add_burgerbaner
import datetime
for n, name in enumerate(["Nadia Yilmaz", "Tom de Boer", "Eva Kramer"]):
    add_burgerbaner(
        email=f"nieuw{n}@example.org", by=None, legal_name=name,
        date_of_birth=datetime.date(1990, 1, 1), street="Markt 1", postcode="1311 AB",
        city="Almere", phone="06 12345678", iban="NL91ABNA0417164300",
        start_date=datetime.date(2026, 1, 1),
    )
"""
PASSWORD = "mijn-eigen-wachtwoord-2026"


def accept(server, link: str) -> int:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        return post_form(client, link, {"password1": PASSWORD, "password2": PASSWORD}).status_code


def test_new_burgerbaner_accepts_the_invitation_while_the_worker_runs(browser, sqlite_server):
    output = sqlite_server.shell(INVITE)
    links = re.findall(r"http://[^/\s]+(/uitnodiging/[^/\s]+/)", output)
    assert len(links) == 3, output
    sqlite_server.start(worker=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        base_url=sqlite_server.url, locale="nl-NL", viewport={"width": 360, "height": 780}
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(links[0])
        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=str(SHOTS / "invitation-accept-1280.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 780})
        page.screenshot(path=str(SHOTS / "invitation-accept-360.png"), full_page=True)
        page.get_by_label("Kies een wachtwoord").fill(PASSWORD)
        page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
        # Two others accept theirs while this person sends the form (the browser stays
        # in this thread: Playwright's page belongs to it).
        others: list = []
        background = threading.Thread(
            target=lambda: others.extend(
                at_once(
                    [
                        lambda: accept(sqlite_server, links[1]),
                        lambda: accept(sqlite_server, links[2]),
                    ]
                )
            )
        )
        background.start()
        page.locator("main form button[type=submit]").click()
        background.join(timeout=120)
        assert others == [302, 302], sqlite_server.log.read_text()[-3000:]
        expect(page.get_by_text("Je wachtwoord is ingesteld.")).to_be_visible()
        page.screenshot(path=str(SHOTS / "invitation-accepted-360.png"), full_page=True)
        page.get_by_label("E-mail").fill("nieuw0@example.org")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_label("Wachtwoord").press("Enter")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Hallo")
        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=str(SHOTS / "invitation-first-page-1280.png"), full_page=True)
    finally:
        context.close()
