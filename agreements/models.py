"""The two agreements every burgerbaner has.

A volunteer agreement with each non-profit they work for, and one allowance
agreement with Stichting Safe Almere. Hours and payments may only happen
under an agreement that is in force on that day. Once anyone has signed, the
terms never change: a change is a new version that both sides sign again.
"""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.iban import IBANField, group_iban
from accounts.iban import mask_iban as mask_iban_text
from accounts.models import Burgerbaner, Organisation
from agreements.errors import AgreementError, AgreementLocked
from burgerbaan.money import format_euro
from rules.models import YearRules
from sources.models import own_money_source


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    AWAITING_SIGNATURES = "awaiting", _("wacht op handtekeningen")
    ACTIVE = "active", _("actief")
    ENDED = "ended", _("beëindigd")


# The only ways an agreement's status may change.
TRANSITIONS = {
    AgreementStatus.DRAFT: {AgreementStatus.AWAITING_SIGNATURES},
    AgreementStatus.AWAITING_SIGNATURES: {AgreementStatus.ACTIVE},
    AgreementStatus.ACTIVE: {AgreementStatus.ENDED},
    AgreementStatus.ENDED: set(),
}


TERMS_WITHOUT_TEXT = _(
    "Deze voorwaarden passen niet bij de tekst die klaarstaat om te tekenen. Wijzig een "
    "overeenkomst op haar eigen pagina: daar worden de regels gecontroleerd en de tekst "
    "opnieuw vastgelegd."
)


class AgreementQuerySet(models.QuerySet):
    def in_force_on_any_day_of(self, year: int):
        """Signed by both parties and running on at least one day of ``year``."""
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(
            Q(status=AgreementStatus.ACTIVE) | Q(status=AgreementStatus.ENDED),
            start_date__lte=last,
        ).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=first),
            Q(end_date__isnull=True) | Q(end_date__gte=first),
        )

    def running_in_month(self, year: int, month: int):
        """Signed by both parties and running on at least one day of ``month``."""
        first = datetime.date(year, month, 1)
        next_month = (first + datetime.timedelta(days=32)).replace(day=1)
        return self.filter(
            Q(status=AgreementStatus.ACTIVE) | Q(status=AgreementStatus.ENDED),
            start_date__lt=next_month,
        ).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=first),
            Q(end_date__isnull=True) | Q(end_date__gte=first),
        )

    def in_force_on(self, day: datetime.date):
        """Signed by both parties and running on ``day``."""
        return self.filter(
            Q(status=AgreementStatus.ACTIVE) | Q(status=AgreementStatus.ENDED),
            start_date__lte=day,
        ).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


