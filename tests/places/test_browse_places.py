"""Visitors browse the vacancy bank: filters, a place's own page, nothing personal."""

import pytest
from django.urls import reverse

from intake.models import Application
from places.models import District, KindOfWork, PlaceStatus
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [place.title for place in response.context["page"].object_list]


def test_filter_by_kind_district_and_hours(client, make_place):
    make_place(title="Koffie", kind_of_work=KindOfWork.MEETING, district=District.HAVEN)
    make_place(title="Tuin", kind_of_work=KindOfWork.GREEN, district=District.BUITEN)
    make_place(title="Lang", kind_of_work=KindOfWork.GREEN, hours_per_week=20)
    url = reverse("place_list")

    assert titles(client.get(url, {"soort": "green"})) == ["Lang", "Tuin"]
    assert titles(client.get(url, {"stadsdeel": "buiten"})) == ["Tuin"]
    assert titles(client.get(url, {"uren": "meer-16"})) == ["Lang"]
    assert titles(client.get(url, {"soort": "green", "uren": "tot-8"})) == ["Tuin"]


def test_odd_filter_values_show_a_message_not_an_error(client, make_place):
    make_place(title="Koffie")
    response = client.get(reverse("place_list"), {"soort": "<script>", "uren": "9" * 40})

    assert response.status_code == 200
    assert titles(response) == ["Koffie"]


def test_only_published_places_are_listed(client, make_place):
    make_place(title="Online")
    for status in (PlaceStatus.DRAFT, PlaceStatus.SUBMITTED, PlaceStatus.CLOSED):
        make_place(title=f"Niet {status}", status=status)

    assert titles(client.get(reverse("place_list"))) == ["Online"]


def test_a_place_shows_how_many_are_open_never_who(client, make_place, burgerbaner):
    place = make_place(number_of_places=3, filled_places=1)
    Application.objects.create(
        name="Geheime Aanmelder", district=District.HAVEN, wants="x", can="y", availability="z"
    ).places.set([place])

    page = client.get(place.get_absolute_url()).text

    assert "Nog 2 plekken vrij" in page
    assert "Geheime Aanmelder" not in page
    assert burgerbaner.legal_name not in page


def test_a_wrong_slug_redirects_to_the_right_address(client, make_place):
    place = make_place()
    response = client.get(reverse("place_detail", args=[place.pk, "oud"]))

    assert response.status_code == 301
    assert response["Location"] == place.get_absolute_url()


def test_list_queries_stay_the_same_as_places_grow(
    client, make_place, other_nonprofit, django_assert_max_num_queries
):
    for number in range(3):
        make_place(title=f"Plek {number}")
    with django_assert_max_num_queries(4):
        client.get(reverse("place_list"))
    for number in range(30):
        make_place(title=f"Meer {number}", organisation=other_nonprofit)
    with django_assert_max_num_queries(4):
        client.get(reverse("place_list"))


def test_coordinator_list_queries_stay_the_same(
    client, coordinator, make_place, django_assert_max_num_queries
):
    from tests.helpers import log_in

    make_place()
    log_in(client, coordinator)
    client.get(reverse("my_places"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("my_places"))
    for number in range(20):
        make_place(title=f"Meer {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("my_places"))


def test_a_places_page_runs_the_same_queries_as_places_and_applications_grow(
    client, coordinator, make_place, other_nonprofit, django_assert_max_num_queries
):
    place = make_place()
    url = place.get_absolute_url()
    with django_assert_max_num_queries(10) as visitor:
        client.get(url)
    log_in(client, coordinator)
    with django_assert_max_num_queries(20) as own:
        client.get(url)
    client.logout()
    for number in range(30):
        make_place(title=f"Meer {number}", organisation=other_nonprofit)
        Application.objects.create(
            name=f"Aanmelder {number}",
            district=District.HAVEN,
            wants="x",
            can="y",
            availability="z",
        ).places.set([place])
    with django_assert_max_num_queries(len(visitor.captured_queries)):
        client.get(url)
    log_in(client, coordinator)
    with django_assert_max_num_queries(len(own.captured_queries)):
        client.get(url)
