import pytest

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
