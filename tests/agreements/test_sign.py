import hashlib
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from agreements import services
from agreements.errors import AgreementError, TextChanged
from agreements.models import AgreementStatus, AllowanceAgreement, Signature
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def sign_url(agreement):
    return reverse("agreement_sign", args=[agreement.kind_slug, agreement.pk])


def opened(client, user, agreement) -> dict:
    """Open the agreement as ``user`` and tick the box: what the sign form posts."""
    log_in(client, user)
    page = client.get(agreement.get_absolute_url())
    shown = re.search(r'name="document_sha256" value="([0-9a-f]{64})"', page.text)
    return {"agree": "on", "document_sha256": shown.group(1)}


def test_sending_fixes_the_text_and_emails_both_parties(
    client, admin_user, draft_volunteer, coordinator
):
    log_in(client, admin_user)
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
    form = opened(client, burgerbaner.user, awaiting_volunteer)
    client.post(sign_url(awaiting_volunteer), form, REMOTE_ADDR="192.0.2.7")
    awaiting_volunteer.refresh_from_db()
    assert awaiting_volunteer.status == AgreementStatus.AWAITING_SIGNATURES

    client.post(sign_url(awaiting_volunteer), opened(client, coordinator, awaiting_volunteer))
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
    services.sign_agreement(
        awaiting_allowance,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_allowance.document_sha256,
    )
    client.post(sign_url(awaiting_allowance), opened(client, signer, awaiting_allowance))
    awaiting_allowance.refresh_from_db()
    assert awaiting_allowance.status == AgreementStatus.ACTIVE


def test_double_click_gives_one_signature(client, awaiting_volunteer, burgerbaner):
    form = opened(client, burgerbaner.user, awaiting_volunteer)
    client.post(sign_url(awaiting_volunteer), form)
    response = client.post(sign_url(awaiting_volunteer), form, follow=True)
    assert "is al getekend" in response.text
    assert awaiting_volunteer.signatures.count() == 1


def test_signing_needs_the_tick(client, awaiting_volunteer, burgerbaner):
    form = opened(client, burgerbaner.user, awaiting_volunteer)
    response = client.post(sign_url(awaiting_volunteer), {**form, "agree": ""}, follow=True)
    assert "Zet een vinkje als je akkoord gaat" in response.text
    assert not awaiting_volunteer.signatures.exists()


@pytest.mark.parametrize("role", ["other_coordinator", "other_burgerbaner", "treasurer"])
def test_outsiders_cannot_sign_a_volunteer_agreement(client, people, awaiting_volunteer, role):
    log_in(client, people[role])
    response = client.post(sign_url(awaiting_volunteer), {"agree": "on"})
    assert response.status_code == 403
    assert not awaiting_volunteer.signatures.exists()


@pytest.mark.parametrize("role", ["coordinator", "treasurer", "admin"])
def test_only_a_safe_almere_signer_signs_for_the_foundation(
    client, people, awaiting_allowance, role
):
    log_in(client, people[role])
    assert client.post(sign_url(awaiting_allowance), {"agree": "on"}).status_code == 403
    assert not awaiting_allowance.signatures.exists()


def test_a_signer_signs_their_own_allowance_agreement_only_as_burgerbaner(
    awaiting_allowance, burgerbaner
):
    from accounts.models import Role
    from accounts.services import grant_role

    grant_role(burgerbaner.user, Role.Kind.SIGNER, by=None)
    services.sign_agreement(
        awaiting_allowance,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_allowance.document_sha256,
    )
    with pytest.raises(services.AlreadySigned):
        services.sign_agreement(
            awaiting_allowance,
            by=burgerbaner.user,
            ip_address=None,
            document_sha256=awaiting_allowance.document_sha256,
        )
    assert awaiting_allowance.signatures.get().party == Signature.Party.BURGERBANER


def test_a_draft_cannot_be_signed(client, draft_volunteer, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(
        sign_url(draft_volunteer), {"agree": "on", "document_sha256": ""}, follow=True
    )
    assert "wacht niet op een handtekening" in response.text
    assert not draft_volunteer.signatures.exists()


def test_signer_sees_what_waits_for_them(client, awaiting_allowance, awaiting_volunteer, signer):
    log_in(client, signer)
    response = client.get(reverse("agreement_list"))
    assert response.context["to_sign"] == [awaiting_allowance]


def test_coordinator_sees_what_waits_for_them(
    client, awaiting_allowance, awaiting_volunteer, coordinator, other_coordinator
):
    log_in(client, coordinator)
    assert client.get(reverse("agreement_list")).context["to_sign"] == [awaiting_volunteer]
    log_in(client, other_coordinator)
    assert client.get(reverse("agreement_list")).context["to_sign"] == []


def test_agreement_list_queries_do_not_grow(
    client, admin_user, rules_2026, django_assert_max_num_queries
):
    from tests.factories import AllowanceAgreementFactory, VolunteerAgreementFactory

    log_in(client, admin_user)
    VolunteerAgreementFactory()
    AllowanceAgreementFactory()
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("agreement_list"))
    VolunteerAgreementFactory.create_batch(15)
    AllowanceAgreementFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("agreement_list"))


# --- a signature is bound to the text the signer read ------------------------------------


def change_while_open(admin_user, agreement, **changes):
    """The admin changes the terms through the normal form's service: a new text is fixed."""
    return services.update_agreement(agreement, by=admin_user, **{**agreement.terms(), **changes})


