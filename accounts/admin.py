from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin

from accounts import services
from accounts.models import Burgerbaner, Invitation, Organisation, Role, User
from burgerbaan.exports import SafeExportAdminMixin
from burgerbaan.history_admin import HistoryAdmin
from burgerbaan.imports import AllOrNothingImportMixin


class UserResource(resources.ModelResource):
    class Meta:
        model = User
        import_id_fields = ["email"]
        fields = ["email", "name", "is_active"]
        skip_unchanged = True


class OrganisationResource(resources.ModelResource):
    class Meta:
        model = Organisation
        import_id_fields = ["name"]
        fields = [
            "name",
            "kind",
            "kvk_number",
            "rsin",
            "is_anbi",
            "address",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        skip_unchanged = True

    def before_save_instance(self, instance, row, **kwargs):
        # Which organisation is the foundation decides the account every payment
        # comes from: that is chosen in the admin's form, where it is announced.
        foundation = Organisation.Kind.FOUNDATION
        stored = Organisation.objects.filter(pk=instance.pk).values_list("kind", flat=True)
        before = stored.first() if instance.pk else None
        if foundation in (instance.kind, before) and instance.kind != before:
            raise ValidationError(
                {
                    "kind": "De stichting (penvoerder) kies je in het beheerscherm van de "
                    "organisatie, niet met een import."
                }
            )


class BurgerbanerResource(resources.ModelResource):
    """Import and export burgerbaners, keyed by e-mail. New people get an account
    without a password; the admin sends their invitation from the dashboard."""

    email = fields.Field(attribute="email", column_name="email")

    class Meta:
        model = Burgerbaner
        fields = [
            "email",
            "legal_name",
            "date_of_birth",
            "street",
            "postcode",
            "city",
            "phone",
            "iban",
            "start_date",
        ]
        import_id_fields = ["email"]
        clean_model_instances = True
        skip_unchanged = True

    def get_instance(self, instance_loader, row):
        email = (row.get("email") or "").strip().lower()
        return Burgerbaner.objects.filter(user__email__iexact=email).first()

    def dehydrate_email(self, burgerbaner):
        return burgerbaner.user.email if burgerbaner.user_id else ""

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        instance.__dict__.pop("email", None)  # the e-mail belongs to the account
        if instance.user_id:
            return
        email = (row.get("email") or "").strip().lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError({"email": "Vul een geldig e-mailadres in."}) from exc
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            # Inside the import's transaction: a dry run or an error anywhere undoes it.
            user = User.objects.create_user(email=email, password=None, name=instance.legal_name)
        instance.user = user


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = ["kind", "organisation"]

    def clean(self):
        data = super().clean()
        kind, organisation = data.get("kind"), data.get("organisation")
        if kind and kind not in services.ROLE_ORGANISATION and organisation:
            self.add_error(
                "organisation",
                "Alleen een coördinator, verwijzer of sponsor hoort bij een organisatie.",
            )
        elif kind:
            try:
                services.check_role(kind, organisation)
            except services.RoleNotAllowed as exc:
                self.add_error("organisation", exc.message)
        return data


class RoleInline(admin.TabularInline):
    """Roles are added and removed here, never changed in place: every new role goes
    through ``grant_role``, which records and announces it."""

    model = Role
    form = RoleForm
    extra = 0
    autocomplete_fields = ["organisation"]

    def has_change_permission(self, request, obj=None):
        return False


STAFF_ACCESS = ("is_staff", "is_superuser")


@admin.register(User)
class UserAdmin(
    AllOrNothingImportMixin, SafeExportAdminMixin, ImportExportModelAdmin, BaseUserAdmin
):
    resource_classes = [UserResource]
    ordering = ["name"]
    list_display = ["name", "email", "is_active", "last_login"]
    search_fields = ["name", "email"]
    list_filter = ["is_active", "roles__kind"]
    inlines = [RoleInline]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        ("Toegang", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Data", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name"]})]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if any(field in form.changed_data and getattr(obj, field) for field in STAFF_ACCESS):
            services.announce_admin_access(obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Role:
            return super().save_formset(request, form, formset, change)
        for role in formset.save(commit=False):
            services.grant_role(form.instance, role.kind, role.organisation, by=request.user)
        for role in formset.deleted_objects:
            role.delete()
        return None

    def has_delete_permission(self, request, obj=None):
        # People are never deleted: their signatures and payments point at them and the
        # audit trail keeps who did what. Untick "actief" instead (or anonymise a burgerbaner).
        return False


@admin.register(Organisation)
class OrganisationAdmin(
    AllOrNothingImportMixin, SafeExportAdminMixin, ImportExportModelAdmin, HistoryAdmin
):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "kvk_number", "contact_name"]
    list_filter = ["kind"]
    search_fields = ["name", "kvk_number"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.announce_foundation_account(
            obj, before=form.initial if change else {}, changed=form.changed_data, by=request.user
        )


@admin.register(Burgerbaner)
class BurgerbanerAdmin(
    AllOrNothingImportMixin, SafeExportAdminMixin, ImportExportModelAdmin, HistoryAdmin
):
    resource_classes = [BurgerbanerResource]
    list_display = ["legal_name", "user", "date_of_birth", "start_date"]
    search_fields = ["legal_name", "user__email"]
    autocomplete_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "expires_at", "accepted_at", "revoked_at"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request):
        return False


# allauth's own admin shows the stored data of an authenticator: the TOTP secret.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    """Who has which second factor, never its secret. Deleting one (a lost phone)
    lets its owner enrol a new one at their next login."""

    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__name", "user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
