"""A visitor applies through the public form: only what intake needs, spam held off."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from intake import place_choice, spam
from intake.models import Application, Event, Stage
from places.models import District, KindOfWork, Place, PlaceStatus

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


def section(html: str, element_id: str) -> str:
    """The HTML of the element with this id, up to the next element with an id."""
    start = html.index(f'id="{element_id}"')
    return html[start : html.find(' id="place-', start + 1)]


def many_places(organisation, count: int) -> list[Place]:
    return Place.objects.bulk_create(
        Place(
            organisation=organisation,
            title=f"Tuinplek {n}",
            kind_of_work=KindOfWork.GREEN,
            description="Je werkt in de tuin.",
            district=District.HAVEN,
            hours_per_week=8,
            days_and_times="dinsdag",
            guidance="De coördinator werkt met je mee.",
            status=PlaceStatus.PUBLISHED,
        )
        for n in range(count)
    )


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


def test_the_place_a_visitor_came_from_is_chosen_with_its_non_profit(client, make_place):
    place = make_place()
    response = client.get(reverse("apply"), {"plek": place.pk})

    chosen = section(response.text, "place-chosen")
    assert f'name="places" value="{place.pk}" checked' in chosen
    assert place.title in chosen and place.organisation.name in chosen
    assert "Haal het vinkje weg" in response.text


def test_a_place_that_is_not_online_is_not_offered_from_a_link(client, make_place):
    hidden = make_place(status=PlaceStatus.DRAFT, title="Nog geheim")
    response = client.get(reverse("apply"), {"plek": [hidden.pk, "abc", "0"]})

    assert response.status_code == 200
    assert "Nog geheim" not in response.text
    assert "Je hoeft geen plek te kiezen" in response.text


def test_applying_without_a_place_says_what_kind_of_work_and_where(client, make_place):
    make_place()
    response = client.post(
        reverse("apply"), form_data(kinds_of_work=["green", "animals"], district="buiten")
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert not application.places.exists()
    assert application.kinds_of_work == ["green", "animals"]
    assert application.district == "buiten"


def test_an_unknown_kind_of_work_is_refused_at_the_field(client):
    response = client.post(reverse("apply"), form_data(kinds_of_work=["sloopwerk"]))

    assert response.status_code == 200
    assert "kinds_of_work" in response.context["form"].errors
    assert not Application.objects.exists()


def test_a_search_offers_a_few_matching_places_beside_the_chosen_one(client, make_place):
    chosen = make_place(title="Moestuinier")
    found = make_place(title="Fietsenmaker", description="Je repareert fietsen.")
    make_place(title="Kok", description="Je kookt een maaltijd.")

    response = client.get(reverse("apply"), {"plek": chosen.pk, "zoek": "fiets"})

    assert "Moestuinier" in section(response.text, "place-chosen")
    results = section(response.text, "place-results")
    assert f'name="places" value="{found.pk}"' in results and "checked" not in results
    assert "Moestuinier" not in results and "Kok" not in results
    # Without JavaScript the search form carries the chosen place along.
    assert f'<input type="hidden" name="plek" value="{chosen.pk}" form="place-search">' in (
        response.text
    )
    nothing = client.get(reverse("apply"), {"zoek": "duiken"})
    assert "Geen plekken gevonden met “duiken”" in nothing.text


def test_places_ticked_in_a_search_stay_chosen_in_the_next_one(client, make_place):
    ticked = make_place(title="Fietsenmaker")
    response = client.get(
        reverse("apply"), {"places": ticked.pk, "zoek": "tuin"}, HTTP_HX_REQUEST="true"
    )

    assert f'value="{ticked.pk}" checked' in section(response.text, "place-chosen")


def test_the_form_keeps_its_size_and_queries_however_many_places(
    client, nonprofit, django_assert_max_num_queries
):
    many_places(nonprofit, 60)
    first = Place.objects.order_by("pk").first()

    with django_assert_max_num_queries(2):
        empty = client.get(reverse("apply"))
    with django_assert_max_num_queries(2):
        searched = client.get(reverse("apply"), {"plek": first.pk, "zoek": "tuin"})

    assert "Tuinplek" not in empty.text
    shown = searched.text.count("Tuinplek ")
    assert shown == 1 + place_choice.SEARCH_RESULTS
    assert "Er zijn meer plekken die passen" in searched.text
    assert len(searched.content) < 3 * len(empty.content)


def test_more_places_than_a_form_carries_are_refused_at_the_field(client, nonprofit):
    places = many_places(nonprofit, place_choice.MAX_PLACES + 1)
    response = client.post(reverse("apply"), form_data(places=[p.pk for p in places]))

    assert response.status_code == 200
    assert response.context["form"].errors["places"] == [
        f"Kies hoogstens {place_choice.MAX_PLACES} plekken."
    ]
    assert not Application.objects.exists()


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
    hidden = make_place(status=PlaceStatus.DRAFT)
    response = client.post(reverse("apply"), form_data(places=[hidden.pk]))

    assert response.status_code == 200
    assert response.context["form"].errors["places"] == [
        "Deze plek staat niet (meer) online. Kies een andere plek."
    ]
    assert not Application.objects.exists()
