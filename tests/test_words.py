"""No page shows English placeholders, developer text, the formal "u", an office word
where a burgerbaner or coordinator reads it, or the same error twice.

For each role the test logs in on the demo pilot, follows every same-site link it
reaches (GET only, no downloads, no Django admin, a bounded number of pages per
URL shape) and reads each page as a person would: its text and the texts of its
labels and buttons. Every form it finds is also sent once empty, because errors
only show after a mistake. The words come from ``docs/words.md``.
"""

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from demo import pilot as demo
from reports.models import StatementRun
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

WORDS = Path(__file__).resolve().parents[1] / "docs" / "words.md"
MAX_PAGES = 120
SKIPPED = re.compile(r"^/(admin|accounts/logout|i18n|static|media)/")
DOWNLOAD = re.compile(
    r"/pdf/|/sepa/|/zip/|specificatie|jaaropgave/|/download/|\.(csv|xlsx|json|xml|zip|pdf)$"
)
# Forms whose empty submission is itself a step (log out, hand in, approve) are not sent.
UNSENT_FORMS = re.compile(r"logout|i18n|uitloggen")


def forbidden_words() -> tuple[list[str], list[str]]:
    """(never on any page, never on a burgerbaner's or coordinator's page), from docs/words.md."""
    everywhere: list[str] = []
    plain: list[str] = []
    section = None
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line
        elif line.startswith("| `"):
            word = line.split("`")[1]
            if section and section.startswith("## Never"):
                everywhere.append(word)
            elif section and section.startswith("## Plain"):
                plain.append(word)
    return everywhere, plain


