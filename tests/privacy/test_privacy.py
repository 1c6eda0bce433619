"""Personal data: a burgerbaner downloads all of it; an admin anonymises after retention."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Burgerbaner, User
from agreements.models import AllowanceAgreement, Signature, VolunteerAgreement
from hours.models import HourEntry
from payments import cap
from payments import services as payments
from payments.models import Extra, Payment
from privacy import services as privacy
from reports import yearly
from tests.conftest import YEAR
from tests.factories import PASSWORD
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(burgerbaner, countersigned, paid_month):
    """Signed agreements, countersigned hours, a gift and a paid payment in YEAR."""
    volunteer = burgerbaner.volunteeragreements.get()
    VolunteerAgreement.objects.filter(pk=volunteer.pk).update(
        document_html="<p>Fatima el Amrani, Marktstraat 1</p>",
        place="Polderhoek",
        end_date=datetime.date(YEAR, 12, 31),
    )
    Signature.objects.create(  # from here on its terms are fixed (on PostgreSQL by trigger)
        volunteer_agreement=volunteer,
        party=Signature.Party.BURGERBANER,
        signed_by=burgerbaner.user,
        ip_address="192.0.2.7",
        document_sha256="0" * 64,
    )
    countersigned(3, [3, 4], description="Koffie met mevrouw De Groot")
    paid_month(3, gift="15.00", description="Bloemen voor Fatima")
    return burgerbaner


def test_a_burgerbaner_downloads_everything_about_themselves(client, paid, other_burgerbaner):
    log_in(client, paid.user)
    response = client.get(reverse("my_data"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profiel"]["officiele_naam"] == "Fatima el Amrani"
    assert data["profiel"]["iban"] == "NL91ABNA0417164300"  # their own, in full
    assert data["account"]["e-mailadres"] == paid.user.email
    assert {e["description"] for e in data["uren"]} == {"Koffie met mevrouw De Groot"}
    assert [p["amount"] for p in data["betalingen"]] == ["71.00"]  # 10 h × 5,60 + 15,00
    assert data["giften_en_reiskosten"][0]["description"] == "Bloemen voor Fatima"
    assert data["handtekeningen"][0]["ip_address"] == "192.0.2.7"
    assert "Jan de Vries" not in response.content.decode()


def test_the_dashboard_links_to_the_data_and_the_data_to_the_download(client, burgerbaner):
    log_in(client, burgerbaner.user)
    page = client.get(reverse("burgerbaner_dashboard")).content.decode()
    assert reverse("my_data_page") in page
    page = client.get(reverse("my_data_page")).content.decode()
    assert reverse("my_data") in page and reverse("my_data_pdf") in page


def test_anonymising_before_the_retention_period_ends_changes_nothing(client, admin_user, paid):
    log_in(client, admin_user)
    url = reverse("burgerbaner_anonymise", args=[paid.pk])
    page = client.get(url).content.decode()
    assert "Dit kan pas vanaf 1 januari 2033" in page  # started 1-1-2026, ended since
    response = client.post(url, follow=True)
    assert "bewaard blijven tot 01-01-2033" in response.content.decode()
    paid.refresh_from_db()
    assert paid.legal_name == "Fatima el Amrani"
    assert paid.anonymised_at is None


def test_anonymising_after_retention_keeps_every_total_and_nothing_that_says_who(
    client, admin_user, paid
):
    year_before = yearly.rows_for([paid], YEAR)[0]
    overview_before = cap.overview(paid, YEAR, 12)

    privacy.anonymise(paid, by=admin_user, today=datetime.date(2033, 1, 1))

    person = Burgerbaner.objects.get(pk=paid.pk)
    user = User.objects.get(pk=paid.user_id)
    assert person.legal_name == f"Geanonimiseerd {paid.pk}" == user.name
    assert (person.street, person.postcode, person.phone, person.iban) == ("", "", "", "")
    assert person.date_of_birth == datetime.date(1980, 5, 17)  # the hourly maximum needs it
    assert person.anonymised_by == admin_user
    assert user.email.endswith("@burgerbaan.invalid") and not user.is_active
    assert not client.login(email=paid.user.email, password=PASSWORD)
    # nothing left that says who it was, in the records or their history
    everything = json.dumps(privacy.personal_data(person), ensure_ascii=False)
    for trace in ("Fatima", "Amrani", "Marktstraat", "NL91ABNA", "De Groot", "192.0.2.7"):
        assert trace not in everything
    assert not Burgerbaner.history.filter(legal_name__contains="Fatima").exists()
    assert not VolunteerAgreement.history.filter(document_html__contains="Fatima").exists()
    assert not HourEntry.history.filter(description__contains="Groot").exists()
    assert not Payment.history.exclude(iban="").filter(burgerbaner=person).exists()
    assert not Extra.history.filter(description__contains="Fatima").exists()
    assert AllowanceAgreement.objects.get(burgerbaner=person).iban == ""
    # ... while the money and hours stay exactly as they were
    year_after = yearly.rows_for([person], YEAR)[0]
    overview_after = cap.overview(person, YEAR, 12)
    assert (year_after.hours, year_after.allowance, year_after.gifts, year_after.paid) == (
        year_before.hours,
        year_before.allowance,
        year_before.gifts,
        year_before.paid,
    )
    assert overview_after.received_year == overview_before.received_year
    assert Payment.objects.get(burgerbaner=person).amount == Decimal("71.00")


def test_the_admin_anonymises_someone_whose_last_agreement_ended_long_ago(
    client, admin_user, other_burgerbaner
):
    VolunteerAgreement.objects.filter(burgerbaner=other_burgerbaner).update(
        start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 12, 31)
    )
    Burgerbaner.objects.filter(pk=other_burgerbaner.pk).update(start_date=datetime.date(2015, 1, 1))
    log_in(client, admin_user)
    url = reverse("burgerbaner_anonymise", args=[other_burgerbaner.pk])
    assert "Ja, anonimiseer deze persoon" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "De persoon is geanonimiseerd" in page
    assert "Jan de Vries" not in page
    with pytest.raises(privacy.RetentionNotOver, match="al geanonimiseerd"):
        privacy.anonymise(other_burgerbaner, by=admin_user)


def test_a_running_agreement_keeps_the_data_however_old_the_last_payment(admin_user, paid):
    from tests.factories import OrganisationFactory, VolunteerAgreementFactory

    VolunteerAgreementFactory(  # a second non-profit, open-ended
        burgerbaner=paid, organisation=OrganisationFactory(), start_date=datetime.date(YEAR, 6, 1)
    )
    with pytest.raises(privacy.RetentionNotOver, match="bewaard blijven tot 26-11-2047"):
        privacy.anonymise(paid, by=admin_user, today=datetime.date(2040, 11, 26))
    assert Burgerbaner.objects.get(pk=paid.pk).legal_name == "Fatima el Amrani"


def test_an_opening_balance_keeps_the_whole_year(paid, treasurer):
    Burgerbaner.objects.filter(pk=paid.pk).update(start_date=datetime.date(YEAR, 1, 1))
    paid.refresh_from_db()
    for model in (VolunteerAgreement, AllowanceAgreement):
        model.objects.filter(burgerbaner=paid).update(ended_on=datetime.date(YEAR, 6, 30))
    assert privacy.retention_ends(paid) == datetime.date(YEAR + 7, 6, 30)
    payments.set_opening_balance(
        paid, year=YEAR, amount=Decimal("40.00"), note="Sportclub", by=treasurer
    )
    assert privacy.retention_ends(paid) == datetime.date(YEAR + 7, 12, 31)
