"""A placed person's application goes with their data: in the download, out on anonymising."""

import datetime
import json

import pytest
from django.urls import reverse

from intake.models import Application, Event, Stage
from places.models import District
from privacy import services as privacy
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(burgerbaner, admin_user):
    application = Application.objects.create(
        name="Fatima el Amrani",
        email="fatima@example.org",
        phone="06 99988877",
        district=District.STAD,
        wants="Koken voor de buurt",
        can="Couscous maken",
        availability="Vrijdag",
        talents="Gastvrij",
        stage=Stage.PLACED,
        burgerbaner=burgerbaner,
    )
    Event.objects.create(application=application, note="Belt liever na drie uur", by=admin_user)
    return application


def test_the_download_holds_the_application_and_its_steps(client, burgerbaner, application):
    log_in(client, burgerbaner.user)
    data = json.loads(client.get(reverse("my_data")).content)

    assert data["aanmelding"][0]["wants"] == "Koken voor de buurt"
    assert data["aanmelding"][0]["talents"] == "Gastvrij"
    assert data["aanmelding_stappen"][0]["note"] == "Belt liever na drie uur"


def test_anonymising_removes_what_the_application_said(admin_user, burgerbaner, application):
    burgerbaner.volunteeragreements.update(
        end_date=datetime.date(2020, 1, 31), start_date=datetime.date(2020, 1, 1)
    )
    privacy.anonymise(burgerbaner, by=admin_user, today=datetime.date(2040, 1, 1))

    application.refresh_from_db()
    assert application.stage == Stage.PLACED
    burgerbaner.refresh_from_db()
    burgerbaner.user.refresh_from_db()
    everything = json.dumps(privacy.personal_data(burgerbaner), ensure_ascii=False)
    for trace in ("Fatima", "fatima@", "06 99988877", "Couscous", "drie uur", "Gastvrij"):
        assert trace not in everything
    assert "Fatima" not in application.name
    assert application.email == application.phone == ""
