"""Money going out: payments, batches, gifts, travel costs and opening balances."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from burgerbaan.money import CENT
from payments.validators import validate_opening_year


class PaymentStatus(models.TextChoices):
    APPROVED = "approved", _("goedgekeurd")
    PAID = "paid", _("betaald")
    RETURNED = "returned", _("teruggekomen")


PAYMENT_TRANSITIONS = {
    PaymentStatus.APPROVED: {PaymentStatus.PAID},
    PaymentStatus.PAID: {PaymentStatus.RETURNED},
    PaymentStatus.RETURNED: set(),
}


class Payment(models.Model):
    """Allowance approved for one person for one month of work. The amount never changes."""

    burgerbaner = models.ForeignKey(
        "accounts.Burgerbaner", on_delete=models.PROTECT, related_name="payments"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    month = models.PositiveSmallIntegerField(_("maand"))
    amount = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, validators=[MinValueValidator(CENT)]
    )
    iban = models.CharField(_("IBAN"), max_length=34)
    status = models.CharField(
        _("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.APPROVED
    )
    batch = models.ForeignKey(
        "payments.PaymentBatch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
    )
    approved_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("goedgekeurd op"))
    paid_on = models.DateField(_("betaald op"), null=True, blank=True)
    return_reason = models.TextField(_("reden van terugkomen"), blank=True)
    returned_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(_("teruggekomen op"), null=True, blank=True)
    # Who pays it: the source of the allowance agreement paying the month, fixed when the
    # payment is approved (a later agreement never moves money already paid).
    source = models.ForeignKey(
        "sources.FundingSource",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name=_("betaald uit"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        ordering = ["-year", "-month", "burgerbaner__legal_name"]
        indexes = [
            models.Index(fields=["burgerbaner", "year"]),
            # The treasurer's month page lists and counts the payments of one month.
            models.Index(fields=["year", "month"], name="payment_month_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="payment_amount_positive", condition=models.Q(amount__gt=0))
        ]

    def __str__(self) -> str:
        return f"{self.burgerbaner} {self.month:02d}-{self.year}: € {self.amount}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.source_id is None:
            from agreements.models import source_paying

            self.source_id = source_paying(self.burgerbaner_id, self.year, self.month)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("payment_detail", args=[self.pk])

    @property
    def period(self):
        """The first day of the month of work this payment is for."""
        import datetime

        return datetime.date(self.year, self.month, 1)

    def move_to(self, status: str) -> None:
        from payments.errors import PaymentError

        if status not in PAYMENT_TRANSITIONS[PaymentStatus(self.status)]:
            raise PaymentError(
                _("Deze betaling kan niet van ‘%(from)s’ naar ‘%(to)s’.")
                % {"from": PaymentStatus(self.status).label, "to": PaymentStatus(status).label}
            )
        self.status = status


class PaymentBatch(models.Model):
    """A betaalopdracht: approved payments sent to the bank as one SEPA file."""

    class Status(models.TextChoices):
        OPEN = "open", _("klaar voor de bank")
        PAID = "paid", _("uitgevoerd door de bank")

    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    execution_date = models.DateField(_("uitvoerdatum"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("betaalopdracht")
        verbose_name_plural = _("betaalopdrachten")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Betaalopdracht {self.pk} ({self.created_at:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("batch_detail", args=[self.pk])


class BatchDownload(models.Model):
    """Someone downloaded a batch's SEPA file: a file sent to the bank twice pays twice."""

    batch = models.ForeignKey(PaymentBatch, on_delete=models.PROTECT, related_name="downloads")
    by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("gedownload op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("download van een SEPA-bestand")
        verbose_name_plural = _("downloads van SEPA-bestanden")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return (
            f"Betaalopdracht {self.batch_id} gedownload door {self.by} op {self.at:%d-%m-%Y %H:%M}"
        )


class ExtraKind(models.TextChoices):
    GIFT = "gift", _("gift")
    TRAVEL = "travel", _("reiskostenvergoeding")


class Extra(models.Model):
    """A gift or travel-cost reimbursement. Counts toward the maxima like allowance.

    Never edited or deleted: a correction is a counter-entry, a negative amount that
    refers to the entry it corrects (``corrects``), on that entry's date.
    """

    burgerbaner = models.ForeignKey(
        "accounts.Burgerbaner", on_delete=models.PROTECT, related_name="extras"
    )
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=20, choices=ExtraKind.choices)
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    description = models.CharField(_("omschrijving"), max_length=200)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("correctie van"),
    )
    registered_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gift of reiskosten")
        verbose_name_plural = _("giften en reiskosten")
        ordering = ["-date", "-registered_at"]
        constraints = [
            # An entry is positive; only a counter-entry is negative.
            models.CheckConstraint(
                name="extra_positive_or_counter_entry",
                condition=models.Q(corrects__isnull=True, amount__gt=0)
                | models.Q(corrects__isnull=False, amount__lt=0),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.burgerbaner} {self.date:%d-%m-%Y}"

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None


class OpeningBalance(models.Model):
    """Volunteer allowance paid earlier in the year outside this system.

    Never edited or deleted: a correction is a counter-entry, a negative amount that
    refers to the balance it corrects (``corrects``). Two equal rows are two payments
    elsewhere, so nothing here is unique.
    """

    burgerbaner = models.ForeignKey(
        "accounts.Burgerbaner", on_delete=models.PROTECT, related_name="opening_balances"
    )
    year = models.PositiveSmallIntegerField(_("jaar"), validators=[validate_opening_year])
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("correctie van"),
    )
    registered_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    registered_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beginsaldo")
        verbose_name_plural = _("beginsaldi")
        ordering = ["-year", "-registered_at"]
        constraints = [
            # A balance is positive; only a counter-entry is negative.
            models.CheckConstraint(
                name="opening_balance_positive_or_counter_entry",
                condition=models.Q(corrects__isnull=True, amount__gt=0)
                | models.Q(corrects__isnull=False, amount__lt=0),
            )
        ]

    def __str__(self) -> str:
        return f"Beginsaldo {self.burgerbaner} {self.year}"

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None


class ElsewhereAllowance(models.Model):
    """Volunteer allowance from another organisation in one month (vergoeding van elders).

    It adds up with this pilot's money under the same monthly and annual maxima.
    Never edited or deleted: a correction is a counter-entry, a negative amount that
    refers to the entry it corrects (``corrects``), in that entry's month.
    """

    burgerbaner = models.ForeignKey(
        "accounts.Burgerbaner", on_delete=models.PROTECT, related_name="elsewhere_allowances"
    )
    organisation_name = models.CharField(_("van welke organisatie?"), max_length=200)
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    amount = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2)
    note = models.CharField(_("waarom gecorrigeerd"), max_length=200, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("correctie van"),
    )
    registered_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vergoeding van elders")
        verbose_name_plural = _("vergoedingen van elders")
        ordering = ["-month", "-registered_at"]
        constraints = [
            models.CheckConstraint(
                name="elsewhere_positive_or_counter_entry",
                condition=models.Q(corrects__isnull=True, amount__gt=0)
                | models.Q(corrects__isnull=False, amount__lt=0),
            ),
            models.CheckConstraint(
                name="elsewhere_month_is_first_day", condition=models.Q(month__day=1)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} {self.month:%m-%Y}"

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None
