"""The months to pay come from the money story, kept until money changes: the treasurer's
home and dashboard agree, and each change that moves money shows at once."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hours import services as hours_services
from payments import services
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def month_link(month: int) -> str:
    return reverse("month_proposal", args=[YEAR, month])


def test_approving_a_month_takes_it_off_both_lists_at_once(
    client, burgerbaner, countersigned, treasurer, django_assert_max_num_queries
):
    countersigned(3, [3])
    log_in(client, treasurer)
    assert month_link(3) in client.get(reverse("treasurer_home")).text
    assert month_link(3) in client.get(reverse("treasurer_dashboard")).text
    # Kept: a second visit tells no money story.
    with django_assert_max_num_queries(20):
        client.get(reverse("treasurer_home"))

    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert month_link(3) not in client.get(reverse("treasurer_home")).text
    assert month_link(3) not in client.get(reverse("treasurer_dashboard")).text

    countersigned(4, [3])  # a countersignature adds a month
    assert month_link(4) in client.get(reverse("treasurer_dashboard")).text


def test_the_dashboard_shows_a_corrected_month_that_was_paid_before(
    client, burgerbaner, countersigned, coordinator, signer, treasurer
):
    """It counted only months without any payment, and missed this one."""
    countersigned(6, [2, 3])
    services.approve_month(burgerbaner, YEAR, 6, by=treasurer)
    log_in(client, treasurer)
    assert month_link(6) not in client.get(reverse("treasurer_dashboard")).text
    correction = hours_services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=burgerbaner.volunteeragreements.get(),
        date=datetime.date(YEAR, 7, 10),
        hours=Decimal("5"),
        description="Vergeten",
        is_correction=True,
        correction_reason="Op 4 juni vergeten te schrijven",
        corrects_date=datetime.date(YEAR, 6, 4),
    )
    hours_services.submit_timesheet(correction.timesheet, by=burgerbaner.user)
    hours_services.approve_timesheet(correction.timesheet, by=coordinator)
    hours_services.countersign_timesheet(correction.timesheet, by=signer)
    page = client.get(reverse("treasurer_dashboard")).text
    assert f'{month_link(6)}">Juni {YEAR}</a>: 1 burgerbaner' in page


def test_the_proposal_is_kept_until_money_changes(client, burgerbaner, countersigned, treasurer):
    countersigned(3, [3])
    log_in(client, treasurer)
    with CaptureQueriesContext(connection) as fresh:
        first = client.get(month_link(3))
    with CaptureQueriesContext(connection) as kept:
        again = client.get(month_link(3))
    assert len(kept.captured_queries) < len(fresh.captured_queries)  # no money story told
    proposed = first.context["rows"][0]["proposal"].proposed
    assert proposed > 0
    assert again.context["rows"][0]["proposal"].proposed == proposed

    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    after = client.get(month_link(3))
    assert after.context["rows"] == []
    assert [p.burgerbaner for p in after.context["approved"]] == [burgerbaner]
    assert after.context["approved_total"] == proposed


def test_a_paid_month_lists_the_payments_of_its_page_and_the_total_of_all(
    client, treasurer, monkeypatch
):
    from payments import views
    from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory
    from tests.funding.conftest import pay

    monkeypatch.setattr(views, "PROPOSAL_PAGE", 2)
    for n in range(5):
        person = BurgerbanerFactory(legal_name=f"Persoon {n}")
        AllowanceAgreementFactory(
            burgerbaner=person,
            start_date=datetime.date(YEAR, 1, 1),
            end_date=datetime.date(YEAR, 12, 31),
        )
        pay(person, YEAR, 3, "10.00", treasurer)
    log_in(client, treasurer)
    page = client.get(month_link(3))
    assert [p.burgerbaner.legal_name for p in page.context["approved"]] == [
        "Persoon 0",
        "Persoon 1",
    ]
    assert page.context["approved_total"] == Decimal("50.00")
    assert "Totaal van de maand, alle pagina’s" in page.text
    last = client.get(month_link(3), {"pagina": 3})
    assert [p.burgerbaner.legal_name for p in last.context["approved"]] == ["Persoon 4"]


def test_a_page_without_payments_still_says_what_the_month_approved(client, treasurer, monkeypatch):
    from payments import views
    from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory
    from tests.funding.conftest import pay

    monkeypatch.setattr(views, "PROPOSAL_PAGE", 1)
    for n, paid in enumerate((True, False)):
        person = BurgerbanerFactory(legal_name=f"Persoon {n}")
        AllowanceAgreementFactory(
            burgerbaner=person,
            start_date=datetime.date(YEAR, 1, 1),
            end_date=datetime.date(YEAR, 12, 31),
        )
        if paid:
            pay(person, YEAR, 3, "10.00", treasurer)
    log_in(client, treasurer)
    page = client.get(month_link(3), {"pagina": 2})
    assert page.context["approved"] == []
    assert "Niemand op deze pagina. De hele maand: €\xa010,00 goedgekeurd." in page.text
    assert "Nog niets goedgekeurd" not in page.text


def test_a_page_of_the_year_report_keeps_its_money_story_until_money_changes(
    client, burgerbaner, countersigned, treasurer, admin_user
):
    countersigned(3, [3])
    log_in(client, admin_user)
    url = reverse("year_report", args=[YEAR])
    with CaptureQueriesContext(connection) as fresh:
        client.get(url)
    with CaptureQueriesContext(connection) as kept:
        before = client.get(url)
    # The money story reads the allowances from elsewhere; a kept page does not.
    assert any("elsewhereallowance" in q["sql"] for q in fresh.captured_queries)
    assert not any("elsewhereallowance" in q["sql"] for q in kept.captured_queries)
    [row] = [r for r in before.context["rows"] if r.burgerbaner == burgerbaner]

    services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 20),
        kind="gift",
        amount=Decimal("20.00"),
        description="Bloemen",
        by=treasurer,
    )
    [after] = [r for r in client.get(url).context["rows"] if r.burgerbaner == burgerbaner]
    assert after.headroom == row.headroom - Decimal("20.00")


def test_writing_hours_keeps_the_months_to_pay(burgerbaner, allowance):
    """Hours waiting for signatures change nothing to pay: writing them must not make the
    treasurer's pages tell everyone's story again."""
    from payments import to_pay

    money = to_pay.version()
    entry = hours_services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=burgerbaner.volunteeragreements.get(),
        date=datetime.date(YEAR, 5, 6),
        hours=Decimal("3"),
        description="Koffie",
    )
    hours_services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    assert to_pay.version() == money
