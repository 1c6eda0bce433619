import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import CommandError, call_command

from accounts.models import Burgerbaner, Organisation, Role, User
from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
from demo import pilot as demo
from hours.models import Timesheet, TimesheetStatus
from tests.helpers import totp_code

pytestmark = pytest.mark.django_db

DEMO_LOGINS = [
    "admin@burgerbaan.test",
    "penningmeester@burgerbaan.test",
    "ondertekenaar@burgerbaan.test",
    *[f"coordinator{n}@burgerbaan.test" for n in range(1, 5)],
    *[f"burgerbaner{n}@burgerbaan.test" for n in range(1, 7)],
    "sponsor1@burgerbaan.test",
    "verwijzer1@burgerbaan.test",
]


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_seed_demo_twice_adds_nothing_the_second_time(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (
        User.objects.count(),
        Role.objects.count(),
        VolunteerAgreement.objects.count(),
        AllowanceAgreement.objects.count(),
        Authenticator.objects.count(),
    )
    call_command("seed_demo")
    assert counts == (
        User.objects.count(),
        Role.objects.count(),
        VolunteerAgreement.objects.count(),
        AllowanceAgreement.objects.count(),
        Authenticator.objects.count(),
    )


def test_demo_is_the_pilot_as_described(settings):
    demo.seed()
    assert set(User.objects.values_list("email", flat=True)) == set(DEMO_LOGINS)
    for email in DEMO_LOGINS:
        assert User.objects.get(email=email).check_password(demo.PASSWORD)
    assert Organisation.objects.filter(kind=Organisation.Kind.NONPROFIT).count() >= 4
    assert set(
        Organisation.objects.filter(kind=Organisation.Kind.SPONSOR).values_list("name", flat=True)
    ) == {"WoonZorgFlevoland", "Triade-Vitree", "Knipscheer-infrastructuur"}
    foundation = Organisation.objects.get(kind=Organisation.Kind.FOUNDATION)
    assert foundation.name == "Stichting Safe Almere" and foundation.is_anbi and foundation.rsin
    coordinator1 = User.objects.get(email="coordinator1@burgerbaan.test")
    assert coordinator1.roles.filter(kind=Role.Kind.COORDINATOR).count() == 2
    people = Burgerbaner.objects.all()
    assert people.count() == 6
    from django.utils import timezone

    assert sum(p.age_on(timezone.localdate()) < 21 for p in people) == 1
    assert any(p.volunteeragreements.count() == 2 for p in people)
    assert not VolunteerAgreement.objects.exclude(status=AgreementStatus.ACTIVE).exists()
    today = timezone.localdate()
    for person in people:
        assert person.volunteeragreements.in_force_on(today).exists()
        assert person.allowanceagreements.in_force_on(today).exists()
    awaiting = AllowanceAgreement.objects.get(status=AgreementStatus.AWAITING_SIGNATURES)
    assert awaiting.version == 2 and awaiting.signatures.count() == 1
    for agreement in AllowanceAgreement.objects.filter(status=AgreementStatus.ACTIVE):
        assert agreement.signatures.count() == 2
    if today.month >= 5:  # payments need a few signed months of this year
        from payments import cap
        from payments.models import Payment

        assert set(Payment.objects.values_list("status", flat=True)) == {"approved", "paid"}
        near = Burgerbaner.objects.get(user__email="burgerbaner4@burgerbaan.test")
        overview = cap.overview(near, today.year, today.month)
        assert overview.headroom_year < 100
        assert any(overview.proposal(m).held for m in range(1, 13))
    states = set(Timesheet.objects.values_list("status", flat=True))
    if today.month >= 3:  # months of hours in every state need a few months of this year
        assert states == set(TimesheetStatus.values)


def test_demo_referrer_follows_clients_of_a_day_care_in_several_stages(settings, client):
    from intake.models import Referral

    demo.seed()
    referrer = User.objects.get(email="verwijzer1@burgerbaan.test")
    daycare = referrer.roles.get(kind=Role.Kind.REFERRER).organisation
    assert daycare.kind == Organisation.Kind.DAYCARE
    referrals = Referral.objects.filter(referred_by=referrer)
    assert referrals.count() == 3
    assert len({r.application.stage for r in referrals}) == 3
    assert all(r.consent_by and r.consent_on and r.consent_how for r in referrals)


def test_demo_burgerbaner_asks_to_switch_places(settings):
    from intake.models import PlaceRequest

    demo.seed()
    kinds = set(
        PlaceRequest.objects.filter(
            burgerbaner__user__email="burgerbaner3@burgerbaan.test",
            status=PlaceRequest.Status.WAITING_ORGANISATION,
        ).values_list("kind", flat=True)
    )
    assert kinds == {PlaceRequest.Kind.JOIN, PlaceRequest.Kind.LEAVE}


def test_demo_staff_log_in_with_the_published_totp_secret(client):
    demo.seed()
    for email in [
        "admin@burgerbaan.test",
        "penningmeester@burgerbaan.test",
        "ondertekenaar@burgerbaan.test",
    ]:
        authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
        assert TOTP(authenticator).validate_code(totp_code(demo.TOTP_SECRET))
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": demo.PASSWORD})
        assert response["Location"] == "/accounts/2fa/authenticate/"


def test_demo_has_a_vacancy_bank_and_applications_in_every_stage(settings):
    from demo import way_in
    from intake.models import Application, Stage
    from places.models import Place, PlaceStatus

    demo.seed()
    demo.seed()

    assert Place.objects.count() == len(way_in.PLACES) >= 12
    assert Place.objects.filter(status=PlaceStatus.PUBLISHED).count() >= 9
    assert Place.objects.values("organisation").distinct().count() == 5
    assert set(Application.objects.values_list("stage", flat=True)) == set(Stage.values)
    placed = Application.objects.get(stage=Stage.PLACED)
    assert placed.burgerbaner.user.email == "burgerbaner6@burgerbaan.test"
    assert all(application.events.exists() for application in Application.objects.all())


def test_seed_demo_prints_the_logins_the_secret_and_how_to_get_a_code(settings):
    import io

    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()
    for email in (
        "admin@burgerbaan.test",
        "penningmeester@burgerbaan.test",
        "burgerbaner1@burgerbaan.test",
    ):
        assert email in printed
    assert demo.PASSWORD in printed and demo.TOTP_SECRET in printed
    assert "manage.py totp_code" in printed


def test_totp_code_prints_the_code_an_authenticator_app_shows_now(settings):
    import io

    from allauth.mfa.totp.internal.auth import validate_totp_code

    out = io.StringIO()
    call_command("totp_code", stdout=out, stderr=io.StringIO())
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    assert validate_totp_code(demo.TOTP_SECRET, code)


def test_totp_code_refuses_what_is_no_secret():
    import io

    with pytest.raises(CommandError, match="no TOTP secret"):
        call_command("totp_code", "not base32!", stdout=io.StringIO())


def test_the_demo_has_money_coming_in_and_a_sponsor_login(settings, client):
    from decimal import Decimal

    from django.urls import reverse

    from funding import money
    from sources.models import Commitment, FundingSource, Receipt
    from tests.helpers import log_in

    settings.DEBUG = True
    call_command("seed_demo")
    kinds = set(FundingSource.objects.values_list("kind", flat=True))
    assert {"company", "own", "fund", "donation"} <= kinds
    assert Commitment.objects.filter(source__organisation__name="WoonZorgFlevoland").exists()
    assert Receipt.objects.filter(source__kind="donation").count() == 5
    receipts = Receipt.objects.count()
    call_command("seed_demo")
    assert Receipt.objects.count() == receipts
    rows = money.money_of_sources()
    assert sum(row.paid for row in rows) > Decimal("0")

    sponsor = User.objects.get(email="sponsor1@burgerbaan.test")
    assert sponsor.check_password(demo.PASSWORD)
    log_in(client, sponsor)
    page = client.get(reverse("sponsor_portal"))
    assert page.status_code == 200
    assert "WoonZorgFlevoland" in page.text
