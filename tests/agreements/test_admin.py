from decimal import Decimal

import pytest
from django.urls import reverse

from agreements import services
from agreements.errors import AgreementLocked
from agreements.models import AllowanceAgreement, VolunteerAgreement
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def admin_url(agreement, view, *args):
    opts = agreement._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[agreement.pk, *args])


def test_signed_agreement_cannot_be_changed_in_django_admin(
    client, admin_user, awaiting_volunteer, burgerbaner
):
    services.sign_agreement(
        awaiting_volunteer,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_volunteer.document_sha256,
    )
    log_in(client, admin_user)
    url = reverse("admin:agreements_volunteeragreement_change", args=[awaiting_volunteer.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="work_description"' not in response.content  # shown read-only
    response = client.post(url, {"work_description": "Iets anders"})
    assert response.status_code == 403
    awaiting_volunteer.refresh_from_db()
    assert awaiting_volunteer.work_description == "Koffie schenken in de buurtkamer."
    delete = reverse("admin:agreements_volunteeragreement_delete", args=[awaiting_volunteer.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403


def test_admin_cannot_raise_the_rate_of_an_agreement_awaiting_signatures_in_django_admin(
    client, admin_user, awaiting_allowance
):
    log_in(client, admin_user)
    url = admin_url(awaiting_allowance, "change")
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="hourly_rate"' not in page.content  # shown, never as a field to fill in
    terms = {
        "burgerbaner": awaiting_allowance.burgerbaner_id,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "hourly_rate": "50.00",
        "iban": "NL91ABNA0417164300",
        "signatures-TOTAL_FORMS": "0",
        "signatures-INITIAL_FORMS": "0",
    }
    assert client.post(url, terms).status_code == 403
    stored = AllowanceAgreement.objects.get(pk=awaiting_allowance.pk)
    assert stored.hourly_rate == Decimal("5.00")
    assert stored.document_sha256 == awaiting_allowance.document_sha256


@pytest.mark.parametrize("fixture", ["draft_volunteer", "draft_allowance", "awaiting_allowance"])
def test_agreements_are_never_added_changed_or_deleted_in_django_admin(
    client, admin_user, request, fixture
):
    agreement = request.getfixturevalue(fixture)
    log_in(client, admin_user)
    opts = agreement._meta
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert client.get(add).status_code == 403
    assert client.post(admin_url(agreement, "change"), {}).status_code == 403
    assert client.post(admin_url(agreement, "delete"), {"post": "yes"}).status_code == 403
    assert type(agreement).objects.filter(pk=agreement.pk).exists()


def test_reverting_an_agreement_to_an_older_version_in_django_admin_changes_nothing(
    client, admin_user, awaiting_volunteer
):
    draft = awaiting_volunteer.history.order_by("history_date").first()
    log_in(client, admin_user)
    response = client.post(admin_url(awaiting_volunteer, "simple_history", draft.history_id), {})
    assert response.status_code == 403
    stored = VolunteerAgreement.objects.get(pk=awaiting_volunteer.pk)
    assert (stored.status, stored.document_sha256) == (
        awaiting_volunteer.status,
        awaiting_volunteer.document_sha256,
    )


def test_changed_terms_of_an_agreement_awaiting_signatures_are_never_saved_without_a_new_text(
    admin_user, awaiting_allowance
):
    awaiting_allowance.hourly_rate = Decimal("50.00")
    with pytest.raises(AgreementLocked):
        awaiting_allowance.save()  # a shell, a script, an admin form
    assert AllowanceAgreement.objects.get(pk=awaiting_allowance.pk).hourly_rate == Decimal("5.00")


def test_the_service_changes_terms_while_awaiting_and_fixes_the_new_text(
    admin_user, awaiting_allowance
):
    changed = services.update_agreement(
        awaiting_allowance,
        by=admin_user,
        **{**awaiting_allowance.terms(), "hourly_rate": Decimal("4.50")},
    )
    assert changed.hourly_rate == Decimal("4.50")
    assert "€\xa04,50 per uur" in changed.document_html
    assert changed.document_sha256 != awaiting_allowance.document_sha256


def test_admin_edits_year_rules(client, admin_user):
    log_in(client, admin_user)
    response = client.get(reverse("admin:rules_yearrules_changelist"))
    assert response.status_code == 200
    assert "2025" in response.text
