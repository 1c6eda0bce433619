"""The demo's switch: burgerbaner3 asks for a place at the Repair Café and to stop at the garden."""

from __future__ import annotations

import datetime

from accounts.models import Burgerbaner, Organisation
from agreements.models import AgreementStatus
from intake import place_requests
from intake.models import PlaceRequest
from places.models import District, KindOfWork, Place, PlaceStatus


def seed(today: datetime.date) -> None:
    person = Burgerbaner.objects.get(user__email="burgerbaner3@burgerbaan.test")
    if PlaceRequest.objects.filter(burgerbaner=person).exists():
        return
    repair = Organisation.objects.get(name="Repair Café Almere Buiten")
    place = Place.objects.filter(organisation=repair, status=PlaceStatus.PUBLISHED).first()
    if place is None:
        place = Place.objects.create(
            organisation=repair,
            title="Fietsenmaker in de werkplaats",
            kind_of_work=KindOfWork.REPAIR,
            description="Je helpt bezoekers hun fiets te maken: banden plakken, remmen stellen.",
            district=District.BUITEN,
            hours_per_week=6,
            days_and_times="zaterdag, 10.00 tot 16.00 uur",
            guidance="Een ervaren vrijwilliger werkt met je mee.",
            number_of_places=2,
            status=PlaceStatus.PUBLISHED,
        )
    place_requests.ask_for_place(
        person,
        place,
        by=person.user,
        message="Ik werk graag met mijn handen. In de winter is er in de tuin weinig te doen.",
    )
    garden = person.volunteeragreements.filter(status=AgreementStatus.ACTIVE).first()
    if garden is not None:
        place_requests.ask_to_stop(
            garden,
            by=person.user,
            last_day=today + datetime.timedelta(days=28),
            message="Als ik bij het Repair Café kan beginnen.",
        )
