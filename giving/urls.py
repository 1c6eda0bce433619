from django.urls import path

from giving import views

urlpatterns = [
    path("geven/", views.give, name="give"),
    path("geven/poster.pdf", views.poster, name="give_poster"),
]
