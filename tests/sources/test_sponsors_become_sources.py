"""Migration agreements 0004: every allowance agreement names the source that pays it."""

import datetime
import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# People as they were then too: later columns (such as the benefit) are not there yet.
BEFORE = [
    ("agreements", "0003_allowanceagreement_source"),
    ("accounts", "0005_referrer_sponsor_daycare"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sponsor_links_carry_over_and_signed_texts_keep_verifying():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    # Back to before every branch that followed agreements 0002, then forward to the step
    # under test: the tables hold exactly the columns of that moment.
    migrate(
        [
            ("agreements", "0002_alter_allowanceagreement_options_and_more"),
            ("accounts", "0005_referrer_sponsor_daycare"),
        ]
    )
    apps = migrate(BEFORE)
    User = apps.get_model("accounts", "User")
    Organisation = apps.get_model("accounts", "Organisation")
    Burgerbaner = apps.get_model("accounts", "Burgerbaner")
    AllowanceAgreement = apps.get_model("agreements", "AllowanceAgreement")
    Signature = apps.get_model("agreements", "Signature")

    sponsor = Organisation.objects.create(name="WoonZorgFlevoland", kind="sponsor")
    signed = {}
    for number, funder in enumerate([sponsor, None]):
        user = User.objects.create(email=f"p{number}@example.org", name=f"P{number}")
        person = Burgerbaner.objects.create(
            user=user,
            legal_name=f"Persoon {number}",
            date_of_birth=datetime.date(1980, 1, 1),
            start_date=datetime.date(2026, 1, 1),
            iban="NL91ABNA0417164300",
        )
        html = f"<p>Het geld komt van {funder.name if funder else 'ons'}.</p>"
        agreement = AllowanceAgreement.objects.create(
            burgerbaner=person,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
            hourly_rate="5.00",
            iban="NL91ABNA0417164300",
            sponsor=funder,
            status="active",
            document_html=html,
            document_sha256=hashlib.sha256(html.encode()).hexdigest(),
        )
        # Signed: on PostgreSQL the database itself guards this row.
        Signature.objects.create(
            allowance_agreement=agreement,
            party="burgerbaner",
            signed_by=user,
            document_sha256=agreement.document_sha256,
        )
        signed[funder.name if funder else "own"] = agreement.pk

    migrate(latest)

    from agreements.models import AllowanceAgreement as Current
    from sources.models import FundingSource

    sponsored = Current.objects.get(pk=signed["WoonZorgFlevoland"])
    assert sponsored.source.organisation_id == sponsor.pk
    assert sponsored.source.kind == FundingSource.Kind.COMPANY
    assert sponsored.source.name == "WoonZorgFlevoland"
    assert Current.objects.get(pk=signed["own"]).source.kind == FundingSource.Kind.OWN
    for agreement in Current.objects.all():
        assert agreement.text_matches_fingerprint()
        assert agreement.signatures.get().document_sha256 == agreement.document_sha256
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgrelid::regclass::text, tgenabled FROM pg_trigger "
                "WHERE tgname = 'burgerbaan_immutable' AND tgrelid::regclass::text IN "
                "('agreements_allowanceagreement', 'agreements_historicalallowanceagreement')"
            )
            assert sorted(cursor.fetchall()) == [
                ("agreements_allowanceagreement", "O"),
                ("agreements_historicalallowanceagreement", "O"),
            ]
