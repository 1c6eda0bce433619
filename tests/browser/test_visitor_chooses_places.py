"""A visitor on a phone chooses places on the application form by searching, with and
without JavaScript: never a list of every place."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from intake.models import Application
from places.models import District, KindOfWork, Place, PlaceStatus
from tests.browser.helpers import both_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_place(organisation, title: str, description: str) -> Place:
    return Place.objects.create(
        organisation=organisation,
        title=title,
        kind_of_work=KindOfWork.GREEN,
        description=description,
        district=District.HAVEN,
        hours_per_week=8,
        days_and_times="dinsdag",
        guidance="De coördinator werkt met je mee.",
        status=PlaceStatus.PUBLISHED,
    )


def test_visitor_searches_ticks_and_removes_places(page, screenshot, settings, nonprofit):
    settings.APPLICATION_MIN_SECONDS = 0
    garden = make_place(nonprofit, "Moestuinier", "Zaaien en oogsten in de buurttuin.")
    bikes = make_place(nonprofit, "Fietsenmaker", "Je repareert fietsen.")
    make_place(nonprofit, "Fietsen uitlenen", "Je leent fietsen uit aan buren.")
    for n in range(30):
        make_place(nonprofit, f"Tuinplek {n}", "Je werkt in de tuin.")

    page.goto(f"/aanmelden/?plek={garden.pk}")
    expect(page.get_by_label(re.compile("Moestuinier"))).to_be_checked()
    expect(page.get_by_text(nonprofit.name).first).to_be_visible()
    expect(page.get_by_text("Tuinplek 1", exact=False)).to_have_count(0)

    page.get_by_label("Zoek een plek (mag je overslaan)").fill("fiets")
    expect(page.get_by_label(re.compile("Fietsenmaker"))).not_to_be_checked()
    expect(page.locator("#place-results input")).to_have_count(2)
    both_widths(page, screenshot, "search")
    page.get_by_label(re.compile("Fietsenmaker")).check()
    # A new search keeps what was ticked; the focus stays in the search box.
    page.get_by_label("Zoek een plek (mag je overslaan)").fill("tuin")
    expect(page.locator("#place-chosen input:checked")).to_have_count(2)
    expect(page.locator("#place-results input")).to_have_count(8)
    expect(page.get_by_text("Er zijn meer plekken die passen.")).to_be_visible()
    expect(page.get_by_label("Zoek een plek (mag je overslaan)")).to_be_focused()
    page.get_by_label(re.compile("Moestuinier")).uncheck()

    page.get_by_label("Groen en natuur").check()
    page.get_by_label("Wat wil je graag doen?").fill("Buiten werken.")
    page.get_by_label("Je naam").fill("Samira Bakker")
    page.get_by_label("Je e-mailadres").fill("samira@example.org")
    page.get_by_label("In welk deel van Almere woon je?").select_option("poort")
    page.get_by_label("Wat kun je goed?").fill("Sleutelen.")
    page.get_by_label("Wanneer kun je?").fill("Dinsdag.")
    page.get_by_role("button", name="Verstuur mijn aanmelding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding")

    application = Application.objects.get()
    assert list(application.places.all()) == [bikes]
    assert application.kinds_of_work == ["green"]
    assert mail.outbox[-1].to == ["samira@example.org"]


def test_without_javascript_the_search_still_works(browser, live_server, nonprofit):
    garden = make_place(nonprofit, "Moestuinier", "Zaaien en oogsten in de buurttuin.")
    make_place(nonprofit, "Fietsenmaker", "Je repareert fietsen.")
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 360, "height": 780},
        java_script_enabled=False,
    )
    page = context.new_page()
    try:
        page.goto(f"/aanmelden/?plek={garden.pk}")
        page.get_by_label("Zoek een plek (mag je overslaan)").fill("fiets")
        page.get_by_role("button", name="Zoek", exact=True).click()
        expect(page.get_by_label(re.compile("Moestuinier"))).to_be_checked()
        expect(page.get_by_label(re.compile("Fietsenmaker"))).not_to_be_checked()
        expect(page.get_by_role("link", name="vacaturebank")).to_be_visible()
    finally:
        context.close()
