"""Random damage to a good statement: a plain message or a booking, never a 500."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank.models import Statement, StatementLine
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

SAMPLE = (
    Path(__file__).resolve().parents[2] / "bank/samples/camt.053.001.02-voorbeeld.xml"
).read_bytes()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    position=st.integers(min_value=0, max_value=len(SAMPLE) - 1),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.binary(max_size=40) | st.sampled_from([b"&", b"<", b"]]>", b"\x00", b"<!DOCTYPE x>"]),
)
def test_a_damaged_statement_never_gives_a_500(client, treasurer, position, cut, insert):
    content = SAMPLE[:position] + insert + SAMPLE[position + cut :]
    log_in(client, treasurer)
    response = client.post(
        reverse("bank_upload"),
        {"file": SimpleUploadedFile("afschrift.xml", content, "application/xml")},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert 'class="errorlist' in response.content.decode()
    # Each example starts without the statement, so a harmless change books again.
    StatementLine.objects.all().delete()
    Statement.objects.all().delete()
