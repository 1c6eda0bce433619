"""The yearly rules as Django knew them in ``payments``: the tables stay where they are.

The tables ``payments_yearrules`` and ``payments_historicalyearrules`` exist from
``payments.0001_initial``; this only tells Django that the ``rules`` app owns them.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("payments", "0004_immutable_records"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="YearRules",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(unique=True, verbose_name="jaar"),
                        ),
                        (
                            "annual_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=10,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="jaarmaximum",
                            ),
                        ),
                        (
                            "monthly_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=10,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="maandmaximum",
                            ),
                        ),
                        (
                            "hourly_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=6,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="uurmaximum vanaf 21 jaar",
                            ),
                        ),
                        (
                            "hourly_maximum_under_21",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=6,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="uurmaximum onder 21 jaar",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Waar de bedragen vandaan komen, bijvoorbeeld de pagina van de Belastingdienst.",
                                max_length=200,
                                verbose_name="bron",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "jaarregels",
                        "verbose_name_plural": "jaarregels",
                        "ordering": ["-year"],
                        "db_table": "payments_yearrules",
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalYearRules",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(db_index=True, verbose_name="jaar"),
                        ),
                        (
                            "annual_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=10,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="jaarmaximum",
                            ),
                        ),
                        (
                            "monthly_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=10,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="maandmaximum",
                            ),
                        ),
                        (
                            "hourly_maximum",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=6,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="uurmaximum vanaf 21 jaar",
                            ),
                        ),
                        (
                            "hourly_maximum_under_21",
                            models.DecimalField(
                                decimal_places=2,
                                max_digits=6,
                                validators=[
                                    django.core.validators.MinValueValidator(Decimal("0.01"))
                                ],
                                verbose_name="uurmaximum onder 21 jaar",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Waar de bedragen vandaan komen, bijvoorbeeld de pagina van de Belastingdienst.",
                                max_length=200,
                                verbose_name="bron",
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical jaarregels",
                        "verbose_name_plural": "historical jaarregels",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "db_table": "payments_historicalyearrules",
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
        )
    ]
