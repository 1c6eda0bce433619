from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from burgerbaan.health import health

handler400 = "burgerbaan.errors.bad_request"

admin.site.site_header = "Burgerbaan beheer"
admin.site.site_title = "Burgerbaan beheer"
# One way in: allauth's login, with its second step and its rate limits. The admin's
# own login page only sends people there.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("public.urls")),
    path("", include("dashboards.urls")),
    path("", include("privacy.urls")),
    path("", include("accounts.urls")),
    path("", include("guidance.urls")),
    path("vacatures/", include("places.urls")),
    path("", include("intake.urls")),
    path("overeenkomsten/", include("agreements.urls")),
    path("", include("hours.urls")),
    path("betalingen/", include("payments.urls")),
    path("rapportage/", include("reports.urls")),
    path("gezond/", health, name="health"),
]
