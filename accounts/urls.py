from django.urls import path

from accounts import views

urlpatterns = [
    path("mijn/gegevens/", views.profile_edit, name="profile_edit"),
    path("beheer/burgerbaners/nieuw/", views.burgerbaner_add, name="burgerbaner_add"),
    path("beheer/burgerbaners/<int:pk>/wijzigen/", views.burgerbaner_edit, name="burgerbaner_edit"),
    path("beheer/uitnodigen/", views.staff_invite, name="staff_invite"),
    path(
        "beheer/mensen/<int:user_pk>/uitnodiging/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="accept_invitation"),
]
