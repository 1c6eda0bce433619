"""The reports' exports (CSV, XLSX, JSON) through django-import-export.

What they hold is made safe for spreadsheets in the view, by the one neutraliser
of every export (``burgerbaan.exports``).
"""

from import_export import fields, resources, widgets

from agreements.models import Signature
from hours.models import HourEntry
from payments.models import Payment

# Columns in euro: a spreadsheet shows them as € 2.100,00 (the hours stay plain numbers).
EURO_COLUMNS = {
    "vergoeding",
    "giften",
    "reiskosten",
    "totaal",
    "betaald",
    "ruimte tot jaarmaximum",
    "bedrag",
}
EURO_FORMAT = '"€" #,##0.00'


def money(attribute: str, column: str) -> fields.Field:
    return fields.Field(
        attribute=attribute,
        column_name=column,
        widget=widgets.DecimalWidget(coerce_to_string=False),
    )


class PersonReportResource(resources.Resource):
    """The year report per burgerbaner."""

    name = fields.Field(attribute="burgerbaner__legal_name", column_name="burgerbaner")
    email = fields.Field(attribute="burgerbaner__user__email", column_name="e-mail")
    sponsor = fields.Field(attribute="sponsor", column_name="sponsor")
    hours = money("hours", "uren")
    allowance = money("allowance", "vergoeding")
    gifts = money("gifts", "giften")
    travel = money("travel", "reiskosten")
    total = money("total", "totaal")
    paid = money("paid", "betaald")
    not_paid = money("not_paid", "niet uitbetaald: boven het maximum")
    headroom = money("headroom", "ruimte tot jaarmaximum")
    payments = fields.Field(
        attribute="payments",
        column_name="betalingen",
        widget=widgets.IntegerWidget(coerce_to_string=False),
    )


class HourEntryResource(resources.ModelResource):
    burgerbaner = fields.Field(
        attribute="timesheet__burgerbaner__legal_name", column_name="burgerbaner"
    )
    organisation = fields.Field(
        attribute="timesheet__organisation__name", column_name="organisatie"
    )
    status = fields.Field(attribute="timesheet__status", column_name="status")
    hours = money("hours", "uren")

    class Meta:
        model = HourEntry
        fields = [
            "id",
            "date",
            "burgerbaner",
            "organisation",
            "hours",
            "description",
            "is_correction",
            "correction_reason",
            "status",
        ]
        export_order = fields


class PaymentResource(resources.ModelResource):
    burgerbaner = fields.Field(attribute="burgerbaner__legal_name", column_name="burgerbaner")
    amount = money("amount", "bedrag")
    approved_by = fields.Field(attribute="approved_by__name", column_name="goedgekeurd door")

    class Meta:
        model = Payment
        fields = [
            "id",
            "burgerbaner",
            "year",
            "month",
            "amount",
            "status",
            "batch",
            "approved_by",
            "approved_at",
            "return_reason",
        ]
        export_order = fields


class SignatureResource(resources.ModelResource):
    signed_by = fields.Field(attribute="signed_by__name", column_name="getekend door")

    class Meta:
        model = Signature
        fields = [
            "id",
            "volunteer_agreement",
            "allowance_agreement",
            "party",
            "signed_by",
            "signed_at",
            "ip_address",
            "document_sha256",
        ]
        export_order = fields
