"""Funding sources, what they promised (commitments) and what came in (receipts).

A receipt is never edited or deleted: a mistake is corrected with a counter-entry,
a negative receipt that refers to the one it corrects, so what was booked, by whom
and when stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.iban import IBANField
from burgerbaan.money import CENT
from sources.errors import ReceiptLocked

OWN_MONEY_NAME = "Stadscoöperatie Almere (eigen geld)"


class FundingSource(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("bedrijf (sponsor)")
        DONATION = "donation", _("donaties")
        FUND = "fund", _("fonds")
        SUBSIDY = "subsidy", _("subsidie")
        MUNICIPALITY = "municipality", _("gemeente via dagbesteding")
        OWN = "own", _("eigen geld van de Stadscoöperatie")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_sources",
        verbose_name=_("organisatie"),
        help_text=_("De sponsor of dagbesteding achter deze bron, als die er is."),
    )
    reference = models.CharField(
        _("kenmerk"),
        max_length=35,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Het kenmerk dat de gever bij een overschrijving zet, bijvoorbeeld BB-WZF."),
    )
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")
        ordering = ["name"]
        constraints = [
            # One pot of the cooperative's own money: agreements without a sponsor land there.
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="own"), name="one_own_money_source"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class KnownIban(models.Model):
    """An account the money of a source comes from, to match bank statement lines."""

    source = models.ForeignKey(FundingSource, on_delete=models.CASCADE, related_name="known_ibans")
    iban = IBANField(_("IBAN"), unique=True)

    class Meta:
        verbose_name = _("bekende IBAN")
        verbose_name_plural = _("bekende IBANs")

    def __str__(self) -> str:
        return self.iban


class Commitment(models.Model):
    """A promise of money by a source for a period, and what it is for."""

    source = models.ForeignKey(
        FundingSource,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("bron"),
    )
    amount = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=[MinValueValidator(CENT)]
    )
    start_date = models.DateField(_("vanaf"))
    end_date = models.DateField(_("tot en met"))
    purpose = models.CharField(
        _("waarvoor"), max_length=200, help_text=_("Bijvoorbeeld: twee burgerbanen in 2026.")
    )
    citizen_jobs = models.PositiveSmallIntegerField(_("aantal burgerbanen"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["source", "start_date"]
        constraints = [
            models.CheckConstraint(
                name="commitment_ends_after_start",
                condition=Q(end_date__gte=models.F("start_date")),
            ),
            models.CheckConstraint(name="commitment_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.purpose}"


class Receipt(models.Model):
    """Money that came in for a source. Never edited or deleted; see ``corrects``."""

    source = models.ForeignKey(
        FundingSource,
        on_delete=models.PROTECT,
        related_name="receipts",
        verbose_name=_("bron"),
    )
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    received_on = models.DateField(_("ontvangen op"))
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    counterparty_iban = models.CharField(_("van rekening"), max_length=34, blank=True)
    # The bank's own reference of the transfer: the same statement line never books twice.
    bank_reference = models.CharField(
        _("kenmerk van de bank"), max_length=100, unique=True, null=True, blank=True
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("herstelt"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geboekt door"),
    )
    booked_at = models.DateTimeField(_("geboekt op"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ontvangst")
        verbose_name_plural = _("ontvangsten")
        ordering = ["-received_on", "-pk"]
        constraints = [
            # Money received is positive; only a counter-entry is negative.
            models.CheckConstraint(
                name="receipt_positive_or_counter_entry",
                condition=Q(corrects__isnull=True, amount__gt=0)
                | Q(corrects__isnull=False, amount__lt=0),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.amount} ({self.received_on:%d-%m-%Y})"

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ReceiptLocked
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReceiptLocked

    @property
    def is_counter_entry(self) -> bool:
        return self.corrects_id is not None


def own_money_source() -> int:
    """The pk of the cooperative's own money: the source of an agreement nobody else funds."""
    source, _created = FundingSource.objects.get_or_create(
        kind=FundingSource.Kind.OWN, defaults={"name": OWN_MONEY_NAME}
    )
    return source.pk
