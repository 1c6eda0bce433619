"""Coordinator: the dashboard counts what waits, approving asks first and names the month
approved; signer: the dashboard links to the queue, countersigning asks first."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from hours import services
from tests.browser.helpers import both_widths, log_in, log_in_with_code, log_out
from tests.factories import BurgerbanerFactory, VolunteerAgreementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def hand_in(person, organisation, month, hours):
    agreement = person.volunteeragreements.get(organisation=organisation)
    agreement.start_date = month
    agreement.save()
    timesheet = services.log_hours(
        person, by=person.user, agreement=agreement, date=month, hours=hours, description="Werk"
    ).timesheet
    return services.submit_timesheet(timesheet, by=person.user)


def test_coordinator_approves_then_signer_countersigns(
    page, screenshot, burgerbaner, nonprofit, coordinator, signer
):
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    name = date_format(month, "F Y")
    hand_in(burgerbaner, nonprofit, month, 3)
    other = BurgerbanerFactory(legal_name="Kees Bakker", user__name="Kees Bakker")
    VolunteerAgreementFactory(burgerbaner=other, organisation=nonprofit)
    hand_in(other, nonprofit, month, 2)

    log_in(page, coordinator.email)
    expect(page.locator("main")).to_contain_text("urenoverzichten wachten op jouw aftekening")
    expect(page.locator(".card .stat").first).to_have_text("2")
    both_widths(page, screenshot, "coordinator-dashboard")
    page.get_by_role("link", name="Naar aftekenen").click()
    page.get_by_role("link", name="Fatima el Amrani").click()
    page.get_by_role("button", name="Aftekenen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit urenoverzicht aftekenen?")
    both_widths(page, screenshot, "approve-confirm")
    page.get_by_role("button", name="Ja, aftekenen").click()
    expect(page.get_by_text(f"Afgetekend: {name} van Fatima el Amrani.")).to_be_visible()
    expect(page.locator("main .lead")).to_contain_text("Kees Bakker")
    both_widths(page, screenshot, "next-opens")
    log_out(page)

    log_in_with_code(page, signer.email)
    expect(page.locator(".card .stat").first).to_have_text("1")
    page.get_by_role("link", name="Naar mede-ondertekenen").click()
    page.get_by_role("link", name="Fatima el Amrani").click()
    page.get_by_role("button", name="Mede-ondertekenen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dit urenoverzicht goedkeuren voor Safe Almere?"
    )
    both_widths(page, screenshot, "countersign-confirm")
    page.get_by_role("button", name="Ja, goedkeuren").click()
    expect(
        page.get_by_text(f"Goedgekeurd voor Safe Almere: {name} van Fatima el Amrani.")
    ).to_be_visible()
    log_out(page)

    log_in(page, burgerbaner.user.email)
    expect(page.locator("main")).to_contain_text("Wat er gebeurde")
    expect(page.locator("main")).to_contain_text("goedgekeurd door Safe Almere")
    both_widths(page, screenshot, "burgerbaner-told")
