"""Who moves money or signs, and from which account: every change is recorded and
e-mailed to the other admins, with who made it and when."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Organisation, Role, User
from tests.factories import OrganisationFactory, UserFactory, user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_admin(db):
    return user_with_role(Role.Kind.ADMIN, name="Ruud Koster", email="ruud@example.org")


def announcements(to: str) -> list:
    return [m for m in mail.outbox if m.to == [to] and "Burgerbaan" in m.subject]


def test_inviting_a_treasurer_is_recorded_and_announced_to_the_other_admins(
    client, other_admin, admin_user
):
    mail.outbox.clear()
    log_in(client, admin_user)
    client.post(
        reverse("staff_invite"),
        {"name": "Karel Jansen", "email": "karel@example.org", "kind": "treasurer"},
    )
    role = Role.objects.get(user__email="karel@example.org")
    assert role.history.get().history_user == admin_user
    [message] = announcements("ruud@example.org")
    assert "Karel Jansen" in message.subject
    assert "penningmeester" in message.subject
    assert "Sanne Visser" in message.body  # who
    assert "Wanneer:" in message.body
    assert not announcements(admin_user.email)  # who did it knows


def test_inviting_a_coordinator_is_not_announced(client, other_admin, admin_user, nonprofit):
    mail.outbox.clear()
    log_in(client, admin_user)
    client.post(
        reverse("staff_invite"),
        {
            "name": "Linda Smit",
            "email": "linda@example.org",
            "kind": "coordinator",
            "organisation": nonprofit.pk,
        },
    )
    assert mail.outbox[0].to == ["linda@example.org"]  # the invitation only
    assert not announcements("ruud@example.org")


def user_form(user, **changes) -> dict:
    data = {
        "email": user.email,
        "name": user.name,
        "is_active": "on",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def new_role(user, kind: str, organisation: Organisation | None = None) -> dict:
    return {
        "roles-TOTAL_FORMS": "1",
        "roles-0-id": "",
        "roles-0-user": str(user.pk),
        "roles-0-kind": kind,
        "roles-0-organisation": str(organisation.pk) if organisation else "",
    }


def test_an_admin_role_given_in_django_admin_is_announced_and_opens_the_admin(
    client, other_admin, admin_user
):
    person = UserFactory(name="Bram de Boer")
    log_in(client, admin_user)
    mail.outbox.clear()
    url = reverse("admin:accounts_user_change", args=[person.pk])
    response = client.post(url, user_form(person, **new_role(person, "admin")))
    assert response.status_code == 302, response.context["errors"]
    role = Role.objects.get(user=person)
    assert role.kind == Role.Kind.ADMIN
    assert role.history.get().history_user == admin_user
    person.refresh_from_db()
    assert person.is_staff and person.is_superuser
    [message] = announcements("ruud@example.org")
    assert "Bram de Boer" in message.subject and "beheerder" in message.subject
    assert admin_user.name in message.body


def test_a_role_given_in_django_admin_follows_the_same_rules(client, admin_user, foundation):
    person = UserFactory()
    log_in(client, admin_user)
    url = reverse("admin:accounts_user_change", args=[person.pk])
    response = client.post(url, user_form(person, **new_role(person, "coordinator", foundation)))
    assert response.status_code == 200
    assert "Kies de maatschappelijke organisatie van de coördinator." in response.text
    response = client.post(url, user_form(person, **new_role(person, "signer", foundation)))
    assert response.status_code == 200
    assert "verwijzer of sponsor hoort bij een organisatie." in response.text
    assert not Role.objects.filter(user=person).exists()


def test_a_role_is_not_changed_in_place_in_django_admin(client, admin_user, nonprofit):
    coordinator = user_with_role(Role.Kind.COORDINATOR, nonprofit)
    role = coordinator.roles.get()
    log_in(client, admin_user)
    url = reverse("admin:accounts_user_change", args=[coordinator.pk])
    data = user_form(
        coordinator,
        **{
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "1",
            "roles-0-id": str(role.pk),
            "roles-0-user": str(coordinator.pk),
            "roles-0-kind": "treasurer",
            "roles-0-organisation": "",
        },
    )
    client.post(url, data)
    assert coordinator.roles.get().kind == Role.Kind.COORDINATOR


def test_access_to_django_admin_given_in_django_admin_is_announced(client, other_admin, admin_user):
    person = UserFactory(name="Bram de Boer")
    log_in(client, admin_user)
    mail.outbox.clear()
    url = reverse("admin:accounts_user_change", args=[person.pk])
    response = client.post(url, user_form(person, is_staff="on", is_superuser="on"))
    assert response.status_code == 302
    [message] = announcements("ruud@example.org")
    assert "Bram de Boer" in message.subject and "Django-beheer" in message.subject


def organisation_form(organisation, **changes) -> dict:
    data = {
        "kind": organisation.kind,
        "name": organisation.name,
        "kvk_number": organisation.kvk_number,
        "rsin": organisation.rsin,
        "address": organisation.address,
        "contact_name": organisation.contact_name,
        "contact_email": organisation.contact_email,
        "contact_phone": organisation.contact_phone,
        "iban": organisation.iban,
        "bic": organisation.bic,
    }
    data.update(changes)
    return data


def test_a_new_iban_of_safe_almere_is_recorded_and_announced(
    client, other_admin, admin_user, foundation
):
    log_in(client, admin_user)
    mail.outbox.clear()
    url = reverse("admin:accounts_organisation_change", args=[foundation.pk])
    response = client.post(
        url, organisation_form(foundation, iban="NL66 ASNB 0707 0707 07", bic="ASNBNL21")
    )
    assert response.status_code == 302
    foundation.refresh_from_db()
    assert foundation.iban == "NL66ASNB0707070707"
    assert foundation.history.first().history_user == admin_user
    [message] = announcements("ruud@example.org")
    assert "Stichting Safe Almere" in message.subject
    assert "NL20INGB0001234567" in message.body and "NL66ASNB0707070707" in message.body
    assert admin_user.name in message.body


def test_making_another_organisation_the_foundation_is_announced(
    client, other_admin, admin_user, foundation
):
    other = OrganisationFactory(name="Aaa Stichting", iban="NL91ABNA0417164300")
    log_in(client, admin_user)
    mail.outbox.clear()
    url = reverse("admin:accounts_organisation_change", args=[other.pk])
    client.post(url, organisation_form(other, kind="foundation"))
    [message] = announcements("ruud@example.org")
    assert "Aaa Stichting" in message.subject


def test_other_changes_to_an_organisation_are_not_announced(
    client, other_admin, admin_user, nonprofit, foundation
):
    log_in(client, admin_user)
    mail.outbox.clear()
    for organisation in (nonprofit, foundation):
        url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
        client.post(url, organisation_form(organisation, contact_name="Nieuwe contactpersoon"))
        organisation.refresh_from_db()
        assert organisation.contact_name == "Nieuwe contactpersoon"
    client.post(
        reverse("admin:accounts_organisation_change", args=[nonprofit.pk]),
        organisation_form(nonprofit, iban="NL91ABNA0417164300"),
    )
    assert not announcements("ruud@example.org")


def test_an_import_never_makes_or_unmakes_the_foundation(db, foundation):
    import tablib

    from accounts.admin import OrganisationResource

    rows = "name,kind\nAaa Stichting,foundation\n"
    result = OrganisationResource().import_data(tablib.Dataset().load(rows, "csv"))
    assert result.has_errors() or result.has_validation_errors()
    rows = "name,kind\nStichting Safe Almere,nonprofit\n"
    result = OrganisationResource().import_data(tablib.Dataset().load(rows, "csv"))
    assert result.has_errors() or result.has_validation_errors()
    assert list(Organisation.objects.filter(kind="foundation")) == [foundation]


def test_nobody_else_to_tell_sends_nothing(client, admin_user):
    mail.outbox.clear()
    log_in(client, admin_user)
    client.post(
        reverse("staff_invite"),
        {"name": "Karel Jansen", "email": "karel@example.org", "kind": "signer"},
    )
    assert [m.to for m in mail.outbox] == [["karel@example.org"]]
    assert User.objects.filter(roles__kind="signer").count() == 1
