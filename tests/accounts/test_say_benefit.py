"""A burgerbaner says, and changes at any time, whether they receive a benefit;
only they, the treasurer and admins see it."""

import pytest
from django.urls import reverse

from accounts.models import Benefit
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def profile(**overrides):
    data = {
        "street": "Marktstraat 1",
        "postcode": "1311 AB",
        "city": "Almere",
        "phone": "06 12345678",
        "iban": "NL91ABNA0417164300",
        "personal_plan": "",
        "benefit": "bijstand",
    }
    data.update(overrides)
    return data


def test_a_burgerbaner_says_and_changes_their_benefit_with_history(client, burgerbaner):
    log_in(client, burgerbaner.user)
    page = client.get(reverse("profile_edit"))
    assert "Krijg je een uitkering?" in page.text
    assert "zeg ik liever niet" in page.text
    client.post(reverse("profile_edit"), profile())
    burgerbaner.refresh_from_db()
    assert burgerbaner.benefit == Benefit.SOCIAL_ASSISTANCE
    client.post(reverse("profile_edit"), profile(benefit="ww"))
    burgerbaner.refresh_from_db()
    assert burgerbaner.benefit == Benefit.UNEMPLOYMENT
    assert [h.benefit for h in burgerbaner.history.order_by("history_date")][-2:] == [
        "bijstand",
        "ww",
    ]
    assert "WW" in client.get(reverse("burgerbaner_dashboard")).text


def test_an_unknown_kind_is_refused_at_the_field_and_changes_nothing(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("profile_edit"), profile(benefit="toeslag"))
    assert response.status_code == 200
    assert "benefit" in response.context["form"].errors
    burgerbaner.refresh_from_db()
    assert burgerbaner.benefit == Benefit.UNKNOWN


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("admin", True),
        ("treasurer", True),
        ("signer", False),
        ("coordinator", False),
    ],
)
def test_only_the_person_the_treasurer_and_admins_see_the_benefit(
    client, people, burgerbaner, role, sees
):
    burgerbaner.benefit = Benefit.DISABILITY
    burgerbaner.save()
    log_in(client, people[role])
    page = client.get(reverse("burgerbaner_detail", args=[burgerbaner.pk]))
    assert page.status_code == 200
    assert ("Wajong of WIA" in page.text) is sees
    assert ("Uitkering" in page.text) is sees


def test_the_admin_does_not_ask_it_when_adding_or_editing_someone(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    for url in (reverse("burgerbaner_add"), reverse("burgerbaner_edit", args=[burgerbaner.pk])):
        assert "Krijg je een uitkering?" not in client.get(url).text
