from django.urls import path

from places import views

urlpatterns = [
    path("", views.place_list, name="place_list"),
    path("<int:pk>-<slug:slug>/", views.place_detail, name="place_detail"),
    path("mijn/", views.my_places, name="my_places"),
    path("nieuw/", views.place_create, name="place_create"),
    path("goedkeuren/", views.place_review, name="place_review"),
    path("<int:pk>/wijzigen/", views.place_edit, name="place_edit"),
    path("<int:pk>/indienen/", views.place_submit, name="place_submit"),
    path("<int:pk>/offline/", views.place_close, name="place_close"),
    path("<int:pk>/bezet/", views.place_filled, name="place_filled"),
    path("<int:pk>/goedkeuren/", views.place_approve, name="place_approve"),
    path("<int:pk>/terugsturen/", views.place_send_back, name="place_send_back"),
]
