""" "Hoe gaat het?": invited each quarter on the dashboard, optional, and the person's own."""

import pytest
from django.urls import reverse

from guidance.models import Wellbeing
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_dashboard_invites_until_answered(client, burgerbaner):
    log_in(client, burgerbaner.user)
    assert "Vragen invullen" in client.get(reverse("burgerbaner_dashboard")).text
    response = client.post(
        reverse("wellbeing"),
        {"feeling": "4", "contact": "5", "useful": "3", "learned": "Koffie zetten voor dertig."},
    )
    assert response.status_code == 302
    answer = Wellbeing.objects.get()
    assert (answer.feeling, answer.contact, answer.useful, answer.learning) == (4, 5, 3, None)
    assert not answer.story_consent
    assert "Vragen invullen" not in client.get(reverse("burgerbaner_dashboard")).text
    # The person sees their answers back.
    assert "Koffie zetten voor dertig." in client.get(reverse("wellbeing")).text


def test_skipping_hides_the_invitation_until_next_quarter(client, burgerbaner):
    log_in(client, burgerbaner.user)
    assert client.post(reverse("wellbeing_skip")).status_code == 302
    assert Wellbeing.objects.get().skipped
    assert "Vragen invullen" not in client.get(reverse("burgerbaner_dashboard")).text


@pytest.mark.parametrize("value", ["0", "6", "veel", "-1"])
def test_an_answer_outside_one_to_five_is_refused(client, burgerbaner, value):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("wellbeing"), {"feeling": value})
    assert response.status_code == 200
    assert not Wellbeing.objects.exists()


def test_an_empty_form_says_what_to_do(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("wellbeing"), {})
    assert "Je hebt nog niets ingevuld" in response.text
    assert not Wellbeing.objects.exists()


def test_answering_again_in_the_same_quarter_changes_the_answer(client, burgerbaner):
    log_in(client, burgerbaner.user)
    client.post(reverse("wellbeing"), {"feeling": "2"})
    client.post(reverse("wellbeing"), {"feeling": "4"})
    assert Wellbeing.objects.get().feeling == 4


def test_the_questions_are_fieldsets_a_screen_reader_can_follow(client, burgerbaner):
    log_in(client, burgerbaner.user)
    page = client.get(reverse("wellbeing")).text
    assert page.count("<fieldset") >= 4
    assert page.count('type="radio"') == 4 * 5
