from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from accounts.mfa import has_second_factor, passed_second_factor
from accounts.permissions import needs_mfa


class RequireMFAForStaffRoles:
    """Signers, treasurers and admins work only in a session that passed the second factor.

    Their roles move money and sign for the foundation, so a password alone is
    not enough, however the session logged in. A session that has a password
    but no second step reaches only the code prompt (for someone with a factor)
    or enrolment (for someone without one yet, with the password check allauth
    asks first), and logout. Enrolling proves the new factor, so the session
    that enrols counts from then on (``accounts.mfa``).
    """

    # Nothing of the account: logging out, the language cookie, the health check.
    ALWAYS_OPEN = frozenset({"account_logout", "set_language", "health"})
    CODE_PROMPT = frozenset({"mfa_reauthenticate", "mfa_reauthenticate_webauthn"})
    ENROLMENT = frozenset(
        {"account_reauthenticate", "mfa_index", "mfa_activate_totp", "mfa_add_webauthn"}
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not needs_mfa(user) or passed_second_factor(request):
            return None
        name = request.resolver_match.view_name
        if name in self.ALWAYS_OPEN:
            return None
        if has_second_factor(user):
            if name in self.CODE_PROMPT:
                return None
            messages.info(
                request,
                "Vul de code uit je authenticator-app in. "
                "Voor jouw rol is inloggen in twee stappen verplicht.",
            )
            prompt = reverse("mfa_reauthenticate")
            if request.method == "GET":
                prompt += "?" + urlencode({"next": request.get_full_path()})
            return redirect(prompt)
        if name in self.ENROLMENT:
            return None
        messages.info(
            request,
            "Voor jouw rol is inloggen in twee stappen verplicht. "
            "Stel eerst een authenticator-app in.",
        )
        return redirect(reverse("mfa_activate_totp"))


class DutchUnlessChosenLocaleMiddleware(LocaleMiddleware):
    """Dutch for everyone, English only for who picks it in the footer.

    Django's own middleware follows the browser's language; many burgerbaners
    have a phone set to another language but use the pilot in Dutch.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