def _say_term(name: str, value, mask_iban: bool) -> str:
    if value is None or value == "":
        return "–"
    if name == "iban":
        return mask_iban_text(value) if mask_iban else group_iban(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, Decimal) and name.startswith("hourly_rate"):
        return format_euro(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    return str(value)


class Agreement(models.Model):
    burgerbaner = models.ForeignKey(
        Burgerbaner,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        verbose_name=_("burgerbaner"),
    )
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name=_("vervangt versie"),
    )
    document_html = models.TextField(_("getekende tekst"), blank=True, editable=False)
    document_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    ended_on = models.DateField(_("beëindigd per"), null=True, blank=True)
    end_reason = models.TextField(_("reden van beëindigen"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(inherit=True)

    objects = AgreementQuerySet.as_manager()

    # The terms: what both parties sign. Fixed once anyone has signed.
    TERMS: tuple[str, ...] = ("burgerbaner", "start_date", "end_date")
    RELATED: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["-start_date", "-version"]

    def save(self, *args, **kwargs):
        # Whatever the path (form, admin, shell), compare with what is stored: the
        # terms of a signed agreement never change, and once the text is fixed for
        # signing, terms change only together with a newly fixed text
        # (``services.update_agreement``), so nobody signs a text that says otherwise.
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored is not None:
                same_terms = stored.terms() == self.terms()
                same_text = stored.document_sha256 == self.document_sha256
                if self.is_locked and not (same_terms and same_text):
                    raise AgreementLocked
                awaiting = stored.status == AgreementStatus.AWAITING_SIGNATURES
                if awaiting and same_text and not same_terms:
                    raise AgreementLocked(TERMS_WITHOUT_TEXT)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("agreement_detail", args=[self.kind_slug, self.pk])

    def delete(self, *args, **kwargs):
        if self.is_locked or self.status != AgreementStatus.DRAFT:
            raise AgreementLocked(_("Alleen een concept dat niemand heeft getekend, kan weg."))
        return super().delete(*args, **kwargs)

    # --- state ------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        """True once anyone has signed: the terms can no longer change."""
        return bool(self.pk) and self.signatures.exists()

    def move_to(self, status: str) -> None:
        if status not in TRANSITIONS[AgreementStatus(self.status)]:
            raise AgreementError(
                _("Een overeenkomst met status ‘%(from)s’ kan niet naar ‘%(to)s’.")
                % {
                    "from": AgreementStatus(self.status).label,
                    "to": AgreementStatus(status).label,
                }
            )
        self.status = status

    def is_in_force_on(self, day: datetime.date) -> bool:
        last_day = min(d for d in (self.end_date, self.ended_on, datetime.date.max) if d)
        return (
            self.status in (AgreementStatus.ACTIVE, AgreementStatus.ENDED)
            and self.start_date <= day <= last_day
        )

    def terms(self) -> dict:
        return {field: getattr(self, field) for field in self.TERMS}

    def changes_from_previous(self, *, mask_iban: bool) -> list[tuple[str, str, str]]:
        """(what, before, now) for each term that differs from the version this replaces."""
        previous = self.supersedes
        if previous is None:
            return []
        changes = []
        for name in self.TERMS:
            before, now = getattr(previous, name), getattr(self, name)
            if before != now:
                label = str(self._meta.get_field(name).verbose_name)
                changes.append(
                    (label, _say_term(name, before, mask_iban), _say_term(name, now, mask_iban))
                )
        return changes

    # --- the document -------------------------------------------------------------------

    def render_document(self) -> SafeString:
        foundation = Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first()
        return render_to_string(
            f"agreements/document/{self._meta.model_name}.html",
            {
                "agreement": self,
                "burgerbaner": self.burgerbaner,
                "foundation": foundation,
                **self.document_context(),
            },
        )

    def document_context(self) -> dict:
        return {}

    def freeze_document(self) -> None:
        """Fix the exact text both parties will sign, and its SHA-256."""
        self.document_html = str(self.render_document())
        self.document_sha256 = hashlib.sha256(self.document_html.encode("utf-8")).hexdigest()

    def text_matches_fingerprint(self) -> bool:
        digest = hashlib.sha256(self.document_html.encode("utf-8")).hexdigest()
        return bool(self.document_html) and digest == self.document_sha256

    def document(self, *, mask_iban: bool = False) -> SafeString:
        """The text to show: our own rendering, stored when it was sent for signature.

        ``mask_iban`` shows the payout IBAN in it as NL91 •••• •••• ••43 00, for
        readers who may not see it whole; the stored text and its SHA-256 stay as signed.
        """
        html = self.document_html or str(self.render_document())
        iban = getattr(self, "iban", "")
        if mask_iban and iban:
            for shown in (group_iban(iban), iban):
                html = html.replace(shown, mask_iban_text(iban))
        return mark_safe(html)  # noqa: S308 - our own template's output, letters and digits swapped

    # --- naming ---------------------------------------------------------------------------

    def all_versions(self) -> list[Agreement]:
        first = self
        while first.supersedes_id:
            first = first.supersedes
        versions = [first]
        while True:
            nxt = type(self).objects.filter(supersedes=versions[-1]).first()
            if nxt is None:
                return versions
            versions.append(nxt)

    def filename(self) -> str:
        name = "".join(c if c.isalnum() else "-" for c in self.burgerbaner.legal_name).strip("-")
        return f"{self.kind_slug}-{name}-v{self.version}.pdf".lower()


class VolunteerAgreement(Agreement):
    """Vrijwilligersovereenkomst between a burgerbaner and one non-profit."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="volunteer_agreements",
        limit_choices_to={"kind": Organisation.Kind.NONPROFIT},
        verbose_name=_("organisatie"),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guided_agreements",
        verbose_name=_("begeleider (coördinator)"),
    )
    work_description = models.TextField(_("het werk"))
    place = models.CharField(_("waar"), max_length=200, blank=True)
    hours_per_week = models.DecimalField(
        _("verwachte uren per week"), max_digits=4, decimal_places=2
    )

    TERMS = (
        *Agreement.TERMS,
        "organisation",
        "coordinator",
        "work_description",
        "place",
        "hours_per_week",
    )
    RELATED = ("organisation", "coordinator")
    kind_slug = "vrijwilliger"
    signature_field = "volunteer_agreement"
    title = _("Vrijwilligersovereenkomst")
    short_title = _("vrijwilligersovereenkomst")

    class Meta(Agreement.Meta):
        verbose_name = _("vrijwilligersovereenkomst")
        verbose_name_plural = _("vrijwilligersovereenkomsten")

    def __str__(self) -> str:
        return f"Vrijwilligersovereenkomst {self.burgerbaner} – {self.organisation}"

    @property
    def organisation_party_name(self) -> str:
        return self.organisation.name


class AllowanceAgreement(Agreement):
    """Vergoedingsovereenkomst between a burgerbaner and Stichting Safe Almere."""

    hourly_rate = models.DecimalField(_("vergoeding per uur"), max_digits=6, decimal_places=2)
    hourly_rate_from_21 = models.DecimalField(
        _("vergoeding per uur vanaf 21 jaar"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Alleen invullen als de burgerbaner tijdens deze overeenkomst 21 wordt."),
    )
    iban = IBANField(_("IBAN voor uitbetaling"))
    # Who pays the allowance; part of the terms both sides sign.
    source = models.ForeignKey(
        "sources.FundingSource",
        on_delete=models.PROTECT,
        default=own_money_source,
        related_name="allowance_agreements",
        verbose_name=_("betaald uit"),
    )

    # Under 27 on bijstand: the admin who made it confirmed the person was told what the
    # allowance means for their benefit. Not a term: the signed text does not change.
    bijstand_informed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bijstand onder 27 uitgelegd door"),
    )
    bijstand_informed_at = models.DateTimeField(
        _("bijstand onder 27 uitgelegd op"), null=True, blank=True
    )

    TERMS = (*Agreement.TERMS, "hourly_rate", "hourly_rate_from_21", "iban", "source")
    RELATED = ("source",)
    kind_slug = "vergoeding"
    signature_field = "allowance_agreement"
    title = _("Vergoedingsovereenkomst")
    short_title = _("vergoedingsovereenkomst")
    organisation_party_name = "Stichting Safe Almere"

    class Meta(Agreement.Meta):
        verbose_name = _("vergoedingsovereenkomst")
        verbose_name_plural = _("vergoedingsovereenkomsten")
        constraints = [
            # A rate of zero or below would eat into the person's gifts, hour by hour.
            models.CheckConstraint(
                name="allowance_rates_positive",
                condition=Q(hourly_rate__gt=0)
                & (Q(hourly_rate_from_21__isnull=True) | Q(hourly_rate_from_21__gt=0)),
            ),
        ]

    def __str__(self) -> str:
        return f"Vergoedingsovereenkomst {self.burgerbaner} {self.start_date:%Y}"

    def document_context(self) -> dict:
        return {"rules": YearRules.objects.filter(year=self.start_date.year).first()}

    def last_day(self) -> datetime.date | None:
        days = [d for d in (self.end_date, self.ended_on) if d]
        return min(days) if days else None

    def misses_rate_from_21(self) -> bool:
        """The person turns 21 while this runs, yet no rate from 21 is set: from their
        birthday they would keep the lower rate for under 21."""
        if self.hourly_rate_from_21:
            return False
        birthday = self.burgerbaner.twenty_first_birthday()
        last = self.last_day() or datetime.date.max
        return self.start_date < birthday <= last

    def rate_on(self, day: datetime.date):
        """The hourly rate for work on ``day`` (the second rate from the 21st birthday)."""
        if self.hourly_rate_from_21 and day >= self.burgerbaner.twenty_first_birthday():
            return self.hourly_rate_from_21
        return self.hourly_rate


class Signature(models.Model):
    """One party's signature under one version of an agreement. Never changed or deleted."""

    class Party(models.TextChoices):
        BURGERBANER = "burgerbaner", _("burgerbaner")
        ORGANISATION = "organisation", _("organisatie")

    volunteer_agreement = models.ForeignKey(
        VolunteerAgreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
    )
    allowance_agreement = models.ForeignKey(
        AllowanceAgreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
    )
    party = models.CharField(_("partij"), max_length=20, choices=Party.choices)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatures"
    )
    signed_at = models.DateTimeField(_("getekend op"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    document_sha256 = models.CharField(_("SHA-256 van de getekende tekst"), max_length=64)

    class Meta:
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        ordering = ["signed_at"]
        constraints = [
            models.CheckConstraint(
                name="signature_has_one_agreement",
                condition=(
                    Q(volunteer_agreement__isnull=False, allowance_agreement__isnull=True)
                    | Q(volunteer_agreement__isnull=True, allowance_agreement__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["volunteer_agreement", "party"], name="one_signature_per_volunteer_party"
            ),
            models.UniqueConstraint(
                fields=["allowance_agreement", "party"], name="one_signature_per_allowance_party"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.signed_by} ({self.signed_at:%d-%m-%Y})"

    def save(self, *args, **kwargs):
        if self.pk:
            raise AgreementLocked(_("Een handtekening verandert nooit."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AgreementLocked(_("Een handtekening wordt nooit verwijderd."))


class RenewalReminder(models.Model):
    """A weekly reminder sent about next year's agreement, so that rerunning sends nothing twice."""

    agreement = models.ForeignKey(
        AllowanceAgreement, on_delete=models.CASCADE, related_name="renewal_reminders"
    )
    week = models.CharField(max_length=8)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "week"], name="one_renewal_reminder_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} ({self.week})"


def paying_agreements(ids, year: int, month: int) -> dict[int, AllowanceAgreement]:
    """Per person, the allowance agreement that pays ``month``: its IBAN receives the money
    and its source pays it. Of two running in that month, the latest wins."""
    chosen: dict[int, AllowanceAgreement] = {}
    for agreement in (
        AllowanceAgreement.objects.running_in_month(year, month)
        .filter(burgerbaner_id__in=ids)
        .order_by("start_date", "version")
    ):
        chosen[agreement.burgerbaner_id] = agreement
    return chosen


def source_paying(person_id: int, year: int, month: int) -> int:
    """The funding source that pays ``person_id``'s allowance of ``month``: that of the
    agreement paying it, else the cooperative's own money."""
    agreement = paying_agreements([person_id], year, month).get(person_id)
    return agreement.source_id if agreement else own_money_source()