class Page(HTMLParser):
    """A page as read: its text (with labels, placeholders, button values), links, forms, errors."""

    ERROR = re.compile(r"\berrorlist\b|\bfield-error\b|\berror\b")
    READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.forms: list[dict] = []
        self.errors: list[str] = []
        self._skip = 0
        self._error_depth: list[int] = []
        self._error_owner: list[str] = []
        self._depth = 0
        self._error_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        self.text += [attributes[a] for a in self.READ_ATTRIBUTES if attributes.get(a)]
        if (
            tag == "input"
            and attributes.get("type") in ("submit", "button")
            and attributes.get("value")
        ):
            self.text.append(attributes["value"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            self.forms.append(
                {
                    "method": (attributes.get("method") or "get").lower(),
                    "action": attributes.get("action"),
                }
            )
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self._depth += 1
        if tag == "li" and self._error_depth:
            self._error_text = []
        if self.ERROR.search(attributes.get("class", "")) and tag in ("ul", "p", "div", "span"):
            self._error_depth.append(self._depth)
            # Django gives a field's error list the id "id_<field>_error"; the form's own have none.
            self._error_owner.append(attributes.get("id", ""))
            self._error_text = []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        if self._error_depth and (tag == "li" or self._error_depth[-1] == self._depth):
            message = " ".join("".join(self._error_text).split())
            if message:
                self.errors.append((message, self._error_owner[-1]))
            self._error_text = []
            if self._error_depth[-1] == self._depth:
                self._error_depth.pop()
                self._error_owner.pop()
        self._depth -= 1

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._error_depth:
            self._error_text.append(data)


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def shape(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/<n>", path)


def problems_on(where: str, html: str, words: list[str]) -> tuple[Page, list[str]]:
    page = read(html)
    text = " ".join(" ".join(page.text).split())
    found = [f"{where}: shows {word!r}" for word in words if word_on(word, text)]
    # Three fields may each say "Dit veld is verplicht."; one mistake is told once: once
    # for the form, or once at its field.
    told = Counter(page.errors)
    for message, owner in set(page.errors):
        if owner and (message, "") in told:
            told[(message, "")] += 1
    found += [
        f"{where}: shows the error {message!r} twice"
        for (message, _owner), count in told.items()
        if count > 1
    ]
    return page, found


def word_on(word: str, text: str) -> bool:
    if word[:1].isupper() or not word[:1].isalpha():  # "Uw ", "- Select", "Changed:": as written
        return word in text
    return re.search(rf"(?<![\w-]){re.escape(word)}", text, re.IGNORECASE) is not None


def crawl(client: Client, starts: list[str], words: list[str]) -> tuple[int, list[str]]:
    queue = list(starts)
    seen: set[str] = set()
    problems: list[str] = []
    checked = 0
    while queue and checked < MAX_PAGES:
        link = urlsplit(queue.pop(0))
        path = link.path
        if shape(path) in seen or SKIPPED.match(path) or DOWNLOAD.search(path):
            continue
        seen.add(shape(path))
        response = client.get(path, follow=True)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        where = response.request["PATH_INFO"]
        if response.redirect_chain and shape(where) in seen and shape(where) != shape(path):
            continue
        seen.add(shape(where))
        checked += 1
        page, found = problems_on(where, response.content.decode(), words)
        problems += found
        for form in page.forms:
            action = urlsplit(form["action"] or where).path or where
            if form["method"] != "post" or UNSENT_FORMS.search(action) or SKIPPED.match(action):
                continue
            if DOWNLOAD.search(action):
                continue
            # Followed like a browser would, so a message is read on the page it lands on.
            sent = client.post(action, {}, follow=True)
            if sent.status_code == 200 and "text/html" in sent.get("Content-Type", ""):
                problems += problems_on(f"{action} (sent empty)", sent.content.decode(), words)[1]
        for href in page.links:
            target = urlsplit(urldefrag(href).url)
            if not target.netloc or target.netloc == "testserver":
                queue.append(target.path or where)
    return checked, problems


@pytest.fixture
def pilot(settings):
    settings.DEBUG = True
    demo.seed()
    mail.outbox.clear()
    settings.DEBUG = False


EVERYWHERE, PLAIN = forbidden_words()

ROLES = {
    "burgerbaner": ("burgerbaner1@burgerbaan.test", EVERYWHERE + PLAIN),
    "coordinator": ("coordinator1@burgerbaan.test", EVERYWHERE + PLAIN),
    "signer": ("ondertekenaar@burgerbaan.test", EVERYWHERE),
    "treasurer": ("penningmeester@burgerbaan.test", EVERYWHERE),
    "admin": ("admin@burgerbaan.test", EVERYWHERE),
}


def test_the_word_list_is_read():
    assert "- Select an option -" in EVERYWHERE and "Uw " in EVERYWHERE
    assert "mede-ondertekend" in PLAIN and "beginsaldo" in PLAIN


@pytest.mark.parametrize("role", ROLES)
def test_pages_of_each_role_speak_plain_dutch(client, pilot, role):
    email, words = ROLES[role]
    user = User.objects.get(email=email)
    log_in(client, user)
    starts = ["/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/email/"]
    if role == "admin":
        # The ZIP of all statements waits for the background worker: that page too.
        run = StatementRun.objects.create(year=timezone.localdate().year, requested_by=user)
        starts.append(reverse("statement_run", args=[run.pk]))
    checked, problems = crawl(client, starts, words)
    assert checked > 5
    assert not problems, "\n".join(problems)


def test_pages_before_logging_in_speak_plain_dutch(client, pilot):
    checked, problems = crawl(
        client,
        [
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            "/accounts/password/reset/done/",
        ],
        EVERYWHERE + PLAIN,
    )
    assert checked >= 3
    assert not problems, "\n".join(problems)


def test_the_crawl_sees_a_forbidden_word_and_a_twice_shown_error():
    html = (
        '<form method="post"><ul class="errorlist"><li>Vul dit in.</li></ul>'
        '<select><option value="">- Select an option -</option></select>'
        '<div class="field"><ul class="errorlist"><li>Vul dit in.</li></ul></div></form>'
    )
    assert problems_on("/x/", html, EVERYWHERE)[1] == [
        "/x/: shows '- Select an option -'",
        "/x/: shows the error 'Vul dit in.' twice",
    ]
