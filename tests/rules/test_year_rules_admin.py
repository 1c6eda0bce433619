"""Changes to the yearly maxima in Django's admin are recorded and announced."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role
from tests.factories import user_with_role, year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_a_changed_maximum_is_recorded_and_announced_to_the_other_admins(client, admin_user):
    other = user_with_role(Role.Kind.ADMIN, email="ruud@example.org")
    rules = year_rules(2031)
    log_in(client, admin_user)
    mail.outbox.clear()
    url = reverse("admin:rules_yearrules_change", args=[rules.pk])
    response = client.post(
        url,
        {
            "year": "2031",
            "annual_maximum": "2200.00",
            "monthly_maximum": "210.00",
            "hourly_maximum": "5.60",
            "hourly_maximum_under_21": "3.30",
            "source": "Belastingdienst",
        },
    )
    assert response.status_code == 302
    rules.refresh_from_db()
    assert rules.annual_maximum == Decimal("2200.00")
    assert rules.history.first().history_user == admin_user
    [message] = [m for m in mail.outbox if m.to == [other.email]]
    assert "2031" in message.subject
    assert "2100" in message.body and "2200" in message.body
    assert admin_user.name in message.body
    assert not [m for m in mail.outbox if m.to == [admin_user.email]]


def test_deleted_year_rules_are_announced(client, admin_user):
    user_with_role(Role.Kind.ADMIN, email="ruud@example.org")
    rules = year_rules(2031)
    log_in(client, admin_user)
    mail.outbox.clear()
    client.post(reverse("admin:rules_yearrules_delete", args=[rules.pk]), {"post": "yes"})
    [message] = mail.outbox
    assert "2031" in message.subject and message.to == ["ruud@example.org"]
