"""The way in, end to end: a visitor finds a place and applies, an admin runs the intake and
places them, and the new burgerbaner accepts the invitation and signs both agreements."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Burgerbaner
from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
from intake.models import Application, Stage
from places.models import District, KindOfWork, Place, PlaceStatus
from tests.browser.helpers import log_in, log_out
from tests.factories import TOTP_SECRET, year_rules
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "mijn-eigen-wachtwoord-77"


def log_in_with_code(page, email: str) -> None:
    log_in(page, email)
    page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/" not in url)


def both_widths(page, screenshot, name: str) -> None:
    screenshot(f"{name}-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(f"{name}-1280")
    page.set_viewport_size({"width": 360, "height": 780})


def sign(page) -> None:
    page.get_by_label("Ik heb de overeenkomst gelezen en ik ga akkoord.").check()
    page.get_by_role("button", name="Ondertekenen").click()


def test_visitor_applies_is_placed_and_signs_both_agreements(
    page, screenshot, settings, nonprofit, coordinator, signer, admin_user, foundation
):
    settings.APPLICATION_MIN_SECONDS = 0
    today = datetime.date.today()
    year_rules(today.year)
    place = Place.objects.create(
        organisation=nonprofit,
        title="Gastvrouw of gastheer in de buurtkamer",
        kind_of_work=KindOfWork.MEETING,
        description="Je zet koffie en thee en praat met buurtbewoners die binnenlopen.",
        district=District.HAVEN,
        address="Sluis 4",
        hours_per_week=8,
        days_and_times="dinsdag en donderdag, 10.00 tot 14.00 uur",
        guidance="De coördinator werkt de eerste weken met je mee.",
        number_of_places=2,
        status=PlaceStatus.PUBLISHED,
    )

    # A visitor reads what a burgerbaan is, finds the place and applies for it.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Een burgerbaan in Almere")
    both_widths(page, screenshot, "home")
    page.get_by_role("link", name=re.compile("Bekijk de plekken")).first.click()
    page.get_by_label("Soort werk").select_option("meeting")
    page.get_by_role("button", name="Zoeken").click()
    both_widths(page, screenshot, "vacancy-bank")
    page.get_by_role("link", name=place.title).click()
    expect(page.get_by_text("Nog 2 plekken vrij")).to_be_visible()
    both_widths(page, screenshot, "place")
    page.get_by_role("link", name="Aanmelden voor deze plek").click()
    expect(page.get_by_label(re.compile(place.title))).to_be_checked()
    page.get_by_label("Je naam").fill("Samira Bakker")
    page.get_by_label("Je e-mailadres").fill("samira@example.org")
    page.get_by_label("In welk deel van Almere woon je?").select_option("poort")
    page.get_by_label("Wat wil je graag doen?").fill("Met mensen werken, koffie schenken.")
    page.get_by_label("Wat kun je goed?").fill("Luisteren en gastvrij zijn.")
    page.get_by_label("Wanneer kun je?").fill("Dinsdag en donderdag.")
    page.get_by_label(re.compile("mag lezen wat ik hier schrijf")).check()
    both_widths(page, screenshot, "apply")
    page.get_by_role("button", name="Verstuur mijn aanmelding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding")
    assert mail.outbox[-1].to == ["samira@example.org"]

    # The coordinator of the place reads the plan: she agreed to it.
    log_in(page, coordinator.email)
    page.goto("/aanmeldingen/voor-mijn-plekken/")
    page.get_by_role("link", name="Samira Bakker").click()
    expect(page.get_by_text("Luisteren en gastvrij zijn.")).to_be_visible()
    log_out(page)

    # The admin plans the first conversation, writes the plan down and places her.
    log_in_with_code(page, admin_user.email)
    page.get_by_role("link", name="Aanmeldingen").first.click()
    both_widths(page, screenshot, "funnel")
    page.get_by_role("link", name="Samira Bakker").click()
    page.get_by_label("Datum en tijd van het eerste gesprek").fill(
        f"{today + datetime.timedelta(days=2)}T10:00"
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het eerste gesprek is gepland.")).to_be_visible()
    page.get_by_label("Talenten").fill("Gastvrij, rustig, houdt van koken.")
    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_text("Het persoonlijk plan is opgeslagen.")).to_be_visible()
    page.get_by_role("link", name="Plaatsen", exact=True).click()
    page.get_by_label("Geboortedatum").fill("1985-06-15")
    page.get_by_label("Startdatum").fill(str(today))
    page.get_by_label("Vergoeding per uur (€)").fill("5.00")
    page.get_by_label("IBAN voor uitbetaling").fill("NL91 ABNA 0417 1643 00")
    page.get_by_role("button", name="Plaatsen en uitnodigen").click()
    expect(page.get_by_text(re.compile("is geplaatst en krijgt een uitnodiging"))).to_be_visible()
    burgerbaner = Burgerbaner.objects.get(user__email="samira@example.org")
    assert "Gastvrij, rustig" in burgerbaner.personal_plan

    # Both drafts go out for signing.
    for agreement in (
        VolunteerAgreement.objects.get(burgerbaner=burgerbaner),
        AllowanceAgreement.objects.get(burgerbaner=burgerbaner),
    ):
        page.goto(agreement.get_absolute_url())
        page.get_by_role("button", name="Klaar: laten tekenen").click()
        expect(page.get_by_text("wacht op handtekeningen").first).to_be_visible()
    invitation = next(m for m in mail.outbox if "/uitnodiging/" in m.body)
    link = re.search(r"https?://\S+/uitnodiging/\S+/", invitation.body).group(0)
    log_out(page)

    # Samira chooses her password and signs both agreements.
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_label("Kies een wachtwoord").fill(NEW_PASSWORD)
    page.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    log_in(page, "samira@example.org", NEW_PASSWORD)
    for _ in range(2):
        page.goto("/mijn/")
        page.get_by_role("link", name=re.compile("lezen en tekenen")).first.click()
        sign(page)
        expect(page.get_by_text("Je hebt de overeenkomst getekend. Dank je wel.")).to_be_visible()
    log_out(page)

    # The non-profit and Safe Almere sign their side.
    log_in(page, coordinator.email)
    page.goto(VolunteerAgreement.objects.get(burgerbaner=burgerbaner).get_absolute_url())
    sign(page)
    log_out(page)
    log_in_with_code(page, signer.email)
    page.goto(AllowanceAgreement.objects.get(burgerbaner=burgerbaner).get_absolute_url())
    sign(page)

    assert VolunteerAgreement.objects.get(burgerbaner=burgerbaner).status == AgreementStatus.ACTIVE
    assert AllowanceAgreement.objects.get(burgerbaner=burgerbaner).status == AgreementStatus.ACTIVE
    application = Application.objects.get()
    assert application.stage == Stage.PLACED
    assert application.burgerbaner == burgerbaner
    place.refresh_from_db()
    assert place.filled_places == 1
