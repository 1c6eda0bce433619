"""The two agreements every burgerbaner has.

A volunteer agreement with each non-profit they work for, and one allowance
agreement with Stichting Safe Almere. Hours and payments may only happen
under an agreement that is in force on that day.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.iban import IBANField
from accounts.models import Burgerbaner, Organisation


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "concept"
    AWAITING_SIGNATURES = "awaiting", "wacht op handtekeningen"
    ACTIVE = "active", "actief"
    ENDED = "ended", "beëindigd"


class AgreementQuerySet(models.QuerySet):
    def in_force_on(self, day: datetime.date):
        """Signed by both parties and running on ``day``."""
        return self.filter(
            Q(status=AgreementStatus.ACTIVE) | Q(status=AgreementStatus.ENDED),
            start_date__lte=day,
        ).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


class Agreement(models.Model):
    burgerbaner = models.ForeignKey(
        Burgerbaner, on_delete=models.PROTECT, related_name="%(class)ss", verbose_name="burgerbaner"
    )
    start_date = models.DateField("startdatum")
    end_date = models.DateField("einddatum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    version = models.PositiveSmallIntegerField("versie", default=1)
    ended_on = models.DateField("beëindigd per", null=True, blank=True)
    end_reason = models.TextField("reden van beëindigen", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-start_date"]

    def is_in_force_on(self, day: datetime.date) -> bool:
        last_day = min(d for d in (self.end_date, self.ended_on, datetime.date.max) if d)
        return (
            self.status in (AgreementStatus.ACTIVE, AgreementStatus.ENDED)
            and self.start_date <= day <= last_day
        )


class VolunteerAgreement(Agreement):
    """Vrijwilligersovereenkomst between a burgerbaner and one non-profit."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="volunteer_agreements",
        limit_choices_to={"kind": Organisation.Kind.NONPROFIT},
        verbose_name="organisatie",
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guided_agreements",
        verbose_name="begeleider (coördinator)",
    )
    work_description = models.TextField("het werk")
    place = models.CharField("waar", max_length=200, blank=True)
    hours_per_week = models.DecimalField("verwachte uren per week", max_digits=4, decimal_places=2)

    class Meta(Agreement.Meta):
        verbose_name = "vrijwilligersovereenkomst"
        verbose_name_plural = "vrijwilligersovereenkomsten"

    def __str__(self) -> str:
        return f"Vrijwilligersovereenkomst {self.burgerbaner} – {self.organisation}"


class AllowanceAgreement(Agreement):
    """Vergoedingsovereenkomst between a burgerbaner and Stichting Safe Almere."""

    hourly_rate = models.DecimalField("vergoeding per uur", max_digits=6, decimal_places=2)
    iban = IBANField("IBAN voor uitbetaling")
    sponsor = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_agreements",
        limit_choices_to={"kind": Organisation.Kind.SPONSOR},
        verbose_name="sponsor",
    )

    class Meta(Agreement.Meta):
        verbose_name = "vergoedingsovereenkomst"
        verbose_name_plural = "vergoedingsovereenkomsten"

    def __str__(self) -> str:
        return f"Vergoedingsovereenkomst {self.burgerbaner} {self.start_date:%Y}"
