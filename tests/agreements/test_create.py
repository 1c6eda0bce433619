import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def volunteer_data(organisation, coordinator, **overrides):
    data = {
        "organisation": organisation.pk,
        "coordinator": coordinator.pk,
        "work_description": "Fietsen repareren",
        "place": "Werkplaats",
        "hours_per_week": "8",
        "start_date": "2026-03-01",
        "end_date": "",
    }
    data.update(overrides)
    return data


def allowance_data(**overrides):
    data = {
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "hourly_rate": "5.60",
        "hourly_rate_from_21": "",
        "iban": "NL91 ABNA 0417 1643 00",
        "source": "",
    }
    data.update(overrides)
    return data


def create_url(kind, burgerbaner):
    return reverse("agreement_create", args=[kind, burgerbaner.pk])


def test_admin_creates_volunteer_agreement_as_draft(
    client, admin_user, burgerbaner, other_nonprofit, other_coordinator
):
    log_in(client, admin_user)
    response = client.post(
        create_url("vrijwilliger", burgerbaner), volunteer_data(other_nonprofit, other_coordinator)
    )
    agreement = VolunteerAgreement.objects.get(organisation=other_nonprofit)
    assert response["Location"] == agreement.get_absolute_url()
    assert agreement.status == AgreementStatus.DRAFT
    assert agreement.created_by == admin_user
    assert agreement.history.first().history_user == admin_user


def test_admin_creates_allowance_agreement_at_the_hourly_maximum(
    client, admin_user, burgerbaner, rules_2026
):
    log_in(client, admin_user)
    client.post(create_url("vergoeding", burgerbaner), allowance_data())
    agreement = AllowanceAgreement.objects.get()
    assert agreement.hourly_rate == Decimal("5.60")
    assert agreement.iban == "NL91ABNA0417164300"


def assert_refused(response, message):
    assert response.status_code == 200
    assert message in response.text, response.text[:0]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hourly_rate": "5.61"}, "hoger dan het wettelijke maximum van €\xa05,60"),
        ({"end_date": "2025-12-31"}, "De einddatum ligt vóór de startdatum"),
        ({"end_date": "2027-01-31"}, "binnen één kalenderjaar"),
        ({"end_date": ""}, "Dit veld is verplicht."),
        ({"hourly_rate": "0"}, "moet meer dan € 0,00 zijn"),
        ({"hourly_rate": "5.555"}, "Zorg dat er niet meer dan 2 cijfers achter de komma staan."),
        ({"hourly_rate": "NaN"}, "Schrijf een getal, zoals 2 of 1,5."),
        ({"iban": "NL00 0000"}, "Dit IBAN klopt niet"),
        ({"hourly_rate_from_21": "5.60"}, "alleen als Fatima el Amrani tijdens deze overeenkomst"),
    ],
)
def test_bad_allowance_terms_are_refused_and_nothing_saved(
    client, admin_user, burgerbaner, rules_2026, overrides, message
):
    log_in(client, admin_user)
    response = client.post(create_url("vergoeding", burgerbaner), allowance_data(**overrides))
    assert_refused(response, message)
    assert not AllowanceAgreement.objects.exists()


