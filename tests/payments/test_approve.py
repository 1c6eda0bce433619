import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from payments import cap, services
from payments.errors import PaymentError
from payments.models import Payment, PaymentStatus
from tests.conftest import YEAR
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_approving_pays_the_signed_allowance_of_the_month(burgerbaner, countersigned, treasurer):
    countersigned(3, [3, 4, 5])  # 15 h × € 5,60 = € 84,00
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert payment.amount == Decimal("84.00")
    assert payment.iban == "NL91ABNA0417164300"
    assert payment.status == PaymentStatus.APPROVED


def test_month_over_the_monthly_maximum_pays_up_to_it_and_holds_the_rest(
    burgerbaner, countersigned, treasurer
):
    countersigned(4, list(range(1, 9)))  # 40 h × 5,60 = 224,00 > 210,00
    overview = cap.overview(burgerbaner, YEAR, 4)
    proposal = overview.proposal(4)
    assert (proposal.payable, proposal.proposed, proposal.held) == (
        Decimal("224.00"),
        Decimal("210.00"),
        Decimal("14.00"),
    )
    assert "maandmaximum" in proposal.reason
    services.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    with pytest.raises(PaymentError, match="geen ruimte meer"):
        services.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    assert Payment.objects.get().amount == Decimal("210.00")


def test_the_annual_maximum_counts_the_opening_balance(burgerbaner, countersigned, treasurer):
    services.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("2050.00"), note="Eerder betaald", by=treasurer
    )
    countersigned(5, [5, 6])  # 10 h × 5,60 = 56,00 but only 50,00 left this year
    payment = services.approve_month(burgerbaner, YEAR, 5, by=treasurer)
    assert payment.amount == Decimal("50.00")
    assert "jaarmaximum" in cap.overview(burgerbaner, YEAR, 5).proposal(5).reason


def test_gifts_and_travel_count_toward_the_maximum(burgerbaner, countersigned, treasurer):
    countersigned(6, [2, 3, 4])  # 84,00
    services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 6, 10),
        kind="gift",
        amount=Decimal("100.00"),
        description="Kerstpakket",
        by=treasurer,
    )
    services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 6, 11),
        kind="travel",
        amount=Decimal("30.00"),
        description="Bus",
        by=treasurer,
    )
    payment = services.approve_month(burgerbaner, YEAR, 6, by=treasurer)
    assert payment.amount == Decimal("210.00")  # 214,00 payable, 4,00 held


def test_double_approval_pays_once(burgerbaner, countersigned, treasurer):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    with pytest.raises(PaymentError, match="niets \\(meer\\) te betalen"):
        services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert Payment.objects.count() == 1


def test_only_a_treasurer_approves(burgerbaner, countersigned, signer, admin_user):
    countersigned(3, [3])
    for user in (signer, admin_user, burgerbaner.user):
        with pytest.raises(PermissionDenied):
            services.approve_month(burgerbaner, YEAR, 3, by=user)
    assert not Payment.objects.exists()


def test_a_treasurer_never_approves_their_own_allowance(burgerbaner, countersigned):
    from accounts.models import Role
    from accounts.services import grant_role

    grant_role(burgerbaner.user, Role.Kind.TREASURER, by=None)
    countersigned(3, [3])
    with pytest.raises(PaymentError, match="aan jezelf"):
        services.approve_month(burgerbaner, YEAR, 3, by=burgerbaner.user)


def test_no_allowance_for_a_year_without_rules(burgerbaner, countersigned, treasurer):
    from rules.models import YearRules

    countersigned(3, [3])
    YearRules.objects.filter(year=YEAR).delete()
    with pytest.raises(PaymentError, match="Voor 2025 zijn nog geen jaarregels ingevoerd"):
        services.approve_month(burgerbaner, YEAR, 3, by=treasurer)


def test_returned_payment_frees_the_headroom(burgerbaner, countersigned, treasurer, foundation):
    countersigned(3, [3])
    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    batch = services.create_batch(by=treasurer)
    services.mark_batch_paid(batch, execution_date=datetime.date(YEAR, 4, 1), by=treasurer)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    services.mark_returned(payment, reason="Rekening opgeheven", by=treasurer)
    assert cap.overview(burgerbaner, YEAR, 3).payable(3) == Decimal("28.00")
    colleague = user_with_role(Role.Kind.TREASURER)  # four eyes: not who marked it returned
    again = services.approve_month(burgerbaner, YEAR, 3, by=colleague)
    assert again.amount == Decimal("28.00")
    with pytest.raises(PaymentError):
        services.mark_returned(payment, reason="nog eens", by=treasurer)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("0"), "meer dan € 0,00"),
        (Decimal("-5"), "meer dan € 0,00"),
        (Decimal("1.005"), "hoogstens 2 cijfers"),
        (Decimal("NaN"), "Vul een bedrag in"),
    ],
)
def test_bad_gift_amounts_are_refused(burgerbaner, allowance, treasurer, amount, message):
    from payments.models import Extra

    with pytest.raises(PaymentError, match=message):
        services.register_extra(
            burgerbaner,
            date=datetime.date(YEAR, 3, 1),
            kind="gift",
            amount=amount,
            description="x",
            by=treasurer,
        )
    assert not Extra.objects.exists()


def test_gift_without_allowance_agreement_is_refused(burgerbaner, treasurer):
    with pytest.raises(PaymentError, match="geen actieve vergoedingsovereenkomst"):
        services.register_extra(
            burgerbaner,
            date=datetime.date(YEAR, 3, 1),
            kind="gift",
            amount=Decimal("10"),
            description="x",
            by=treasurer,
        )


def test_a_whole_month_is_approved_at_once_with_each_cap_checked(
    burgerbaner, other_burgerbaner, countersigned, treasurer, django_assert_max_num_queries
):
    from tests.factories import AllowanceAgreementFactory

    countersigned(4, list(range(1, 9)))  # 224,00 → 210,00
    AllowanceAgreementFactory(
        burgerbaner=other_burgerbaner,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
    )  # nothing signed
    with django_assert_max_num_queries(20):
        created, refused = services.approve_months(
            [burgerbaner, other_burgerbaner], YEAR, 4, by=treasurer
        )
    assert [p.amount for p in created] == [Decimal("210.00")]
    assert "niets (meer) te betalen" in refused[other_burgerbaner.pk]
    record = Payment.objects.get().history.get()
    assert (record.history_user, record.status) == (treasurer, PaymentStatus.APPROVED)
