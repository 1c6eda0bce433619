"""Bank statements read in, and what each line of them booked."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Statement(models.Model):
    """One CAMT.053 file the treasurer uploaded. The same file is read once."""

    version = models.CharField(_("formaat"), max_length=20)
    message_id = models.CharField(_("berichtkenmerk"), max_length=35, blank=True)
    statement_id = models.CharField(_("afschriftkenmerk"), max_length=35, blank=True)
    account_iban = models.CharField(_("rekening"), max_length=34, blank=True)
    sha256 = models.CharField(max_length=64, unique=True)
    imported_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bankafschrift")
        verbose_name_plural = _("bankafschriften")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.statement_id or self.message_id} ({self.imported_at:%d-%m-%Y})"


class Outcome(models.TextChoices):
    PAID = "paid", _("betaling uitgevoerd")
    RETURNED = "returned", _("betaling teruggekomen")
    RECEIPT = "receipt", _("ontvangst geboekt")
    TO_CLASSIFY = "to_classify", _("nog in te delen")
    NEEDS_ATTENTION = "attention", _("kijk hier zelf naar")
    OTHER = "other", _("geen betaling van de Burgerbaan")


OUTCOME_TRANSITIONS = {
    Outcome.TO_CLASSIFY: {Outcome.RECEIPT, Outcome.OTHER},
}


class StatementLine(models.Model):
    """One transaction of a statement. Each bank transaction is booked once, whichever
    file it comes in (``bank_reference`` is unique)."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="lines")
    bank_reference = models.CharField(_("kenmerk van de bank"), max_length=100, unique=True)
    booked_on = models.DateField(_("boekdatum"))
    amount = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)
    is_credit = models.BooleanField(_("bij"))
    end_to_end_id = models.CharField(_("betalingskenmerk"), max_length=35, blank=True)
    counterparty_name = models.CharField(_("naam"), max_length=140, blank=True)
    counterparty_iban = models.CharField(_("rekening"), max_length=34, blank=True)
    description = models.CharField(_("omschrijving"), max_length=500, blank=True)
    return_code = models.CharField(_("redencode"), max_length=4, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    payment = models.ForeignKey(
        "payments.Payment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_lines",
    )
    receipt = models.OneToOneField(
        "sources.Receipt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_line",
    )
    classified_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    classified_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regel van een bankafschrift")
        verbose_name_plural = _("regels van bankafschriften")
        ordering = ["-booked_on", "pk"]
        indexes = [models.Index(fields=["outcome", "booked_on"])]

    def __str__(self) -> str:
        return f"{self.booked_on:%d-%m-%Y} {self.amount} {self.counterparty_name}"

    def move_to(self, outcome: str) -> None:
        from bank.errors import BankError

        if outcome not in OUTCOME_TRANSITIONS.get(Outcome(self.outcome), set()):
            raise BankError(_("Deze regel is al ingedeeld."))
        self.outcome = outcome
