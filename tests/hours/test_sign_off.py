from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from accounts.services import grant_role
from hours import services
from hours.models import Timesheet, TimesheetStatus, TimesheetStep
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def timesheet(log, last_month):
    return log(last_month, "3").timesheet


def act(client, user, timesheet, action, remote_addr="127.0.0.1", **data):
    log_in(client, user)
    return client.post(
        reverse(f"timesheet_{action}", args=[timesheet.pk]),
        {"bevestigd": "1", **data},
        REMOTE_ADDR=remote_addr,
    )


def status(timesheet):
    return Timesheet.objects.get(pk=timesheet.pk).status


def test_the_whole_round_records_who_when_and_ip(
    client, burgerbaner, coordinator, signer, timesheet
):
    act(client, burgerbaner.user, timesheet, "submit", remote_addr="192.0.2.1")
    assert status(timesheet) == TimesheetStatus.SUBMITTED
    act(client, coordinator, timesheet, "approve")
    assert status(timesheet) == TimesheetStatus.APPROVED
    act(client, signer, timesheet, "countersign")
    assert status(timesheet) == TimesheetStatus.COUNTERSIGNED
    steps = list(timesheet.steps.values_list("action", "by", "ip_address"))
    assert steps[0] == ("submit", burgerbaner.user.pk, "192.0.2.1")
    assert [s[0] for s in steps] == ["submit", "approve", "countersign"]
    assert [s[1] for s in steps] == [burgerbaner.user.pk, coordinator.pk, signer.pk]


def test_empty_month_cannot_be_submitted(client, burgerbaner, nonprofit, last_month):
    empty = Timesheet.objects.create(
        burgerbaner=burgerbaner, organisation=nonprofit, month=last_month
    )
    response = act(client, burgerbaner.user, empty, "submit")
    assert "Er staan nog geen uren in deze maand" in client.get(response["Location"]).text
    assert status(empty) == TimesheetStatus.OPEN


def test_coordinator_of_another_non_profit_gets_403(
    client, burgerbaner, other_coordinator, timesheet
):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    assert act(client, other_coordinator, timesheet, "approve").status_code == 403
    assert status(timesheet) == TimesheetStatus.SUBMITTED


@pytest.mark.parametrize("role", ["coordinator", "treasurer", "admin", "burgerbaner"])
def test_only_a_signer_countersigns(client, people, burgerbaner, coordinator, timesheet, role):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    assert act(client, people[role], timesheet, "countersign").status_code == 403
    assert status(timesheet) == TimesheetStatus.APPROVED


def test_nobody_approves_their_own_hours_even_with_two_roles(
    client, burgerbaner, nonprofit, timesheet
):
    grant_role(burgerbaner.user, Role.Kind.COORDINATOR, nonprofit, by=None)
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    assert act(client, burgerbaner.user, timesheet, "approve").status_code == 403
    assert status(timesheet) == TimesheetStatus.SUBMITTED


def test_nobody_countersigns_their_own_hours(client, burgerbaner, coordinator, timesheet):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TOTP_SECRET

    grant_role(burgerbaner.user, Role.Kind.SIGNER, by=None)
    TOTP.activate(burgerbaner.user, TOTP_SECRET)
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    assert act(client, burgerbaner.user, timesheet, "countersign").status_code == 403
    assert status(timesheet) == TimesheetStatus.APPROVED


def test_a_signer_is_not_offered_their_own_hours_to_countersign(
    client, burgerbaner, coordinator, signer, timesheet
):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TOTP_SECRET

    grant_role(burgerbaner.user, Role.Kind.SIGNER, by=None)
    TOTP.activate(burgerbaner.user, TOTP_SECRET)
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    log_in(client, burgerbaner.user)
    assert list(client.get(reverse("countersign_queue")).context["timesheets"]) == []
    log_in(client, signer)
    assert list(client.get(reverse("countersign_queue")).context["timesheets"]) == [timesheet]


