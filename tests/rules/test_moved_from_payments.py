"""The yearly rules moved from ``payments`` to ``rules`` with every row and its history."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from rules.models import YearRules

BEFORE = [("payments", "0004_immutable_records"), ("rules", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_the_year_rules_keeps_every_row_its_history_and_its_guard():
    old = migrate(BEFORE)
    OldRules = old.get_model("payments", "YearRules")
    OldHistory = old.get_model("payments", "HistoricalYearRules")
    OldContentType = old.get_model("contenttypes", "ContentType")
    figures = {
        "annual_maximum": Decimal("2300.00"),
        "monthly_maximum": Decimal("230.00"),
        "hourly_maximum": Decimal("6.10"),
        "hourly_maximum_under_21": Decimal("3.60"),
        "source": "test",
    }
    rules = OldRules.objects.create(year=2031, **figures)
    OldHistory.objects.create(
        id=rules.pk, year=2031, history_date=timezone.now(), history_type="+", **figures
    )
    OldContentType.objects.get_or_create(app_label="payments", model="yearrules")
    before = sorted(OldRules.objects.values_list("pk", "year", "annual_maximum"))
    history_before = OldHistory.objects.count()

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    # Every row keeps its id and figures; the official years may be added on the way.
    after = set(YearRules.objects.values_list("pk", "year", "annual_maximum"))
    assert set(before) <= after
    assert YearRules.objects.get(year=2031).hourly_maximum == Decimal("6.10")
    assert YearRules.history.count() == history_before
    assert YearRules._meta.db_table == "rules_yearrules"
    assert ContentType.objects.filter(app_label="rules", model="yearrules").exists()
    assert not ContentType.objects.filter(app_label="payments", model="yearrules").exists()
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE rules_historicalyearrules SET year = 2099")
