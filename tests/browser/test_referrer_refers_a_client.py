"""A day-care referrer logs in, refers a client with consent, and sees where it stands."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Organisation, Role
from intake.models import Referral, Stage
from tests.browser.helpers import log_in
from tests.factories import OrganisationFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_referrer_refers_a_client_and_follows_the_stage(page, screenshot):
    daycare = OrganisationFactory(name="Dagbesteding De Schakel", kind=Organisation.Kind.DAYCARE)
    referrer = user_with_role(Role.Kind.REFERRER, daycare, name="Petra Verwijzer")

    log_in(page, referrer.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn verwijzingen")
    page.get_by_role("link", name="Een cliënt aanmelden").click()
    page.get_by_label("Naam van je cliënt").fill("Wim Bakker")
    page.get_by_label("Telefoonnummer van je cliënt").fill("06 2345 6789")
    page.get_by_label("In welk deel van Almere woont je cliënt?").select_option("buiten")
    page.get_by_label("Wat wil je cliënt graag doen?").fill("Buiten werken in het park.")
    page.get_by_label("Wat kan je cliënt goed?").fill("Sjouwen en snoeien.")
    page.get_by_label("Wanneer kan je cliënt?").fill("Dinsdag en donderdag.")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_label("Wie gaf toestemming?")).to_have_attribute("aria-invalid", "true")
    screenshot("consent-missing")

    page.get_by_label("Wie gaf toestemming?").fill("Wim Bakker zelf")
    page.get_by_label("Wanneer?").fill(timezone.localdate().isoformat())
    page.get_by_label("Hoe?").select_option("signed")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Wim Bakker is aangemeld.")).to_be_visible()
    row = page.get_by_role("row", name="Wim Bakker")
    expect(row).to_contain_text("nieuw")
    screenshot("referred")

    referral = Referral.objects.get()
    assert referral.application.stage == Stage.NEW
    assert (referral.consent_by, referral.consent_how) == ("Wim Bakker zelf", "signed")
