"""Sources and commitments are kept in Django's admin (with their history); receipts
are only shown there: they are booked on the funding page or from the bank statement,
and never changed."""

from django.contrib import admin

from burgerbaan.history_admin import HistoryAdmin, ReadOnlyHistoryAdmin
from sources.models import Commitment, FundingSource, KnownIban, Receipt


class KnownIbanInline(admin.TabularInline):
    model = KnownIban
    extra = 0


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    fields = ["amount", "start_date", "end_date", "purpose", "citizen_jobs"]


@admin.register(FundingSource)
class FundingSourceAdmin(HistoryAdmin):
    list_display = ["name", "kind", "organisation", "reference", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "reference"]
    inlines = [CommitmentInline, KnownIbanInline]


@admin.register(Commitment)
class CommitmentAdmin(HistoryAdmin):
    list_display = ["source", "amount", "start_date", "end_date", "purpose", "citizen_jobs"]
    list_filter = ["source"]
    readonly_fields = ["created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Receipt)
class ReceiptAdmin(ReadOnlyHistoryAdmin):
    list_display = ["source", "amount", "received_on", "corrects", "booked_by", "bank_reference"]
    list_filter = ["source"]
