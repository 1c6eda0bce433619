"""People, their roles, and the organisations of the pilot."""

from __future__ import annotations

import datetime

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts.iban import IBANField


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who logs in. What they may do follows from their roles."""

    email = models.EmailField("e-mailadres", unique=True)
    name = models.CharField("naam", max_length=150)
    is_active = models.BooleanField("actief", default=True)
    is_staff = models.BooleanField("toegang tot Django-beheer", default=False)
    date_joined = models.DateTimeField("aangemaakt op", default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        ordering = ["name"]
        # The admin's list of people pages by name: no sorting of everyone.
        indexes = [models.Index(fields=["name", "id"], name="user_name_idx")]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class Organisation(models.Model):
    class Kind(models.TextChoices):
        NONPROFIT = "nonprofit", "maatschappelijke organisatie"
        FOUNDATION = "foundation", "stichting (penvoerder)"
        SPONSOR = "sponsor", "sponsor"
        COOPERATIVE = "cooperative", "stadscoöperatie"
        DAYCARE = "daycare", "dagbesteding"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    name = models.CharField("naam", max_length=200, unique=True)
    kvk_number = models.CharField("KvK-nummer", max_length=8, blank=True)
    rsin = models.CharField("RSIN", max_length=9, blank=True)
    is_anbi = models.BooleanField("ANBI-status", default=False)
    address = models.CharField("adres", max_length=300, blank=True)
    contact_name = models.CharField("contactpersoon", max_length=150, blank=True)
    contact_email = models.EmailField("e-mail contactpersoon", blank=True)
    contact_phone = models.CharField("telefoon contactpersoon", max_length=30, blank=True)
    iban = IBANField(
        "IBAN",
        blank=True,
        help_text="Voor Stichting Safe Almere: de rekening waarvan betaald wordt.",
    )
    bic = models.CharField("BIC", max_length=11, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    """One role of one person. A person may hold several."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", "coördinator"
        SIGNER = "signer", "ondertekenaar Safe Almere"
        TREASURER = "treasurer", "penningmeester"
        ADMIN = "admin", "beheerder"
        REFERRER = "referrer", "verwijzer (dagbesteding)"
        SPONSOR = "sponsor", "contactpersoon sponsor"

    # These roles move money or sign for the foundation: they need two-factor login.
    NEEDS_MFA = frozenset({Kind.SIGNER, Kind.TREASURER, Kind.ADMIN})

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField("rol", max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="organisatie",
        help_text=(
            "Voor coördinatoren: de organisatie die zij coördineren; voor een verwijzer de"
            " dagbesteding; voor een sponsor de sponsor."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        constraints = [
            models.CheckConstraint(
                name="coordinator_has_organisation",
                condition=~Q(kind="coordinator") | Q(organisation__isnull=False),
            ),
            # A referrer refers for one day-care organisation, a sponsor's contact sees one sponsor.
            models.CheckConstraint(
                name="referrer_and_sponsor_have_organisation",
                condition=~Q(kind__in=["referrer", "sponsor"]) | Q(organisation__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "organisation"], name="unique_role_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(organisation__isnull=True),
                name="unique_role_without_organisation",
            ),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.get_kind_display()} bij {self.organisation}"
        return self.get_kind_display()


class Benefit(models.TextChoices):
    """Whether someone receives a benefit, in their own words: it changes what an allowance
    means for them (under 27 on bijstand, any allowance beyond costs is deducted)."""

    UNKNOWN = "", "nog niet ingevuld"
    SOCIAL_ASSISTANCE = "bijstand", "bijstand (Participatiewet)"
    UNEMPLOYMENT = "ww", "WW"
    DISABILITY = "wajong_wia", "Wajong of WIA"
    OTHER = "other", "een andere uitkering"
    NONE = "none", "geen uitkering"
    NOT_SAID = "not_said", "zeg ik liever niet"


# Under this age, bijstand deducts any allowance beyond proven costs (Participatiewet).
BIJSTAND_AGE = 27


class Burgerbaner(models.Model):
    """A person with a citizen job. Never holds a BSN."""

    user = models.OneToOneField(User, on_delete=models.PROTECT, related_name="burgerbaner")
    legal_name = models.CharField("officiële naam", max_length=200)
    date_of_birth = models.DateField("geboortedatum")
    street = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    city = models.CharField("woonplaats", max_length=100, blank=True, default="Almere")
    phone = models.CharField("telefoon", max_length=30, blank=True)
    iban = IBANField("IBAN", blank=True)
    start_date = models.DateField("startdatum")
    personal_plan = models.TextField(
        "persoonlijk plan",
        blank=True,
        help_text="Wat wil je doen en wat kun je? Wat wil je leren?",
    )
    benefit = models.CharField(
        "uitkering",
        max_length=20,
        choices=Benefit.choices,
        blank=True,
        default=Benefit.UNKNOWN,
        help_text=(
            "Alleen jij, de beheerders en de penningmeester zien dit. Je kunt het altijd wijzigen."
        ),
    )
    # Set once the retention period is over and an admin removed who this was.
    anonymised_at = models.DateTimeField("geanonimiseerd op", null=True, blank=True)
    anonymised_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "burgerbaner"
        verbose_name_plural = "burgerbaners"
        ordering = ["legal_name"]
        # Lists of thousands show a page at a time by name: the database walks the names
        # in order instead of sorting everyone for each page.
        indexes = [models.Index(fields=["legal_name", "id"], name="burgerbaner_name_idx")]

    def __str__(self) -> str:
        return self.legal_name

    @property
    def address(self) -> str:
        return ", ".join(
            part for part in (self.street, f"{self.postcode} {self.city}".strip()) if part
        )

    def age_on(self, day: datetime.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def has_benefit(self) -> bool:
        return self.benefit not in (Benefit.UNKNOWN, Benefit.NONE, Benefit.NOT_SAID)

    def young_on_bijstand(self, day: datetime.date) -> bool:
        """Under 27 with bijstand: any allowance beyond proven costs is deducted."""
        return self.benefit == Benefit.SOCIAL_ASSISTANCE and self.age_on(day) < BIJSTAND_AGE

    def twenty_first_birthday(self) -> datetime.date:
        born = self.date_of_birth
        try:
            return born.replace(year=born.year + 21)
        except ValueError:  # born on 29 February
            return datetime.date(born.year + 21, 3, 1)


class Invitation(models.Model):
    """A one-time link that lets an invited person choose their password."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Uitnodiging voor {self.user.email}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class Notice(models.Model):
    """Something that happened to a person's records, told to them once.

    ``key`` names the event (say ``timesheet-step-12``), so that telling it again,
    by a retried request or a rerun job, neither adds a second notice nor sends a
    second e-mail.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notices")
    key = models.CharField(max_length=100)
    text = models.CharField("bericht", max_length=500)
    url = models.CharField(max_length=200, blank=True)
    needs_action = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_notice_per_event")]

    def __str__(self) -> str:
        return f"{self.user}: {self.text}"
