"""The coordinator of a chosen place reads the plan, only with consent and before placement."""

import pytest
from django.urls import reverse

from intake.models import Stage
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_coordinator_of_a_chosen_place_reads_the_plan_with_consent(
    client, coordinator, make_application
):
    application = make_application(plan_consent=True, talents="Geduld")
    log_in(client, coordinator)

    listing = client.get(reverse("plans_for_my_places")).text
    page = client.get(reverse("application_plan_view", args=[application.pk]))

    assert application.name in listing
    assert page.status_code == 200
    assert "Geduld" in page.text
    assert application.email not in page.text


def test_without_consent_the_coordinator_gets_403(client, coordinator, make_application):
    application = make_application(plan_consent=False)
    log_in(client, coordinator)

    assert application.name not in client.get(reverse("plans_for_my_places")).text
    assert client.get(reverse("application_plan_view", args=[application.pk])).status_code == 403


def test_coordinator_of_other_org_gets_403(client, other_coordinator, make_application):
    application = make_application(plan_consent=True)
    log_in(client, other_coordinator)

    assert client.get(reverse("application_plan_view", args=[application.pk])).status_code == 403


@pytest.mark.parametrize("stage", [Stage.PLACED, Stage.NOT_PLACED, Stage.WITHDRAWN])
def test_once_the_application_ended_the_consent_route_closes(
    client, coordinator, make_application, stage
):
    application = make_application(plan_consent=True, stage=stage)
    log_in(client, coordinator)

    assert client.get(reverse("application_plan_view", args=[application.pk])).status_code == 403


def test_the_coordinators_list_queries_stay_the_same(
    client, coordinator, make_application, make_place, django_assert_max_num_queries
):
    place = make_place()
    make_application(places=[place], plan_consent=True)
    log_in(client, coordinator)
    client.get(reverse("plans_for_my_places"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("plans_for_my_places"))
    for number in range(20):
        make_application(places=[place], plan_consent=True, name=f"Persoon {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("plans_for_my_places"))
    assert "Persoon 19" in response.text
