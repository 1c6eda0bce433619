"""Agreements in Django's admin: shown, never added, changed or deleted there.

Terms change only through ``agreements.services``, which checks them against the
law and fixes the text both sides sign again; the admin's own form would skip both.
"""

from django.contrib import admin

from agreements.models import AllowanceAgreement, Signature, VolunteerAgreement
from burgerbaan.history_admin import ReadOnlyHistoryAdmin


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    can_delete = False
    fields = ["party", "signed_by", "signed_at", "ip_address", "document_sha256"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class AgreementAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "version", "status", "start_date", "end_date"]
    list_filter = ["status"]
    search_fields = ["burgerbaner__legal_name", "burgerbaner__user__email"]
    readonly_fields = ["status", "version", "supersedes", "document_sha256", "created_by"]
    inlines = [SignatureInline]


@admin.register(VolunteerAgreement)
class VolunteerAgreementAdmin(AgreementAdmin):
    list_filter = ["status", "organisation"]


@admin.register(AllowanceAgreement)
class AllowanceAgreementAdmin(AgreementAdmin):
    list_filter = ["status", "source"]


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
