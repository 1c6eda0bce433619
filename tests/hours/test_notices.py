"""The burgerbaner hears of each decision on their month: by e-mail and on the dashboard,
once each."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notice
from accounts.services import notify
from hours import services
from tests.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails leave on commit


@pytest.fixture
def handed_in(burgerbaner, log, last_month):
    timesheet = log(last_month, "3").timesheet
    return services.submit_timesheet(timesheet, by=burgerbaner.user)


def test_a_rejection_arrives_by_mail_with_the_reason_and_as_a_to_do(
    client, burgerbaner, coordinator, handed_in
):
    services.reject_timesheet(handed_in, by=coordinator, reason="De 3e klopt niet.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [burgerbaner.user.email]
    assert "afgekeurd" in message.subject
    assert "De reden: De 3e klopt niet." in message.body
    assert handed_in.get_absolute_url() in message.body

    log_in(client, burgerbaner.user)
    page = client.get(reverse("burgerbaner_dashboard"))
    assert "Te doen: pas je uren aan en dien ze opnieuw in." in page.text
    assert f'href="{handed_in.get_absolute_url()}"' in page.text
    assert "De 3e klopt niet." in page.text


def test_approval_and_countersigning_are_told_too(
    client, burgerbaner, coordinator, signer, handed_in
):
    services.approve_timesheet(handed_in, by=coordinator)
    services.countersign_timesheet(handed_in, by=signer)
    subjects = [m.subject for m in mail.outbox]
    assert any("goedgekeurd door de organisatie" in s for s in subjects)
    assert any("goedgekeurd door Safe Almere" in s for s in subjects)
    log_in(client, burgerbaner.user)
    page = client.get(reverse("burgerbaner_dashboard"))
    assert "Wat er gebeurde" in page.text
    assert "goedgekeurd door Safe Almere" in page.text


def test_each_event_is_told_once(burgerbaner, coordinator, handed_in):
    services.approve_timesheet(handed_in, by=coordinator)
    step = handed_in.steps.get(action="approve")
    again = notify(
        burgerbaner.user, key=f"timesheet-step-{step.pk}", subject="Nog eens", text="Nog eens"
    )
    assert again is None
    assert Notice.objects.count() == 1
    assert len(mail.outbox) == 1
