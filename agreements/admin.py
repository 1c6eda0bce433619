"""Agreements in Django's admin: readable, but terms change only while nobody signed."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import AllowanceAgreement, Signature, VolunteerAgreement


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    can_delete = False
    fields = ["party", "signed_by", "signed_at", "ip_address", "document_sha256"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "version", "status", "start_date", "end_date"]
    list_filter = ["status"]
    search_fields = ["burgerbaner__legal_name", "burgerbaner__user__email"]
    readonly_fields = ["status", "version", "supersedes", "document_sha256", "created_by"]
    inlines = [SignatureInline]

    def has_change_permission(self, request, obj=None):
        # Signed terms never change; the model refuses it too.
        if obj is not None and obj.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or (not obj.is_locked and obj.status == "draft")

    def has_add_permission(self, request):
        # New agreements are made from a burgerbaner's page, where every rule is checked.
        return False


@admin.register(VolunteerAgreement)
class VolunteerAgreementAdmin(AgreementAdmin):
    list_filter = ["status", "organisation"]


@admin.register(AllowanceAgreement)
class AllowanceAgreementAdmin(AgreementAdmin):
    list_filter = ["status", "sponsor"]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "party", "signed_by", "signed_at"]
    readonly_fields = [
        "volunteer_agreement",
        "allowance_agreement",
        "party",
        "signed_by",
        "signed_at",
        "ip_address",
        "document_sha256",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
