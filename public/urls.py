from django.urls import path

from public import views

urlpatterns = [
    path("", views.home, name="home"),
    path("vragen/", views.questions, name="questions"),
]
