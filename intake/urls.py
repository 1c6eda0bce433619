from django.urls import path

from intake import views

urlpatterns = [
    path("aanmelden/", views.apply, name="apply"),
    path("aanmelden/bedankt/", views.apply_done, name="apply_done"),
    path("aanmeldingen/", views.funnel, name="intake_funnel"),
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
