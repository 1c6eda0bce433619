"""Each dashboard starts with what waits for that person, with counts and links."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from agreements.models import AgreementStatus
from hours import services as hours
from payments import services as payments
from tests.conftest import YEAR
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory, VolunteerAgreementFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def hand_in(person, organisation, month: datetime.date):
    agreement = person.volunteeragreements.get(organisation=organisation)
    agreement.start_date = month
    agreement.save()
    timesheet = hours.log_hours(
        person, by=person.user, agreement=agreement, date=month, hours=2, description="Werk"
    ).timesheet
    return hours.submit_timesheet(timesheet, by=person.user)


def test_the_coordinator_sees_how_many_timesheets_wait(
    client, burgerbaner, coordinator, nonprofit, django_assert_max_num_queries
):
    month = datetime.date(YEAR, 3, 1)
    hand_in(burgerbaner, nonprofit, month)
    log_in(client, coordinator)
    with django_assert_max_num_queries(30) as few:
        page = client.get(reverse("coordinator_dashboard"))
    assert '1</span><span class="stat-label">urenoverzicht wacht op jouw aftekening' in page.text
    assert reverse("approve_queue") in page.text
    for _ in range(3):
        person = BurgerbanerFactory()
        VolunteerAgreementFactory(burgerbaner=person, organisation=nonprofit)
        hand_in(person, nonprofit, month)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("coordinator_dashboard"))
    assert '4</span><span class="stat-label">urenoverzichten wachten' in page.text


def test_the_treasurer_sees_months_to_pay_and_payments_without_a_batch(
    client, burgerbaner, countersigned, treasurer, django_assert_max_num_queries
):
    countersigned(3, [3])
    countersigned(4, [3])
    payments.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    # Someone with an agreement this year, so the measure includes the maxima's queries.
    AllowanceAgreementFactory(burgerbaner=BurgerbanerFactory())
    log_in(client, treasurer)
    with django_assert_max_num_queries(40) as few:  # the money story, both years
        page = client.get(reverse("treasurer_dashboard"))
    assert reverse("month_proposal", args=[YEAR, 4]) in page.text
    assert reverse("month_proposal", args=[YEAR, 3]) not in page.text  # approved already
    assert "April 2025</a>: 1 burgerbaner" in page.text
    assert "goedgekeurde betaling zit nog niet in een betaalopdracht" in page.text
    assert reverse("batch_create") in page.text
    for _ in range(3):
        person = BurgerbanerFactory()
        AllowanceAgreementFactory(burgerbaner=person)
    cache.clear()  # the months to pay are kept: count them made anew
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("treasurer_dashboard"))


def test_the_signers_card_links_to_the_agreements_waiting(client, signer, burgerbaner):
    AllowanceAgreementFactory(burgerbaner=burgerbaner, status=AgreementStatus.AWAITING_SIGNATURES)
    log_in(client, signer)
    page = client.get(reverse("signer_dashboard"))
    assert f'href="{reverse("agreement_list")}#to-sign"' in page.text
