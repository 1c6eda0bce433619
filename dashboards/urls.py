from django.urls import path

from dashboards import views

urlpatterns = [
    path("mijn/", views.burgerbaner_dashboard, name="burgerbaner_dashboard"),
    path("coordinator/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path("ondertekenaar/", views.signer_dashboard, name="signer_dashboard"),
    path("penningmeester/", views.treasurer_dashboard, name="treasurer_dashboard"),
    path("beheer/", views.admin_dashboard, name="admin_dashboard"),
    path("burgerbaners/<int:pk>/", views.burgerbaner_detail, name="burgerbaner_detail"),
]
