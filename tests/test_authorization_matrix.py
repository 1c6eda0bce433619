"""Who may open what: every URL of the project, as every kind of person, GET and POST.

The URLs come from the URL resolver, so a new view cannot be forgotten: a URL
name missing from ``MATRIX`` fails the test. Each entry says which roles may
GET and which may POST; everyone else must be refused (a redirect to a login
page for anonymous visitors, 403/404/405 for the rest). Nobody ever gets a 500:
the test client re-raises any error of a view.

Signers, treasurers and admins log in as allauth does, with the password and
the code. Their sessions that stopped after the password (``WITHOUT_CODE``),
however they got there, reach only the code prompt and logout; an admin with
no factor yet reaches only enrolment and logout. And no URL at all logs a
staff person in on their password alone.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Organisation, Role
from agreements.models import AllowanceAgreement, VolunteerAgreement
from guidance.models import CheckIn, Goal
from hours import services as hours
from intake.models import Application, Stage
from places.models import District, KindOfWork, Place, PlaceStatus
from reports.models import StatementRun
from sources.models import FundingSource, Receipt
from tests.conftest import YEAR
from tests.factories import PASSWORD, OrganisationFactory, user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "owner",
    "other_burgerbaner",
    "coordinator",
    "other_coordinator",
    "signer",
    "treasurer",
    "admin",
    "sponsor",
    "referrer",
)
NOBODY: frozenset[str] = frozenset()
ANYONE = frozenset(ROLES)
USERS = ANYONE - {"anonymous"}
BURGERBANERS = frozenset({"owner", "other_burgerbaner"})
COORDINATORS = frozenset({"coordinator", "other_coordinator"})
SAFE_ALMERE = frozenset({"signer", "treasurer"})
OWNER = frozenset({"owner"})
SIGNER = frozenset({"signer"})
TREASURER = frozenset({"treasurer"})
ADMIN = frozenset({"admin"})
SPONSOR = frozenset({"sponsor"})
# A day-care referrer: their own referrals, never anyone's money, hours or agreements.
REFERRER = frozenset({"referrer"})
# A request for a place: the person, the non-profit of that place, and the admins.
REQUEST_SIDES = OWNER | {"other_coordinator"} | ADMIN
# Who may look at one burgerbaner's records: themselves, the coordinator of their
# non-profit, Safe Almere and the admins; never another burgerbaner or non-profit.
CONCERNED = OWNER | {"coordinator"} | SAFE_ALMERE | ADMIN
MONEY_OF_OWNER = OWNER | SAFE_ALMERE | ADMIN
# Guidance is between the person, the coordinator of their place and the admins:
# Safe Almere's signer and treasurer handle money, not conversations.
GUIDES = OWNER | {"coordinator"} | ADMIN
# A place in the vacancy bank, and the plans of those who chose it: its coordinator and admins.
PLACE_KEEPERS = frozenset({"coordinator"}) | ADMIN
# allauth's pages: PUBLIC ones anyone may open (logged-in people are sent on);
# LOGGED_IN ones refuse anonymous visitors and answer the rest as their state asks
# (no passkey to remove: 404; no authenticator app yet: a redirect to set one up).
PUBLIC = "public"
LOGGED_IN = "logged in"

# url name -> (who may GET, who may POST)
MATRIX: dict[str, tuple] = {
    # accounts
    "home": (ANYONE, USERS),
    "questions": (ANYONE, NOBODY),
    "burgerbaner_dashboard": (BURGERBANERS, BURGERBANERS),
    "profile_edit": (BURGERBANERS, BURGERBANERS),
    "coordinator_dashboard": (COORDINATORS, COORDINATORS),
    "signer_dashboard": (SIGNER, SIGNER),
    "treasurer_dashboard": (TREASURER, TREASURER),
    "admin_dashboard": (ADMIN, ADMIN),
    "burgerbaner_add": (ADMIN, ADMIN),
    "burgerbaner_edit": (ADMIN, ADMIN),
    "burgerbaner_anonymise": (ADMIN, ADMIN),
    "my_data": (BURGERBANERS, BURGERBANERS),
    "my_data_page": (BURGERBANERS, BURGERBANERS),
    "my_data_pdf": (BURGERBANERS, BURGERBANERS),
    "staff_invite": (ADMIN, ADMIN),
    "invitation_resend": (NOBODY, ADMIN),
    "burgerbaner_detail": (CONCERNED, CONCERNED),
    "accept_invitation": (ANYONE, ANYONE),
    "set_language": (ANYONE, ANYONE),
    "health": (ANYONE, NOBODY),
    # agreements (a volunteer agreement of the owner with the coordinator's non-profit)
    "agreement_list": (USERS, USERS),
    "agreement_create": (ADMIN, ADMIN),
    "agreement_detail": (CONCERNED, CONCERNED),
    "agreement_sign": (NOBODY, OWNER | {"coordinator"}),
    "agreement_pdf": (CONCERNED, CONCERNED),
    "agreement_edit": (ADMIN, ADMIN),
    "agreement_send": (NOBODY, ADMIN),
    "agreement_new_version": (NOBODY, ADMIN),
    "agreement_end": (ADMIN, ADMIN),
    "allowance_renewal": (ADMIN, ADMIN),
    # referrals from day care
    "referral_list": (REFERRER, REFERRER),
    "referral_create": (REFERRER, REFERRER),
    "referral_report": (ADMIN, ADMIN),
    # choosing your own work (the owner asked for a place of the other coordinator's non-profit)
    "place_request_list": (
        BURGERBANERS | COORDINATORS | ADMIN,
        BURGERBANERS | COORDINATORS | ADMIN,
    ),
    "place_request_ask": (BURGERBANERS, BURGERBANERS),
    "place_request_stop": (OWNER, OWNER),
    "place_request_invite": (COORDINATORS, COORDINATORS),
    "place_request_detail": (REQUEST_SIDES, REQUEST_SIDES),
    "place_request_answer": (NOBODY, {"other_coordinator"}),
    "place_request_decide": (NOBODY, ADMIN),
    "place_request_withdraw": (NOBODY, OWNER),
    # hours (a timesheet of the owner handed in, an open entry of this month)
    "hours_home": (BURGERBANERS, BURGERBANERS),
    "entry_edit": (OWNER, OWNER),
    "entry_delete": (NOBODY, OWNER),
    "copy_week": (NOBODY, BURGERBANERS),
    "approve_queue": (COORDINATORS, COORDINATORS),
    "countersign_queue": (SIGNER, SIGNER),
    "timesheet_detail": (CONCERNED, CONCERNED),
    "timesheet_submit": (NOBODY, OWNER),
    "timesheet_withdraw": (NOBODY, OWNER),
    "timesheet_approve": (NOBODY, {"coordinator"}),
    "timesheet_countersign": (NOBODY, SIGNER),
    "timesheet_reject": (NOBODY, {"coordinator"}),  # handed in: the coordinator is next
    "timesheet_pdf": (CONCERNED, CONCERNED),
    # payments (a paid payment of the owner, in a batch)
    "treasurer_home": (TREASURER, TREASURER),
    "month_proposal": (TREASURER, TREASURER),
    "batch_create": (NOBODY, TREASURER),
    "batch_detail": (TREASURER, TREASURER),
    "batch_sepa": (TREASURER, TREASURER),
    "payment_detail": (MONEY_OF_OWNER, MONEY_OF_OWNER),
    "payment_spec": (MONEY_OF_OWNER, MONEY_OF_OWNER),
    "extra_create": (SAFE_ALMERE, SAFE_ALMERE),
    "extra_correct": (SAFE_ALMERE, SAFE_ALMERE),
    "my_payments": (BURGERBANERS, BURGERBANERS),
    "my_elsewhere": (BURGERBANERS, BURGERBANERS),
    "elsewhere_for": (ADMIN, ADMIN),
    "elsewhere_correct": (OWNER | ADMIN, OWNER | ADMIN),
    "benefit_overview": (BURGERBANERS, BURGERBANERS),
    "payment_audit": (ADMIN, ADMIN),
    # reports
    "report_home": (ADMIN, ADMIN),
    "year_report": (ADMIN, ADMIN),
    "report_export": (ADMIN, ADMIN),
    "audit_export": (ADMIN, ADMIN),
    "statement_for": (ADMIN, ADMIN),
    "my_statement": (BURGERBANERS, BURGERBANERS),
    "statement_run_start": (NOBODY, ADMIN),
    "statement_run": (ADMIN, ADMIN),
    "statement_run_download": (ADMIN, ADMIN),
    # guidance (a held conversation and a goal of the owner, at the coordinator's non-profit)
    "guidance_person": (GUIDES, GUIDES),
    "checkin_add": (GUIDES - OWNER, GUIDES - OWNER),
    "checkin_edit": (GUIDES - OWNER, GUIDES - OWNER),
    "checkin_own_words": (OWNER, OWNER),
    "goal_add": (NOBODY, GUIDES),
    "goal_state": (GUIDES, GUIDES),
    "evaluation_set": (GUIDES - OWNER, GUIDES - OWNER),
    "wellbeing": (BURGERBANERS, BURGERBANERS),
    "wellbeing_skip": (NOBODY, BURGERBANERS),
    "research_consent": (BURGERBANERS, BURGERBANERS),
    "outcomes_report": (ADMIN, ADMIN),
    "research_export": (ADMIN, ADMIN),
    # the bank statement (a statement with a line still to classify): the treasurer only
    "bank_upload": (TREASURER, TREASURER),
    "bank_statement": (TREASURER, TREASURER),
    "bank_unclassified": (TREASURER, TREASURER),
    "bank_classify": (NOBODY, TREASURER),
    # giving: public, read only
    "give": (ANYONE, NOBODY),
    "give_poster": (ANYONE, NOBODY),
    # the vacancy bank (a published place of the coordinator's non-profit)
    "place_list": (ANYONE, NOBODY),
    "place_detail": (ANYONE, NOBODY),
    "my_places": (COORDINATORS, NOBODY),
    "place_create": (COORDINATORS, COORDINATORS),
    "place_review": (ADMIN, NOBODY),
    "place_edit": (PLACE_KEEPERS, PLACE_KEEPERS),
    "place_submit": (NOBODY, PLACE_KEEPERS),
    "place_close": (NOBODY, PLACE_KEEPERS),
    "place_filled": (NOBODY, PLACE_KEEPERS),
    "place_approve": (NOBODY, ADMIN),
    "place_send_back": (NOBODY, ADMIN),
    # applying and intake (an application with a plan, for that place, with consent)
    "apply": (ANYONE, ANYONE),
    "apply_done": (ANYONE, NOBODY),
    "intake_funnel": (ADMIN, NOBODY),
    "application_detail": (ADMIN, NOBODY),
    "application_conversation": (NOBODY, ADMIN),
    "application_plan": (NOBODY, ADMIN),
    "application_not_placed": (NOBODY, ADMIN),
    "application_withdraw": (NOBODY, ADMIN),
    "application_note": (NOBODY, ADMIN),
    "application_place": (ADMIN, ADMIN),
    "plans_for_my_places": (COORDINATORS, NOBODY),
    "application_plan_view": (PLACE_KEEPERS, NOBODY),
    # funding (the source of the owner's allowance agreement, with money received)
    "funding_home": (TREASURER | ADMIN, TREASURER | ADMIN),
    "funding_source": (TREASURER | ADMIN, TREASURER | ADMIN),
    "receipt_create": (NOBODY, TREASURER),
    "receipt_correct": (TREASURER, TREASURER),
    # sponsors (the sponsor of the owner's allowance agreement) and the public pages
    "sponsor_portal": (SPONSOR, SPONSOR),
    "sponsor_statement": (SPONSOR, SPONSOR),
    "statement_check": (ANYONE, ANYONE),
    "factsheet": (ANYONE, ANYONE),
    "factsheet_pdf": (ANYONE, ANYONE),
    # allauth: log in, passwords, e-mail and two-step login
    "account_login": (PUBLIC, PUBLIC),
    "account_logout": (PUBLIC, PUBLIC),
    "account_inactive": (PUBLIC, PUBLIC),
    "account_signup": (PUBLIC, PUBLIC),
    "account_reset_password": (PUBLIC, PUBLIC),
    "account_reset_password_done": (PUBLIC, PUBLIC),
    "account_reset_password_from_key": (PUBLIC, PUBLIC),
    "account_reset_password_from_key_done": (PUBLIC, PUBLIC),
    "account_confirm_email": (PUBLIC, PUBLIC),
    "account_email_verification_sent": (PUBLIC, PUBLIC),
    "account_confirm_login_code": (PUBLIC, PUBLIC),
    "mfa_authenticate": (PUBLIC, PUBLIC),
    "account_reauthenticate": (LOGGED_IN, LOGGED_IN),
    "account_request_reauthentication_code": (LOGGED_IN, LOGGED_IN),
    "account_confirm_reauthentication_code": (LOGGED_IN, LOGGED_IN),
    "account_email": (LOGGED_IN, LOGGED_IN),
    "account_change_password": (LOGGED_IN, LOGGED_IN),
    "account_set_password": (LOGGED_IN, LOGGED_IN),
    "mfa_index": (LOGGED_IN, LOGGED_IN),
    "mfa_reauthenticate": (LOGGED_IN, LOGGED_IN),
    "mfa_activate_totp": (LOGGED_IN, LOGGED_IN),
    "mfa_deactivate_totp": (LOGGED_IN, LOGGED_IN),
    "mfa_view_recovery_codes": (LOGGED_IN, LOGGED_IN),
    "mfa_generate_recovery_codes": (LOGGED_IN, LOGGED_IN),
    "mfa_download_recovery_codes": (LOGGED_IN, LOGGED_IN),
    "mfa_list_webauthn": (LOGGED_IN, LOGGED_IN),
    "mfa_add_webauthn": (LOGGED_IN, LOGGED_IN),
    "mfa_reauthenticate_webauthn": (LOGGED_IN, LOGGED_IN),
    "mfa_remove_webauthn": (LOGGED_IN, LOGGED_IN),
    "mfa_edit_webauthn": (LOGGED_IN, LOGGED_IN),
    # Django's admin: its own log-in and log-out pages
    "admin:login": (PUBLIC, PUBLIC),
    "admin:logout": (PUBLIC, PUBLIC),
}
# Django's admin site: every page of it is for admins only.
ADMIN_SITE = (ADMIN, ADMIN)

# Staff sessions without the second step. What they may open, whatever MATRIX says:
OPEN_WITHOUT_SECOND_STEP = frozenset({"account_logout", "set_language", "health"})
CODE_PROMPT = frozenset({"mfa_reauthenticate", "mfa_reauthenticate_webauthn"})
ENROLMENT = frozenset(
    {"account_reauthenticate", "mfa_index", "mfa_activate_totp", "mfa_add_webauthn"}
)
WITHOUT_CODE = {
    # kind of session -> (who, the pages it may open, where it is sent otherwise)
    "signer, password only": ("signer", CODE_PROMPT, "/accounts/2fa/reauthenticate/"),
    "treasurer, password only": ("treasurer", CODE_PROMPT, "/accounts/2fa/reauthenticate/"),
    "admin, password only": ("admin", CODE_PROMPT, "/accounts/2fa/reauthenticate/"),
    "admin without a factor": ("unenrolled_admin", ENROLMENT, "/accounts/2fa/totp/activate/"),
}


def url_routes() -> dict[str, str]:
    """Every named URL of the project (with its namespace) and its route."""

    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner, route)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route

    return dict(walk(get_resolver().url_patterns))


def url_names() -> list[str]:
    return sorted(url_routes())


def rule_for(name: str):
    if name in MATRIX:
        return MATRIX[name]
    if name.startswith("admin:"):
        return ADMIN_SITE
    raise KeyError(name)


def test_every_url_is_in_the_table():
    missing = [n for n in url_names() if not n.startswith("admin:") and n not in MATRIX]
    assert not missing, f"Add these URLs to MATRIX: {missing}"
    stale = sorted(set(MATRIX) - set(url_names()))
    assert not stale, f"These URLs no longer exist: {stale}"


@pytest.fixture
def world(people, burgerbaner, nonprofit, allowance, countersigned, paid_month):
    """One real object for every kind of URL argument, all of the owner."""
    admin = people["admin"]
    countersigned(3, [3, 4])
    payment = paid_month(3)
    volunteer = VolunteerAgreement.objects.get(burgerbaner=burgerbaner)
    handed_in = hours.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=volunteer,
        date=datetime.date(YEAR, 5, 6),
        hours=Decimal("2"),
        description="Bar",
    ).timesheet
    hours.submit_timesheet(handed_in, by=burgerbaner.user)
    open_entry = hours.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=volunteer,
        date=datetime.date.today(),
        hours=Decimal("1"),
        description="Koffie",
    )
    run = StatementRun.objects.create(
        year=YEAR, requested_by=admin, status=StatementRun.Status.DONE, done=1, total=1
    )
    run.file.save("jaaropgaven-test.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    sponsor = Organisation.objects.create(name="Knipscheer", kind=Organisation.Kind.SPONSOR)
    AllowanceAgreement.objects.filter(burgerbaner=burgerbaner).update(
        source=FundingSource.objects.create(name="Knipscheer", kind="company", organisation=sponsor)
    )
    people = {
        **people,
        "unenrolled_admin": user_with_role(Role.Kind.ADMIN, totp=False, name="Nieuwe beheerder"),
        "sponsor": user_with_role(Role.Kind.SPONSOR, sponsor, name="Contact Knipscheer"),
        "referrer": user_with_role(
            Role.Kind.REFERRER,
            OrganisationFactory(name="Dagbesteding De Werkplaats", kind=Organisation.Kind.DAYCARE),
            name="Petra Verwijzer",
        ),
    }
    invitee = people["other_burgerbaner"]
    invitee.set_unusable_password()
    invitee.save()
    from accounts.services import send_invitation

    send_invitation(invitee, by=admin)
    from payments import services as payments

    extra = payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 20),
        kind="travel",
        amount=Decimal("4.50"),
        description="Bus",
        by=people["treasurer"],
    )
    place = Place.objects.create(
        organisation=nonprofit,
        title="Gastvrouw in de buurtkamer",
        kind_of_work=KindOfWork.MEETING,
        description="Koffie schenken",
        district=District.HAVEN,
        hours_per_week=8,
        days_and_times="dinsdag",
        guidance="De coördinator",
        status=PlaceStatus.PUBLISHED,
    )
    application = Application.objects.create(
        name="Kees Aanmelder",
        email="kees@example.org",
        district=District.HAVEN,
        wants="Koffie schenken",
        can="Luisteren",
        availability="dinsdag",
        plan_consent=True,
        stage=Stage.PLAN_MADE,
    )
    application.places.set([place])
    other_place = Place.objects.create(
        organisation=people["other_coordinator"].roles.get().organisation,
        title="Fietsenmaker",
        kind_of_work=KindOfWork.REPAIR,
        description="Fietsen maken",
        district=District.BUITEN,
        hours_per_week=6,
        days_and_times="vrijdag",
        guidance="De coördinator",
        status=PlaceStatus.PUBLISHED,
    )
    from intake import place_requests

    place_request = place_requests.ask_for_place(burgerbaner, other_place, by=burgerbaner.user)
    elsewhere = payments.record_elsewhere(
        burgerbaner,
        organisation_name="Voedselbank",
        month=datetime.date(YEAR, 3, 1),
        amount=Decimal("20.00"),
        by=burgerbaner.user,
    )
    # The other burgerbaner has a yearly statement too: money received before joining.
    payments.set_opening_balance(
        people["other_burgerbaner"].burgerbaner,
        year=YEAR,
        amount=Decimal("100.00"),
        note="Eerder",
        by=people["treasurer"],
    )
    from bank.models import Outcome, Statement, StatementLine

    bank_statement = Statement.objects.create(
        version="camt.053.001.02", sha256="0" * 64, imported_by=people["treasurer"]
    )
    bank_line = StatementLine.objects.create(
        statement=bank_statement,
        bank_reference="IN-1",
        booked_on=datetime.date(YEAR, 5, 6),
        amount=Decimal("25.00"),
        is_credit=True,
        counterparty_name="A. de Boer",
        outcome=Outcome.TO_CLASSIFY,
    )
    token = re.search(r"/uitnodiging/([^/\s]+)/", mail.outbox[-1].body).group(1)
    return {
        "people": people,
        "burgerbaner": burgerbaner,
        "volunteer": volunteer,
        "allowance": AllowanceAgreement.objects.get(burgerbaner=burgerbaner),
        "timesheet": handed_in,
        "entry": open_entry,
        "payment": payment,
        "batch": payment.batch,
        "run": run,
        "token": token,
        "invitee": invitee,
        "checkin": CheckIn.objects.create(
            burgerbaner=burgerbaner,
            organisation=nonprofit,
            date=datetime.date(YEAR, 6, 1),
            status=CheckIn.Status.HELD,
            talked_about="Hoe het gaat",
            created_by=people["coordinator"],
        ),
        "goal": Goal.objects.create(burgerbaner=burgerbaner, title="Fiets maken", created_by=admin),
        "extra": extra,
        "place": place,
        "application": application,
        "other_place": other_place,
        "place_request": place_request,
        "elsewhere": elsewhere,
        "bank_statement": bank_statement,
        "bank_line": bank_line,
        "receipt": Receipt.objects.create(
            source=AllowanceAgreement.objects.get(burgerbaner=burgerbaner).source,
            amount=Decimal("500.00"),
            received_on=datetime.date(YEAR, 2, 1),
        ),
    }


def kwargs_for(name: str, world) -> dict | list:
    w = world
    by_name = {
        "burgerbaner_edit": {"pk": w["burgerbaner"].pk},
        "burgerbaner_anonymise": {"pk": w["burgerbaner"].pk},
        "burgerbaner_detail": {"pk": w["burgerbaner"].pk},
        "invitation_resend": {"user_pk": w["invitee"].pk},
        "accept_invitation": {"token": w["token"]},
        "agreement_create": {"kind": "vrijwilliger", "burgerbaner_pk": w["burgerbaner"].pk},
        "entry_edit": {"pk": w["entry"].pk},
        "entry_delete": {"pk": w["entry"].pk},
        "allowance_renewal": {"year": YEAR + 1},
        "month_proposal": {"year": YEAR, "month": 3},
        "batch_detail": {"pk": w["batch"].pk},
        "batch_sepa": {"pk": w["batch"].pk},
        "payment_detail": {"pk": w["payment"].pk},
        "payment_spec": {"pk": w["payment"].pk},
        "extra_correct": {"pk": w["extra"].pk},
        "elsewhere_for": {"pk": w["burgerbaner"].pk},
        "elsewhere_correct": {"pk": w["elsewhere"].pk},
        "bank_statement": {"pk": w["bank_statement"].pk},
        "bank_classify": {"pk": w["bank_line"].pk},
        "year_report": {"year": YEAR},
        "report_export": {"year": YEAR, "kind": "personen", "fmt": "csv"},
        "audit_export": {"year": YEAR},
        "statement_for": {"year": YEAR, "pk": w["burgerbaner"].pk},
        "my_statement": {"year": YEAR},
        "statement_run_start": {"year": YEAR},
        "statement_run": {"pk": w["run"].pk},
        "statement_run_download": {"pk": w["run"].pk},
        "account_confirm_email": {"key": "onbekend"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "onbekend"},
        "guidance_person": {"pk": w["burgerbaner"].pk},
        "checkin_add": {"pk": w["burgerbaner"].pk},
        "goal_add": {"pk": w["burgerbaner"].pk},
        "checkin_edit": {"pk": w["checkin"].pk},
        "checkin_own_words": {"pk": w["checkin"].pk},
        "goal_state": {"pk": w["goal"].pk},
        "evaluation_set": {"pk": w["volunteer"].pk},
        "outcomes_report": {"year": YEAR},
        "research_export": {"year": YEAR},
        "place_detail": {"pk": w["place"].pk, "slug": w["place"].slug},
        "funding_source": {"pk": w["receipt"].source_id},
        "receipt_correct": {"pk": w["receipt"].pk},
        "sponsor_statement": {"year": YEAR},
        "place_request_list": {},
        "place_request_invite": {},
        "place_request_ask": {"place_pk": w["other_place"].pk},
        "place_request_stop": {"agreement_pk": w["volunteer"].pk},
        "place_request_detail": {"pk": w["place_request"].pk},
        "place_request_answer": {"pk": w["place_request"].pk},
        "place_request_decide": {"pk": w["place_request"].pk},
        "place_request_withdraw": {"pk": w["place_request"].pk},
        "mfa_remove_webauthn": {"pk": 999_999},
        "mfa_edit_webauthn": {"pk": 999_999},
    }
    if name in by_name:
        return by_name[name]
    if name.startswith("agreement_") and name not in ("agreement_list", "agreement_create"):
        return {"kind": "vrijwilliger", "pk": w["volunteer"].pk}
    if name.startswith("place_") and name not in ("place_list", "place_create", "place_review"):
        return {"pk": w["place"].pk}
    if name.startswith("application_"):
        return {"pk": w["application"].pk}
    if name.startswith("timesheet_"):
        return {"pk": w["timesheet"].pk}
    if name.startswith("admin:"):
        return admin_kwargs(name, world)
    return {}


def admin_kwargs(name: str, world) -> dict | list:
    """Arguments for a page of the admin: the first record of its model."""
    from django.contrib import admin
    from django.contrib.contenttypes.models import ContentType

    route = url_routes()[name]
    params = [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]
    if "([^/]+)/history/([^/]+)" in route:  # simple-history: one version of a record
        params = ["object_id", "history_id"]
    if not params:
        return {}
    models = {f"admin:{m._meta.app_label}_{m._meta.model_name}_": m for m in admin.site._registry}
    prefix = max((p for p in models if name.startswith(p)), key=len, default=None)
    model = models[prefix] if prefix else None
    obj = model._default_manager.order_by("pk").first() if model else None
    values = {
        "app_label": "accounts",
        "object_id": obj.pk if obj else 999_999,
        "id": obj.pk if obj else 999_999,
        "content_type_id": ContentType.objects.get_for_model(world["burgerbaner"]).pk,
    }
    if name == "admin:view_on_site":
        values["object_id"] = world["burgerbaner"].pk
    if "history_id" in params:
        record = obj.history.order_by("pk").first() if obj is not None else None
        values["history_id"] = record.pk if record else 999_999
    if name.endswith("_simple_history"):
        return [values[p] for p in params]  # its route has no names for them
    return {p: values[p] for p in params}


def refused(role: str, response, name: str) -> bool:
    """Is this the answer of a refusal?"""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        location = response["Location"]
        login = "/admin/login/" if name.startswith("admin:") else "/accounts/login/"
        return location.startswith(login)
    return False


def answered(response, name: str) -> bool:
    """Is this the answer of a page that let the person in?"""
    if response.status_code in (200, 204):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return not location.startswith(("/accounts/login/", "/admin/login/"))
    return False


def url_of(name: str, world) -> str:
    arguments = kwargs_for(name, world)
    if isinstance(arguments, list):
        return reverse(name, args=arguments)
    return reverse(name, kwargs=arguments)


def check(name: str, world, client, method: str) -> list[str]:
    rule = rule_for(name)
    allowed = rule[0] if method == "get" else rule[1]
    url = url_of(name, world)
    wrong = []
    # Refusals first: they must change nothing for the allowed requests after them.
    order = sorted(ROLES, key=lambda r: allowed not in (PUBLIC, LOGGED_IN) and r in allowed)
    for role in order:
        client.logout()
        if role != "anonymous":
            log_in(client, world["people"]["burgerbaner" if role == "owner" else role])
        response = getattr(client, method)(url)
        if response.streaming:
            b"".join(response.streaming_content)
        if allowed == PUBLIC:
            continue  # any answer but an error; the client re-raises errors
        if allowed == LOGGED_IN:
            if role == "anonymous" and not refused(role, response, name):
                wrong.append(f"{method.upper()} {url} as anonymous: {response.status_code}")
            continue
        if name.startswith("admin:") and role in allowed:
            # The admin's own answers (405 on a POST-only step, 403 on a locked record).
            if refused(role, response, name) and response.status_code == 302:
                wrong.append(f"{method.upper()} {url} as {role}: sent to the login page")
            continue
        if role in allowed and not answered(response, name):
            wrong.append(f"{method.upper()} {url} as {role}: {response.status_code}, expected in")
        if role not in allowed and not refused(role, response, name):
            wrong.append(f"{method.upper()} {url} as {role}: {response.status_code}, expected out")
    return wrong


def check_without_code(name: str, world, client, method: str) -> list[str]:
    """Staff sessions without the second step open nothing but their way out."""
    url = url_of(name, world)
    wrong = []
    for kind, (person, may_open, sent_to) in WITHOUT_CODE.items():
        client.logout()
        log_in(client, world["people"][person], second_factor=False)
        response = getattr(client, method)(url)
        if response.streaming:
            b"".join(response.streaming_content)
        if name in OPEN_WITHOUT_SECOND_STEP | may_open:
            continue  # any answer but an error; the client re-raises errors
        if response.status_code in (403, 404, 405):
            continue
        if response.status_code == 302 and response["Location"].startswith(
            (sent_to, "/accounts/login/")
        ):
            continue
        wrong.append(f"{method.upper()} {url} as {kind}: {response.status_code}, expected out")
    return wrong


@pytest.mark.parametrize("name", url_names())
def test_matrix(name, world, client):
    wrong = check(name, world, client, "get") + check(name, world, client, "post")
    wrong += check_without_code(name, world, client, "get")
    wrong += check_without_code(name, world, client, "post")
    assert not wrong, "\n".join(wrong)


# The fields of every login form there is (allauth's, Django admin's, a password reset's).
CREDENTIALS = ("login", "username", "email", "password", "password1", "password2", "oldpassword")


@pytest.mark.parametrize("role", ["signer", "treasurer", "admin"])
def test_no_url_logs_staff_in_on_a_password_alone(role, world, client):
    """Post a staff person's e-mail and password to every URL, as a stranger would.

    Whichever URL takes them, the session that results opens none of the
    person's pages: the login asks for the code first.
    """
    user = world["people"][role]
    pages = [
        url_of(n, world)
        for n in url_names()
        if isinstance(rule_for(n)[0], frozenset)
        and role in rule_for(n)[0]
        and "anonymous" not in rule_for(n)[0]
    ]
    wrong = []
    for name in url_names():
        url = url_of(name, world)
        client.logout()
        data = {field: PASSWORD for field in CREDENTIALS}
        data.update(login=user.email, username=user.email, email=user.email)
        client.post(url, data)
        if "_auth_user_id" not in client.session:
            continue
        for page in pages:
            response = client.get(page)
            if response.streaming:
                b"".join(response.streaming_content)
            if response.status_code == 200:
                wrong.append(f"POST {url} with the password opened {page}")
    assert not wrong, "\n".join(wrong)
