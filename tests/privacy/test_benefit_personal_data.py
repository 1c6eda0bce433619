"""The benefit and the age-27 confirmation are in the personal data export and go at
anonymisation."""

import datetime

import pytest

from accounts.models import Benefit, Burgerbaner
from agreements.models import AllowanceAgreement
from privacy import services as privacy
from tests.factories import BurgerbanerFactory

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_benefit_and_who_confirmed_the_age_27_talk(
    burgerbaner, allowance, admin_user
):
    Burgerbaner.objects.filter(pk=burgerbaner.pk).update(benefit=Benefit.SOCIAL_ASSISTANCE)
    AllowanceAgreement.objects.filter(pk=allowance.pk).update(bijstand_informed_by=admin_user)
    burgerbaner.refresh_from_db()
    exported = privacy.personal_data(burgerbaner)
    assert exported["profiel"]["uitkering"] == "bijstand (Participatiewet)"
    assert exported["vergoedingsovereenkomsten"][0]["bijstand_informed_by__name"] == "Sanne Visser"


def test_anonymising_removes_the_benefit_from_the_record_and_its_history(admin_user):
    burgerbaner = BurgerbanerFactory()
    burgerbaner.benefit = Benefit.DISABILITY
    burgerbaner.save()
    privacy.anonymise(burgerbaner, by=admin_user, today=datetime.date(2040, 1, 1))
    assert Burgerbaner.objects.get(pk=burgerbaner.pk).benefit == ""
    assert not Burgerbaner.history.filter(id=burgerbaner.pk).exclude(benefit="").exists()
