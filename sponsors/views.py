from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.models import Organisation
from burgerbaan.errors import InputRefused
from burgerbaan.pdf import template_pdf
from payments import to_pay
from reports.outcomes import SMALL_GROUP, outcomes
from sponsors import figures
from sponsors.forms import CodeForm, YearForm
from sponsors.models import Statement
from sponsors.permissions import sponsor_organisation_ids


def _organisations(request) -> list[Organisation]:
    ids = sponsor_organisation_ids(request.user)
    if not ids:
        raise PermissionDenied
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


# A sponsor's figures add up every month its money paid: kept until money, an answer, a
# goal or a conversation changes (ten minutes at most), and the page says from when. The
# statement PDF is always made fresh.
PORTAL_SECONDS = 600
OUTCOMES_KEY = "sponsor-outcomes-version"
outcomes_changed = to_pay.forgetter(OUTCOMES_KEY)


def _portal_figures(organisations, year: int | None) -> dict:
    sources = figures.sources_of([o.pk for o in organisations])

    def compute():
        rows = figures.figures_by_year(sources)
        shown = year or figures.years_shown(rows)[0]
        people = figures.people_of_year(rows, shown)
        return {
            "rows": rows,
            "year": shown,
            # Answers of fewer than 5 people could be traced back to one of them.
            "outcomes": (
                outcomes(
                    shown,
                    burgerbaner_ids=figures.funded_people(sources, shown),
                    source_ids=sources,
                )
                if len(people) >= SMALL_GROUP
                else None
            ),
            "computed_at": timezone.now(),
        }

    key = "-".join(
        [
            "sponsor-portal",
            *map(str, sorted(sources)),
            str(year or "latest"),
            timezone.localdate().isoformat(),
            to_pay.version(),
            to_pay.version(OUTCOMES_KEY),
        ]
    )
    return cache.get_or_set(key, compute, PORTAL_SECONDS)


@login_required
def sponsor_portal(request):
    """The sponsor's own figures over the years, and the outcomes of the people funded."""
    organisations = _organisations(request)
    form = YearForm(request.GET)
    if not form.is_valid():
        raise InputRefused(form.errors["jaar"][0])
    return render(
        request,
        "sponsors/portal.html",
        {
            "organisations": organisations,
            **_portal_figures(organisations, form.cleaned_data["jaar"]),
            "small_group": SMALL_GROUP,
        },
    )


@login_required
def sponsor_statement(request, year: int):
    """The yearly statement PDF, signed by Safe Almere, with a code anyone can check."""
    organisation = _organisations(request)[0]
    if not YearForm({"jaar": year}).is_valid():
        raise Http404
    statement = figures.statement_for(organisation, year, to=request.user)
    foundation = Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first()
    pdf = template_pdf(
        "sponsors/pdf/statement.html",
        {
            "statement": statement,
            "foundation": foundation,
            "check_url": request.build_absolute_uri("/verklaring/"),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verklaring-{year}.pdf"'
    return response


def statement_check(request):
    """Anyone checks a statement's code: which sponsor, which year, which totals."""
    form = CodeForm(request.GET or None)
    statement = None
    searched = False
    if form.is_valid():
        searched = True
        code = figures.normalise_code(form.cleaned_data["code"])
        statement = (
            Statement.objects.select_related("organisation").filter(code=code).first()
            if code
            else None
        )
    return render(
        request,
        "sponsors/statement_check.html",
        {"form": form, "statement": statement, "searched": searched},
    )


def factsheet(request):
    return render(request, "sponsors/factsheet.html", {"facts": figures.facts()})


def factsheet_pdf(request):
    pdf = template_pdf(
        "sponsors/pdf/factsheet.html",
        {"facts": figures.facts(), "today": timezone.localdate()},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="burgerbaan-feiten.pdf"'
    return response
