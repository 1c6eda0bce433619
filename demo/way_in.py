"""Demo vacancy bank and intake: a dozen places at the demo non-profits, applications in
every stage (one of them the application that made burgerbaner6 a burgerbaner)."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from accounts.models import Burgerbaner, Organisation, User
from intake.models import Application, Event, Stage
from places.models import District, KindOfWork, Place, PlaceStatus

# non-profit index, title, kind, district, hours, days and times, places, filled, status, text
PLACES = [
    (0, "Gastvrouw of gastheer in de buurtkamer", KindOfWork.MEETING, District.STAD, 8,
     "dinsdag en donderdag, 10.00 tot 14.00 uur", 3, 1, PlaceStatus.PUBLISHED,
     "Je zet koffie en thee, ontvangt buurtbewoners en maakt een praatje."),
    (0, "Kok voor de buurtmaaltijd", KindOfWork.FOOD, District.STAD, 6,
     "woensdag, 14.00 tot 20.00 uur", 2, 0, PlaceStatus.PUBLISHED,
     "Je kookt samen met anderen een maaltijd voor dertig buurtbewoners."),
    (0, "Klusjes in en om het buurthuis", KindOfWork.OTHER, District.STAD, 4,
     "maandag, 9.00 tot 13.00 uur", 1, 0, PlaceStatus.SUBMITTED,
     "Je helpt met kleine klussen: een lamp ophangen, een kast in elkaar zetten."),
    (1, "Fietsenmaker in het repair café", KindOfWork.REPAIR, District.BUITEN, 6,
     "zaterdag, 10.00 tot 16.00 uur", 2, 1, PlaceStatus.PUBLISHED,
     "Je repareert fietsen samen met de eigenaar, zodat die er zelf van leert."),
    (1, "Kleine apparaten repareren", KindOfWork.REPAIR, District.BUITEN, 4,
     "zaterdag, 12.00 tot 16.00 uur", 2, 0, PlaceStatus.PUBLISHED,
     "Broodroosters, lampen en radio's: je zoekt uit wat er kapot is en maakt het."),
    (1, "Gastheer of gastvrouw in het repair café", KindOfWork.MEETING, District.BUITEN, 3,
     "zaterdag, 10.00 tot 13.00 uur", 1, 0, PlaceStatus.DRAFT,
     "Je ontvangt bezoekers, schrijft ze in en schenkt koffie."),
    (2, "Moestuinier", KindOfWork.GREEN, District.HAVEN, 18,
     "maandag tot en met donderdag, ochtenden", 4, 2, PlaceStatus.PUBLISHED,
     "Zaaien, wieden, water geven en oogsten in een grote stadsmoestuin."),
    (2, "Oogst verdelen in de buurt", KindOfWork.FOOD, District.HAVEN, 4,
     "vrijdag, 13.00 tot 17.00 uur", 2, 0, PlaceStatus.PUBLISHED,
     "Je brengt groente van de tuin naar buurtbewoners en de voedselbank."),
    (2, "Kas en kweek", KindOfWork.GREEN, District.HAVEN, 8,
     "dinsdag en woensdag", 1, 1, PlaceStatus.CLOSED,
     "Je zorgt voor de jonge plantjes in de kas."),
    (3, "Sportmaatje voor jongeren", KindOfWork.SPORT, District.POORT, 6,
     "woensdagmiddag en vrijdagavond", 3, 1, PlaceStatus.PUBLISHED,
     "Je begeleidt sportmiddagen voor jongeren en zorgt dat iedereen meedoet."),
    (3, "Wandelgroep begeleiden", KindOfWork.SPORT, District.HOUT, 4,
     "dinsdag, 10.00 tot 12.00 uur", 2, 0, PlaceStatus.PUBLISHED,
     "Je loopt mee met een wandelgroep voor ouderen in het Almeerderhout."),
    (4, "Voorlezer voor kinderen", KindOfWork.CULTURE, District.STAD, 4,
     "woensdagmiddag", 3, 1, PlaceStatus.PUBLISHED,
     "Je leest voor aan kleine groepjes kinderen en praat over het verhaal."),
    (4, "Taalmaatje", KindOfWork.MEETING, District.STAD, 6,
     "in overleg, overdag", 4, 0, PlaceStatus.PUBLISHED,
     "Je oefent Nederlands met iemand die de taal leert, een of twee keer per week."),
]  # fmt: skip

GUIDANCE = "De coördinator werkt de eerste weken met je mee en praat elke maand met je."

# name, e-mail, district, stage, days in stage, the place titles chosen, consent, extra
APPLICATIONS = [
    ("Kees Hoekstra", "kees.hoekstra@example.org", District.STAD, Stage.NEW, 2,
     ["Kok voor de buurtmaaltijd"], True, {}),
    ("Yara Haddad", "", District.POORT, Stage.NEW, 9, [], False,
     {"phone": "06 2345 6789", "referred_by_name": "Dagbesteding De Werkplaats"}),
    ("Sevda Kaya", "sevda.kaya@example.org", District.BUITEN, Stage.CONVERSATION_PLANNED, 5,
     ["Kleine apparaten repareren"], True, {}),
    ("Tom Brouwer", "tom.brouwer@example.org", District.BUITEN, Stage.PLAN_MADE, 3,
     ["Fietsenmaker in het repair café"], True, {"talents": "Geduldig, technisch inzicht"}),
    ("Lotte Verbeek", "lotte.verbeek@example.org", District.HAVEN, Stage.PLAN_MADE, 12,
     ["Moestuinier", "Oogst verdelen in de buurt"], True, {"talents": "Doorzetter"}),
    ("Noah Pinas", "burgerbaner6@burgerbaan.test", District.POORT, Stage.PLACED, 60,
     ["Gastvrouw of gastheer in de buurtkamer"], True, {"talents": "Vrolijk, snel van begrip"}),
    ("Peter Smit", "peter.smit@example.org", District.HOUT, Stage.NOT_PLACED, 14, [], False,
     {"not_placed_reason": "Je zoekt betaald werk voor 32 uur per week. Dat kan een "
      "burgerbaan niet bieden. Het Werkplein van de gemeente kan je daarbij helpen."}),
    ("Iris de Boer", "iris.deboer@example.org", District.STAD, Stage.WITHDRAWN, 20,
     ["Taalmaatje"], False, {}),
]  # fmt: skip

PATH = [Stage.NEW, Stage.CONVERSATION_PLANNED, Stage.PLAN_MADE]


def seed(nonprofits: list[Organisation], admin: User, coordinators: dict[int, User]) -> None:
    """Places and applications. Safe to run again: it adds nothing twice."""
    now = timezone.now()
    by_title = {}
    for index, title, kind, district, hours, days, number, filled, status, text in PLACES:
        place, _ = Place.objects.get_or_create(
            organisation=nonprofits[index],
            title=title,
            defaults={
                "kind_of_work": kind,
                "description": text,
                "district": district,
                "address": nonprofits[index].address.split(",")[0],
                "hours_per_week": hours,
                "days_and_times": days,
                "guidance": GUIDANCE,
                "what_to_bring": "Je hoeft niets mee te nemen.",
                "number_of_places": number,
                "filled_places": filled,
                "status": status,
                "created_by": coordinators[index],
                "published_at": now if status == PlaceStatus.PUBLISHED else None,
                "review_note": "Noem ook de dagen en tijden."
                if status == PlaceStatus.DRAFT
                else "",
            },
        )
        by_title[title] = place

    for name, email, district, stage, days, chosen, consent, extra in APPLICATIONS:
        if Application.objects.filter(name=name).exists():
            continue
        changed = now - datetime.timedelta(days=days)
        started = changed - datetime.timedelta(days=7 * (PATH.index(stage) if stage in PATH else 3))
        fields = dict(extra)
        if stage == Stage.PLACED:
            fields["burgerbaner"] = Burgerbaner.objects.get(user__email=email)
            fields["placed_place"] = by_title[chosen[0]]
        if stage in (Stage.CONVERSATION_PLANNED,):
            fields["conversation_at"] = (now + datetime.timedelta(days=3)).replace(
                hour=10, minute=0, second=0, microsecond=0
            )
        application = Application.objects.create(
            name=name,
            email=email,
            district=district,
            wants="Iets doen met mensen in mijn buurt.",
            can="Luisteren, op tijd komen en aanpakken.",
            wants_to_learn="Samenwerken en meer Nederlands spreken.",
            availability="Doordeweeks overdag.",
            plan_consent=consent,
            stage=stage,
            stage_changed_at=changed,
            created_at=started,
            **fields,
        )
        application.places.set([by_title[title] for title in chosen])
        _events(application, admin, started, changed)


def _events(application: Application, admin: User, started, changed) -> None:
    Event.objects.create(application=application, stage_to=Stage.NEW, at=started)
    stage = Stage(application.stage)
    if stage in PATH:
        steps = PATH[: PATH.index(stage) + 1]
    elif stage == Stage.PLACED:
        steps = [*PATH, Stage.PLACED]
    else:
        steps = [Stage.NEW, Stage.CONVERSATION_PLANNED, stage]
    for before, after in itertools.pairwise(steps):
        at = changed if after == stage else started + (changed - started) / 2
        Event.objects.create(
            application=application, stage_from=before, stage_to=after, by=admin, at=at
        )
