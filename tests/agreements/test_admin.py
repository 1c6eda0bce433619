import pytest
from django.urls import reverse

from agreements import services

pytestmark = pytest.mark.django_db


def test_signed_agreement_cannot_be_changed_in_django_admin(
    client, admin_user, awaiting_volunteer, burgerbaner
):
    services.sign_agreement(awaiting_volunteer, by=burgerbaner.user, ip_address=None)
    client.force_login(admin_user)
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


def test_admin_edits_year_rules(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:rules_yearrules_changelist"))
    assert response.status_code == 200
    assert "2025" in response.text
