"""The legal maxima of each year."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from burgerbaan.money import CENT


class YearRules(models.Model):
    """The Belastingdienst's maxima for a tax-free volunteer allowance in one year.

    All three hold at once: per hour, per calendar month and per year. Going
    over any of them makes the whole amount taxable.
    """

    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    annual_maximum = models.DecimalField(
        _("jaarmaximum"), max_digits=10, decimal_places=2, validators=[MinValueValidator(CENT)]
    )
    monthly_maximum = models.DecimalField(
        _("maandmaximum"), max_digits=10, decimal_places=2, validators=[MinValueValidator(CENT)]
    )
    hourly_maximum = models.DecimalField(
        _("uurmaximum vanaf 21 jaar"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(CENT)],
    )
    hourly_maximum_under_21 = models.DecimalField(
        _("uurmaximum onder 21 jaar"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(CENT)],
    )
    source = models.CharField(
        _("bron"),
        max_length=200,
        blank=True,
        help_text=_(
            "Waar de bedragen vandaan komen, bijvoorbeeld de pagina van de Belastingdienst."
        ),
    )
    # Once money of the year went out, a change says why (``rules.services.change_year_rules``).
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        verbose_name = _("jaarregels")
        verbose_name_plural = _("jaarregels")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                name="year_rules_amounts_positive",
                condition=Q(annual_maximum__gt=0)
                & Q(monthly_maximum__gt=0)
                & Q(hourly_maximum__gt=0)
                & Q(hourly_maximum_under_21__gt=0),
            ),
            models.CheckConstraint(
                name="year_rules_under_21_not_above_21",
                condition=Q(hourly_maximum_under_21__lte=F("hourly_maximum")),
            ),
            models.CheckConstraint(
                name="year_rules_month_not_above_year",
                condition=Q(monthly_maximum__lte=F("annual_maximum")),
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    def clean(self):
        errors = {}
        young, adult = self.hourly_maximum_under_21, self.hourly_maximum
        if young is not None and adult is not None and young > adult:
            errors["hourly_maximum_under_21"] = _(
                "Het uurmaximum onder 21 jaar kan niet hoger zijn dan het uurmaximum vanaf 21 jaar."
            )
        month, year = self.monthly_maximum, self.annual_maximum
        if month is not None and year is not None and month > year:
            errors["monthly_maximum"] = _(
                "Het maandmaximum kan niet hoger zijn dan het jaarmaximum."
            )
        if errors:
            raise ValidationError(errors)

    def hourly_maximum_for_age(self, age: int):
        return self.hourly_maximum if age >= 21 else self.hourly_maximum_under_21


class MissingRulesReminder(models.Model):
    """A reminder to an admin that next year's rules are missing: one a week at most,
    and never twice on one day however often the job runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "year", "sent_on"], name="one_missing_rules_reminder_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} → {self.user} ({self.sent_on:%d-%m-%Y})"
