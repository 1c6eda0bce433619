from django.urls import path

from funding import views

urlpatterns = [
    path("", views.funding_home, name="funding_home"),
    path("ontvangst/", views.receipt_create, name="receipt_create"),
    path("bron/<int:pk>/", views.funding_source, name="funding_source"),
    path("ontvangst/<int:pk>/tegenboeken/", views.receipt_correct, name="receipt_correct"),
]
