from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.admin import ImportMixin
from import_export.results import Result

from accounts.forms import decimal_input
from accounts.models import Burgerbaner
from burgerbaan.errors import DomainError
from burgerbaan.history_admin import HistoryAdmin, ReadOnlyHistoryAdmin
from burgerbaan.imports import AllOrNothingImportMixin
from burgerbaan.money import format_euro
from payments import services
from payments.errors import PaymentError
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


class OpeningBalanceResult(Result):
    """An import's result, with the warnings about people it brings over the maximum."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []


class OpeningBalanceResource(resources.ModelResource):
    """Import opening balances: e-mail of the burgerbaner, year, amount, note.

    Every row is a record of its own: two equal rows are two payments elsewhere. Each
    is saved by ``services.set_opening_balance`` with the importing admin as the one
    who registered it, in the preview too (which is rolled back).
    """

    burgerbaner = fields.Field(
        attribute="burgerbaner",
        column_name="email",
        widget=widgets.ForeignKeyWidget(Burgerbaner, field="user__email"),
    )

    class Meta:
        model = OpeningBalance
        fields = ["burgerbaner", "year", "amount", "note"]
        # import-export wants a key column; it never finds an existing row (get_instance).
        import_id_fields = ["burgerbaner"]
        clean_model_instances = True

    def get_result_class(self):
        return OpeningBalanceResult

    def before_import(self, dataset, **kwargs):
        self.touched: dict[tuple[int, int], Burgerbaner] = {}
        self.made: list[int] = []
        self.repeated: list[str] = []

    def get_instance(self, instance_loader, row):
        return None

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        by = kwargs.get("user")
        if by is None:
            raise ValidationError(_("Importeer beginsaldi in Django's admin."))
        if (
            OpeningBalance.objects.filter(
                burgerbaner=instance.burgerbaner,
                year=instance.year,
                amount=instance.amount,
                corrects=None,
            )
            .exclude(pk__in=self.made)
            .exists()
        ):
            # Entered before this import: perhaps the same file a second time.
            self.repeated.append(
                _(
                    "Dit beginsaldo staat er al: %(amount)s voor %(name)s in %(year)s. Elke "
                    "regel wordt een eigen beginsaldo; importeer hetzelfde bestand niet twee keer."
                )
                % {
                    "amount": format_euro(instance.amount),
                    "name": instance.burgerbaner.legal_name,
                    "year": instance.year,
                }
            )
        try:
            saved = services.set_opening_balance(
                instance.burgerbaner,
                year=instance.year,
                amount=instance.amount,
                note=instance.note,
                by=by,
            )
        except DomainError as exc:
            raise ValidationError({exc.field or NON_FIELD_ERRORS: exc.message}) from exc
        instance.pk = saved.pk
        self.made.append(saved.pk)
        self.touched[(instance.burgerbaner_id, instance.year)] = instance.burgerbaner

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.warnings.extend(getattr(self, "repeated", []))
        for (_person, year), burgerbaner in getattr(self, "touched", {}).items():
            warning = services.opening_balance_warning(burgerbaner, year)
            if warning:
                result.warnings.append(warning)


class OpeningBalanceForm(forms.ModelForm):
    class Meta:
        model = OpeningBalance
        fields = ["burgerbaner", "year", "amount", "note"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        try:
            check_amount(amount)
        except PaymentError as exc:
            raise ValidationError(exc.message) from exc
        return amount


class CorrectOpeningBalanceForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Hoeveel neem je terug?"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Het hele bedrag, of een deel als er te veel is ingevoerd."),
    )
    note = forms.CharField(label=_("Waarom?"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decimal_input(self.fields["amount"])


@admin.register(OpeningBalance)
class OpeningBalanceAdmin(AllOrNothingImportMixin, ImportMixin, HistoryAdmin):
    """Admins enter money paid earlier in the year outside the system; it counts toward the
    annual maximum. Entered once, never edited: a correction is a counter-entry."""

    resource_classes = [OpeningBalanceResource]
    form = OpeningBalanceForm
    list_display = [
        "burgerbaner",
        "year",
        "amount",
        "note",
        "corrects",
        "registered_by",
        "registered_at",
        "correct_link",
    ]
    list_filter = ["year"]
    fields = ["burgerbaner", "year", "amount", "note"]
    autocomplete_fields = ["burgerbaner"]

    def has_change_permission(self, request, obj=None):
        return obj is None

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("corrigeren"))
    def correct_link(self, balance):
        if balance.is_correction:
            return ""
        url = reverse("admin:payments_openingbalance_correct", args=[balance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Corrigeren"))

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/corrigeren/",
                self.admin_site.admin_view(self.correct_view),
                name="payments_openingbalance_correct",
            )
        ]
        return own + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        # A refusal inside the save (another admin busy with this person) undoes the
        # save and comes back as a message.
        try:
            return super().add_view(request, form_url, extra_context)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        saved = services.set_opening_balance(
            obj.burgerbaner, year=obj.year, amount=obj.amount, note=obj.note, by=request.user
        )
        obj.pk = saved.pk
        obj.registered_at = saved.registered_at
        self._warn(request, obj.burgerbaner, obj.year)

    def correct_view(self, request, object_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        balance = get_object_or_404(
            OpeningBalance.objects.select_related("burgerbaner"), pk=object_id, corrects=None
        )
        form = CorrectOpeningBalanceForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.correct_opening_balance(
                    balance,
                    amount=form.cleaned_data["amount"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
            except PaymentError as exc:
                form.add_error(exc.field, exc.message)
            else:
                messages.success(request, _("De correctie is ingevoerd."))
                self._warn(request, balance.burgerbaner, balance.year)
                return redirect("admin:payments_openingbalance_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Beginsaldo corrigeren"),
            "balance": balance,
            "corrections": balance.corrections.select_related("registered_by"),
            "form": form,
        }
        return TemplateResponse(request, "admin/payments/openingbalance/correct.html", context)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        result = (getattr(response, "context_data", None) or {}).get("result")
        for warning in getattr(result, "warnings", []):
            messages.warning(request, warning)
        return response

    def process_result(self, result, request):
        for warning in getattr(result, "warnings", []):
            messages.warning(request, warning)
        return super().process_result(result, request)

    @staticmethod
    def _warn(request, burgerbaner, year):
        warning = services.opening_balance_warning(burgerbaner, year)
        if warning:
            messages.warning(request, warning)