@pytest.mark.parametrize(
    ("fixture", "signer_of", "changes", "new_text"),
    [
        ("awaiting_volunteer", "burgerbaner", {"place": "Stadhuisplein 1"}, "Stadhuisplein 1"),
        ("awaiting_volunteer", "coordinator", {"place": "Stadhuisplein 1"}, "Stadhuisplein 1"),
        (
            "awaiting_allowance",
            "burgerbaner",
            {"hourly_rate": Decimal("4.00"), "iban": "NL44RABO0123456789"},
            "NL44 RABO 0123 4567 89",
        ),
        (
            "awaiting_allowance",
            "signer",
            {"hourly_rate": Decimal("4.00"), "iban": "NL44RABO0123456789"},
            "NL44 RABO 0123 4567 89",
        ),
    ],
)
def test_a_text_changed_after_opening_is_not_signed_and_the_new_text_is_shown(
    client, people, admin_user, request, fixture, signer_of, changes, new_text
):
    agreement = request.getfixturevalue(fixture)
    form = opened(client, people[signer_of], agreement)
    changed = change_while_open(admin_user, agreement, **changes)
    assert changed.document_sha256 != form["document_sha256"]

    response = client.post(sign_url(agreement), form, follow=True)
    assert not agreement.signatures.exists()
    assert "De tekst van deze overeenkomst is veranderd nadat je hem opende" in response.text
    assert "Er is niets getekend" in response.text
    assert new_text in response.text
    assert changed.document_sha256 in response.text  # the form now carries the new text

    client.post(sign_url(agreement), opened(client, people[signer_of], agreement))
    assert agreement.signatures.get().document_sha256 == changed.document_sha256


def test_signing_without_the_fingerprint_of_the_text_signs_nothing(
    client, awaiting_volunteer, burgerbaner
):
    log_in(client, burgerbaner.user)
    response = client.post(sign_url(awaiting_volunteer), {"agree": "on"}, follow=True)
    assert "Er is niets getekend" in response.text
    assert not awaiting_volunteer.signatures.exists()


def test_the_service_refuses_a_fingerprint_of_another_text(awaiting_allowance, burgerbaner):
    with pytest.raises(TextChanged):
        services.sign_agreement(
            awaiting_allowance, by=burgerbaner.user, ip_address=None, document_sha256="0" * 64
        )
    assert not awaiting_allowance.signatures.exists()


def test_a_stored_text_that_does_not_match_its_fingerprint_is_not_signed(
    awaiting_allowance, burgerbaner
):
    AllowanceAgreement.objects.filter(pk=awaiting_allowance.pk).update(
        document_html=awaiting_allowance.document_html.replace("5,00", "50,00")
    )
    with pytest.raises(AgreementError, match="klopt niet met de vastgelegde versie"):
        services.sign_agreement(
            awaiting_allowance,
            by=burgerbaner.user,
            ip_address=None,
            document_sha256=awaiting_allowance.document_sha256,
        )
    assert not awaiting_allowance.signatures.exists()


def test_an_admin_who_also_signs_never_signs_the_allowance_agreement_they_made(
    client, awaiting_allowance, admin_user, signer
):
    from accounts.models import Role
    from accounts.services import grant_role

    grant_role(admin_user, Role.Kind.SIGNER, by=None)
    log_in(client, admin_user)
    page = client.get(awaiting_allowance.get_absolute_url())
    assert "Een andere ondertekenaar van Safe Almere tekent hem" in page.text
    assert 'name="document_sha256"' not in page.text
    posted = {"agree": "on", "document_sha256": awaiting_allowance.document_sha256}
    assert client.post(sign_url(awaiting_allowance), posted).status_code == 403
    assert not awaiting_allowance.signatures.exists()
    # Another signer of Safe Almere signs it.
    client.post(sign_url(awaiting_allowance), opened(client, signer, awaiting_allowance))
    assert awaiting_allowance.signatures.get().signed_by == signer


# Behind a proxy the client's address is the last one in X-Forwarded-For (the proxy
# adds it); anything before it the client may have written itself.
PROXIED = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.99, 203.0.113.5"}


def test_behind_a_proxy_the_signature_keeps_the_clients_address(
    client, settings, awaiting_volunteer, burgerbaner
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    form = opened(client, burgerbaner.user, awaiting_volunteer)
    client.post(sign_url(awaiting_volunteer), form, **PROXIED)
    assert Signature.objects.get().ip_address == "203.0.113.5"


def test_without_a_proxy_the_signature_ignores_forwarded_addresses(
    client, settings, awaiting_volunteer, burgerbaner
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    form = opened(client, burgerbaner.user, awaiting_volunteer)
    client.post(sign_url(awaiting_volunteer), form, **PROXIED)
    assert Signature.objects.get().ip_address == "10.0.0.2"


def test_a_signed_agreement_paid_by_a_sponsor_names_it_and_keeps_verifying(
    client, awaiting_allowance, burgerbaner, admin_user
):
    from sources.models import FundingSource

    sponsor = FundingSource.objects.create(name="Triade-Vitree", kind=FundingSource.Kind.COMPANY)
    services.update_agreement(
        awaiting_allowance, by=admin_user, **{**awaiting_allowance.terms(), "source": sponsor}
    )
    awaiting_allowance.refresh_from_db()
    assert "Het geld komt van Triade-Vitree." in awaiting_allowance.document_html
    log_in(client, burgerbaner.user)
    client.post(sign_url(awaiting_allowance), opened(client, burgerbaner.user, awaiting_allowance))
    signed = AllowanceAgreement.objects.get(pk=awaiting_allowance.pk)
    assert signed.is_locked
    assert signed.text_matches_fingerprint()
    assert str(signed.render_document()) == signed.document_html
