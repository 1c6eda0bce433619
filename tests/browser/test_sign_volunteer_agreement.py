"""A burgerbaner and a coordinator sign a volunteer agreement; the PDF shows both."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from agreements import services
from agreements.models import AgreementStatus, VolunteerAgreement
from tests.browser.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_burgerbaner_and_coordinator_sign_and_download_the_pdf(
    page, screenshot, burgerbaner, nonprofit, coordinator, admin_user
):
    agreement = services.create_agreement(
        VolunteerAgreement,
        by=admin_user,
        burgerbaner=burgerbaner,
        organisation=nonprofit,
        coordinator=coordinator,
        work_description="Gasten ontvangen en koffie schenken.",
        place="Buurtkamer",
        hours_per_week=Decimal("6"),
        start_date=datetime.date(2026, 3, 1),
        end_date=None,
    )
    services.send_for_signature(agreement, by=admin_user, notify=False)

    log_in(page, burgerbaner.user.email)
    expect(page.get_by_text("Er wacht een overeenkomst op jouw handtekening.")).to_be_visible()
    page.get_by_role("link", name=re.compile("lezen en tekenen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijwilligersovereenkomst")
    screenshot("burgerbaner-reads")
    page.get_by_role("button", name="Ondertekenen").click()
    expect(page.get_by_text("Zet een vinkje als je akkoord gaat")).to_be_visible()
    page.get_by_label("Ik heb de overeenkomst gelezen en ik ga akkoord.").check()
    page.get_by_role("button", name="Ondertekenen").click()
    expect(page.get_by_text("Je hebt de overeenkomst getekend. Dank je wel.")).to_be_visible()
    log_out(page)

    log_in(page, coordinator.email)
    page.get_by_role("link", name="Overeenkomsten").click()
    page.get_by_role("link", name=re.compile("Lezen en tekenen")).click()
    page.get_by_label("Ik heb de overeenkomst gelezen en ik ga akkoord.").check()
    page.get_by_role("button", name="Ondertekenen").click()
    expect(page.get_by_text("actief", exact=True)).to_be_visible()
    screenshot("coordinator-signed")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als PDF").click()
    pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Gasten ontvangen en koffie schenken." in text
    assert f"Getekend door {coordinator.name}" in text
    assert "nog niet getekend" not in text

    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
    assert agreement.signatures.count() == 2
