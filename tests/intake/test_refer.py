"""A day-care referrer refers a client with consent, and follows only their own referrals."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation, Role
from intake.models import Application, Event, Referral, Stage
from tests.factories import OrganisationFactory, user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def daycare(db):
    return OrganisationFactory(name="Dagbesteding De Werkplaats", kind=Organisation.Kind.DAYCARE)


@pytest.fixture
def referrer(daycare):
    return user_with_role(Role.Kind.REFERRER, daycare, name="Petra Verwijzer")


@pytest.fixture
def other_referrer(db):
    other = OrganisationFactory(name="Dagbesteding Het Anker", kind=Organisation.Kind.DAYCARE)
    return user_with_role(Role.Kind.REFERRER, other, name="Kees Anker")


def client_data(**overrides):
    data = {
        "name": "Ria de Boer",
        "email": "ria@example.org",
        "phone": "",
        "district": "buiten",
        "wants": "Met dieren werken",
        "can": "Goed luisteren",
        "wants_to_learn": "Plannen",
        "availability": "Maandag en woensdag",
        "consent_by": "Ria de Boer zelf",
        "consent_on": timezone.localdate().isoformat(),
        "consent_how": "signed",
    }
    data.update(overrides)
    return data


def test_referrer_refers_a_client_with_consent_on_record(client, referrer, daycare, make_place):
    place = make_place()
    log_in(client, referrer)
    response = client.post(
        reverse("referral_create"), client_data(places=[place.pk], plan_consent="on")
    )
    assert response["Location"] == reverse("referral_list")
    application = Application.objects.get()
    assert application.stage == Stage.NEW
    assert application.referred_by_name == "Dagbesteding De Werkplaats"
    assert list(application.places.all()) == [place] and application.plan_consent
    referral = application.referral
    assert (referral.organisation, referral.referred_by) == (daycare, referrer)
    assert referral.consent_by == "Ria de Boer zelf"
    assert referral.consent_on == timezone.localdate()
    assert referral.consent_how == Referral.ConsentHow.SIGNED
    event = Event.objects.get(application=application)
    assert event.by == referrer and "Petra Verwijzer" in event.note
    assert [m.to for m in mail.outbox] == [["ria@example.org"]]


def test_referrer_follows_the_stage_of_their_referral(client, referrer, daycare, admin_user):
    log_in(client, referrer)
    client.post(reverse("referral_create"), client_data())
    application = Application.objects.get()
    from intake import services

    services.plan_conversation(
        application, by=admin_user, at=timezone.now() + datetime.timedelta(days=3)
    )
    response = client.get(reverse("referral_list"))
    assert "Ria de Boer" in response.text
    assert "eerste gesprek gepland" in response.text


def test_referrer_sees_only_their_own_referrals(client, referrer, other_referrer):
    log_in(client, other_referrer)
    client.post(reverse("referral_create"), client_data(name="Kees Klant"))
    client.get(reverse("referral_list"))  # shows the message of that referral
    log_in(client, referrer)
    client.post(reverse("referral_create"), client_data())
    response = client.get(reverse("referral_list"))
    assert [r.application.name for r in response.context["referrals"]] == ["Ria de Boer"]
    assert "Kees Klant" not in response.text


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(client, referrer):
    log_in(client, referrer)
    response = client.post(
        reverse("referral_create"), client_data(consent_by="", consent_on="", consent_how="")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"consent_by", "consent_on", "consent_how"} <= set(errors)
    assert not Application.objects.exists() and not Referral.objects.exists()


def test_consent_dated_in_the_future_is_refused(client, referrer):
    log_in(client, referrer)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(reverse("referral_create"), client_data(consent_on=tomorrow))
    assert "De datum van de toestemming ligt in de toekomst." in response.text
    assert not Application.objects.exists()


def test_a_client_needs_an_email_address_or_a_phone_number(client, referrer):
    log_in(client, referrer)
    response = client.post(reverse("referral_create"), client_data(email="", phone=""))
    assert "email" in response.context["form"].errors
    assert not Application.objects.exists()


def test_someone_who_is_not_a_referrer_cannot_refer(client, coordinator):
    log_in(client, coordinator)
    assert client.post(reverse("referral_create"), client_data()).status_code == 403
    assert not Application.objects.exists()


def test_the_referrers_home_is_their_referrals(client, referrer):
    log_in(client, referrer)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("referral_list")


def test_a_referral_that_led_nowhere_goes_with_its_application(referrer, daycare, admin_user):
    from intake import referrals, services

    application = referrals.refer_client(
        by=referrer,
        organisation=daycare,
        consent_by="De cliënt",
        consent_on=timezone.localdate(),
        consent_how="spoken",
        name="Bo",
        email="bo@example.org",
        district="haven",
        wants="x",
        can="y",
        availability="z",
    )
    services.withdraw(application, by=admin_user)
    Application.objects.filter(pk=application.pk).update(
        stage_changed_at=timezone.now() - datetime.timedelta(days=3650)
    )
    services.delete_old_applications()
    assert not Referral.objects.exists()


def test_the_referral_list_queries_do_not_grow(
    client, referrer, daycare, django_assert_max_num_queries
):
    from intake import referrals

    def refer(count):
        for n in range(count):
            referrals.refer_client(
                by=referrer,
                organisation=daycare,
                consent_by="De cliënt",
                consent_on=timezone.localdate(),
                consent_how="spoken",
                name=f"Cliënt {n}",
                phone="06 1234 5678",
                district="haven",
                wants="x",
                can="y",
                availability="z",
            )

    refer(1)
    log_in(client, referrer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("referral_list"))
    refer(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("referral_list"))
    assert len(response.context["referrals"]) == 11


def test_the_referral_form_offers_a_search_not_every_place(
    client, referrer, nonprofit, django_assert_max_num_queries
):
    from intake import place_choice
    from tests.intake.test_apply import many_places

    many_places(nonprofit, 40)
    log_in(client, referrer)
    page = client.get(reverse("referral_create")).text
    assert "Tuinplek" not in page
    assert 'id="id_zoek"' in page and 'hx-get="/verwijzen/nieuw/"' in page

    client.get(reverse("referral_create"), {"zoek": "tuin"})
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("referral_create"), {"zoek": "tuin"})
    many_places(nonprofit, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        found = client.get(reverse("referral_create"), {"zoek": "tuin"})
    assert found.text.count("Tuinplek ") == place_choice.SEARCH_RESULTS


def test_a_referral_can_say_what_kind_of_work_without_a_place(client, referrer):
    log_in(client, referrer)
    response = client.post(reverse("referral_create"), client_data(kinds_of_work=["animals"]))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.kinds_of_work == ["animals"] and not application.places.exists()


def test_a_referral_for_a_place_that_is_not_online_is_refused_at_the_field(
    client, referrer, make_place
):
    from places.models import PlaceStatus

    hidden = make_place(status=PlaceStatus.CLOSED)
    log_in(client, referrer)
    response = client.post(reverse("referral_create"), client_data(places=[hidden.pk]))
    assert response.status_code == 200
    assert "Deze plek staat niet (meer) online." in response.context["form"].errors["places"][0]
    assert not Application.objects.exists()
