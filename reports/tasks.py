"""Background jobs of the reports."""

import multiprocessing
import os
import tempfile
import zipfile
from collections import deque
from concurrent.futures import ProcessPoolExecutor

from django.core.files import File
from django.db.models import Q
from django.tasks import task

from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from burgerbaan.pdf import render_parts
from payments.models import Payment
from reports.models import StatementRun
from reports.statements import joined_statements_html, statement_pdf

# Below this many statements, starting worker processes costs more than it saves.
PARALLEL_FROM = 20
# Statements per WeasyPrint document: most of the saving comes by a few dozen, and a
# batch's pages stay in a worker's memory until it is split.
BATCH = 40


def people_of_year(year: int):
    return Burgerbaner.objects.filter(
        Q(pk__in=AllowanceAgreement.objects.in_force_on_any_day_of(year).values("burgerbaner"))
        | Q(pk__in=Payment.objects.filter(year=year).values("burgerbaner"))
    ).order_by("legal_name")


@task
def build_statements_zip(run_id: int) -> None:
    """Render every yearly statement of the run's year into one ZIP, counting progress."""
    run = StatementRun.objects.get(pk=run_id)
    persons = list(people_of_year(run.year))
    StatementRun.objects.filter(pk=run.pk).update(
        status=StatementRun.Status.RUNNING, total=len(persons), done=0
    )
    try:
        with tempfile.TemporaryFile() as buffer:
            with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for done, (person, pdf) in enumerate(_render_all(persons, run.year), start=1):
                    name = "".join(c if c.isalnum() else "-" for c in person.legal_name)
                    archive.writestr(f"jaaropgave-{run.year}-{name}-{person.pk}.pdf", pdf)
                    if done % 5 == 0 or done == len(persons):
                        StatementRun.objects.filter(pk=run.pk).update(done=done)
            buffer.seek(0)
            run.refresh_from_db()
            run.file.save(f"jaaropgaven-{run.year}-{run.pk}.zip", File(buffer), save=False)
            run.status = StatementRun.Status.DONE
            run.save(update_fields=["file", "status"])
    except Exception:
        StatementRun.objects.filter(pk=run.pk).update(status=StatementRun.Status.FAILED)
        raise


def _batches(persons, size: int):
    for start in range(0, len(persons), size):
        yield persons[start : start + size]


def _one_each(batch, pdfs, year: int):
    """(person, PDF) of a rendered batch; a statement longer than a page made on its own."""
    for person, pdf in zip(batch, pdfs, strict=True):
        yield person, pdf if pdf is not None else statement_pdf(person, year)


def _render_all(persons, year: int):
    """Yield (person, PDF) in order. Statements are laid out in batches, one WeasyPrint
    document per batch (far cheaper per statement than one document each), and split
    into one PDF per person. The database work stays here; the layout (the slow,
    CPU-bound part) runs on every core when there are many."""
    cores = os.cpu_count() or 1
    if len(persons) < PARALLEL_FROM or cores < 2:
        for batch in _batches(persons, BATCH):
            yield from _one_each(batch, render_parts(*joined_statements_html(batch, year)), year)
        return
    # Small runs still give every core a batch.
    size = min(BATCH, -(-len(persons) // cores))
    # Fresh processes (spawn) share no database connection with this one.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        pending = deque()
        for batch in _batches(persons, size):
            pending.append((batch, pool.submit(render_parts, *joined_statements_html(batch, year))))
            if len(pending) >= 2 * cores:
                batch_, future = pending.popleft()
                yield from _one_each(batch_, future.result(), year)
        for batch_, future in pending:
            yield from _one_each(batch_, future.result(), year)
