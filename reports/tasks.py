"""Background jobs of the reports."""

import multiprocessing
import os
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor

from django.core.files import File
from django.db.models import Q
from django.tasks import task

from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from burgerbaan.pdf import render_pdf
from payments.models import Payment
from reports.models import StatementRun
from reports.statements import statement_html

# Below this many statements, starting worker processes costs more than it saves.
PARALLEL_FROM = 20


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


def _render_all(persons, year: int):
    """Yield (person, PDF) in order. The database work stays here; turning HTML into
    PDF (the slow, CPU-bound part) runs on every core when there are many."""
    if len(persons) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        for person in persons:
            yield person, render_pdf(statement_html(person, year))
        return
    # Fresh processes (spawn) share no database connection with this one.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
        pending = []
        for person in persons:
            html = statement_html(person, year)
            pending.append((person, pool.submit(render_pdf, html)))
            if len(pending) >= 4 * (os.cpu_count() or 1):
                person_, future = pending.pop(0)
                yield person_, future.result()
        for person_, future in pending:
            yield person_, future.result()
