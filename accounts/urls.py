from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("mijn/", views.burgerbaner_dashboard, name="burgerbaner_dashboard"),
    path("mijn/gegevens/", views.profile_edit, name="profile_edit"),
    path("mijn/gegevens/download/", views.my_data, name="my_data"),
    path("coordinator/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path("ondertekenaar/", views.signer_dashboard, name="signer_dashboard"),
    path("penningmeester/", views.treasurer_dashboard, name="treasurer_dashboard"),
    path("beheer/", views.admin_dashboard, name="admin_dashboard"),
    path("beheer/burgerbaners/nieuw/", views.burgerbaner_add, name="burgerbaner_add"),
    path("beheer/burgerbaners/<int:pk>/wijzigen/", views.burgerbaner_edit, name="burgerbaner_edit"),
    path(
        "beheer/burgerbaners/<int:pk>/anonimiseren/",
        views.burgerbaner_anonymise,
        name="burgerbaner_anonymise",
    ),
    path("beheer/uitnodigen/", views.staff_invite, name="staff_invite"),
    path(
        "beheer/mensen/<int:user_pk>/uitnodiging/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path("burgerbaners/<int:pk>/", views.burgerbaner_detail, name="burgerbaner_detail"),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="accept_invitation"),
]
