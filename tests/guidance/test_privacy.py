"""Guidance is part of a person's data: in their download, and gone when anonymised."""

import datetime

import pytest
from django.urls import reverse

from guidance.models import CheckIn, Goal, Wellbeing
from privacy import services as privacy
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def guided(burgerbaner, coordinator, nonprofit):
    CheckIn.objects.create(
        burgerbaner=burgerbaner,
        organisation=nonprofit,
        date=datetime.date(2026, 2, 3),
        status="held",
        talked_about="Over thuis.",
        own_words="Mijn kant.",
        created_by=coordinator,
    )
    Goal.objects.create(burgerbaner=burgerbaner, title="Fiets maken", created_by=coordinator)
    Wellbeing.objects.create(
        burgerbaner=burgerbaner, year=2026, quarter=1, feeling=4, own_words="Goed."
    )
    return burgerbaner


def test_the_download_holds_conversations_goals_and_answers(client, guided):
    log_in(client, guided.user)
    data = client.get(reverse("my_data")).json()
    assert data["begeleidingsgesprekken"][0]["talked_about"] == "Over thuis."
    assert data["doelen"][0]["title"] == "Fiets maken"
    assert data["hoe_gaat_het"][0]["own_words"] == "Goed."
    assert data["toestemming_onderzoek"] == []


def test_anonymising_removes_what_was_said_and_keeps_that_it_happened(guided, admin_user):
    guided.volunteeragreements.update(end_date=datetime.date(2026, 12, 31))
    privacy.anonymise(guided, by=admin_user, today=datetime.date(2040, 1, 1))
    checkin = CheckIn.objects.get()
    assert "thuis" not in checkin.talked_about and checkin.own_words == ""
    assert all("thuis" not in h.talked_about for h in checkin.history.all())
    assert Goal.objects.get().title != "Fiets maken"
    assert Wellbeing.objects.get().own_words == ""
    assert Wellbeing.objects.get().feeling == 4
