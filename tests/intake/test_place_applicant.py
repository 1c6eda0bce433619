"""Placing an applicant makes them a burgerbaner: invitation, plan, two draft agreements."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Burgerbaner, User
from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
from intake.models import Stage
from tests.factories import year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(make_application, make_place, coordinator):
    year_rules(2026)
    place = make_place(
        number_of_places=2, filled_places=0, address="Marktplein 3", created_by=coordinator
    )
    application = make_application(
        places=[place], stage=Stage.PLAN_MADE, talents="Geduld", phone="06 11122233"
    )
    return application, place


def placement(place, **overrides) -> dict:
    return {
        "place": place.pk,
        "legal_name": "Samira Bakker",
        "email": "samira@example.org",
        "date_of_birth": "1990-04-02",
        "start_date": "2026-12-01",
        "hourly_rate": "5.00",
        "iban": "NL91 ABNA 0417 1643 00",
        **overrides,
    }


def test_placing_makes_a_burgerbaner_with_plan_invitation_and_drafts(
    client, admin_user, ready, coordinator
):
    application, place = ready
    log_in(client, admin_user)

    response = client.post(reverse("application_place", args=[application.pk]), placement(place))

    burgerbaner = Burgerbaner.objects.get(user__email="samira@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("burgerbaner_detail", args=[burgerbaner.pk])
    assert "Talenten:\nGeduld" in burgerbaner.personal_plan
    assert "Wat wil je doen:\nBuiten werken" in burgerbaner.personal_plan
    assert burgerbaner.phone == "06 11122233"
    assert burgerbaner.iban == "NL91ABNA0417164300"
    volunteer = VolunteerAgreement.objects.get(burgerbaner=burgerbaner)
    assert volunteer.status == AgreementStatus.DRAFT
    assert volunteer.organisation == place.organisation
    assert volunteer.place == "Marktplein 3"
    assert volunteer.coordinator == coordinator
    allowance = AllowanceAgreement.objects.get(burgerbaner=burgerbaner)
    assert allowance.status == AgreementStatus.DRAFT
    assert str(allowance.end_date) == "2026-12-31"
    application.refresh_from_db()
    assert application.stage == Stage.PLACED
    assert application.burgerbaner == burgerbaner
    assert application.placed_place == place
    place.refresh_from_db()
    assert place.filled_places == 1
    assert mail.outbox[-1].to == ["samira@example.org"]
    assert "/uitnodiging/" in mail.outbox[-1].body


def test_a_rate_above_the_maximum_creates_nothing(client, admin_user, ready):
    application, place = ready
    log_in(client, admin_user)
    users = User.objects.count()

    response = client.post(
        reverse("application_place", args=[application.pk]), placement(place, hourly_rate="9.00")
    )

    assert response.status_code == 200
    assert "hourly_rate" in response.context["form"].errors
    assert User.objects.count() == users
    assert not Burgerbaner.objects.filter(user__email="samira@example.org").exists()
    assert not mail.outbox
    application.refresh_from_db()
    assert application.stage == Stage.PLAN_MADE
    place.refresh_from_db()
    assert place.filled_places == 0


def test_an_e_mail_address_in_use_is_refused_at_the_field(client, admin_user, ready, burgerbaner):
    application, place = ready
    log_in(client, admin_user)

    response = client.post(
        reverse("application_place", args=[application.pk]),
        placement(place, email=burgerbaner.user.email.upper()),
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    application.refresh_from_db()
    assert application.stage == Stage.PLAN_MADE


def test_a_year_without_rules_is_refused(client, admin_user, ready):
    application, place = ready
    log_in(client, admin_user)

    response = client.post(
        reverse("application_place", args=[application.pk]),
        placement(place, start_date="2031-02-01"),
    )

    assert response.status_code == 200
    assert "start_date" in response.context["form"].errors
    assert not mail.outbox


def test_placing_before_the_plan_is_refused(client, admin_user, make_application, make_place):
    year_rules(2026)
    place = make_place()
    application = make_application(places=[place], stage=Stage.CONVERSATION_PLANNED)
    log_in(client, admin_user)

    response = client.post(reverse("application_place", args=[application.pk]), placement(place))

    assert response.status_code == 200
    assert "persoonlijk plan" in response.text
    assert not Burgerbaner.objects.filter(user__email="samira@example.org").exists()


def test_the_placement_form_offers_the_chosen_place_and_a_search_not_every_place(
    client, admin_user, ready, nonprofit, django_assert_max_num_queries
):
    from intake import place_choice
    from tests.intake.test_apply import many_places

    application, place = ready
    many_places(nonprofit, 40)
    log_in(client, admin_user)
    url = reverse("application_place", args=[application.pk])

    page = client.get(url).text
    assert f'type="radio" name="place" value="{place.pk}" checked' in page
    assert "Tuinplek" not in page

    client.get(url, {"zoek": "tuin"})
    with django_assert_max_num_queries(20) as few:
        client.get(url, {"zoek": "tuin"})
    many_places(nonprofit, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        found = client.get(url, {"zoek": "tuin"})
    assert found.text.count("Tuinplek ") == place_choice.SEARCH_RESULTS
    assert f'value="{place.pk}" checked' in found.text


def test_placing_at_a_place_found_by_search(client, admin_user, ready, make_place):
    application, _place = ready
    other = make_place(title="Fietsenmaker", number_of_places=1)
    log_in(client, admin_user)
    url = reverse("application_place", args=[application.pk])

    # htmx sends the ticked place along with the search: it stays ticked.
    page = client.get(url, {"zoek": "fiets", "place": other.pk}, HTTP_HX_REQUEST="true").text
    assert f'value="{other.pk}" checked' in page
    response = client.post(url, placement(other))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.placed_place == other


def test_placing_without_a_place_or_at_one_offline_is_refused_at_the_field(
    client, admin_user, ready, make_place
):
    from places.models import PlaceStatus

    application, place = ready
    closed = make_place(title="Gesloten", status=PlaceStatus.CLOSED)
    log_in(client, admin_user)
    url = reverse("application_place", args=[application.pk])

    missing = client.post(url, {**placement(place), "place": ""})
    assert missing.context["form"].errors["place"] == ["Kies een plek."]
    assert missing.text.count("Kies een plek.") == 1
    offline = client.post(url, placement(closed))
    assert offline.context["form"].errors["place"] == [
        "Deze plek staat niet (meer) online. Kies een andere plek."
    ]
    application.refresh_from_db()
    assert application.stage == Stage.PLAN_MADE
    assert not Burgerbaner.objects.filter(user__email="samira@example.org").exists()
