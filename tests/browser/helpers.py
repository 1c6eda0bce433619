import re

from playwright.sync_api import expect

from tests.factories import PASSWORD


def log_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_label("Wachtwoord").press("Enter")


def log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def log_in_with_code(page, email: str) -> None:
    from tests.factories import TOTP_SECRET
    from tests.helpers import totp_code

    log_in(page, email)
    page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
    page.locator("input[name=code]").press("Enter")


def both_widths(page, screenshot, name: str) -> None:
    """Screenshots on a phone (360 px) and a desktop (1280 px); the page stays a phone."""
    size = page.viewport_size
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(f"{name}-360")
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(f"{name}-1280")
    page.set_viewport_size(size)
