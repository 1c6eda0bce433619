"""Check-in conversations: planned and written down by the guide, read by the person."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance.models import CheckIn
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_coordinator_writes_down_a_conversation_and_its_next_date_is_planned(
    client, coordinator, burgerbaner, nonprofit
):
    log_in(client, coordinator)
    today = timezone.localdate()
    response = client.post(
        reverse("checkin_add", args=[burgerbaner.pk]),
        {
            "organisation": nonprofit.pk,
            "status": "held",
            "date": today.isoformat(),
            "talked_about": "Hoe het werk gaat.",
            "agreed": "Dinsdag ook komen.",
            "next_date": (today + datetime.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    held = CheckIn.objects.get(status="held")
    assert held.created_by == coordinator
    assert held.talked_about == "Hoe het werk gaat."
    planned = CheckIn.objects.get(status="planned")
    assert planned.date == today + datetime.timedelta(days=60)
    page = client.get(reverse("guidance_person", args=[burgerbaner.pk]))
    assert "Dinsdag ook komen." in page.text


def test_a_held_conversation_in_the_future_is_refused_at_the_field(
    client, coordinator, burgerbaner, nonprofit
):
    log_in(client, coordinator)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("checkin_add", args=[burgerbaner.pk]),
        {
            "organisation": nonprofit.pk,
            "status": "held",
            "date": tomorrow.isoformat(),
            "talked_about": "Iets",
        },
    )
    assert response.status_code == 200
    assert "ligt niet in de toekomst" in response.text
    assert not CheckIn.objects.exists()


def test_the_burgerbaner_reads_the_conversation_and_adds_their_own_words(
    client, coordinator, burgerbaner, nonprofit
):
    checkin = CheckIn.objects.create(
        burgerbaner=burgerbaner,
        organisation=nonprofit,
        date=timezone.localdate(),
        status="held",
        talked_about="Samen terugkijken.",
        created_by=coordinator,
    )
    log_in(client, burgerbaner.user)
    page = client.get(reverse("guidance_person", args=[burgerbaner.pk]))
    assert "Samen terugkijken." in page.text
    response = client.post(
        reverse("checkin_own_words", args=[checkin.pk]), {"own_words": "Ik voelde me gehoord."}
    )
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.own_words == "Ik voelde me gehoord."
    # The person may not rewrite what the guide wrote down.
    assert client.get(reverse("checkin_edit", args=[checkin.pk])).status_code == 403


@pytest.mark.parametrize("who", ["other_coordinator", "signer", "treasurer", "other_burgerbaner"])
def test_others_see_nothing_of_someones_guidance(client, request, who, coordinator, burgerbaner):
    CheckIn.objects.create(
        burgerbaner=burgerbaner, date=timezone.localdate(), created_by=coordinator
    )
    user = request.getfixturevalue(who)
    log_in(client, getattr(user, "user", user))
    assert client.get(reverse("guidance_person", args=[burgerbaner.pk])).status_code == 403
    assert client.get(reverse("checkin_add", args=[burgerbaner.pk])).status_code == 403


def test_a_coordinator_no_longer_sees_someone_who_stopped_at_their_place(
    client, coordinator, burgerbaner
):
    burgerbaner.volunteeragreements.update(status="ended")
    log_in(client, coordinator)
    assert client.get(reverse("guidance_person", args=[burgerbaner.pk])).status_code == 403


def test_the_coordinator_sets_the_evaluation_date_of_the_agreement(
    client, coordinator, burgerbaner
):
    agreement = burgerbaner.volunteeragreements.get()
    log_in(client, coordinator)
    day = agreement.start_date + datetime.timedelta(days=200)
    response = client.post(reverse("evaluation_set", args=[agreement.pk]), {"due_on": day})
    assert response.status_code == 302
    agreement.evaluation.refresh_from_db()
    assert agreement.evaluation.due_on == day
    assert agreement.evaluation.set_by == coordinator
    too_early = agreement.start_date - datetime.timedelta(days=1)
    response = client.post(reverse("evaluation_set", args=[agreement.pk]), {"due_on": too_early})
    assert "niet vóór het begin" in response.text
    agreement.evaluation.refresh_from_db()
    assert agreement.evaluation.due_on == day


def test_the_guidance_page_runs_the_same_queries_as_conversations_and_goals_grow(
    client, coordinator, admin_user, burgerbaner, nonprofit, django_assert_max_num_queries
):
    from guidance.models import Goal
    from tests.factories import OrganisationFactory, VolunteerAgreementFactory

    def add(count: int) -> None:
        for number in range(count):
            elsewhere = OrganisationFactory(name=f"Plek {CheckIn.objects.count()}")
            VolunteerAgreementFactory(burgerbaner=burgerbaner, organisation=elsewhere)
            for organisation in (nonprofit, elsewhere):
                CheckIn.objects.create(
                    burgerbaner=burgerbaner,
                    organisation=organisation,
                    date=timezone.localdate(),
                    status="held",
                    talked_about=f"Gesprek {number}",
                    created_by=coordinator,
                )
            Goal.objects.create(
                burgerbaner=burgerbaner, title=f"Doel {number}", created_by=coordinator
            )

    url = reverse("guidance_person", args=[burgerbaner.pk])
    add(1)
    counts = {}
    for user in (coordinator, admin_user, burgerbaner.user):
        log_in(client, user)
        with django_assert_max_num_queries(40) as few:
            client.get(url)
        counts[user] = len(few.captured_queries)
    add(6)
    for user in (coordinator, admin_user, burgerbaner.user):
        log_in(client, user)
        with django_assert_max_num_queries(counts[user]):
            client.get(url)