def test_year_without_rules_is_refused(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    response = client.post(
        create_url("vergoeding", burgerbaner),
        allowance_data(start_date="2031-01-01", end_date="2031-12-31"),
    )
    assert_refused(response, "Voor 2031 zijn nog geen jaarregels ingevoerd")
    assert not AllowanceAgreement.objects.exists()


def test_under_21_gets_the_lower_maximum(client, admin_user, rules_2026):
    young = BurgerbanerFactory(date_of_birth=datetime.date(2008, 6, 1))
    log_in(client, admin_user)
    response = client.post(create_url("vergoeding", young), allowance_data(hourly_rate="3.31"))
    assert_refused(response, "maximum van €\xa03,30")
    client.post(create_url("vergoeding", young), allowance_data(hourly_rate="3.30"))
    assert AllowanceAgreement.objects.filter(burgerbaner=young).exists()


def test_turning_21_during_the_agreement_allows_the_higher_rate_from_the_birthday(
    client, admin_user, rules_2026
):
    turns_21 = BurgerbanerFactory(date_of_birth=datetime.date(2005, 7, 15))
    log_in(client, admin_user)
    response = client.post(
        create_url("vergoeding", turns_21),
        allowance_data(hourly_rate="3.30", hourly_rate_from_21="5.61"),
    )
    assert_refused(response, "vanaf 21 jaar is hoger dan het maximum van €\xa05,60")
    client.post(
        create_url("vergoeding", turns_21),
        allowance_data(hourly_rate="3.30", hourly_rate_from_21="5.60"),
    )
    agreement = AllowanceAgreement.objects.get(burgerbaner=turns_21)
    assert agreement.rate_on(datetime.date(2026, 7, 14)) == Decimal("3.30")
    assert agreement.rate_on(datetime.date(2026, 7, 15)) == Decimal("5.60")


def test_overlapping_allowance_agreement_is_refused(client, admin_user, burgerbaner, rules_2026):
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    log_in(client, admin_user)
    response = client.post(
        create_url("vergoeding", burgerbaner),
        allowance_data(start_date="2026-06-30", end_date="2026-12-31"),
    )
    assert_refused(response, "Twee vergoedingsovereenkomsten mogen niet tegelijk lopen")
    client.post(
        create_url("vergoeding", burgerbaner),
        allowance_data(start_date="2026-07-01", end_date="2026-12-31"),
    )
    assert AllowanceAgreement.objects.count() == 2


def test_volunteer_agreement_end_before_start_is_refused(
    client, admin_user, burgerbaner, nonprofit, coordinator
):
    log_in(client, admin_user)
    before = VolunteerAgreement.objects.count()
    response = client.post(
        create_url("vrijwilliger", burgerbaner),
        volunteer_data(nonprofit, coordinator, end_date="2026-02-01"),
    )
    assert_refused(response, "De einddatum ligt vóór de startdatum")
    assert VolunteerAgreement.objects.count() == before


def test_coordinator_must_belong_to_the_organisation(
    client, admin_user, burgerbaner, nonprofit, other_coordinator
):
    log_in(client, admin_user)
    response = client.post(
        create_url("vrijwilliger", burgerbaner), volunteer_data(nonprofit, other_coordinator)
    )
    assert_refused(response, "is geen coördinator van Buurtkamer De Polderhoek")


@pytest.mark.parametrize("role", ["burgerbaner", "coordinator", "signer", "treasurer"])
def test_only_admins_create_agreements(client, people, burgerbaner, rules_2026, role):
    log_in(client, people[role])
    response = client.post(create_url("vergoeding", burgerbaner), allowance_data())
    assert response.status_code == 403
    assert not AllowanceAgreement.objects.exists()


def test_unknown_kind_is_404(client, admin_user, burgerbaner):
    log_in(client, admin_user)
    assert client.get(create_url("onbekend", burgerbaner)).status_code == 404


def test_an_allowance_agreement_is_paid_from_the_chosen_source_or_the_cooperatives_own_money(
    client, admin_user, burgerbaner, other_burgerbaner, rules_2026
):
    from sources.models import FundingSource

    fund = FundingSource.objects.create(name="Oranje Fonds", kind=FundingSource.Kind.FUND)
    log_in(client, admin_user)
    client.post(create_url("vergoeding", burgerbaner), allowance_data(source=fund.pk))
    client.post(create_url("vergoeding", other_burgerbaner), allowance_data())
    assert AllowanceAgreement.objects.get(burgerbaner=burgerbaner).source == fund
    own = AllowanceAgreement.objects.get(burgerbaner=other_burgerbaner).source
    assert own.kind == FundingSource.Kind.OWN


def test_the_coordinator_list_groups_coordinators_under_their_non_profit(
    client, admin_user, burgerbaner, coordinator, other_coordinator
):
    log_in(client, admin_user)
    page = client.get(create_url("vrijwilliger", burgerbaner)).text
    group = page.index('<optgroup label="Repair Café Almere Buiten">')
    assert page.index("Ahmed Bouzid") > group
    assert page.index('<optgroup label="Buurtkamer De Polderhoek">') < page.index("Linda Smit")
    assert page.index("Linda Smit") < group  # Buurtkamer's group comes first, by name


def test_a_coordinator_of_another_non_profit_is_refused_at_the_field(
    client, admin_user, burgerbaner, other_nonprofit, coordinator
):
    log_in(client, admin_user)
    response = client.post(
        create_url("vrijwilliger", burgerbaner), volunteer_data(other_nonprofit, coordinator)
    )
    message = "Linda Smit is geen coördinator van Repair Café Almere Buiten."
    assert response.text.count(message) == 1
    assert response.text.index('id="id_coordinator_error"') < response.text.index(message)
    assert not VolunteerAgreement.objects.filter(organisation=other_nonprofit).exists()


def test_the_allowance_form_shows_the_legal_maximum_beside_the_rate(
    client, admin_user, burgerbaner
):
    from tests.factories import year_rules

    rules = year_rules(datetime.date.today().year)
    log_in(client, admin_user)
    page = client.get(create_url("vergoeding", burgerbaner)).text
    adult = f"{rules.hourly_maximum:.2f}".replace(".", ",")
    young = f"{rules.hourly_maximum_under_21:.2f}".replace(".", ",")
    assert (
        f"Wettelijk maximum in {rules.year}: €\xa0{adult} per uur vanaf 21 jaar, "
        f"€\xa0{young} per uur onder 21." in page
    )


def test_once_the_organisation_is_chosen_only_its_coordinators_are_offered(
    client, admin_user, burgerbaner, nonprofit, other_nonprofit, coordinator, other_coordinator
):
    log_in(client, admin_user)
    url = create_url("vrijwilliger", burgerbaner)
    page = client.get(url).text
    assert 'hx-get="' + url + '"' in page and 'hx-select="#id_coordinator"' in page
    ours = client.get(url, {"organisation": nonprofit.pk}).text
    select = ours[
        ours.index('id="id_coordinator"') : ours.index(
            "</select>", ours.index('id="id_coordinator"')
        )
    ]
    assert coordinator.name in select
    assert other_coordinator.name not in select
    assert "<optgroup" not in select
    before = VolunteerAgreement.objects.count()
    refused = client.post(url, volunteer_data(nonprofit, other_coordinator))
    assert refused.status_code == 200
    select = refused.text[refused.text.index('id="id_coordinator"') :]
    assert other_coordinator.name not in select[: select.index("</select>")]
    assert VolunteerAgreement.objects.count() == before
