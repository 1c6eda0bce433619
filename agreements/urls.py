from django.urls import path

import burgerbaan.converters  # noqa: F401 - the <year:...> converter
from agreements import views

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("verlengen/<year:year>/", views.allowance_renewal, name="allowance_renewal"),
    path(
        "nieuw/<str:kind>/<int:burgerbaner_pk>/",
        views.agreement_create,
        name="agreement_create",
    ),
    path("<str:kind>/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("<str:kind>/<int:pk>/tekenen/", views.agreement_sign, name="agreement_sign"),
    path("<str:kind>/<int:pk>/pdf/", views.agreement_pdf, name="agreement_pdf"),
    path("<str:kind>/<int:pk>/wijzigen/", views.agreement_edit, name="agreement_edit"),
    path("<str:kind>/<int:pk>/versturen/", views.agreement_send, name="agreement_send"),
    path(
        "<str:kind>/<int:pk>/nieuwe-versie/",
        views.agreement_new_version,
        name="agreement_new_version",
    ),
    path("<str:kind>/<int:pk>/beeindigen/", views.agreement_end, name="agreement_end"),
]
