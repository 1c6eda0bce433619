"""Burgerbaners are reminded, once a week, of next year's allowance agreement to sign."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from agreements import services
from agreements.renewal import renew_allowance_agreements, send_renewal_reminders
from tests.factories import AllowanceAgreementFactory, year_rules

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture
def renewed(admin_user, burgerbaner):
    year_rules(2026)
    year_rules(2027)
    running = AllowanceAgreementFactory(burgerbaner=burgerbaner)
    [new] = renew_allowance_agreements(2027, {running.pk: Decimal("5.00")}, by=admin_user)
    mail.outbox.clear()
    return new


def test_the_burgerbaner_gets_a_reminder_with_the_link(renewed, burgerbaner):
    assert send_renewal_reminders(MONDAY) == 1
    [message] = mail.outbox
    assert message.to == [burgerbaner.user.email]
    assert message.subject == "Teken je vergoedingsovereenkomst voor 2027"
    assert "1 januari 2027" in message.body
    assert renewed.get_absolute_url() in message.body


def test_running_again_in_the_same_week_sends_nothing_twice(renewed):
    assert send_renewal_reminders(MONDAY) == 1
    assert send_renewal_reminders(MONDAY) == 0
    assert send_renewal_reminders(MONDAY + datetime.timedelta(days=6)) == 0
    assert len(mail.outbox) == 1
    assert send_renewal_reminders(MONDAY + datetime.timedelta(days=7)) == 1


def test_no_reminder_once_the_burgerbaner_signed(renewed, burgerbaner):
    services.sign_agreement(
        renewed, by=burgerbaner.user, ip_address=None, document_sha256=renewed.document_sha256
    )
    assert send_renewal_reminders(MONDAY) == 0
    assert mail.outbox == []


def test_no_reminder_for_an_agreement_that_has_started(renewed):
    assert send_renewal_reminders(datetime.date(2027, 1, 1)) == 0


def test_the_command_says_how_many_went_out(renewed, capsys):
    call_command("send_renewal_reminders")
    assert "1 reminder(s) sent." in capsys.readouterr().out
