from django.urls import path

from privacy import views

urlpatterns = [
    path("mijn/gegevens/download/", views.my_data, name="my_data"),
    path("mijn/gegevens/alles/", views.my_data_page, name="my_data_page"),
    path("mijn/gegevens/alles/pdf/", views.my_data_pdf, name="my_data_pdf"),
    path(
        "beheer/burgerbaners/<int:pk>/anonimiseren/",
        views.burgerbaner_anonymise,
        name="burgerbaner_anonymise",
    ),
]
