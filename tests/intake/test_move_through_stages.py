"""An admin moves an application through its stages; each step keeps who, when and why."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from intake.models import Event, Stage
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_plan_the_first_conversation_and_tell_the_applicant(client, admin_user, make_application):
    application = make_application()
    log_in(client, admin_user)

    response = client.post(
        reverse("application_conversation", args=[application.pk]),
        {"at": "2026-12-08T10:00", "note": "Belt zelf terug"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.CONVERSATION_PLANNED
    event = Event.objects.get(stage_to=Stage.CONVERSATION_PLANNED)
    assert event.by == admin_user
    assert event.note == "Belt zelf terug"
    assert mail.outbox[-1].to == ["samira@example.org"]
    assert "8 december 2026" in mail.outbox[-1].body


def test_make_the_plan_with_its_parts(client, admin_user, make_application):
    application = make_application(stage=Stage.CONVERSATION_PLANNED)
    log_in(client, admin_user)

    client.post(
        reverse("application_plan", args=[application.pk]),
        {
            "wants": "In de tuin werken",
            "can": "Snoeien",
            "wants_to_learn": "Plannen",
            "availability": "Ma en wo",
            "talents": "Geduld",
            "note": "Goed gesprek",
        },
    )

    application.refresh_from_db()
    assert application.stage == Stage.PLAN_MADE
    assert application.talents == "Geduld"
    assert "Talenten:\nGeduld" in application.plan_text()


def test_a_plan_before_the_conversation_is_refused(client, admin_user, make_application):
    application = make_application()
    log_in(client, admin_user)

    response = client.post(
        reverse("application_plan", args=[application.pk]),
        {"wants": "x", "can": "y", "availability": "z"},
        follow=True,
    )

    assert "Plan eerst het eerste gesprek" in response.text
    application.refresh_from_db()
    assert application.stage == Stage.NEW
    assert application.wants == "Buiten werken"


def test_not_placed_needs_a_reason_which_the_applicant_gets(client, admin_user, make_application):
    application = make_application(stage=Stage.CONVERSATION_PLANNED)
    log_in(client, admin_user)

    response = client.post(
        reverse("application_not_placed", args=[application.pk]), {"reason": " "}
    )
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.stage == Stage.CONVERSATION_PLANNED
    assert not mail.outbox

    client.post(
        reverse("application_not_placed", args=[application.pk]),
        {"reason": "Er is nu geen plek in Almere Poort op maandag."},
    )
    application.refresh_from_db()
    assert application.stage == Stage.NOT_PLACED
    assert "geen plek in Almere Poort" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["samira@example.org"]


def test_a_final_stage_does_not_change(client, admin_user, make_application):
    application = make_application(stage=Stage.WITHDRAWN)
    log_in(client, admin_user)

    client.post(
        reverse("application_conversation", args=[application.pk]), {"at": "2026-12-08T10:00"}
    )
    client.post(reverse("application_not_placed", args=[application.pk]), {"reason": "Nee"})

    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN
    assert not mail.outbox


def test_withdraw_and_notes_are_kept_with_who(client, admin_user, make_application):
    application = make_application()
    log_in(client, admin_user)

    client.post(
        reverse("application_note", args=[application.pk]), {"note": "Voicemail ingesproken"}
    )
    client.post(reverse("application_withdraw", args=[application.pk]), {"note": "Heeft al werk"})

    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN
    notes = list(application.events.values_list("note", "by"))
    assert ("Voicemail ingesproken", admin_user.pk) in notes
    assert ("Heeft al werk", admin_user.pk) in notes
    page = client.get(reverse("application_detail", args=[application.pk])).text
    assert "Voicemail ingesproken" in page
    assert admin_user.name in page


def test_funnel_counts_each_stage_and_how_long_they_wait(client, admin_user, make_application):
    make_application(days_in_stage=10)
    make_application(days_in_stage=4)
    make_application(stage=Stage.PLAN_MADE, days_in_stage=1)
    make_application(stage=Stage.NOT_PLACED, days_in_stage=30)
    log_in(client, admin_user)

    rows = {row.stage: row for row in client.get(reverse("intake_funnel")).context["rows"]}

    assert rows[Stage.NEW].count == 2
    assert rows[Stage.NEW].average_days == 7
    assert rows[Stage.NEW].longest_days == 10
    assert rows[Stage.PLAN_MADE].count == 1
    assert rows[Stage.NOT_PLACED].count == 1
    assert rows[Stage.NOT_PLACED].longest_days is None


def test_funnel_queries_stay_the_same_as_applications_grow(
    client, admin_user, make_application, make_place, django_assert_max_num_queries
):
    place = make_place()
    make_application(places=[place])
    log_in(client, admin_user)
    client.get(reverse("intake_funnel"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("intake_funnel"))
    for number in range(25):
        make_application(places=[place], name=f"Persoon {number}", days_in_stage=number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("intake_funnel"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("intake_funnel"), {"fase": "new"})


def test_intake_is_for_admins_only(client, coordinator, signer, make_application):
    application = make_application()
    for person in (coordinator, signer):
        log_in(client, person)
        assert client.get(reverse("intake_funnel")).status_code == 403
        assert client.get(reverse("application_detail", args=[application.pk])).status_code == 403
        client.post(reverse("application_withdraw", args=[application.pk]))
    application.refresh_from_db()
    assert application.stage == Stage.NEW


def test_odd_dates_are_refused_at_the_field(client, admin_user, make_application):
    application = make_application()
    log_in(client, admin_user)
    for value in ("9999-99-99T99:99", "", "<script>", datetime.date.max.isoformat()):
        response = client.post(
            reverse("application_conversation", args=[application.pk]), {"at": value}
        )
        assert response.status_code in (200, 302)
    application.refresh_from_db()
    assert application.stage in (Stage.NEW, Stage.CONVERSATION_PLANNED)
