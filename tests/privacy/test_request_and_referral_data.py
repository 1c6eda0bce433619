"""Requests for a place and a referral's consent go with a person's data: in the download,
out on anonymising."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation
from intake import place_requests
from intake.models import Application, Referral, Stage
from places.models import District, KindOfWork, Place, PlaceStatus
from privacy import services as privacy
from tests.factories import OrganisationFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(burgerbaner, other_nonprofit, admin_user):
    place = Place.objects.create(
        organisation=other_nonprofit,
        title="Fietsenmaker",
        kind_of_work=KindOfWork.REPAIR,
        description="Fietsen maken",
        district=District.BUITEN,
        hours_per_week=6,
        days_and_times="vrijdag",
        guidance="De coördinator",
        status=PlaceStatus.PUBLISHED,
    )
    place_requests.ask_for_place(
        burgerbaner, place, by=burgerbaner.user, message="Mijn knie doet pijn in de tuin"
    )
    application = Application.objects.create(
        name="Fatima el Amrani",
        district=District.STAD,
        wants="Koken",
        can="Koken",
        availability="Vrijdag",
        stage=Stage.PLACED,
        burgerbaner=burgerbaner,
    )
    daycare = OrganisationFactory(name="De Schakel", kind=Organisation.Kind.DAYCARE)
    Referral.objects.create(
        application=application,
        organisation=daycare,
        referred_by=admin_user,
        consent_by="Fatima el Amrani zelf",
        consent_on=timezone.localdate(),
        consent_how=Referral.ConsentHow.SIGNED,
    )


def test_the_download_holds_requests_and_the_referral(client, burgerbaner, asked):
    log_in(client, burgerbaner.user)
    data = json.loads(client.get(reverse("my_data")).content)
    assert data["verzoeken_om_een_plek"][0]["message"] == "Mijn knie doet pijn in de tuin"
    assert data["verwijzing"][0]["consent_by"] == "Fatima el Amrani zelf"


def test_anonymising_removes_what_requests_and_consent_said(admin_user, burgerbaner, asked):
    burgerbaner.volunteeragreements.update(
        end_date=datetime.date(2020, 1, 31), start_date=datetime.date(2020, 1, 1)
    )
    privacy.anonymise(burgerbaner, by=admin_user, today=datetime.date(2040, 1, 1))
    burgerbaner.refresh_from_db()
    everything = json.dumps(privacy.personal_data(burgerbaner), ensure_ascii=False)
    assert "knie" not in everything and "Fatima" not in everything
    request = burgerbaner.place_requests.get()
    assert not request.history.filter(message__contains="knie").exists()
