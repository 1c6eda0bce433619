"""Reading an EPC QR code back, as a banking app does: decode the image, check the payload."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import zxingcpp
from PIL import Image
from schwifty import IBAN

CHARSETS = {
    "1": "utf-8",
    "2": "iso-8859-1",
    "3": "iso-8859-2",
    "4": "iso-8859-4",
    "5": "iso-8859-5",
    "6": "iso-8859-7",
    "7": "iso-8859-10",
    "8": "iso-8859-15",
}


def decode(image: Image.Image) -> str:
    """The text of the one QR code in ``image``."""
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(results) == 1, f"expected one QR code, found {len(results)}"
    return results[0].text


def decode_png(png: bytes) -> str:
    return decode(Image.open(io.BytesIO(png)).convert("L"))


def pdf_pages_as_png(pdf: bytes, *, dpi: int = 100) -> list[bytes]:
    """Every page of ``pdf`` as a PNG, rendered by pdftoppm (poppler-utils)."""
    assert shutil.which("pdftoppm"), "pdftoppm is missing: bin/system-deps browser installs it"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-", f"{folder}/page"],
            input=pdf,
            capture_output=True,
            check=True,
            timeout=60,
        )
        return [page.read_bytes() for page in sorted(Path(folder).glob("page*.png"))]


def parse_epc(payload: str) -> dict:
    """The fields of an EPC QR payload (EPC069-12, version 002), checked as a bank app would."""
    assert len(payload.encode("utf-8")) <= 331
    lines = payload.split("\n")
    assert 10 <= len(lines) <= 12, lines
    lines += [""] * (12 - len(lines))
    service, version, charset, identification, bic, name, iban, amount, purpose = lines[:9]
    assert purpose == "" or re.fullmatch(r"[A-Z]{4}", purpose)
    reference, text, information = lines[9:12]
    assert len(information) <= 70
    assert service == "BCD"
    assert version == "002"
    assert charset in CHARSETS
    assert identification == "SCT"
    assert bic == "" or re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bic)
    assert 1 <= len(name) <= 70
    IBAN(iban)  # raises on an invalid one
    assert re.fullmatch(r"EUR\d{1,9}(\.\d{1,2})?", amount), amount
    value = Decimal(amount[3:])
    assert Decimal("0.01") <= value <= Decimal("999999999.99")
    assert not (reference and text), "either a reference or a text, never both"
    assert len(text) <= 140
    return {"bic": bic, "name": name, "iban": iban, "amount": value, "text": text}
