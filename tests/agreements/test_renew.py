"""An admin renews next year's allowance agreements in one step, and sees who has not signed."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from agreements import services
from agreements.models import AgreementStatus, AllowanceAgreement, Signature
from rules.models import YearRules
from sources.models import FundingSource, own_money_source
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    year_rules,
)
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

NEXT = 2027


@pytest.fixture
def rules(db):
    year_rules(2026)
    return year_rules(NEXT, hourly_maximum=Decimal("5.80"), hourly_maximum_under_21=Decimal("3.40"))


@pytest.fixture
def running(burgerbaner):
    source = FundingSource.objects.create(name="WoonZorgFlevoland", kind=FundingSource.Kind.COMPANY)
    return AllowanceAgreementFactory(
        burgerbaner=burgerbaner, hourly_rate=Decimal("5.00"), source=source
    )


@pytest.fixture
def other_running(other_burgerbaner):
    return AllowanceAgreementFactory(burgerbaner=other_burgerbaner, hourly_rate=Decimal("4.00"))


def url(year=NEXT):
    return reverse("allowance_renewal", args=[year])


def post_data(*rows):
    """``rows``: (agreement, rate or None to leave it out)."""
    data = {}
    for agreement, rate in rows:
        if rate is not None:
            data[f"renew_{agreement.pk}"] = "on"
            data[f"rate_{agreement.pk}"] = rate
    return data


def test_admin_sees_every_running_agreement_with_the_rate_of_now(
    client, admin_user, rules, running, other_running
):
    log_in(client, admin_user)
    response = client.get(url())
    rows = list(response.context["form"].rows())
    assert [(p.agreement, p.rate, p.maximum) for p, _renew, _rate in rows] == [
        (running, Decimal("5.00"), Decimal("5.80")),
        (other_running, Decimal("4.00"), Decimal("5.80")),
    ]
    assert "Fatima el Amrani" in response.text and "€\xa05,80" in response.text


def test_the_proposal_is_next_years_maximum_when_the_rate_of_now_is_higher(
    client, admin_user, running
):
    year_rules(2026)
    year_rules(NEXT, hourly_maximum=Decimal("4.50"))
    log_in(client, admin_user)
    [(proposal, _renew, rate)] = client.get(url()).context["form"].rows()
    assert proposal.rate == Decimal("4.50") and proposal.lowered
    assert rate.value() == Decimal("4.50")


def test_someone_under_21_gets_the_maximum_for_their_age():
    year_rules(2026)
    rules = year_rules(NEXT, hourly_maximum_under_21=Decimal("3.40"))
    young = BurgerbanerFactory(date_of_birth=datetime.date(2008, 6, 1))
    agreement = AllowanceAgreementFactory(burgerbaner=young, hourly_rate=Decimal("3.30"))
    from agreements.renewal import maximum_for, proposals

    assert maximum_for(rules, young) == Decimal("3.40")
    assert [(p.agreement, p.rate) for p in proposals(NEXT)] == [(agreement, Decimal("3.30"))]


def test_without_next_years_rules_the_page_says_so_and_a_post_makes_nothing(
    client, admin_user, running
):
    year_rules(2026)
    YearRules.objects.filter(year=NEXT).delete()
    log_in(client, admin_user)
    response = client.get(url())
    assert response.status_code == 200
    assert "Voor 2027 zijn nog geen jaarregels ingevoerd." in response.text
    assert response.context["form"] is None
    client.post(url(), post_data((running, "5.00")))
    assert AllowanceAgreement.objects.count() == 1


def test_renewing_makes_next_years_agreements_and_sends_them_for_signing(
    client, admin_user, signer, rules, running, other_running
):
    log_in(client, admin_user)
    mail.outbox.clear()  # the signer's role was announced to the admin
    response = client.post(url(), post_data((running, "5,50"), (other_running, "4.00")))
    assert response.status_code == 302
    made = AllowanceAgreement.objects.filter(start_date__year=NEXT).order_by("hourly_rate")
    assert [(a.burgerbaner, a.hourly_rate) for a in made] == [
        (other_running.burgerbaner, Decimal("4.00")),
        (running.burgerbaner, Decimal("5.50")),
    ]
    new = made.get(burgerbaner=running.burgerbaner)
    assert new.status == AgreementStatus.AWAITING_SIGNATURES
    assert (new.start_date, new.end_date) == (
        datetime.date(NEXT, 1, 1),
        datetime.date(NEXT, 12, 31),
    )
    assert new.source == running.source and new.iban == running.burgerbaner.iban
    assert new.created_by == admin_user and new.document_sha256
    assert "5,50" in new.document_html
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [running.burgerbaner.user.email, other_running.burgerbaner.user.email, signer.email]
    )
    to_signer = next(m for m in mail.outbox if m.to == [signer.email])
    assert "2 nieuwe vergoedingsovereenkomsten" in to_signer.body
    page = client.get(response["Location"])
    assert "2 vergoedingsovereenkomsten voor 2027 zijn klaar om te tekenen." in page.text
    assert page.context["form"] is None  # nothing left to renew


def test_a_source_that_no_longer_pays_becomes_own_money(client, admin_user, rules, running):
    FundingSource.objects.filter(pk=running.source_id).update(active=False)
    log_in(client, admin_user)
    response = client.get(url())
    [(proposal, _renew, _rate)] = response.context["form"].rows()
    assert proposal.source.pk == own_money_source()
    client.post(url(), post_data((running, "5.00")))
    assert AllowanceAgreement.objects.get(start_date__year=NEXT).source_id == own_money_source()


def test_the_running_agreement_stays_as_it_was(client, admin_user, rules, running):
    log_in(client, admin_user)
    client.post(url(), post_data((running, "5.00")))
    running.refresh_from_db()
    assert running.status == AgreementStatus.ACTIVE
    assert running.end_date == datetime.date(2026, 12, 31) and running.ended_on is None


def test_who_has_no_tick_is_not_renewed(client, admin_user, rules, running, other_running):
    log_in(client, admin_user)
    client.post(url(), post_data((running, "5.00"), (other_running, None)))
    assert list(
        AllowanceAgreement.objects.filter(start_date__year=NEXT).values_list(
            "burgerbaner", flat=True
        )
    ) == [running.burgerbaner_id]
    [(proposal, _renew, _rate)] = client.get(url()).context["form"].rows()
    assert proposal.agreement == other_running


def test_no_tick_at_all_asks_for_one(client, admin_user, rules, running):
    log_in(client, admin_user)
    response = client.post(url(), {f"rate_{running.pk}": "5.00"})
    assert response.status_code == 200
    assert "Zet een vinkje bij wie je wilt verlengen." in response.text
    assert not AllowanceAgreement.objects.filter(start_date__year=NEXT).exists()


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        ("5.81", "Dat is meer dan het maximum van €\xa05,80 per uur."),
        ("0", "De vergoeding per uur moet meer dan € 0,00 zijn."),
        ("", "Vul de vergoeding per uur in."),
        ("vijf", "Schrijf een getal, zoals 2 of 1,5."),
    ],
)
def test_a_wrong_rate_is_refused_at_its_field_and_nothing_is_made(
    client, admin_user, rules, running, other_running, rate, message
):
    log_in(client, admin_user)
    response = client.post(url(), post_data((running, "5.00"), (other_running, rate)))
    assert response.status_code == 200
    assert response.context["form"].errors[f"rate_{other_running.pk}"] == [message]
    assert not AllowanceAgreement.objects.filter(start_date__year=NEXT).exists()
    assert mail.outbox == []


def test_renewing_twice_makes_nothing_twice(client, admin_user, rules, running):
    log_in(client, admin_user)
    client.post(url(), post_data((running, "5.00")))
    response = client.post(url(), post_data((running, "5.00")))
    assert AllowanceAgreement.objects.filter(start_date__year=NEXT).count() == 1
    assert response.status_code == 200
    assert "Er is niets meer te verlengen voor 2027." in response.text


def test_a_list_that_went_stale_makes_nothing(client, admin_user, rules, running, other_running):
    from agreements.renewal import renew_allowance_agreements

    renew_allowance_agreements(NEXT, {other_running.pk: Decimal("4.00")}, by=admin_user)
    log_in(client, admin_user)
    response = client.post(url(), post_data((running, "5.00"), (other_running, "4.00")))
    # The form knows only who is still to renew; the old row is ignored, the rest renewed.
    assert response.status_code == 302
    assert AllowanceAgreement.objects.filter(start_date__year=NEXT).count() == 2


def test_the_service_refuses_an_agreement_that_is_not_renewable_and_makes_nothing(
    admin_user, rules, running, other_running
):
    from agreements.errors import AgreementError
    from agreements.renewal import renew_allowance_agreements

    services.end_agreement(
        other_running, on=datetime.date(2026, 6, 30), reason="Verhuisd", by=admin_user
    )
    with pytest.raises(AgreementError, match="al verlengd of gestopt"):
        renew_allowance_agreements(
            NEXT,
            {running.pk: Decimal("5.00"), other_running.pk: Decimal("4.00")},
            by=admin_user,
        )
    assert not AllowanceAgreement.objects.filter(start_date__year=NEXT).exists()


def test_an_agreement_that_stopped_early_or_a_draft_for_next_year_is_not_listed(
    client, admin_user, rules, running, other_running
):
    services.end_agreement(running, on=datetime.date(2026, 6, 30), reason="Gestopt", by=admin_user)
    services.create_agreement(
        AllowanceAgreement,
        by=admin_user,
        burgerbaner=other_running.burgerbaner,
        start_date=datetime.date(NEXT, 2, 1),
        end_date=datetime.date(NEXT, 12, 31),
        hourly_rate=Decimal("4.00"),
        iban=other_running.iban,
    )
    log_in(client, admin_user)
    response = client.get(url())
    assert response.context["form"] is None


def test_an_agreement_closed_at_its_end_date_is_still_renewed_in_january(
    client, admin_user, rules, running
):
    services.close_finished_agreements(datetime.date(NEXT, 1, 2))
    running.refresh_from_db()
    assert running.status == AgreementStatus.ENDED
    log_in(client, admin_user)
    [(proposal, _renew, _rate)] = client.get(url()).context["form"].rows()
    assert proposal.agreement == running


def test_admin_sees_who_has_not_signed_yet(client, admin_user, signer, rules, running):
    log_in(client, admin_user)
    client.post(url(), post_data((running, "5.00")))
    new = AllowanceAgreement.objects.get(start_date__year=NEXT)
    assert client.get(url()).context["unsigned"] == [
        (new, [Signature.Party.BURGERBANER, Signature.Party.ORGANISATION])
    ]
    services.sign_agreement(
        new,
        by=running.burgerbaner.user,
        ip_address=None,
        document_sha256=new.document_sha256,
    )
    response = client.get(url())
    assert response.context["unsigned"] == [(new, [Signature.Party.ORGANISATION])]
    assert "Safe Almere" in response.text
    services.sign_agreement(new, by=signer, ip_address=None, document_sha256=new.document_sha256)
    assert client.get(url()).context["unsigned"] == []


def test_the_burgerbaner_finds_next_years_agreement_on_their_dashboard(
    client, admin_user, rules, running
):
    log_in(client, admin_user)
    client.post(url(), post_data((running, "5.00")))
    new = AllowanceAgreement.objects.get(start_date__year=NEXT)
    log_in(client, running.burgerbaner.user)
    response = client.get(reverse("burgerbaner_dashboard"))
    assert response.context["awaiting_my_signature"] == [new]
    assert new.get_absolute_url() in response.text


def test_the_renewal_page_queries_do_not_grow(
    client, admin_user, rules, running, django_assert_max_num_queries
):
    def waiting(count):
        AllowanceAgreementFactory.create_batch(
            count,
            start_date=datetime.date(NEXT, 1, 1),
            end_date=datetime.date(NEXT, 12, 31),
            status=AgreementStatus.AWAITING_SIGNATURES,
        )

    waiting(1)
    log_in(client, admin_user)
    with django_assert_max_num_queries(30) as few:
        client.get(url())
    for _ in range(10):
        AllowanceAgreementFactory(burgerbaner=BurgerbanerFactory())
    waiting(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url())
    assert len(list(response.context["form"].rows())) == 11
    assert len(response.context["unsigned"]) == 6


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (datetime.date(2026, 10, 31), None),
        (datetime.date(2026, 11, 1), 2027),
        (datetime.date(2026, 12, 31), 2027),
        (datetime.date(2027, 1, 2), None),
    ],
)
def test_renewal_time_is_november_and_december(today, year):
    from agreements.renewal import season

    assert season(today) == year


def test_admin_dashboard_points_to_the_renewal_when_it_is_time(client, admin_user, burgerbaner):
    from django.utils import timezone

    from agreements.renewal import season

    today = timezone.localdate()
    year_rules(today.year)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(today.year, 1, 1),
        end_date=datetime.date(today.year, 12, 31),
    )
    log_in(client, admin_user)
    response = client.get(reverse("admin_dashboard"))
    year = season(today)
    if year is None:
        assert response.context["renewals"] is None
    else:
        assert response.context["renewals"] == {"year": year, "to_renew": 1, "unsigned": 0}
        assert reverse("allowance_renewal", args=[year]) in response.text
        assert "1 overeenkomst moet nog verlengd worden" in response.text


def test_admin_finds_the_renewal_from_the_agreements(client, admin_user, burgerbaner):
    from django.utils import timezone

    link = reverse("allowance_renewal", args=[timezone.localdate().year + 1])
    log_in(client, admin_user)
    assert link in client.get(reverse("agreement_list")).text
    log_in(client, burgerbaner.user)
    assert link not in client.get(reverse("agreement_list")).text
