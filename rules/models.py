"""The legal maxima of each year."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jaarregels")
        verbose_name_plural = _("jaarregels")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def hourly_maximum_for_age(self, age: int):
        return self.hourly_maximum if age >= 21 else self.hourly_maximum_under_21
