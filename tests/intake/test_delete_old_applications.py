"""The daily command deletes applications that led nowhere after the retention period."""

import pytest
from django.core.management import call_command

from intake.models import Application, Event, Stage

pytestmark = pytest.mark.django_db


def test_old_applications_that_led_nowhere_are_deleted(make_application, burgerbaner, settings):
    settings.APPLICATION_RETENTION_DAYS = 90
    gone = [
        make_application(name="Oud niet geplaatst", stage=Stage.NOT_PLACED, days_in_stage=91),
        make_application(name="Oud teruggetrokken", stage=Stage.WITHDRAWN, days_in_stage=200),
    ]
    kept = [
        make_application(name="Recent", stage=Stage.NOT_PLACED, days_in_stage=89),
        make_application(name="Open", stage=Stage.NEW, days_in_stage=400),
        make_application(
            name="Geplaatst", stage=Stage.PLACED, days_in_stage=400, burgerbaner=burgerbaner
        ),
    ]

    call_command("delete_old_applications")
    call_command("delete_old_applications")  # a second run changes nothing

    remaining = set(Application.objects.values_list("pk", flat=True))
    assert remaining == {application.pk for application in kept}
    assert not Event.objects.filter(application__in=[a.pk for a in gone]).exists()
