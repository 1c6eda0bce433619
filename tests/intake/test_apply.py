"""A visitor applies through the public form: only what intake needs, spam held off."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from intake import spam
from intake.models import Application, Event, Stage

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    return {
        "name": "Samira Bakker",
        "email": "samira@example.org",
        "phone": "",
        "district": "poort",
        "wants": "Buiten werken, in de tuin.",
        "can": "Planten verzorgen en goed luisteren.",
        "wants_to_learn": "Met een computer werken.",
        "availability": "Maandag en woensdag, 's ochtends.",
        "referred_by_name": "",
        "started": spam.start_token(time.time() - 60),
        "website": "",
        **overrides,
    }


def test_application_is_received_and_confirmed(client, make_place):
    place = make_place()
    response = client.post(
        reverse("apply"), form_data(places=[place.pk], plan_consent="on"), REMOTE_ADDR="10.0.0.1"
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("apply_done")
    application = Application.objects.get()
    assert application.stage == Stage.NEW
    assert list(application.places.all()) == [place]
    assert application.plan_consent
    assert Event.objects.get().stage_to == Stage.NEW
    assert mail.outbox[0].to == ["samira@example.org"]
    assert "eerste gesprek" in mail.outbox[0].body
    done = client.get(response["Location"]).text
    assert "Wat gebeurt er nu?" in done
    assert "Samira" not in done


def test_the_form_asks_no_bsn_and_no_date_of_birth(client):
    page = client.get(reverse("apply")).text.lower()

    assert "bsn" not in page.replace("geen bsn", "")
    assert "geboortedatum" not in page.replace("geen geboortedatum", "")
    assert "wissen we je aanmelding na 90 dagen" in page


def test_the_place_a_visitor_came_from_is_ticked(client, make_place):
    place = make_place()
    response = client.get(reverse("apply"), {"plek": place.pk})

    assert f'value="{place.pk}" id="id_places_0" checked' in response.text


def test_a_phone_number_is_enough_but_one_way_to_reach_is_needed(client):
    response = client.post(reverse("apply"), form_data(email=""))
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Application.objects.exists()

    response = client.post(reverse("apply"), form_data(email="", phone="06 12345678"))
    assert response.status_code == 302
    assert Application.objects.get().phone == "06 12345678"
    assert not mail.outbox


def test_the_hidden_field_filled_in_creates_nothing(client):
    response = client.post(reverse("apply"), form_data(website="http://spam.example"))

    assert response.status_code == 200
    assert not Application.objects.exists()
    assert not mail.outbox


def test_sent_within_seconds_of_opening_creates_nothing(client):
    response = client.post(reverse("apply"), form_data(started=spam.start_token()))

    assert response.status_code == 200
    assert "niet verstuurd" in response.text
    assert not Application.objects.exists()
    # The form sent back carries a fresh start time, so a person can simply send it again.
    assert response.context["form"].data["started"] != ""


@pytest.mark.parametrize("token", ["", "123", "x" * 500, "eyJ0IjoxfQ:forged:signature"])
def test_a_forged_or_missing_start_time_creates_nothing(client, token):
    response = client.post(reverse("apply"), form_data(started=token))

    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_start_time_older_than_a_day_is_refused(client):
    response = client.post(
        reverse("apply"), form_data(started=spam.start_token(time.time() - 90_000))
    )

    assert response.status_code == 200
    assert not Application.objects.exists()


def test_one_address_sends_a_limited_number_an_hour(client, settings):
    settings.APPLICATIONS_PER_HOUR = 2
    for number in range(2):
        response = client.post(
            reverse("apply"), form_data(name=f"Persoon {number}"), REMOTE_ADDR="10.0.0.7"
        )
        assert response.status_code == 302

    response = client.post(reverse("apply"), form_data(name="Derde"), REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 200
    assert "al veel aanmeldingen" in response.text
    assert Application.objects.count() == 2

    other = client.post(reverse("apply"), form_data(name="Buurman"), REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 302


def test_a_place_that_is_not_public_cannot_be_chosen(client, make_place):
    from places.models import PlaceStatus

    hidden = make_place(status=PlaceStatus.DRAFT)
    response = client.post(reverse("apply"), form_data(places=[hidden.pk]))

    assert response.status_code == 200
    assert "places" in response.context["form"].errors
    assert not Application.objects.exists()
