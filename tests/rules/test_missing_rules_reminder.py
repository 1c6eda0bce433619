"""From 1 November the admins see, on their dashboard and by e-mail, that next year's
maxima are missing; the e-mail job is safe to run again."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from rules.models import YearRules
from rules.reminders import send_missing_rules_reminders
from tests.factories import user_with_role, year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2031, 11, 1)


@pytest.fixture
def admins(admin_user):
    YearRules.objects.filter(year__gt=2031).delete()
    year_rules(2031)
    return [admin_user, user_with_role(Role.Kind.ADMIN, email="ruud@example.org")]


def test_each_admin_gets_one_mail_however_often_the_job_runs(admins):
    mail.outbox.clear()
    assert send_missing_rules_reminders(NOVEMBER) == 2
    assert send_missing_rules_reminders(NOVEMBER) == 0
    assert send_missing_rules_reminders(NOVEMBER + datetime.timedelta(days=3)) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in admins)
    message = mail.outbox[0]
    assert message.subject == "De jaarregels van 2032 ontbreken nog"
    assert "/admin/rules/yearrules/add/" in message.body


def test_a_week_later_they_are_reminded_again_until_the_rules_are_there(admins):
    send_missing_rules_reminders(NOVEMBER)
    mail.outbox.clear()
    assert send_missing_rules_reminders(NOVEMBER + datetime.timedelta(days=7)) == 2
    year_rules(2032)
    assert send_missing_rules_reminders(NOVEMBER + datetime.timedelta(days=14)) == 0


def test_before_november_nobody_is_reminded(admins):
    mail.outbox.clear()
    assert send_missing_rules_reminders(datetime.date(2031, 10, 31)) == 0
    assert not mail.outbox


@pytest.fixture
def on_2_november_2031(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2031, 11, 2))


def test_the_command_sends_them(admins, on_2_november_2031):
    mail.outbox.clear()
    call_command("send_rules_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    assert all(m.subject == "De jaarregels van 2032 ontbreken nog" for m in mail.outbox)


def test_the_admin_dashboard_shows_the_missing_year(client, admins, on_2_november_2031):
    admin_user = admins[0]
    log_in(client, admin_user)
    page = client.get(reverse("admin_dashboard")).text
    assert "De jaarregels van 2032 ontbreken nog" in page
    year_rules(2032)
    assert "ontbreken nog" not in client.get(reverse("admin_dashboard")).text
