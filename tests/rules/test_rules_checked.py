"""The yearly maxima hold together when saved; once money of a year went out a change says why."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from burgerbaan.money import format_euro
from payments import services as payments
from rules.models import YearRules
from tests.conftest import YEAR
from tests.factories import user_with_role, year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def form_data(rules, **overrides):
    data = {
        "year": str(rules.year),
        "annual_maximum": str(rules.annual_maximum),
        "monthly_maximum": str(rules.monthly_maximum),
        "hourly_maximum": str(rules.hourly_maximum),
        "hourly_maximum_under_21": str(rules.hourly_maximum_under_21),
        "source": rules.source,
        "reason": "",
    }
    data.update(overrides)
    return data


def change_url(rules):
    return reverse("admin:rules_yearrules_change", args=[rules.pk])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"hourly_maximum_under_21": "6.00"},
            "uurmaximum onder 21 jaar kan niet hoger zijn dan het uurmaximum vanaf 21 jaar",
        ),
        ({"monthly_maximum": "2500.00"}, "maandmaximum kan niet hoger zijn dan het jaarmaximum"),
        ({"hourly_maximum": "0.00"}, "minstens 0.01"),
        ({"annual_maximum": "-1"}, "minstens 0.01"),
    ],
)
def test_figures_that_cannot_hold_together_are_refused_at_the_field(
    client, admin_user, overrides, message
):
    rules = year_rules(2031)
    log_in(client, admin_user)
    response = client.post(change_url(rules), form_data(rules, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert YearRules.objects.get(year=2031).hourly_maximum == Decimal("5.60")
    assert YearRules.objects.get(year=2031).monthly_maximum == Decimal("210.00")


@pytest.mark.parametrize(
    "change",
    [
        {"hourly_maximum_under_21": Decimal("6.00")},
        {"monthly_maximum": Decimal("3000.00")},
        {"hourly_maximum": Decimal("0.00")},
        {"annual_maximum": Decimal("-5.00")},
    ],
)
def test_the_database_refuses_such_figures_on_any_path(change):
    year_rules(2031)
    with pytest.raises(IntegrityError), transaction.atomic():
        YearRules.objects.filter(year=2031).update(**change)


@pytest.fixture
def year_with_a_payment(burgerbaner, countersigned, treasurer):
    countersigned(3, [3])
    payments.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    countersigned(4, list(range(1, 5)))  # 20 h × 5,60 = 112,00 waiting for approval
    return YearRules.objects.get(year=YEAR)


def test_a_change_after_a_payment_of_the_year_needs_a_reason(
    client, admin_user, year_with_a_payment
):
    rules = year_with_a_payment
    log_in(client, admin_user)
    response = client.post(change_url(rules), form_data(rules, monthly_maximum="100.00"))
    assert response.status_code == 200
    assert "Schrijf op waarom de jaarregels veranderen" in response.content.decode()
    rules.refresh_from_db()
    assert rules.monthly_maximum == Decimal("210.00")


def test_the_reason_is_kept_announced_and_every_open_proposal_is_worked_out_again(
    client, admin_user, year_with_a_payment
):
    other = user_with_role(Role.Kind.ADMIN, email="ruud@example.org")
    rules = year_with_a_payment
    log_in(client, admin_user)
    mail.outbox.clear()
    reason = "Rekenfout hersteld na controle van de Belastingdienst-pagina."
    response = client.post(
        change_url(rules), form_data(rules, monthly_maximum="100.00", reason=reason)
    )
    assert response.status_code == 302
    latest = rules.history.first()
    assert latest.monthly_maximum == Decimal("100.00")
    assert (latest.history_user, latest.history_change_reason) == (admin_user, reason)
    [message] = [m for m in mail.outbox if m.to == [other.email]]
    assert reason in message.body
    expected = "Fatima el Amrani, april 2025: voorstel {}, niet uitbetaald {}".format(
        format_euro(Decimal("100.00")), format_euro(Decimal("12.00"))
    )
    assert expected in message.body


def test_a_year_without_payments_changes_without_a_reason(client, admin_user):
    rules = year_rules(2031)
    log_in(client, admin_user)
    response = client.post(change_url(rules), form_data(rules, monthly_maximum="200.00"))
    assert response.status_code == 302
    assert YearRules.objects.get(year=2031).monthly_maximum == Decimal("200.00")


def test_the_rules_of_a_year_with_payments_cannot_be_deleted(
    client, admin_user, year_with_a_payment
):
    rules = year_with_a_payment
    log_in(client, admin_user)
    delete = reverse("admin:rules_yearrules_delete", args=[rules.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    bulk = client.post(
        reverse("admin:rules_yearrules_changelist"),
        {"action": "delete_selected", "_selected_action": [rules.pk], "post": "yes"},
    )
    assert bulk.status_code == 403
    assert YearRules.objects.filter(pk=rules.pk).exists()


def test_the_rules_of_a_year_without_payments_can_be_deleted(client, admin_user):
    rules = year_rules(YEAR + 3)
    log_in(client, admin_user)
    response = client.post(
        reverse("admin:rules_yearrules_delete", args=[rules.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not YearRules.objects.filter(pk=rules.pk).exists()
