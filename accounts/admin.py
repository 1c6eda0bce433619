from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import Burgerbaner, Invitation, Organisation, Role, User


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


class BurgerbanerResource(resources.ModelResource):
    email = fields.Field(attribute="user__email", column_name="email", readonly=True)

    class Meta:
        model = Burgerbaner
        fields = [
            "id",
            "email",
            "legal_name",
            "date_of_birth",
            "street",
            "postcode",
            "city",
            "phone",
            "start_date",
        ]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(ImportExportModelAdmin, BaseUserAdmin):
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


@admin.register(Organisation)
class OrganisationAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "kvk_number", "contact_name"]
    list_filter = ["kind"]
    search_fields = ["name", "kvk_number"]


@admin.register(Burgerbaner)
class BurgerbanerAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
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
