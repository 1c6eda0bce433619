import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hours import services
from hours.models import Timesheet
from hours.reminders import send_reminders

pytestmark = pytest.mark.django_db


def test_reminders_go_to_each_person_with_a_link_once_a_day(
    log, last_month, burgerbaner, other_burgerbaner, coordinator, signer, other_coordinator
):
    log(last_month, "2")  # not submitted
    send_reminders()
    assert [m.to for m in mail.outbox] == [[burgerbaner.user.email]]
    assert "/uren/" in mail.outbox[0].body
    call_command("send_reminders")
    assert len(mail.outbox) == 1  # not twice on the same day


def test_coordinator_and_signer_are_reminded_after_three_days(
    log, last_month, burgerbaner, coordinator, other_coordinator, signer
):
    timesheet = log(last_month, "2").timesheet
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    send_reminders()
    assert mail.outbox == []
    Timesheet.objects.update(status_changed_at=timezone.now() - datetime.timedelta(days=4))
    send_reminders()
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "/aftekenen/" in mail.outbox[0].body

    services.approve_timesheet(timesheet, by=coordinator)
    Timesheet.objects.update(status_changed_at=timezone.now() - datetime.timedelta(days=4))
    send_reminders(timezone.now() + datetime.timedelta(days=1))
    assert mail.outbox[-1].to == [signer.email]
    assert "/mede-ondertekenen/" in mail.outbox[-1].body
