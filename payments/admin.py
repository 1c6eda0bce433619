from django.contrib import admin
from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.admin import ImportMixin

from accounts.models import Burgerbaner
from burgerbaan.errors import DomainError
from burgerbaan.history_admin import HistoryAdmin, ReadOnlyHistoryAdmin
from burgerbaan.imports import AllOrNothingImportMixin
from payments import services
from payments.models import Extra, OpeningBalance, Payment, PaymentBatch
from payments.services import check_amount


@admin.register(Payment)
class PaymentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["burgerbaner", "year", "month", "amount", "status", "batch", "approved_by"]
    list_filter = ["status", "year"]
    search_fields = ["burgerbaner__legal_name"]


@admin.register(PaymentBatch)
class PaymentBatchAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "status", "execution_date", "created_by"]


@admin.register(Extra)
class ExtraAdmin(ReadOnlyHistoryAdmin):
    list_display = ["burgerbaner", "date", "kind", "amount", "corrects", "registered_by"]
    list_filter = ["kind"]


class OpeningBalanceResource(resources.ModelResource):
    """Import opening balances: e-mail of the burgerbaner, year, amount, note."""

    burgerbaner = fields.Field(
        attribute="burgerbaner",
        column_name="email",
        widget=widgets.ForeignKeyWidget(Burgerbaner, field="user__email"),
    )

    class Meta:
        model = OpeningBalance
        fields = ["burgerbaner", "year", "amount", "note"]
        import_id_fields = ["burgerbaner", "year", "amount"]
        skip_unchanged = True
        clean_model_instances = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.pk:
            # The same person, year and amount again with another note: an entry never
            # changes (an identical row is skipped before it gets here).
            errors["note"] = [
                "Dit beginsaldo staat er al, met een andere toelichting. Een beginsaldo "
                "verandert nooit: een correctie is een nieuwe regel."
            ]
        super().validate_instance(instance, errors, validate_unique)

    def before_save_instance(self, instance, row, **kwargs):
        check_amount(instance.amount)


@admin.register(OpeningBalance)
class OpeningBalanceAdmin(AllOrNothingImportMixin, ImportMixin, HistoryAdmin):
    """Admins enter money paid earlier in the year outside the system; it counts toward the
    annual maximum. Entered once, never edited: a correction is another entry."""

    resource_classes = [OpeningBalanceResource]
    list_display = ["burgerbaner", "year", "amount", "note", "registered_by"]
    list_filter = ["year"]
    fields = ["burgerbaner", "year", "amount", "note"]
    autocomplete_fields = ["burgerbaner"]

    def has_change_permission(self, request, obj=None):
        return obj is None

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        try:
            saved = services.set_opening_balance(
                obj.burgerbaner, year=obj.year, amount=obj.amount, note=obj.note, by=request.user
            )
        except DomainError as exc:
            raise ValidationError(exc.message) from exc
        obj.pk = saved.pk
