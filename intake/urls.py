from django.urls import path

from intake import referral_views, request_views, views

urlpatterns = [
    path("aanmelden/", views.apply, name="apply"),
    path("aanmelden/bedankt/", views.apply_done, name="apply_done"),
    path("aanmeldingen/", views.funnel, name="intake_funnel"),
    path("aanmeldingen/verwijzers/", referral_views.referral_report, name="referral_report"),
    path("verwijzen/", referral_views.referral_list, name="referral_list"),
    path("verwijzen/nieuw/", referral_views.referral_create, name="referral_create"),
    path("verzoeken/", request_views.place_request_list, name="place_request_list"),
    path(
        "verzoeken/plek/<int:place_pk>/",
        request_views.place_request_ask,
        name="place_request_ask",
    ),
    path(
        "verzoeken/stoppen/<int:agreement_pk>/",
        request_views.place_request_stop,
        name="place_request_stop",
    ),
    path("verzoeken/uitnodigen/", request_views.place_request_invite, name="place_request_invite"),
    path("verzoeken/<int:pk>/", request_views.place_request_detail, name="place_request_detail"),
    path(
        "verzoeken/<int:pk>/antwoord/",
        request_views.place_request_answer,
        name="place_request_answer",
    ),
    path(
        "verzoeken/<int:pk>/besluit/",
        request_views.place_request_decide,
        name="place_request_decide",
    ),
    path(
        "verzoeken/<int:pk>/intrekken/",
        request_views.place_request_withdraw,
        name="place_request_withdraw",
    ),
    path("aanmeldingen/voor-mijn-plekken/", views.plans_for_my_places, name="plans_for_my_places"),
    path("aanmeldingen/<int:pk>/", views.application_detail, name="application_detail"),
    path(
        "aanmeldingen/<int:pk>/gesprek/",
        views.application_conversation,
        name="application_conversation",
    ),
    path("aanmeldingen/<int:pk>/plan/", views.application_plan, name="application_plan"),
    path(
        "aanmeldingen/<int:pk>/niet-geplaatst/",
        views.application_not_placed,
        name="application_not_placed",
    ),
    path(
        "aanmeldingen/<int:pk>/teruggetrokken/",
        views.application_withdraw,
        name="application_withdraw",
    ),
    path("aanmeldingen/<int:pk>/notitie/", views.application_note, name="application_note"),
    path("aanmeldingen/<int:pk>/plaatsen/", views.application_place, name="application_place"),
    path(
        "aanmeldingen/<int:pk>/persoonlijk-plan/",
        views.application_plan_view,
        name="application_plan_view",
    ),
]
