"""Yearly statements given to sponsors, each with a code anyone can check."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """What one sponsor's money made possible in one year, as stated on the PDF.

    The figures are kept as they were printed, so the public check shows exactly what
    the statement says; a statement of the same year with other figures gets a code of
    its own. Never changed or deleted.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="sponsor_statements"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    code = models.CharField(_("controlecode"), max_length=20, unique=True)
    citizen_jobs = models.CharField(_("burgerbanen"), max_length=20)
    nonprofits = models.CharField(_("organisaties"), max_length=20)
    hours = models.DecimalField(_("uren"), max_digits=10, decimal_places=2)
    paid = models.DecimalField(_("vergoeding betaald"), max_digits=12, decimal_places=2)
    issued_at = models.DateTimeField(_("uitgegeven op"), default=timezone.now)
    issued_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("verklaring voor een sponsor")
        verbose_name_plural = _("verklaringen voor sponsors")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} ({self.code})"

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ValueError("A statement never changes.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A statement is never deleted.")
