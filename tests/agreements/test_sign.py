import hashlib

import pytest
from django.core import mail
from django.urls import reverse

from agreements import services
from agreements.models import AgreementStatus, Signature

pytestmark = pytest.mark.django_db


def sign_url(agreement):
    return reverse("agreement_sign", args=[agreement.kind_slug, agreement.pk])


def test_sending_fixes_the_text_and_emails_both_parties(
    client, admin_user, draft_volunteer, coordinator
):
    client.force_login(admin_user)
    client.post(reverse("agreement_send", args=["vrijwilliger", draft_volunteer.pk]))
    draft_volunteer.refresh_from_db()
    assert draft_volunteer.status == AgreementStatus.AWAITING_SIGNATURES
    assert "Koffie schenken in de buurtkamer." in draft_volunteer.document_html
    assert (
        hashlib.sha256(draft_volunteer.document_html.encode()).hexdigest()
        == draft_volunteer.document_sha256
    )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([draft_volunteer.burgerbaner.user.email, coordinator.email])
    assert draft_volunteer.get_absolute_url() in mail.outbox[0].body


def test_burgerbaner_then_coordinator_sign_and_the_agreement_becomes_active(
    client, awaiting_volunteer, burgerbaner, coordinator
):
    client.force_login(burgerbaner.user)
    client.post(sign_url(awaiting_volunteer), {"agree": "on"}, REMOTE_ADDR="192.0.2.7")
    awaiting_volunteer.refresh_from_db()
    assert awaiting_volunteer.status == AgreementStatus.AWAITING_SIGNATURES

    client.force_login(coordinator)
    client.post(sign_url(awaiting_volunteer), {"agree": "on"})
    awaiting_volunteer.refresh_from_db()
    assert awaiting_volunteer.status == AgreementStatus.ACTIVE

    first, second = awaiting_volunteer.signatures.all()
    assert (first.party, first.signed_by, first.ip_address) == (
        Signature.Party.BURGERBANER,
        burgerbaner.user,
        "192.0.2.7",
    )
    assert (second.party, second.signed_by) == (Signature.Party.ORGANISATION, coordinator)
    assert first.document_sha256 == second.document_sha256 == awaiting_volunteer.document_sha256


def test_signer_signs_allowance_agreement(client, awaiting_allowance, burgerbaner, signer):
    services.sign_agreement(awaiting_allowance, by=burgerbaner.user, ip_address=None)
    client.force_login(signer)
    client.post(sign_url(awaiting_allowance), {"agree": "on"})
    awaiting_allowance.refresh_from_db()
    assert awaiting_allowance.status == AgreementStatus.ACTIVE


def test_double_click_gives_one_signature(client, awaiting_volunteer, burgerbaner):
    client.force_login(burgerbaner.user)
    client.post(sign_url(awaiting_volunteer), {"agree": "on"})
    response = client.post(sign_url(awaiting_volunteer), {"agree": "on"}, follow=True)
    assert "is al getekend" in response.text
    assert awaiting_volunteer.signatures.count() == 1


def test_signing_needs_the_tick(client, awaiting_volunteer, burgerbaner):
    client.force_login(burgerbaner.user)
    response = client.post(sign_url(awaiting_volunteer), {}, follow=True)
    assert "Zet een vinkje als je akkoord gaat" in response.text
    assert not awaiting_volunteer.signatures.exists()


@pytest.mark.parametrize("role", ["other_coordinator", "other_burgerbaner", "treasurer"])
def test_outsiders_cannot_sign_a_volunteer_agreement(client, people, awaiting_volunteer, role):
    client.force_login(people[role])
    response = client.post(sign_url(awaiting_volunteer), {"agree": "on"})
    assert response.status_code == 403
    assert not awaiting_volunteer.signatures.exists()


@pytest.mark.parametrize("role", ["coordinator", "treasurer", "admin"])
def test_only_a_safe_almere_signer_signs_for_the_foundation(
    client, people, awaiting_allowance, role
):
    client.force_login(people[role])
    assert client.post(sign_url(awaiting_allowance), {"agree": "on"}).status_code == 403
    assert not awaiting_allowance.signatures.exists()


def test_a_signer_signs_their_own_allowance_agreement_only_as_burgerbaner(
    awaiting_allowance, burgerbaner
):
    from accounts.models import Role
    from accounts.services import grant_role

    grant_role(burgerbaner.user, Role.Kind.SIGNER)
    services.sign_agreement(awaiting_allowance, by=burgerbaner.user, ip_address=None)
    with pytest.raises(services.AlreadySigned):
        services.sign_agreement(awaiting_allowance, by=burgerbaner.user, ip_address=None)
    assert awaiting_allowance.signatures.get().party == Signature.Party.BURGERBANER


def test_a_draft_cannot_be_signed(client, draft_volunteer, burgerbaner):
    client.force_login(burgerbaner.user)
    response = client.post(sign_url(draft_volunteer), {"agree": "on"}, follow=True)
    assert "wacht niet op een handtekening" in response.text
    assert not draft_volunteer.signatures.exists()


def test_signer_sees_what_waits_for_them(client, awaiting_allowance, awaiting_volunteer, signer):
    client.force_login(signer)
    response = client.get(reverse("agreement_list"))
    assert response.context["to_sign"] == [awaiting_allowance]


def test_coordinator_sees_what_waits_for_them(
    client, awaiting_allowance, awaiting_volunteer, coordinator, other_coordinator
):
    client.force_login(coordinator)
    assert client.get(reverse("agreement_list")).context["to_sign"] == [awaiting_volunteer]
    client.force_login(other_coordinator)
    assert client.get(reverse("agreement_list")).context["to_sign"] == []


def test_agreement_list_queries_do_not_grow(
    client, admin_user, rules_2026, django_assert_max_num_queries
):
    from tests.factories import AllowanceAgreementFactory, VolunteerAgreementFactory

    client.force_login(admin_user)
    VolunteerAgreementFactory()
    AllowanceAgreementFactory()
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("agreement_list"))
    VolunteerAgreementFactory.create_batch(15)
    AllowanceAgreementFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("agreement_list"))
