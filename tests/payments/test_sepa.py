import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sepaxml
import xmlschema

from agreements.models import AllowanceAgreement
from payments import services
from payments.errors import PaymentError
from payments.models import Payment, PaymentBatch
from tests.conftest import YEAR

pytestmark = pytest.mark.django_db

XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"


def test_batch_exports_a_valid_pain_001_001_03_file(
    burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3, 4])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    batch = services.create_batch(by=treasurer)
    xml = services.sepa_xml(batch, execution_date=datetime.date(YEAR, 4, 2))
    schema = xmlschema.XMLSchema(str(XSD))
    schema.validate(xml.decode())
    data = schema.to_dict(xml.decode())
    info = data["CstmrCdtTrfInitn"]["PmtInf"][0]
    assert info["DbtrAcct"]["Id"]["IBAN"] == "NL20INGB0001234567"
    transfer = info["CdtTrfTxInf"][0]
    assert transfer["Cdtr"]["Nm"] == "Fatima el Amrani"
    assert transfer["CdtrAcct"]["Id"]["IBAN"] == "NL91ABNA0417164300"
    assert Decimal(str(transfer["Amt"]["InstdAmt"]["$"])) == Decimal("56.00")
    assert data["CstmrCdtTrfInitn"]["GrpHdr"]["NbOfTxs"] == "1"


def test_batch_with_an_invalid_iban_is_refused_and_nothing_saved(
    burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3])
    # An IBAN that got past the forms (an old import, say) reaches the payment.
    AllowanceAgreement.objects.filter(burgerbaner=burgerbaner).update(iban="NL00BANK0000000000")
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    with pytest.raises(PaymentError, match="Het IBAN van Fatima el Amrani klopt niet"):
        services.create_batch(by=treasurer)
    assert not PaymentBatch.objects.exists()
    assert Payment.objects.get().batch is None


def test_empty_batch_is_refused(treasurer):
    with pytest.raises(PaymentError, match="geen goedgekeurde betalingen"):
        services.create_batch(by=treasurer)


def test_batch_is_paid_once(burgerbaner, countersigned, treasurer, foundation):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    batch = services.create_batch(by=treasurer)
    services.mark_batch_paid(batch, execution_date=datetime.date(YEAR, 4, 2), by=treasurer)
    with pytest.raises(PaymentError, match="al als betaald"):
        services.mark_batch_paid(batch, execution_date=datetime.date(YEAR, 4, 3), by=treasurer)
    assert [h.status for h in batch.history.all()][:2] == ["paid", "open"]
