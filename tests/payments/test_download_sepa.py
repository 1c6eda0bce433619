"""The treasurer downloads a batch's SEPA file: who and when is kept, a second time warns."""

import pytest
from django.urls import reverse

from payments import services
from payments.models import BatchDownload, PaymentBatch
from tests.conftest import YEAR
from tests.factories import user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(burgerbaner, countersigned, treasurer, foundation):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    return services.create_batch(by=treasurer)


def test_the_first_download_is_kept_with_who_and_when(client, batch, treasurer):
    log_in(client, treasurer)
    response = client.post(reverse("batch_sepa", args=[batch.pk]))
    assert response["Content-Type"] == "application/xml"
    download = BatchDownload.objects.get()
    assert (download.batch, download.by) == (batch, treasurer)
    assert download.history.get().history_type == "+"
    page = client.get(batch.get_absolute_url())
    assert "Dit bestand is al gedownload" in page.text
    assert f"door {treasurer.name} op" in page.text


def test_a_second_download_warns_first_and_downloads_only_when_confirmed(client, batch, treasurer):
    other = user_with_role("treasurer", name="Bram Koster")
    services.download_sepa(batch, by=other)
    log_in(client, treasurer)

    warning = client.post(reverse("batch_sepa", args=[batch.pk]))

    assert warning["Content-Type"].startswith("text/html")
    assert "nog een keer downloaden?" in warning.text
    assert "door Bram Koster op" in warning.text
    assert "twee keer geld" in warning.text
    assert BatchDownload.objects.count() == 1
    again = client.post(reverse("batch_sepa", args=[batch.pk]), {"bevestigd": "1"})
    assert again["Content-Type"] == "application/xml"
    assert list(BatchDownload.objects.values_list("by", flat=True)) == [other.pk, treasurer.pk]


def test_opening_the_download_address_downloads_nothing(client, batch, treasurer):
    log_in(client, treasurer)
    response = client.get(reverse("batch_sepa", args=[batch.pk]))
    assert response["Location"] == batch.get_absolute_url()
    assert not BatchDownload.objects.exists()


def test_a_download_that_fails_is_not_kept(client, batch, treasurer, foundation):
    foundation.iban = ""
    foundation.save()
    log_in(client, treasurer)
    response = client.post(reverse("batch_sepa", args=[batch.pk]), follow=True)
    assert "Vul eerst het IBAN van Stichting Safe Almere in" in response.text
    assert not BatchDownload.objects.exists()
    assert PaymentBatch.objects.get().status == PaymentBatch.Status.OPEN
