"""Goals from the personal plan, kept up to date by the person and their coordinator."""

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance.models import Goal
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_burgerbaner_adds_a_goal_and_the_coordinator_marks_it_reached(
    client, burgerbaner, coordinator
):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("goal_add", args=[burgerbaner.pk]), {"title": "Fiets maken"})
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.state == "started"
    assert goal.created_by == burgerbaner.user

    log_in(client, coordinator)
    response = client.post(reverse("goal_state", args=[goal.pk]), {"state": "reached"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.state == "reached"
    assert goal.reached_on == timezone.localdate()
    assert goal.history.count() == 2  # who changed it when is kept


def test_an_empty_goal_is_refused_and_nothing_is_saved(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.post(reverse("goal_add", args=[burgerbaner.pk]), {"title": "   "})
    assert response.status_code == 200
    assert "Schrijf op wat je wilt leren" in response.text or "verplicht" in response.text
    assert not Goal.objects.exists()


def test_someone_else_cannot_change_a_goal(client, burgerbaner, other_burgerbaner):
    goal = Goal.objects.create(burgerbaner=burgerbaner, title="Doel", created_by=burgerbaner.user)
    log_in(client, other_burgerbaner.user)
    assert (
        client.post(reverse("goal_state", args=[goal.pk]), {"state": "stopped"}).status_code == 403
    )
    goal.refresh_from_db()
    assert goal.state == "started"
