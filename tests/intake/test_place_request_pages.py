"""The pages of choosing your own work: ask, stop, invite, answer, decide, withdraw, the list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import AgreementStatus
from intake import place_requests as requests
from intake.models import PlaceRequest
from tests.factories import BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db
Status = PlaceRequest.Status


@pytest.fixture
def other_place(make_place, other_nonprofit):
    return make_place(organisation=other_nonprofit, title="Fietsenmaker")


def test_burgerbaner_asks_for_a_place_from_the_bank(client, burgerbaner, other_place):
    log_in(client, burgerbaner.user)
    url = reverse("place_request_ask", args=[other_place.pk])
    assert "Fietsenmaker" in client.get(url).text
    response = client.post(url, {"message": "Ik sleutel graag."})
    assert response["Location"] == reverse("place_request_list")
    request = PlaceRequest.objects.get()
    assert (request.kind, request.status, request.message) == (
        PlaceRequest.Kind.JOIN,
        Status.WAITING_ORGANISATION,
        "Ik sleutel graag.",
    )


def test_asking_twice_shows_a_message_and_makes_nothing(client, burgerbaner, other_place):
    log_in(client, burgerbaner.user)
    url = reverse("place_request_ask", args=[other_place.pk])
    client.post(url, {})
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Hierover loopt al een verzoek." in response.text
    assert PlaceRequest.objects.count() == 1


def test_burgerbaner_asks_to_stop_with_a_last_day(client, burgerbaner, other_burgerbaner):
    agreement = burgerbaner.volunteeragreements.get()
    log_in(client, other_burgerbaner.user)
    assert client.get(reverse("place_request_stop", args=[agreement.pk])).status_code == 404
    log_in(client, burgerbaner.user)
    url = reverse("place_request_stop", args=[agreement.pk])
    response = client.post(url, {"last_day": "1999-01-01"})
    assert "Kies als laatste dag vandaag of later." in response.text
    last_day = timezone.localdate() + datetime.timedelta(days=7)
    client.post(url, {"last_day": last_day.isoformat()})
    assert PlaceRequest.objects.get().last_day == last_day


def test_coordinator_invites_a_burgerbaner_by_email(
    client, other_coordinator, burgerbaner, other_place
):
    log_in(client, other_coordinator)
    url = reverse("place_request_invite")
    response = client.post(url, {"place": other_place.pk, "email": "niemand@example.org"})
    assert "Er is geen burgerbaner met dit e-mailadres." in response.text
    client.post(url, {"place": other_place.pk, "email": burgerbaner.user.email.upper()})
    request = PlaceRequest.objects.get()
    assert (request.kind, request.status) == (PlaceRequest.Kind.INVITE, Status.WAITING_BURGERBANER)


def test_coordinator_cannot_invite_to_another_non_profits_place(
    client, coordinator, burgerbaner, other_place
):
    log_in(client, coordinator)
    response = client.post(
        reverse("place_request_invite"), {"place": other_place.pk, "email": burgerbaner.user.email}
    )
    assert response.status_code == 200 and "place" in response.context["form"].errors
    assert not PlaceRequest.objects.exists()


def test_the_place_answers_and_an_admin_decides_through_the_pages(
    client, burgerbaner, other_place, other_coordinator, admin_user
):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    log_in(client, other_coordinator)
    waiting = client.get(reverse("place_request_list")).context["waiting"]
    assert waiting == [request]
    answer_url = reverse("place_request_answer", args=[request.pk])
    client.post(answer_url, {"answer": "nee"})
    request.refresh_from_db()
    assert request.status == Status.WAITING_ORGANISATION  # a no without a reason is no answer
    client.post(answer_url, {"answer": "ja"})
    request.refresh_from_db()
    assert request.status == Status.WAITING_ADMIN
    log_in(client, admin_user)
    start = timezone.localdate() + datetime.timedelta(days=10)
    client.post(
        reverse("place_request_decide", args=[request.pk]),
        {"answer": "ja", "start": start.isoformat()},
    )
    request.refresh_from_db()
    assert request.status == Status.ACCEPTED
    assert request.agreement.status == AgreementStatus.DRAFT
    assert request.agreement.start_date == start
    page = client.get(reverse("place_request_detail", args=[request.pk]))
    assert request.agreement.get_absolute_url() in page.text


def test_a_declined_request_shows_the_reason_to_the_burgerbaner(
    client, burgerbaner, other_place, other_coordinator
):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    log_in(client, other_coordinator)
    client.post(
        reverse("place_request_answer", args=[request.pk]),
        {"answer": "nee", "reason": "Vol tot maart."},
    )
    log_in(client, burgerbaner.user)
    page = client.get(reverse("place_request_detail", args=[request.pk]))
    assert "niet akkoord" in page.text and "Vol tot maart." in page.text


def test_the_asker_withdraws_from_the_page(client, burgerbaner, other_place):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    log_in(client, burgerbaner.user)
    client.post(reverse("place_request_withdraw", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN


def test_the_request_list_queries_do_not_grow(
    client, admin_user, other_place, django_assert_max_num_queries
):
    def ask(count):
        for _ in range(count):
            person = BurgerbanerFactory()
            requests.ask_for_place(person, other_place, by=person.user)

    ask(1)
    log_in(client, admin_user)
    with django_assert_max_num_queries(25) as few:
        client.get(reverse("place_request_list"))
    ask(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("place_request_list"))
    assert len(response.context["requests"]) == 11
