"""A burgerbaner hands in a month after confirming, takes it back, and hands it in again."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hours import services
from tests.browser.helpers import both_widths, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_burgerbaner_hands_in_takes_back_and_hands_in_again(page, screenshot, burgerbaner):
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = month.replace(month=1)
    agreement.save()
    services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=month.replace(day=4),
        hours=3,
        description="Soep koken",
    )

    log_in(page, burgerbaner.user.email)
    page.get_by_role("link", name="Mijn uren").first.click()
    page.get_by_role("button", name=re.compile(r"^Indienen")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("indienen?")
    expect(page.locator("main")).to_contain_text("Je dient 3 uur in.")
    both_widths(page, screenshot, "confirm")
    page.get_by_role("button", name="Ja, indienen").click()
    expect(page.get_by_text("Je uren zijn ingediend.")).to_be_visible()
    both_widths(page, screenshot, "handed-in")

    page.get_by_role("button", name="Terugnemen").click()
    expect(page.get_by_text(re.compile("Je hebt .* teruggenomen."))).to_be_visible()
    both_widths(page, screenshot, "taken-back")

    page.get_by_role("button", name="Indienen").click()
    page.get_by_role("button", name="Ja, indienen").click()
    expect(page.get_by_text("Je uren zijn ingediend.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Teruggenomen door")
