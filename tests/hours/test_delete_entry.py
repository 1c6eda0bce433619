"""Deleting hours asks to confirm first, showing which hours go."""

import pytest
from django.urls import reverse

from hours.models import HourEntry
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_deleting_shows_the_hours_and_deletes_only_when_confirmed(client, burgerbaner, today, log):
    entry = log(today, "2.5", "Soep koken")
    log_in(client, burgerbaner.user)
    ask = client.post(reverse("entry_delete", args=[entry.pk]))
    assert "verwijderen?" in ask.text
    assert "2,5 uur bij Buurtkamer De Polderhoek: Soep koken" in ask.text
    assert HourEntry.objects.filter(pk=entry.pk).exists()

    done = client.post(reverse("entry_delete", args=[entry.pk]), {"bevestigd": "1"}, follow=True)
    assert "De uren zijn verwijderd." in done.text
    assert not HourEntry.objects.exists()
