"""The money of a source: committed, received, paid, reserved and left always add up."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from funding import money
from payments.models import PaymentStatus
from sources.models import Commitment, FundingSource, Receipt
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory, UserFactory
from tests.funding.conftest import funded_person, pay

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 4, 10)


def test_a_sources_money_from_its_commitments_receipts_and_the_payments_it_funds(
    rules, sponsor_source, treasurer
):
    funded_person(sponsor_source, treasurer)
    other = FundingSource.objects.create(name="Oranje Fonds", kind=FundingSource.Kind.FUND)
    funded_person(other, treasurer, months=(1,), amount="99.00")
    returned = funded_person(sponsor_source, treasurer, months=())
    pay(returned, 2026, 2, "50.00", treasurer, status=PaymentStatus.RETURNED)

    [figures] = money.money_of_sources([sponsor_source], today=TODAY)
    assert figures.committed == Decimal("6000.00")
    assert figures.received == Decimal("4000.00")
    assert figures.to_receive == Decimal("2000.00")
    assert figures.paid == Decimal("450.00")  # three months of one person, not the returned one
    # Two running agreements to the end of 2026: April..December for the one paid to March
    # (9 × € 210, at most € 2.100) and all of 2026 for the other (at most € 2.100).
    assert figures.reserved == Decimal("1890.00") + Decimal("2100.00")
    assert figures.left == Decimal("6000.00") - Decimal("450.00") - figures.reserved
    assert figures.pace == Decimal("150.00")  # January to March, three full months


def test_the_runway_says_the_month_the_money_runs_out(rules, sponsor_source, treasurer):
    funded_person(sponsor_source, treasurer)
    [figures] = money.money_of_sources([sponsor_source], today=TODAY)
    # € 5.550 unspent at € 150 a month: 37 months after April 2026.
    assert figures.runs_out == datetime.date(2029, 5, 1)
    with __import__("django.utils.translation", fromlist=["override"]).override("nl"):
        assert money.runway_text(figures) == "In dit tempo is het geld op in mei 2029."


def test_free_money_counts_in_burgerbanen_for_the_rest_of_the_year(rules, treasurer):
    source = FundingSource.objects.create(name="Fonds", kind=FundingSource.Kind.FUND)
    Receipt.objects.create(source=source, amount=Decimal("5000"), received_on=TODAY)
    [figures] = money.money_of_sources([source], today=TODAY)
    # April to December: 9 × € 210 = € 1.890, capped at € 2.100 → 2 burgerbanen fit.
    assert figures.cost_rest_of_year == Decimal("1890.00")
    assert figures.more_citizen_jobs == 2


def test_the_funding_page_runs_a_fixed_number_of_queries(
    client, rules, sponsor_source, treasurer, django_assert_max_num_queries
):
    from django.urls import reverse

    from tests.helpers import log_in

    log_in(client, treasurer)
    for _ in range(3):
        funded_person(sponsor_source, treasurer)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("funding_home"))
    for number in range(6):
        extra = FundingSource.objects.create(name=f"Bron {number}", kind="fund")
        funded_person(extra, treasurer)
        Receipt.objects.create(source=extra, amount=Decimal("10"), received_on=TODAY)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("funding_home"))


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    commitments=st.lists(amounts, max_size=3),
    receipts=st.lists(amounts, max_size=3),
    corrected=st.booleans(),
    payments=st.lists(
        st.tuples(st.integers(1, 12), st.decimals(Decimal("0.01"), Decimal("210"), places=2)),
        max_size=4,
    ),
    end_month=st.integers(1, 12),
    today=st.dates(datetime.date(2026, 1, 1), datetime.date(2027, 6, 30)),
)
def test_committed_received_paid_and_left_always_add_up(
    rules, commitments, receipts, corrected, payments, end_month, today
):
    source = FundingSource.objects.create(name=f"Bron {FundingSource.objects.count()}", kind="fund")
    approver = UserFactory()
    for amount in commitments:
        Commitment.objects.create(
            source=source,
            amount=amount,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
            purpose="x",
        )
    booked = [
        Receipt.objects.create(source=source, amount=a, received_on=datetime.date(2026, 1, 1))
        for a in receipts
    ]
    if corrected and booked:
        Receipt.objects.create(
            source=source,
            amount=-booked[0].amount,
            received_on=booked[0].received_on,
            corrects=booked[0],
        )
    person = BurgerbanerFactory()
    AllowanceAgreementFactory(
        burgerbaner=person,
        source=source,
        end_date=datetime.date(2026, 12, 31)
        if end_month == 12
        else datetime.date(2026, end_month + 1, 1) - datetime.timedelta(days=1),
    )
    # Paid only for months under the agreement; any other month is not this source's.
    paid = {min(m, end_month): a for m, a in payments}
    for month, amount in paid.items():
        pay(person, 2026, month, amount, approver)

    [figures] = money.money_of_sources([source], today=today)
    assert figures.committed == sum(commitments, Decimal(0))
    assert figures.received == sum(receipts, Decimal(0)) - (
        booked[0].amount if corrected and booked else 0
    )
    assert figures.paid == sum(paid.values(), Decimal(0))
    assert figures.paid + figures.reserved + figures.left == figures.available
    assert figures.received + figures.to_receive == figures.available
    assert figures.available == max(figures.committed, figures.received)
    assert figures.reserved >= 0 and figures.to_receive >= 0
    [again] = money.money_of_sources(FundingSource.objects.filter(pk=source.pk), today=today)
    total = money.total([again], today=today)
    assert (total.paid, total.left) == (figures.paid, figures.left)


def test_a_source_page_runs_a_fixed_number_of_queries(
    client, rules, sponsor_source, treasurer, django_assert_max_num_queries
):
    from django.urls import reverse

    from tests.helpers import log_in

    log_in(client, treasurer)
    url = reverse("funding_source", args=[sponsor_source.pk])
    funded_person(sponsor_source, treasurer)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for number in range(8):
        funded_person(sponsor_source, treasurer)
        Commitment.objects.create(
            source=sponsor_source,
            amount=Decimal("100"),
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
            purpose=f"Doel {number}",
        )
        booked = Receipt.objects.create(
            source=sponsor_source, amount=Decimal("10"), received_on=TODAY, booked_by=treasurer
        )
        Receipt.objects.create(
            source=sponsor_source,
            amount=Decimal("-10"),
            received_on=TODAY,
            corrects=booked,
            booked_by=treasurer,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
