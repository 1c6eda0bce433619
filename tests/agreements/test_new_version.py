"""A new version of a signed agreement shows what changed against the one it replaces."""

import datetime
from decimal import Decimal

import pytest

from agreements import services
from tests.agreements.test_lifecycle import signed_by_both
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_new_version_lists_each_changed_term_before_and_after(
    client, admin_user, awaiting_allowance, burgerbaner, signer
):
    old = signed_by_both(awaiting_allowance, burgerbaner, signer)
    new = services.new_version(old, by=admin_user)
    log_in(client, admin_user)
    page = client.get(new.get_absolute_url()).text
    assert "Wat is anders dan versie 1" in page
    assert "de afspraken zijn dezelfde als in de vorige versie" in page

    services.update_agreement(
        new,
        by=admin_user,
        **{**new.terms(), "start_date": datetime.date(2026, 7, 1), "hourly_rate": Decimal("5.50")},
    )
    page = client.get(new.get_absolute_url()).text
    assert "Vergoeding per uur</td>" in page
    assert "€\xa05,00" in page and "<strong>€\xa05,50</strong>" in page
    assert "<strong>1 juli 2026</strong>" in page
    assert "Einddatum</td>" not in page  # unchanged terms are not listed


def test_a_first_version_shows_no_changes(client, admin_user, draft_volunteer):
    log_in(client, admin_user)
    page = client.get(draft_volunteer.get_absolute_url()).text
    assert "Wat is anders dan versie" not in page


def test_the_changes_mask_the_iban_for_a_signer(
    client, admin_user, awaiting_allowance, burgerbaner, signer
):
    old = signed_by_both(awaiting_allowance, burgerbaner, signer)
    new = services.new_version(old, by=admin_user)
    services.update_agreement(new, by=admin_user, **{**new.terms(), "iban": "NL20INGB0001234567"})
    log_in(client, signer)
    page = client.get(new.get_absolute_url()).text
    assert "Wat is anders dan versie 1" in page
    assert "NL20 INGB 0001 2345 67" not in page
    assert "••" in page
