"""An admin making a volunteer agreement sees only the coordinators of the organisation chosen."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import both_widths, log_in_with_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_the_organisation_narrows_the_coordinators(
    page,
    screenshot,
    admin_user,
    burgerbaner,
    nonprofit,
    other_nonprofit,
    coordinator,
    other_coordinator,
):
    log_in_with_code(page, admin_user.email)
    page.goto(reverse("agreement_create", args=["vrijwilliger", burgerbaner.pk]))
    coordinators = page.locator("#id_coordinator option")
    expect(coordinators.filter(has_text=other_coordinator.name)).to_have_count(1)

    page.locator("#id_organisation").select_option(str(nonprofit.pk))

    expect(coordinators.filter(has_text=other_coordinator.name)).to_have_count(0)
    expect(coordinators.filter(has_text=coordinator.name)).to_have_count(1)
    both_widths(page, screenshot, "admin-chooses-coordinator")
