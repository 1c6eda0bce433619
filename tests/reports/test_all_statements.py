"""The ZIP of all yearly statements: one PDF per person, each as the single download."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports import tasks
from reports.models import StatementRun
from reports.statements import statement_pdf
from tests.conftest import YEAR
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory, year_rules
from tests.funding.conftest import pay

pytestmark = pytest.mark.django_db


def person_paid(name: str, months, approver):
    person = BurgerbanerFactory(legal_name=name, user__name=name)
    AllowanceAgreementFactory(
        burgerbaner=person,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
    )
    for month in months:
        pay(person, YEAR, month, "50.00", approver)
    return person


def zip_of_the_year(admin_user) -> dict[int, PdfReader]:
    run = StatementRun.objects.create(year=YEAR, requested_by=admin_user)
    tasks.build_statements_zip.call(run.pk)
    run.refresh_from_db()
    assert run.status == StatementRun.Status.DONE
    archive = zipfile.ZipFile(run.file.open("rb"))
    return {
        int(name.removesuffix(".pdf").rsplit("-", 1)[1]): PdfReader(io.BytesIO(archive.read(name)))
        for name in archive.namelist()
    }


def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_each_statement_in_the_zip_is_its_own_correct_pdf(admin_user, treasurer):
    year_rules(YEAR)
    people = [
        person_paid(name, months, treasurer)
        for name, months in (
            ("Fatima el Amrani", [1, 2, 3]),
            ("Jan de Vries", [5]),
            ("Anouk Bakker", range(1, 13)),
        )
    ]

    pdfs = zip_of_the_year(admin_user)

    assert sorted(pdfs) == sorted(p.pk for p in people)
    for person in people:
        reader = pdfs[person.pk]
        assert len(reader.pages) == 1
        assert reader.metadata.title == f"Jaaropgave {YEAR} – {person.legal_name}"
        assert reader.metadata.author == "Stichting Safe Almere"
        assert person.legal_name in text(reader)
        assert f"Jaaropgave vrijwilligersvergoeding {YEAR} · pagina 1 van 1" in text(reader)
        others = [p.legal_name for p in people if p != person]
        assert not any(name in text(reader) for name in others)
        # The same as the statement downloaded on its own.
        alone = PdfReader(io.BytesIO(statement_pdf(person, YEAR)))
        assert text(reader) == text(alone)
        assert reader.metadata.title == alone.metadata.title


def test_a_statement_of_two_pages_is_numbered_on_its_own(admin_user, treasurer, settings, tmp_path):
    """Tall rows make a full year run over a page; in a joined document its page
    numbers would count on from the statements before it."""
    year_rules(YEAR)
    style = tmp_path / "reports" / "pdf" / "statement_style.html"
    style.parent.mkdir(parents=True)
    ours = Path(settings.BASE_DIR) / "templates" / "reports" / "pdf" / "statement_style.html"
    tall = "tbody td { padding: 2.5em .4em; }</style>"
    style.write_text(ours.read_text().replace("</style>", tall))
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    short = person_paid("Anouk Bakker", [], treasurer)
    long = person_paid("Bram Visser", range(1, 13), treasurer)
    after = person_paid("Chris de Wit", [], treasurer)

    pdfs = zip_of_the_year(admin_user)

    long_pages = [page.extract_text() for page in pdfs[long.pk].pages]
    assert len(long_pages) > 1
    assert f"pagina 1 van {len(long_pages)}" in long_pages[0]
    assert f"pagina {len(long_pages)} van {len(long_pages)}" in long_pages[-1]
    assert "Bram Visser" in long_pages[0]
    for person in (short, after):
        assert len(pdfs[person.pk].pages) == 1
        assert "pagina 1 van 1" in text(pdfs[person.pk])
        assert person.legal_name in text(pdfs[person.pk])
