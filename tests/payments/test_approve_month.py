"""The treasurer approves a month's payments after seeing who gets what."""

import pytest
from django.urls import reverse

from payments.models import Payment
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_approving_chosen_people_shows_the_amounts_first(
    client, burgerbaner, countersigned, treasurer
):
    countersigned(4, [1, 2])
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[YEAR, 4])
    ask = client.post(url, {"burgerbaner": [burgerbaner.pk]})
    assert "1 betaling over april 2025 goedkeuren?" in ask.text
    assert "Fatima el Amrani: €\xa056,00" in ask.text
    assert "Samen €\xa056,00." in ask.text
    assert not Payment.objects.exists()
    done = client.post(url, {"burgerbaner": [burgerbaner.pk], "bevestigd": "1"}, follow=True)
    assert "1 betaling is goedgekeurd." in done.text
    assert Payment.objects.get().amount == 56


def test_approving_the_whole_month_shows_everyone_first(
    client, burgerbaner, countersigned, treasurer
):
    countersigned(4, [1])
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[YEAR, 4])
    ask = client.post(url, {"alles": "1"})
    assert "Fatima el Amrani: €\xa028,00" in ask.text
    assert not Payment.objects.exists()
    client.post(url, {"alles": "1", "bevestigd": "1"})
    assert Payment.objects.count() == 1
