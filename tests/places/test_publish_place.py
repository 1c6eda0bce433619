"""A coordinator publishes a place for their non-profit; an admin approves it first."""

import pytest
from django.urls import reverse

from places.models import Place, PlaceStatus
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Fietsenmaker in het repair café",
    "kind_of_work": "repair",
    "description": "Je repareert fietsen samen met buurtbewoners.",
    "district": "buiten",
    "address": "Kerkgracht 1",
    "hours_per_week": "6",
    "days_and_times": "zaterdag 10.00 tot 13.00 uur",
    "guidance": "Een vaste vrijwilliger leert je het vak.",
    "what_to_bring": "",
    "number_of_places": "3",
}


def test_coordinator_creates_a_draft_that_visitors_do_not_see(client, coordinator, nonprofit):
    log_in(client, coordinator)
    response = client.post(reverse("place_create"), {**FORM, "organisation": nonprofit.pk})

    place = Place.objects.get()
    assert response.status_code == 302
    assert place.status == PlaceStatus.DRAFT
    assert place.organisation == nonprofit
    assert place.history.first().history_user == coordinator
    client.logout()
    assert client.get(place.get_absolute_url()).status_code == 404
    assert place.title not in client.get(reverse("place_list")).text


def test_submitted_and_approved_place_is_public(client, coordinator, admin_user, nonprofit):
    log_in(client, coordinator)
    client.post(reverse("place_create"), {**FORM, "organisation": nonprofit.pk})
    place = Place.objects.get()
    client.post(reverse("place_submit", args=[place.pk]))
    place.refresh_from_db()
    assert place.status == PlaceStatus.SUBMITTED

    log_in(client, admin_user)
    assert place.title in client.get(reverse("place_review")).text
    client.post(reverse("place_approve", args=[place.pk]))
    client.logout()

    place.refresh_from_db()
    assert place.status == PlaceStatus.PUBLISHED
    assert place.published_at is not None
    assert place.title in client.get(reverse("place_list")).text
    assert client.get(place.get_absolute_url()).status_code == 200


def test_coordinator_cannot_publish_for_another_non_profit(client, coordinator, other_nonprofit):
    log_in(client, coordinator)
    response = client.post(reverse("place_create"), {**FORM, "organisation": other_nonprofit.pk})

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Place.objects.exists()


def test_coordinator_of_other_org_gets_403(client, other_coordinator, make_place):
    place = make_place()
    log_in(client, other_coordinator)

    assert client.get(reverse("place_edit", args=[place.pk])).status_code == 403
    assert client.post(reverse("place_close", args=[place.pk])).status_code == 403
    place.refresh_from_db()
    assert place.status == PlaceStatus.PUBLISHED


def test_changing_a_public_place_takes_it_offline_until_approved(client, coordinator, make_place):
    place = make_place()
    log_in(client, coordinator)
    client.post(reverse("place_edit", args=[place.pk]), {**FORM, "title": "Iets nieuws"})

    place.refresh_from_db()
    assert place.title == "Iets nieuws"
    assert place.status == PlaceStatus.SUBMITTED
    client.logout()
    assert "Iets nieuws" not in client.get(reverse("place_list")).text


def test_fewer_places_than_filled_is_refused_at_the_field(client, coordinator, make_place):
    place = make_place(number_of_places=3, filled_places=2)
    log_in(client, coordinator)
    response = client.post(
        reverse("place_edit", args=[place.pk]), {**FORM, "number_of_places": "1"}
    )

    assert response.status_code == 200
    assert "number_of_places" in response.context["form"].errors
    place.refresh_from_db()
    assert place.number_of_places == 3
    assert place.status == PlaceStatus.PUBLISHED


def test_admin_sends_back_with_what_must_change(client, admin_user, make_place):
    place = make_place(status=PlaceStatus.SUBMITTED)
    log_in(client, admin_user)

    client.post(reverse("place_send_back", args=[place.pk]), {"note": ""})
    place.refresh_from_db()
    assert place.status == PlaceStatus.SUBMITTED

    client.post(reverse("place_send_back", args=[place.pk]), {"note": "Noem de dagen."})
    place.refresh_from_db()
    assert place.status == PlaceStatus.DRAFT
    assert place.review_note == "Noem de dagen."


def test_coordinator_counts_filled_places_without_new_approval(client, coordinator, make_place):
    place = make_place(number_of_places=2)
    log_in(client, coordinator)

    client.post(reverse("place_filled", args=[place.pk]), {"filled": "2"})
    place.refresh_from_db()
    assert place.filled_places == 2
    assert place.status == PlaceStatus.PUBLISHED

    client.post(reverse("place_filled", args=[place.pk]), {"filled": "5"})
    place.refresh_from_db()
    assert place.filled_places == 2


def test_a_closed_place_cannot_be_approved_without_submitting(client, admin_user, make_place):
    place = make_place(status=PlaceStatus.DRAFT)
    log_in(client, admin_user)

    response = client.post(reverse("place_approve", args=[place.pk]), follow=True)

    place.refresh_from_db()
    assert place.status == PlaceStatus.DRAFT
    assert "Dat kan niet" in response.text


def test_the_approval_list_queries_stay_the_same(
    client, admin_user, make_place, django_assert_max_num_queries
):
    make_place(status=PlaceStatus.SUBMITTED)
    log_in(client, admin_user)
    client.get(reverse("place_review"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("place_review"))
    for number in range(20):
        make_place(status=PlaceStatus.SUBMITTED, title=f"Plek {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("place_review"))
    assert "Plek 19" in response.text
