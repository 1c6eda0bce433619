import datetime

import pytest
from django.utils import timezone

from intake.models import Application, Stage
from places.models import District, KindOfWork, Place, PlaceStatus


@pytest.fixture
def make_place(nonprofit):
    def _make(**fields) -> Place:
        values = {
            "organisation": nonprofit,
            "title": "Gastvrouw of gastheer in de buurtkamer",
            "kind_of_work": KindOfWork.MEETING,
            "description": "Je schenkt koffie en praat met buurtbewoners.",
            "district": District.HAVEN,
            "hours_per_week": 8,
            "days_and_times": "dinsdag en donderdag, 10.00 tot 14.00 uur",
            "guidance": "De coördinator werkt met je mee.",
            "number_of_places": 2,
            "status": PlaceStatus.PUBLISHED,
            **fields,
        }
        return Place.objects.create(**values)

    return _make


@pytest.fixture
def make_application(make_place):
    def _make(*, places=None, days_in_stage: int = 0, **fields) -> Application:
        values = {
            "name": "Samira Bakker",
            "email": "samira@example.org",
            "district": District.POORT,
            "wants": "Buiten werken",
            "can": "Planten verzorgen",
            "wants_to_learn": "Computeren",
            "availability": "Maandag",
            "stage": Stage.NEW,
            "stage_changed_at": timezone.now() - datetime.timedelta(days=days_in_stage),
            **fields,
        }
        application = Application.objects.create(**values)
        application.places.set(places if places is not None else [make_place()])
        return application

    return _make
