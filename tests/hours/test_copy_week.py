"""Copying last week shows what it adds and skips, and warns about the maxima, first."""

import datetime

import pytest
from django.urls import reverse

from hours.models import HourEntry
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def monday(today):
    # A whole past week to copy into, so no day of it is still to come.
    return today - datetime.timedelta(days=today.weekday() + 7)


def copy(client, monday, **data):
    return client.post(reverse("copy_week") + f"?week={monday.isoformat()}", data, follow=True)


def test_it_shows_what_it_adds_and_skips_days_that_have_hours(client, burgerbaner, monday, log):
    log(monday - datetime.timedelta(days=7), "3", "Maandag koken")
    log(monday - datetime.timedelta(days=6), "2", "Dinsdag afwassen")
    log(monday + datetime.timedelta(days=1), "1", "Al geschreven")
    log_in(client, burgerbaner.user)

    ask = copy(client, monday)

    assert "Uren van vorige week overnemen?" in ask.text
    assert "3 uur bij Buurtkamer De Polderhoek: Maandag koken" in ask.text
    assert "Dit wordt niet overgenomen" in ask.text
    assert "op die dag staan al uren" in ask.text
    assert HourEntry.objects.filter(date__gte=monday).count() == 1

    done = copy(client, monday, bevestigd="1")
    assert "1 regel van vorige week is overgenomen." in done.text
    assert sorted(
        HourEntry.objects.filter(date__gte=monday).values_list("description", flat=True)
    ) == ["Al geschreven", "Maandag koken"]


def test_it_warns_about_the_maximum_as_the_single_form_does(
    client, burgerbaner, monday, log, allowance
):
    for day in range(5):
        log(monday - datetime.timedelta(days=7 - day), "10", "Lange dag")
    log_in(client, burgerbaner.user)
    ask = copy(client, monday)
    assert "boven het maandmaximum" in ask.text
    done = copy(client, monday, bevestigd="1")
    assert "boven het maandmaximum" in done.text


def test_with_nothing_to_copy_it_says_so(client, burgerbaner, monday):
    log_in(client, burgerbaner.user)
    response = copy(client, monday)
    assert "Er is niets om over te nemen van vorige week." in response.text
