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
