"""A visitor reads what a burgerbaan is and how to get one; a logged-in person gets their home."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from intake.models import Application
from places.models import District, KindOfWork, Place, PlaceStatus
from tests.factories import year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules_this_year(db):
    return year_rules(
        datetime.date.today().year,
        annual_maximum=Decimal("2200.00"),
        monthly_maximum=Decimal("220.00"),
        hourly_maximum=Decimal("5.70"),
        hourly_maximum_under_21=Decimal("3.40"),
    )


def test_visitor_reads_the_maxima_from_the_yearly_rules(client, rules_this_year):
    page = client.get(reverse("home")).text

    assert "Twee overeenkomsten" in page
    assert "€\xa05,70" in page and "€\xa03,40" in page
    assert "€\xa0220,00" in page and "€\xa02.200,00" in page
    assert reverse("place_list") in page
    assert reverse("apply") in page
    assert reverse("questions") in page


def test_questions_about_money_and_benefits(client, rules_this_year):
    page = client.get(reverse("questions")).text

    assert "uitkering" in page
    assert "€\xa02.200,00" in page


def test_home_shows_nothing_personal(client, rules_this_year, burgerbaner, nonprofit):
    place = Place.objects.create(
        organisation=nonprofit,
        title="Tuinieren",
        kind_of_work=KindOfWork.GREEN,
        description="Tuin",
        district=District.HOUT,
        hours_per_week=4,
        days_and_times="vrijdag",
        guidance="Ja",
        status=PlaceStatus.PUBLISHED,
        number_of_places=3,
        filled_places=1,
    )
    Application.objects.create(
        name="Anne Aanmelder", district=District.HOUT, wants="x", can="y", availability="z"
    ).places.set([place])

    page = client.get(reverse("home")).text

    assert "Tuinieren" in page
    assert "2 vrij" in page
    assert burgerbaner.legal_name not in page
    assert "Anne Aanmelder" not in page


def test_a_logged_in_burgerbaner_goes_to_their_dashboard(client, burgerbaner):
    log_in(client, burgerbaner.user)
    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("burgerbaner_dashboard")


def test_without_rules_the_page_still_explains(client):
    from rules.models import YearRules

    YearRules.objects.all().delete()
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "maximum dat de Belastingdienst" in response.text


def test_home_queries_stay_the_same_as_places_grow(
    client, rules_this_year, nonprofit, django_assert_max_num_queries
):
    def add(number):
        Place.objects.create(
            organisation=nonprofit,
            title=f"Plek {number}",
            kind_of_work=KindOfWork.GREEN,
            description="Tuin",
            district=District.HOUT,
            hours_per_week=4,
            days_and_times="vrijdag",
            guidance="Ja",
            status=PlaceStatus.PUBLISHED,
        )

    add(0)
    with django_assert_max_num_queries(4):
        client.get(reverse("home"))
    for number in range(1, 30):
        add(number)
    with django_assert_max_num_queries(4):
        client.get(reverse("home"))
