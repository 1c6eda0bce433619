"""The rates of an allowance agreement: positive, a rate from 21 when someone turns 21,
and never two allowance agreements in force on the same day."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from agreements import services
from agreements.errors import AgreementError
from agreements.models import AgreementStatus, AllowanceAgreement, Signature
from payments import cap
from tests.conftest import YEAR
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

TURNS_21 = datetime.date(2005, 6, 15)  # 21 on 15 June 2026


def allowance_data(**overrides):
    data = {
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "hourly_rate": "3.30",
        "hourly_rate_from_21": "",
        "iban": "NL91 ABNA 0417 1643 00",
        "sponsor": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("rate", ["0", "0.00", "-1.00"])
def test_a_rate_from_21_of_zero_or_below_is_refused_at_the_field(
    client, admin_user, rules_2026, rate
):
    person = BurgerbanerFactory(date_of_birth=TURNS_21)
    log_in(client, admin_user)
    response = client.post(
        reverse("agreement_create", args=["vergoeding", person.pk]),
        allowance_data(hourly_rate_from_21=rate),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hourly_rate_from_21"] == [
        "De vergoeding per uur vanaf 21 jaar moet meer dan € 0,00 zijn."
    ]
    assert not AllowanceAgreement.objects.filter(burgerbaner=person).exists()


def test_the_database_refuses_a_rate_of_zero_or_below_on_any_path(rules_2026):
    agreement = AllowanceAgreementFactory(status=AgreementStatus.DRAFT)
    for change in ({"hourly_rate": Decimal("0")}, {"hourly_rate_from_21": Decimal("-1.00")}):
        with pytest.raises(IntegrityError), transaction.atomic():
            AllowanceAgreement.objects.filter(pk=agreement.pk).update(**change)


def test_turning_21_without_a_rate_from_21_is_flagged_when_made_and_on_the_dashboard(
    client, admin_user, rules_2026
):
    person = BurgerbanerFactory(date_of_birth=TURNS_21, legal_name="Noor Bakker")
    log_in(client, admin_user)
    response = client.post(
        reverse("agreement_create", args=["vergoeding", person.pk]), allowance_data(), follow=True
    )
    assert "Noor Bakker wordt 21 op 15 juni 2026, tijdens deze overeenkomst" in response.text
    dashboard = client.get(reverse("admin_dashboard"))
    assert "Wordt 21 zonder bedrag vanaf 21 jaar" in dashboard.text
    assert "Noor Bakker" in dashboard.text


def test_with_a_rate_from_21_nothing_is_flagged(client, admin_user, rules_2026):
    person = BurgerbanerFactory(date_of_birth=TURNS_21, legal_name="Noor Bakker")
    log_in(client, admin_user)
    response = client.post(
        reverse("agreement_create", args=["vergoeding", person.pk]),
        allowance_data(hourly_rate_from_21="5.60"),
        follow=True,
    )
    assert "tijdens deze overeenkomst" not in response.text
    assert "Wordt 21 zonder bedrag" not in client.get(reverse("admin_dashboard")).text


# --- never two in force at once ------------------------------------------------------


def change(agreement, admin, **changes):
    terms = {k: v for k, v in agreement.terms().items() if k != "burgerbaner"}
    services.update_agreement(agreement, by=admin, **{**terms, **changes})


@pytest.fixture
def second_version_awaiting(burgerbaner, allowance, admin_user, signer):
    """Version 1 (€ 5,60, signed, active all year) and version 2 (€ 5,00) signed by the
    burgerbaner only."""
    for party, person in (
        (Signature.Party.BURGERBANER, burgerbaner.user),
        (Signature.Party.ORGANISATION, signer),
    ):
        Signature.objects.create(allowance_agreement=allowance, party=party, signed_by=person)
    second = services.new_version(allowance, by=admin_user)
    change(second, admin_user, hourly_rate=Decimal("5.00"))
    services.send_for_signature(second, by=admin_user, notify=False)
    second.refresh_from_db()
    services.sign_agreement(
        second, by=burgerbaner.user, ip_address=None, document_sha256=second.document_sha256
    )
    return second


def test_a_new_version_signed_after_the_old_one_ended_early_is_refused(
    second_version_awaiting, allowance, admin_user, signer
):
    services.end_agreement(
        allowance, on=datetime.date(YEAR, 6, 30), reason="Verhuisd", by=admin_user
    )
    with pytest.raises(AgreementError, match="mogen niet tegelijk lopen"):
        services.sign_agreement(
            second_version_awaiting,
            by=signer,
            ip_address=None,
            document_sha256=second_version_awaiting.document_sha256,
        )
    second_version_awaiting.refresh_from_db()
    assert second_version_awaiting.status == AgreementStatus.AWAITING_SIGNATURES
    assert not AllowanceAgreement.objects.in_force_on(datetime.date(YEAR, 7, 1)).exists()
    assert list(AllowanceAgreement.objects.in_force_on(datetime.date(YEAR, 6, 1))) == [allowance]


def test_the_old_rate_is_never_paid_in_parallel(
    second_version_awaiting, allowance, admin_user, signer, burgerbaner, countersigned
):
    services.end_agreement(
        allowance, on=datetime.date(YEAR, 6, 15), reason="Verhuisd", by=admin_user
    )
    with pytest.raises(AgreementError):
        services.sign_agreement(
            second_version_awaiting,
            by=signer,
            ip_address=None,
            document_sha256=second_version_awaiting.document_sha256,
        )
    countersigned(6, [10, 20])  # 5 h before the end at € 5,60; 5 h after it under nothing
    assert cap.overview(burgerbaner, YEAR, 6).signed(6) == Decimal("28.00")


def test_sending_a_new_version_that_overlaps_an_early_ended_one_is_refused(
    burgerbaner, allowance, admin_user, signer
):
    for party, person in (
        (Signature.Party.BURGERBANER, burgerbaner.user),
        (Signature.Party.ORGANISATION, signer),
    ):
        Signature.objects.create(allowance_agreement=allowance, party=party, signed_by=person)
    second = services.new_version(allowance, by=admin_user)
    services.end_agreement(
        allowance, on=datetime.date(YEAR, 6, 30), reason="Verhuisd", by=admin_user
    )
    with pytest.raises(AgreementError, match="mogen niet tegelijk lopen"):
        services.send_for_signature(second, by=admin_user, notify=False)
    change(second, admin_user, start_date=datetime.date(YEAR, 7, 1))
    services.send_for_signature(second, by=admin_user, notify=False)
