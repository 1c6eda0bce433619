"""Background jobs of the reports."""

import tempfile
import zipfile

from django.core.files import File
from django.db.models import Q
from django.tasks import task

from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from payments.models import Payment
from reports.models import StatementRun
from reports.statements import statement_pdf


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
                for done, person in enumerate(persons, start=1):
                    name = "".join(c if c.isalnum() else "-" for c in person.legal_name)
                    archive.writestr(
                        f"jaaropgave-{run.year}-{name}-{person.pk}.pdf",
                        statement_pdf(person, run.year),
                    )
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
