"""Admins see per day-care organisation how many were referred, placed and still at work."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation, Role
from agreements.models import AgreementStatus
from intake import referrals
from intake.models import Application, Stage
from tests.factories import (
    BurgerbanerFactory,
    OrganisationFactory,
    VolunteerAgreementFactory,
    user_with_role,
)
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def refer(referrer, organisation, name):
    return referrals.refer_client(
        by=referrer,
        organisation=organisation,
        consent_by="De cliënt",
        consent_on=timezone.localdate(),
        consent_how="spoken",
        name=name,
        phone="06 1234 5678",
        district="haven",
        wants="x",
        can="y",
        availability="z",
    )


def placed(application, *, working: bool):
    """Mark an application placed, with a burgerbaner whose agreement runs today or ended."""
    person = BurgerbanerFactory()
    today = timezone.localdate()
    VolunteerAgreementFactory(
        burgerbaner=person,
        start_date=today - datetime.timedelta(days=90),
        status=AgreementStatus.ACTIVE if working else AgreementStatus.ENDED,
        ended_on=None if working else today - datetime.timedelta(days=10),
    )
    Application.objects.filter(pk=application.pk).update(stage=Stage.PLACED, burgerbaner=person)


@pytest.fixture
def daycares(db):
    werkplaats = OrganisationFactory(
        name="Dagbesteding De Werkplaats", kind=Organisation.Kind.DAYCARE
    )
    anker = OrganisationFactory(name="Dagbesteding Het Anker", kind=Organisation.Kind.DAYCARE)
    one = user_with_role(Role.Kind.REFERRER, werkplaats)
    two = user_with_role(Role.Kind.REFERRER, anker)
    a, b, _c = (refer(one, werkplaats, name) for name in ("A", "B", "C"))
    placed(a, working=True)
    placed(b, working=False)
    d = refer(two, anker, "D")
    placed(d, working=True)
    return werkplaats, anker


def test_admin_sees_referred_placed_and_still_working_per_organisation(
    client, admin_user, daycares
):
    werkplaats, anker = daycares
    log_in(client, admin_user)
    response = client.get(reverse("referral_report"))
    rows = [(r.organisation, r.referred, r.placed, r.active) for r in response.context["rows"]]
    assert rows == [(werkplaats, 3, 2, 1), (anker, 1, 1, 1)]
    assert "Dagbesteding Het Anker" in response.text


def test_a_day_care_without_referrals_shows_zeros(client, admin_user):
    OrganisationFactory(name="Dagbesteding Nieuw", kind=Organisation.Kind.DAYCARE)
    log_in(client, admin_user)
    [row] = client.get(reverse("referral_report")).context["rows"]
    assert (row.referred, row.placed, row.active) == (0, 0, 0)


def test_the_report_queries_do_not_grow(
    client, admin_user, daycares, django_assert_max_num_queries
):
    log_in(client, admin_user)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("referral_report"))
    for n in range(5):
        org = OrganisationFactory(name=f"Dagbesteding {n}", kind=Organisation.Kind.DAYCARE)
        refer(user_with_role(Role.Kind.REFERRER, org), org, f"Cliënt {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("referral_report"))
    assert len(response.context["rows"]) == 7
