"""Coordinators hear, once a month, about people who had no conversation for three months."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from guidance.models import CheckIn
from guidance.services import send_checkin_reminders
from tests.helpers import log_in

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)  # the burgerbaner's place started on 1 January 2026


def test_the_coordinator_is_reminded_once_however_often_the_job_runs(burgerbaner, coordinator):
    assert send_checkin_reminders(TODAY) == 1
    assert send_checkin_reminders(TODAY) == 0
    assert send_checkin_reminders(TODAY + datetime.timedelta(days=3)) == 0
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert burgerbaner.legal_name in mail.outbox[0].subject
    assert f"/begeleiding/{burgerbaner.pk}/" in mail.outbox[0].body
    # A month later, still no conversation: one more.
    assert send_checkin_reminders(TODAY + datetime.timedelta(days=31)) == 1


def test_a_recent_conversation_means_no_reminder(burgerbaner, coordinator):
    CheckIn.objects.create(
        burgerbaner=burgerbaner,
        date=TODAY - datetime.timedelta(days=20),
        status="held",
        talked_about="Goed gesprek",
        created_by=coordinator,
    )
    assert send_checkin_reminders(TODAY) == 0


def test_a_planned_conversation_does_not_count_as_held(burgerbaner, coordinator):
    CheckIn.objects.create(
        burgerbaner=burgerbaner, date=TODAY - datetime.timedelta(days=20), created_by=coordinator
    )
    assert send_checkin_reminders(TODAY) == 1


def test_someone_new_is_not_due_before_the_months_have_passed(burgerbaner, coordinator):
    assert send_checkin_reminders(datetime.date(2026, 3, 15)) == 0


def test_without_a_coordinator_the_admins_are_told(burgerbaner, admin_user):
    assert send_checkin_reminders(TODAY) == 1
    assert mail.outbox[0].to == [admin_user.email]


def test_the_months_are_a_setting(settings, burgerbaner, coordinator):
    settings.CHECKIN_REMINDER_MONTHS = 6
    assert send_checkin_reminders(TODAY) == 0
    assert send_checkin_reminders(datetime.date(2026, 7, 2)) == 1


def test_the_daily_command_sends_them(burgerbaner, coordinator, capsys):
    call_command("send_checkin_reminders")
    assert "reminder(s) sent" in capsys.readouterr().out


def test_the_coordinator_dashboard_lists_who_needs_a_conversation(
    client, burgerbaner, coordinator, time_machine=None
):
    log_in(client, coordinator)
    page = client.get("/coordinator/").text
    assert "Tijd voor een gesprek" in page
    assert burgerbaner.legal_name in page
