"""Under 27 on bijstand: the admin making the allowance agreement is told and confirms the
person was informed; the burgerbaner's dashboard says what it means and whom to tell."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Benefit
from agreements.models import AllowanceAgreement
from tests.factories import BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def allowance_data(**overrides):
    data = {
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "hourly_rate": "5.60",
        "hourly_rate_from_21": "",
        "iban": "NL91 ABNA 0417 1643 00",
        "sponsor": "",
    }
    data.update(overrides)
    return data


def person(born, benefit=Benefit.SOCIAL_ASSISTANCE):
    return BurgerbanerFactory(date_of_birth=born, benefit=benefit, legal_name="Sem Jansen")


def years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=30)


def test_the_admin_is_told_and_must_confirm_before_the_agreement_is_made(
    client, admin_user, rules_2026
):
    young = person(datetime.date(2002, 3, 1))  # 23 in 2026
    log_in(client, admin_user)
    url = reverse("agreement_create", args=["vergoeding", young.pk])
    form = client.get(url)
    assert "jonger dan 27 en krijgt bijstand" in form.text
    refused = client.post(url, allowance_data())
    assert refused.status_code == 200
    assert "Sem Jansen is jonger dan 27 en krijgt bijstand" in str(
        refused.context["form"].errors["bijstand_informed"]
    )
    assert not AllowanceAgreement.objects.filter(burgerbaner=young).exists()

    client.post(url, allowance_data(bijstand_informed="on"))
    agreement = AllowanceAgreement.objects.get(burgerbaner=young)
    assert agreement.bijstand_informed_by == admin_user
    assert agreement.bijstand_informed_at is not None
    assert agreement.history.first().bijstand_informed_by == admin_user


@pytest.mark.parametrize(
    ("born", "benefit"),
    [
        (datetime.date(1990, 3, 1), Benefit.SOCIAL_ASSISTANCE),  # 27 or older
        (datetime.date(2002, 3, 1), Benefit.UNEMPLOYMENT),
        (datetime.date(2002, 3, 1), Benefit.UNKNOWN),
    ],
)
def test_nobody_else_is_asked(client, admin_user, rules_2026, born, benefit):
    other = person(born, benefit)
    log_in(client, admin_user)
    url = reverse("agreement_create", args=["vergoeding", other.pk])
    assert "krijgt bijstand" not in client.get(url).text
    client.post(url, allowance_data())
    agreement = AllowanceAgreement.objects.get(burgerbaner=other)
    assert agreement.bijstand_informed_by is None


def test_the_dashboard_says_what_it_means_and_whom_to_tell(client):
    young = person(years_ago(24))
    log_in(client, young.user)
    page = client.get(reverse("burgerbaner_dashboard")).text
    assert "Je krijgt bijstand en je bent jonger dan 27" in page
    assert "De rest gaat van je bijstand af" in page
    assert "klantmanager bij de gemeente Almere" in page
    assert reverse("benefit_overview") in page


def test_at_27_the_dashboard_says_nothing_about_it(client):
    older = person(years_ago(27))
    log_in(client, older.user)
    page = client.get(reverse("burgerbaner_dashboard")).text
    assert "jonger dan 27" not in page
    assert reverse("benefit_overview") in page  # the overview is for every benefit


def test_the_agreement_text_no_longer_promises_no_effect_on_a_benefit(draft_allowance, admin_user):
    text = str(draft_allowance.render_document())
    assert "gevolgen voor een uitkering of toeslag." not in text
    assert "Zo voorkomen we belasting en gevolgen" not in text
    assert "Een uitkering of toeslag kan wél gevolgen hebben" in text