def test_double_click_signs_once(client, burgerbaner, coordinator, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    act(client, coordinator, timesheet, "approve")
    response = act(client, coordinator, timesheet, "approve")
    assert response.status_code == 302
    assert timesheet.steps.filter(action=TimesheetStep.Action.APPROVE).count() == 1


def test_reject_needs_a_reason_the_burgerbaner_sees(client, burgerbaner, coordinator, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    act(client, coordinator, timesheet, "reject", reason="  ")
    assert status(timesheet) == TimesheetStatus.SUBMITTED
    act(client, coordinator, timesheet, "reject", reason="Op 3 mei was je er niet.")
    assert status(timesheet) == TimesheetStatus.REJECTED
    log_in(client, burgerbaner.user)
    assert "Op 3 mei was je er niet." in client.get(reverse("hours_home")).text
    # corrected and handed in again
    entry = timesheet.entries.get()
    services.update_entry(
        entry,
        by=burgerbaner.user,
        agreement=entry.agreement,
        date=entry.date,
        hours=entry.hours,
        description="Gecorrigeerd",
    )
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    assert status(timesheet) == TimesheetStatus.SUBMITTED


def test_signer_may_reject_an_approved_timesheet(
    client, burgerbaner, coordinator, signer, timesheet
):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    act(client, signer, timesheet, "reject", reason="Uren kloppen niet met het rooster.")
    assert status(timesheet) == TimesheetStatus.REJECTED


def test_queues_empty_as_work_gets_done(client, burgerbaner, coordinator, signer, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    log_in(client, coordinator)
    assert list(client.get(reverse("approve_queue")).context["timesheets"]) == [timesheet]
    client.post(reverse("approve_queue"), {"timesheet": [timesheet.pk], "bevestigd": "1"})
    assert list(client.get(reverse("approve_queue")).context["timesheets"]) == []
    log_in(client, signer)
    assert list(client.get(reverse("countersign_queue")).context["timesheets"]) == [timesheet]
    client.post(reverse("countersign_queue"), {"timesheet": [timesheet.pk], "bevestigd": "1"})
    assert list(client.get(reverse("countersign_queue")).context["timesheets"]) == []
    assert status(timesheet) == TimesheetStatus.COUNTERSIGNED


def test_after_approving_the_next_waiting_timesheet_opens(
    client, burgerbaner, other_burgerbaner, coordinator, nonprofit, timesheet, last_month
):
    from tests.factories import VolunteerAgreementFactory

    second_agreement = VolunteerAgreementFactory(
        burgerbaner=other_burgerbaner, organisation=nonprofit, start_date=last_month
    )
    second = services.log_hours(
        other_burgerbaner,
        by=other_burgerbaner.user,
        agreement=second_agreement,
        date=last_month,
        hours=Decimal("2"),
        description="X",
    ).timesheet
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.submit_timesheet(second, by=other_burgerbaner.user)
    response = act(client, coordinator, timesheet, "approve")
    assert response["Location"] == second.get_absolute_url()


def test_queue_queries_do_not_grow(
    client, coordinator, nonprofit, last_month, django_assert_max_num_queries
):
    from tests.factories import BurgerbanerFactory, VolunteerAgreementFactory

    def submitted_timesheet():
        person = BurgerbanerFactory()
        agreement = VolunteerAgreementFactory(
            burgerbaner=person, organisation=nonprofit, start_date=last_month
        )
        entry = services.log_hours(
            person,
            by=person.user,
            agreement=agreement,
            date=last_month,
            hours=Decimal("1"),
            description="X",
        )
        services.submit_timesheet(entry.timesheet, by=person.user)

    submitted_timesheet()
    log_in(client, coordinator)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("approve_queue"))
    for _ in range(10):
        submitted_timesheet()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("approve_queue"))
    assert len(response.context["timesheets"]) == 11


def test_handing_in_fixes_the_months_total_and_a_resubmit_counts_again(
    client, burgerbaner, coordinator, log, last_month, timesheet
):
    log(last_month.replace(day=2), "1.25")
    act(client, burgerbaner.user, timesheet, "submit")
    assert Timesheet.objects.get(pk=timesheet.pk).total_hours == Decimal("4.25")

    act(client, coordinator, timesheet, "reject", reason="De 2e klopt niet")
    entry = timesheet.entries.get(date=last_month.replace(day=2))
    entry.delete()
    act(client, burgerbaner.user, timesheet, "submit")
    assert Timesheet.objects.get(pk=timesheet.pk).total_hours == Decimal("3.00")


def test_a_long_queue_shows_the_oldest_hundred_first(client, signer, nonprofit):
    import datetime

    from tests.factories import BurgerbanerFactory

    people = BurgerbanerFactory.create_batch(105)
    Timesheet.objects.bulk_create(
        Timesheet(
            burgerbaner=person,
            organisation=nonprofit,
            month=datetime.date(2026, 10, 1),
            status=TimesheetStatus.APPROVED,
            total_hours=Decimal("4.50"),
            status_changed_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(minutes=n),
        )
        for n, person in enumerate(people)
    )
    log_in(client, signer)
    first = client.get(reverse("countersign_queue"))
    assert [t.burgerbaner for t in first.context["timesheets"]] == people[:100]
    assert "105 urenoverzichten wachten" in first.text and ">4,5<" in first.text
    second = client.get(reverse("countersign_queue"), {"pagina": 2})
    assert [t.burgerbaner for t in second.context["timesheets"]] == people[100:]


# --- four eyes: the countersigner is never the person who approved ---------------------


@pytest.fixture
def coordinator_and_signer(coordinator):
    """The coordinator of the non-profit who also signs for Safe Almere."""
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TOTP_SECRET

    grant_role(coordinator, Role.Kind.SIGNER, by=None)
    TOTP.activate(coordinator, TOTP_SECRET)
    return coordinator


@pytest.fixture
def approved_by_them(burgerbaner, coordinator_and_signer, timesheet):
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    act(Client(), coordinator_and_signer, timesheet, "approve")
    assert status(timesheet) == TimesheetStatus.APPROVED
    return timesheet


def test_who_approved_a_timesheet_never_countersigns_it(
    client, coordinator_and_signer, approved_by_them
):
    response = act(client, coordinator_and_signer, approved_by_them, "countersign")
    page = client.get(response["Location"]).text
    assert "Je hebt dit urenoverzicht al goedgekeurd voor de organisatie" in page
    assert status(approved_by_them) == TimesheetStatus.APPROVED
    assert not approved_by_them.steps.filter(action=TimesheetStep.Action.COUNTERSIGN).exists()


def test_the_service_refuses_the_approver_as_countersigner_with_a_plain_message(
    coordinator_and_signer, approved_by_them
):
    with pytest.raises(services.HoursError, match="andere ondertekenaar van Safe Almere"):
        services.countersign_timesheet(approved_by_them, by=coordinator_and_signer)
    assert status(approved_by_them) == TimesheetStatus.APPROVED


def test_the_approver_is_not_offered_the_countersign_of_their_own_approval(
    client, coordinator_and_signer, approved_by_them
):
    log_in(client, coordinator_and_signer)
    assert list(client.get(reverse("countersign_queue")).context["timesheets"]) == []
    client.post(
        reverse("countersign_queue"), {"timesheet": [approved_by_them.pk], "bevestigd": "1"}
    )
    assert status(approved_by_them) == TimesheetStatus.APPROVED
    page = client.get(approved_by_them.get_absolute_url())
    assert not page.context["can_countersign"]
    assert reverse("timesheet_countersign", args=[approved_by_them.pk]) not in page.text
    assert "Een andere ondertekenaar van Safe Almere keurt het goed" in page.text
    dashboard = client.get(reverse("signer_dashboard"))
    assert dashboard.context["counts"]["timesheets"] == 0


def test_another_signer_countersigns_what_the_coordinator_and_signer_approved(
    client, signer, approved_by_them
):
    act(client, signer, approved_by_them, "countersign")
    assert status(approved_by_them) == TimesheetStatus.COUNTERSIGNED


def test_behind_a_proxy_each_step_keeps_the_clients_address(
    client, settings, burgerbaner, coordinator, timesheet
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    log_in(client, burgerbaner.user)
    client.post(
        reverse("timesheet_submit", args=[timesheet.pk]),
        {"bevestigd": "1"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.5",
    )
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    act(client, coordinator, timesheet, "approve", remote_addr="192.0.2.8")
    steps = list(timesheet.steps.order_by("pk").values_list("action", "ip_address"))
    assert steps == [("submit", "203.0.113.5"), ("approve", "192.0.2.8")]
