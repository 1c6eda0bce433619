"""Every allowance agreement names the source that pays it.

Each sponsor organisation named on an agreement becomes a funding source of its own
(a company sponsor, named as the organisation, so the text of an agreement rendered
again reads the same); an agreement without a sponsor is paid from the cooperative's
own money. The agreements' history rows get the same source.

Signed agreements and history rows are guarded on PostgreSQL against every change
(payments 0004). This carrying-over only fills the new column with what the old one
said; the guard is lifted for these two statements within this migration's
transaction. The signed text and its SHA-256 stay exactly as they were.
"""

from django.db import migrations

OWN_MONEY_NAME = "Stadscoöperatie Almere (eigen geld)"
GUARDED = ["agreements_allowanceagreement", "agreements_historicalallowanceagreement"]


def _guard(schema_editor, action):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        if action == "ENABLE":
            # The new foreign keys are checked now, so no check is pending for ALTER TABLE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in GUARDED:
            cursor.execute(
                "SELECT 1 FROM pg_trigger WHERE tgname = 'burgerbaan_immutable' "
                "AND tgrelid = %s::regclass",
                [table],
            )
            if cursor.fetchone():
                cursor.execute(f"ALTER TABLE {table} {action} TRIGGER burgerbaan_immutable")


def sponsors_to_sources(apps, schema_editor):
    FundingSource = apps.get_model("sources", "FundingSource")
    AllowanceAgreement = apps.get_model("agreements", "AllowanceAgreement")
    History = apps.get_model("agreements", "HistoricalAllowanceAgreement")
    Organisation = apps.get_model("accounts", "Organisation")

    _guard(schema_editor, "DISABLE")
    own, _ = FundingSource.objects.get_or_create(kind="own", defaults={"name": OWN_MONEY_NAME})
    sponsor_ids = set(
        AllowanceAgreement.objects.exclude(sponsor=None).values_list("sponsor", flat=True)
    ) | set(History.objects.exclude(sponsor=None).values_list("sponsor", flat=True))
    for organisation in Organisation.objects.filter(pk__in=sponsor_ids):
        source = FundingSource.objects.filter(organisation=organisation).first()
        if source is None:
            source = FundingSource.objects.create(
                name=organisation.name, kind="company", organisation=organisation
            )
        AllowanceAgreement.objects.filter(sponsor=organisation).update(source=source)
        History.objects.filter(sponsor=organisation.pk).update(source=source)
    AllowanceAgreement.objects.filter(sponsor=None).update(source=own)
    History.objects.filter(sponsor=None).update(source=own)
    _guard(schema_editor, "ENABLE")


def sources_to_sponsors(apps, schema_editor):
    AllowanceAgreement = apps.get_model("agreements", "AllowanceAgreement")
    History = apps.get_model("agreements", "HistoricalAllowanceAgreement")
    FundingSource = apps.get_model("sources", "FundingSource")

    _guard(schema_editor, "DISABLE")
    for source in FundingSource.objects.exclude(organisation=None):
        AllowanceAgreement.objects.filter(source=source).update(sponsor=source.organisation)
        History.objects.filter(source=source.pk).update(sponsor=source.organisation_id)
    _guard(schema_editor, "ENABLE")


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0003_allowanceagreement_source'),
        ('accounts', '0005_referrer_sponsor_daycare'),
    ]

    operations = [
        migrations.RunPython(sponsors_to_sources, sources_to_sponsors),
    ]
