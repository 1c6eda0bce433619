"""Choosing your own work: ask for a place or to stop, be invited; the place answers, an admin
decides, and accepting drafts or ends the volunteer agreement."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from agreements.models import AgreementStatus
from intake import place_requests as requests
from intake.errors import IntakeError
from intake.models import PlaceRequest
from places.models import PlaceStatus

pytestmark = pytest.mark.django_db
Status = PlaceRequest.Status


@pytest.fixture
def other_place(make_place, other_nonprofit):
    return make_place(
        organisation=other_nonprofit, title="Fietsenmaker", description="Fietsen maken."
    )


def test_asked_place_answered_by_its_coordinator_and_accepted_drafts_the_agreement(
    burgerbaner, other_place, other_coordinator, admin_user
):
    request = requests.ask_for_place(
        burgerbaner, other_place, by=burgerbaner.user, message="Ik sleutel graag."
    )
    assert request.status == Status.WAITING_ORGANISATION
    request = requests.answer(request, by=other_coordinator, yes=True)
    assert (request.status, request.answered_by) == (Status.WAITING_ADMIN, other_coordinator)
    request = requests.decide(request, by=admin_user, yes=True)
    assert request.status == Status.ACCEPTED and request.decided_by == admin_user
    draft = request.agreement
    assert draft.status == AgreementStatus.DRAFT and draft.created_by == admin_user
    assert (draft.burgerbaner, draft.organisation, draft.coordinator) == (
        burgerbaner,
        other_place.organisation,
        other_coordinator,
    )
    assert draft.work_description == "Fietsen maken."
    assert draft.hours_per_week == other_place.hours_per_week
    assert request.history.count() == 3  # asked, answered, decided: each with who and when


def test_a_no_needs_a_reason_and_changes_nothing_without_one(
    burgerbaner, other_place, other_coordinator
):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    with pytest.raises(IntakeError, match="waarom niet"):
        requests.answer(request, by=other_coordinator, yes=False, reason=" ")
    request.refresh_from_db()
    assert request.status == Status.WAITING_ORGANISATION
    request = requests.answer(request, by=other_coordinator, yes=False, reason="Vol tot maart.")
    assert (request.status, request.reason) == (Status.DECLINED, "Vol tot maart.")


def test_only_the_coordinator_of_that_place_answers(
    burgerbaner, other_place, coordinator, admin_user
):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    with pytest.raises(PermissionDenied):
        requests.answer(request, by=coordinator, yes=True)
    with pytest.raises(PermissionDenied):
        requests.decide(request, by=admin_user, yes=True)  # the place has not answered yet
    assert not burgerbaner.volunteeragreements.filter(
        organisation=other_place.organisation
    ).exists()


def test_asking_twice_or_for_an_offline_place_or_a_place_where_you_work_is_refused(
    burgerbaner, other_place, make_place
):
    requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    with pytest.raises(IntakeError, match="al een verzoek"):
        requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    with pytest.raises(IntakeError, match="niet \\(meer\\) online"):
        requests.ask_for_place(
            burgerbaner, make_place(status=PlaceStatus.DRAFT), by=burgerbaner.user
        )
    with pytest.raises(IntakeError, match="Je werkt al bij"):
        requests.ask_for_place(burgerbaner, make_place(), by=burgerbaner.user)
    assert PlaceRequest.objects.count() == 1


def test_nobody_asks_for_someone_else(burgerbaner, other_burgerbaner, other_place):
    with pytest.raises(PermissionDenied):
        requests.ask_for_place(burgerbaner, other_place, by=other_burgerbaner.user)


def test_asking_to_stop_ends_the_agreement_on_the_last_day_once_accepted(
    burgerbaner, coordinator, admin_user
):
    agreement = burgerbaner.volunteeragreements.get()
    last_day = timezone.localdate() + datetime.timedelta(days=14)
    request = requests.ask_to_stop(agreement, by=burgerbaner.user, last_day=last_day)
    requests.answer(request, by=coordinator, yes=True)
    requests.decide(request, by=admin_user, yes=True)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ENDED and agreement.ended_on == last_day
    assert agreement.end_reason == "Op eigen verzoek gestopt."


def test_a_last_day_in_the_past_is_refused(burgerbaner):
    agreement = burgerbaner.volunteeragreements.get()
    with pytest.raises(IntakeError, match="vandaag of later"):
        requests.ask_to_stop(
            agreement,
            by=burgerbaner.user,
            last_day=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert not PlaceRequest.objects.exists()


def test_a_coordinator_invites_and_the_burgerbaner_answers(
    burgerbaner, other_place, other_coordinator, coordinator, admin_user
):
    with pytest.raises(PermissionDenied):
        requests.invite_to_place(burgerbaner, other_place, by=coordinator)
    request = requests.invite_to_place(burgerbaner, other_place, by=other_coordinator)
    assert request.status == Status.WAITING_BURGERBANER
    with pytest.raises(PermissionDenied):
        requests.answer(request, by=other_coordinator, yes=True)
    requests.answer(request, by=burgerbaner.user, yes=True)
    request = requests.decide(request, by=admin_user, yes=True)
    assert request.agreement.coordinator == other_coordinator


def test_the_asker_withdraws_an_open_request(burgerbaner, other_place, admin_user):
    request = requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    with pytest.raises(PermissionDenied):
        requests.withdraw_request(request, by=admin_user)
    request = requests.withdraw_request(request, by=burgerbaner.user)
    assert request.status == Status.WITHDRAWN
    with pytest.raises(IntakeError):
        requests.withdraw_request(request, by=burgerbaner.user)
