import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from agreements import services
from agreements.errors import AgreementError, AgreementLocked
from agreements.models import AgreementStatus, Signature, VolunteerAgreement
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def signed_by_both(agreement, burgerbaner, other):
    services.sign_agreement(
        agreement, by=burgerbaner.user, ip_address=None, document_sha256=agreement.document_sha256
    )
    services.sign_agreement(
        agreement, by=other, ip_address=None, document_sha256=agreement.document_sha256
    )
    agreement.refresh_from_db()
    return agreement


def test_draft_can_be_edited(client, admin_user, draft_volunteer, nonprofit, coordinator):
    log_in(client, admin_user)
    response = client.post(
        reverse("agreement_edit", args=["vrijwilliger", draft_volunteer.pk]),
        {
            "organisation": nonprofit.pk,
            "coordinator": coordinator.pk,
            "work_description": "Afwassen",
            "place": "",
            "hours_per_week": "4",
            "start_date": "2026-02-01",
            "end_date": "",
        },
    )
    assert response.status_code == 302
    draft_volunteer.refresh_from_db()
    assert draft_volunteer.work_description == "Afwassen"


def test_after_the_first_signature_the_terms_cannot_change_by_any_path(
    client, admin_user, awaiting_volunteer, burgerbaner
):
    services.sign_agreement(
        awaiting_volunteer,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_volunteer.document_sha256,
    )
    # the form
    log_in(client, admin_user)
    response = client.get(reverse("agreement_edit", args=["vrijwilliger", awaiting_volunteer.pk]))
    assert response.status_code == 302
    # the service
    with pytest.raises(AgreementLocked):
        services.update_agreement(
            awaiting_volunteer, by=admin_user, **{**awaiting_volunteer.terms(), "place": "X"}
        )
    # the model (admin, shell)
    awaiting_volunteer.hours_per_week = Decimal("40")
    with pytest.raises(AgreementLocked):
        awaiting_volunteer.save()
    with pytest.raises(AgreementLocked):
        awaiting_volunteer.delete()
    assert VolunteerAgreement.objects.get(pk=awaiting_volunteer.pk).hours_per_week == Decimal("6")


def test_signatures_are_never_changed_or_deleted(awaiting_volunteer, burgerbaner):
    signature = services.sign_agreement(
        awaiting_volunteer,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_volunteer.document_sha256,
    )
    signature.ip_address = "192.0.2.1"
    with pytest.raises(AgreementLocked):
        signature.save()
    with pytest.raises(AgreementLocked):
        signature.delete()
    assert Signature.objects.get().ip_address is None


def test_a_change_is_a_new_version_signed_again_and_the_old_one_stays(
    client, admin_user, awaiting_allowance, burgerbaner, signer
):
    old = signed_by_both(awaiting_allowance, burgerbaner, signer)
    log_in(client, admin_user)
    client.post(reverse("agreement_new_version", args=["vergoeding", old.pk]))
    new = old.next_version
    assert (new.version, new.status, new.supersedes) == (2, AgreementStatus.DRAFT, old)

    services.update_agreement(
        new,
        by=admin_user,
        **{**new.terms(), "start_date": datetime.date(2026, 7, 1), "hourly_rate": Decimal("5.50")},
    )
    new = services.send_for_signature(new, by=admin_user, notify=False)
    new = signed_by_both(new, burgerbaner, signer)
    old.refresh_from_db()
    assert new.status == AgreementStatus.ACTIVE
    assert old.status == AgreementStatus.ENDED
    assert old.ended_on == datetime.date(2026, 6, 30)
    assert old.hourly_rate == Decimal("5.00")
    assert old.signatures.count() == 2
    assert [v.version for v in new.all_versions()] == [1, 2]


def test_new_version_of_unsigned_agreement_is_refused(admin_user, draft_volunteer):
    with pytest.raises(AgreementError, match="gewoon wijzigen"):
        services.new_version(draft_volunteer, by=admin_user)


def test_admin_ends_an_agreement_early_with_reason(
    client, admin_user, awaiting_volunteer, burgerbaner, coordinator
):
    agreement = signed_by_both(awaiting_volunteer, burgerbaner, coordinator)
    url = reverse("agreement_end", args=["vrijwilliger", agreement.pk])
    log_in(client, admin_user)
    response = client.post(url, {"ended_on": "2026-01-01", "reason": "Verhuisd"})
    assert "kan niet stoppen vóór de startdatum" in response.text
    response = client.post(url, {"ended_on": "2026-05-31", "reason": ""})
    assert "Dit veld is verplicht." in response.text
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE

    client.post(url, {"ended_on": "2026-05-31", "reason": "Verhuisd naar Lelystad"})
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ENDED
    assert agreement.end_reason == "Verhuisd naar Lelystad"
    assert agreement.is_in_force_on(datetime.date(2026, 5, 31))
    assert not agreement.is_in_force_on(datetime.date(2026, 6, 1))
    assert not VolunteerAgreement.objects.in_force_on(datetime.date(2026, 6, 1)).filter(
        pk=agreement.pk
    )


def test_illegal_transition_is_refused(draft_volunteer, admin_user):
    with pytest.raises(AgreementError):
        services.end_agreement(
            draft_volunteer, on=datetime.date(2026, 3, 1), reason="x", by=admin_user
        )
    draft_volunteer.refresh_from_db()
    assert draft_volunteer.status == AgreementStatus.DRAFT


def test_history_shows_who_changed_the_status(
    client, admin_user, awaiting_volunteer, burgerbaner, coordinator
):
    signed_by_both(awaiting_volunteer, burgerbaner, coordinator)
    log_in(client, admin_user)
    response = client.get(awaiting_volunteer.get_absolute_url())
    assert "Versie 1 (deze)" in response.text
    statuses = [r.status for r in awaiting_volunteer.history.all()]
    assert statuses[0] == AgreementStatus.ACTIVE
    assert AgreementStatus.AWAITING_SIGNATURES in statuses


def test_burgerbaner_cannot_open_someone_elses_agreement(
    client, awaiting_volunteer, other_burgerbaner, other_coordinator
):
    for user in (other_burgerbaner.user, other_coordinator):
        log_in(client, user)
        assert client.get(awaiting_volunteer.get_absolute_url()).status_code == 403
        pdf = reverse("agreement_pdf", args=["vrijwilliger", awaiting_volunteer.pk])
        assert client.get(pdf).status_code == 403


def test_coordinator_cannot_see_allowance_agreements(client, awaiting_allowance, coordinator):
    log_in(client, coordinator)
    assert client.get(awaiting_allowance.get_absolute_url()).status_code == 403


def test_daily_job_ends_agreements_past_their_end_date(awaiting_allowance, burgerbaner, signer):
    agreement = signed_by_both(awaiting_allowance, burgerbaner, signer)
    services.close_finished_agreements(datetime.date(2026, 12, 31))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE
    assert services.close_finished_agreements(datetime.date(2027, 1, 1)) == 1
    assert services.close_finished_agreements(datetime.date(2027, 1, 1)) == 0
    agreement.refresh_from_db()
    assert (agreement.status, agreement.ended_on) == (AgreementStatus.ENDED, agreement.end_date)


def test_close_agreements_command_uses_today(burgerbaner):
    from django.core.management import call_command
    from django.utils import timezone

    from tests.factories import VolunteerAgreementFactory

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    finished = VolunteerAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=yesterday.replace(day=1) - datetime.timedelta(days=40),
        end_date=yesterday,
    )
    call_command("close_agreements")
    finished.refresh_from_db()
    assert finished.status == AgreementStatus.ENDED
