"""Agreements as PDF, rendered by WeasyPrint from an HTML template."""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from agreements.models import Agreement, Signature


def agreement_pdf(agreement: Agreement) -> bytes:
    signatures = {s.party: s for s in agreement.signatures.select_related("signed_by")}
    html = render_to_string(
        "agreements/pdf/agreement.html",
        {
            "agreement": agreement,
            "document": agreement.document(),
            "burgerbaner_signature": signatures.get(Signature.Party.BURGERBANER),
            "organisation_signature": signatures.get(Signature.Party.ORGANISATION),
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
