from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from accounts.permissions import needs_mfa


class RequireMFAForStaffRoles:
    """Signers, treasurers and admins reach nothing but enrolment until they use 2FA.

    Their roles move money and sign for the foundation, so a password alone
    is not enough. allauth's own pages (logout, 2FA set-up) stay open.
    """

    OPEN_PREFIXES = ("/accounts/", "/static/", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.OPEN_PREFIXES)
            and needs_mfa(user)
            and not _has_second_factor(user)
        ):
            messages.info(
                request,
                "Voor jouw rol is inloggen in twee stappen verplicht. "
                "Stel eerst een authenticator-app in.",
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def _has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


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
