"""Agreements as PDF, rendered by WeasyPrint from an HTML template."""

from agreements.models import Agreement, Signature
from burgerbaan.pdf import template_pdf


def agreement_pdf(agreement: Agreement, *, mask_iban: bool = False) -> bytes:
    signatures = {s.party: s for s in agreement.signatures.select_related("signed_by")}
    return template_pdf(
        "agreements/pdf/agreement.html",
        {
            "agreement": agreement,
            "document": agreement.document(mask_iban=mask_iban),
            "burgerbaner_signature": signatures.get(Signature.Party.BURGERBANER),
            "organisation_signature": signatures.get(Signature.Party.ORGANISATION),
        },
    )
