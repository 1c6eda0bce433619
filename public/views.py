"""The visitor's home page and the questions about money and benefits. Nothing personal."""

from __future__ import annotations

from django.db.models import F, Sum
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from dashboards import views as dashboards
from places.models import Place
from rules.models import YearRules


def _rules() -> YearRules | None:
    """This year's maxima, or the latest year entered before it."""
    year = timezone.localdate().year
    rules = YearRules.objects.filter(year__lte=year).order_by("-year").first()
    return rules or YearRules.objects.order_by("year").first()


def home(request):
    """A logged-in person's home is their dashboard; a visitor reads what a burgerbaan is."""
    if request.user.is_authenticated:
        return dashboards.home(request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    newest = Place.objects.public().select_related("organisation").order_by("-published_at", "-pk")
    return render(
        request,
        "public/home.html",
        {
            "rules": _rules(),
            "newest_places": newest[:3],
            "open_places": Place.objects.public().aggregate(
                open=Sum(F("number_of_places") - F("filled_places"))
            )["open"]
            or 0,
        },
    )


@require_safe
def questions(request):
    return render(request, "public/questions.html", {"rules": _rules()})
