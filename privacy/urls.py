from django.urls import path

from privacy import views

urlpatterns = [
    path("mijn/gegevens/download/", views.my_data, name="my_data"),
    path(
        "beheer/burgerbaners/<int:pk>/anonimiseren/",
        views.burgerbaner_anonymise,
        name="burgerbaner_anonymise",
    ),
]
