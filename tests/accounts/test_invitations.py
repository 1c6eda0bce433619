import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Role, User
from tests.factories import PASSWORD
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mijn-eigen-wachtwoord-2026"


def invite(client, admin_user, **overrides):
    data = {"name": "Linda Smit", "email": "linda@example.org", "kind": "treasurer"}
    data.update(overrides)
    log_in(client, admin_user)
    return client.post(reverse("staff_invite"), data)


def link_in_last_mail() -> str:
    return re.search(r"http://testserver(/uitnodiging/[^/\s]+/)", mail.outbox[-1].body).group(1)


def test_admin_invites_coordinator_into_organisation(client, admin_user, nonprofit):
    response = invite(client, admin_user, kind="coordinator", organisation=nonprofit.pk)
    assert response.status_code == 302
    user = User.objects.get(email="linda@example.org")
    assert list(user.roles.values_list("kind", "organisation")) == [("coordinator", nonprofit.pk)]
    assert "Kies je wachtwoord via deze link" in mail.outbox[0].body


def test_coordinator_invitation_needs_an_organisation(client, admin_user):
    response = invite(client, admin_user, kind="coordinator")
    assert "Kies de maatschappelijke organisatie van de coördinator." in response.text
    assert not User.objects.filter(email="linda@example.org").exists()


def test_duplicate_email_is_refused(client, admin_user, coordinator):
    response = invite(client, admin_user, email=coordinator.email)
    assert "Er is al iemand met dit e-mailadres" in response.text
    assert mail.outbox == []


def test_invited_person_sets_password_then_logs_in(client, admin_user):
    invite(client, admin_user, kind="coordinator", organisation="")
    invite(client, admin_user, email="karel@example.org", name="Karel Jansen", kind="signer")
    link = link_in_last_mail()
    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == reverse("account_login")
    user = User.objects.get(email="karel@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified
    response = client.post("/accounts/login/", {"login": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_invitation_works_only_once(client, admin_user):
    invite(client, admin_user)
    link = link_in_last_mail()
    client.logout()
    client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = client.post(
        link, {"password1": "nog-een-wachtwoord-1", "password2": "nog-een-wachtwoord-1"}
    )
    assert response.status_code == 410
    assert "Deze uitnodiging werkt niet meer" in response.text
    assert User.objects.get(email="linda@example.org").check_password(NEW_PASSWORD)


def test_expired_invitation_is_refused(client, admin_user):
    invite(client, admin_user)
    link = link_in_last_mail()
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.logout()
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 410
    assert not User.objects.get(email="linda@example.org").has_usable_password()


def test_resending_replaces_the_old_link(client, admin_user):
    invite(client, admin_user)
    old_link = link_in_last_mail()
    user = User.objects.get(email="linda@example.org")
    client.post(reverse("invitation_resend", args=[user.pk]))
    new_link = link_in_last_mail()
    assert new_link != old_link
    client.logout()
    assert client.get(old_link).status_code == 410
    assert client.get(new_link).status_code == 200


def test_unknown_token_is_refused(client, db):
    response = client.get("/uitnodiging/verzonnen-token/")
    assert response.status_code == 410


def test_weak_or_different_passwords_are_refused(client, admin_user):
    invite(client, admin_user)
    link = link_in_last_mail()
    client.logout()
    response = client.post(link, {"password1": "12345", "password2": "12345"})
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort" in response.text
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})
    assert "De twee wachtwoorden zijn niet gelijk." in response.text
    assert not User.objects.get(email="linda@example.org").has_usable_password()


def test_invited_admin_gets_django_admin_access(client, admin_user):
    invite(client, admin_user, email="nieuw-admin@example.org", kind="admin")
    user = User.objects.get(email="nieuw-admin@example.org")
    assert user.is_staff and user.is_superuser
    assert user.roles.get().kind == Role.Kind.ADMIN


def test_resend_is_refused_once_password_is_set(client, admin_user, coordinator):
    log_in(client, admin_user)
    response = client.post(reverse("invitation_resend", args=[coordinator.pk]), follow=True)
    assert "heeft al een wachtwoord" in response.text
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["coordinator", "signer", "treasurer", "burgerbaner"])
def test_only_admins_may_invite(client, people, role):
    log_in(client, people[role])
    response = client.post(
        reverse("staff_invite"), {"name": "X", "email": "x@example.org", "kind": "admin"}
    )
    assert response.status_code == 403
    assert not User.objects.filter(email="x@example.org").exists()


def test_known_password_still_works_for_existing_people(client, burgerbaner):
    response = client.post(
        "/accounts/login/", {"login": burgerbaner.user.email, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_an_unknown_link_changes_nothing_for_who_is_logged_in(client, coordinator):
    log_in(client, coordinator)
    response = client.get("/uitnodiging/verzonnen-token/")
    assert response.status_code == 410
    assert "Deze uitnodiging werkt niet meer" in response.text
    assert client.session["_auth_user_id"] == str(coordinator.pk)
    response = client.post("/uitnodiging/verzonnen-token/", {"uitloggen": "ja"})
    assert response.status_code == 410
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_a_valid_link_asks_who_is_logged_in_to_log_out_first(client, admin_user, coordinator):
    invite(client, admin_user)
    link = link_in_last_mail()
    log_in(client, coordinator)

    response = client.get(link)
    assert response.status_code == 200
    assert "Log eerst uit" in response.text
    assert client.session["_auth_user_id"] == str(coordinator.pk)

    # A password sent while someone else is logged in is not taken.
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert "Log eerst uit" in response.text
    assert client.session["_auth_user_id"] == str(coordinator.pk)
    assert not User.objects.get(email="linda@example.org").has_usable_password()

    response = client.post(link, {"uitloggen": "ja"})
    assert response["Location"] == link
    assert "_auth_user_id" not in client.session
    response = client.get(link)
    assert "Kies een wachtwoord" in response.text
