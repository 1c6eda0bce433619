"""A treasurer without 2FA is made to enrol, then logs in with a code."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from accounts.models import Role
from tests.browser.helpers import log_in, log_out
from tests.factories import PASSWORD, user_with_role
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_treasurer_is_forced_to_enrol_then_logs_in_with_totp(page, screenshot):
    treasurer = user_with_role(Role.Kind.TREASURER, totp=False, name="Karel Jansen")

    log_in(page, treasurer.email)
    # allauth confirms the password once more before 2FA is set up.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    expect(page.get_by_text("Voor jouw rol is inloggen in twee stappen verplicht")).to_be_visible()
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    screenshot("enrol")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/"))

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/penningmeester/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Penningmeester")
    screenshot("dashboard")

    log_out(page)

    cache.clear()  # the code from enrolment may not be used twice; a new period has come
    log_in(page, treasurer.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page).to_have_url(re.compile(r"/penningmeester/$"))
    expect(page.get_by_text("vergoedingsovereenkomsten lopen vandaag")).to_be_visible()
