from django.urls import path

import burgerbaan.converters  # noqa: F401 - the <year:...> converter
from payments import views

urlpatterns = [
    path("", views.treasurer_home, name="treasurer_home"),
    path("<year:year>/<int:month>/", views.month_proposal, name="month_proposal"),
    path("opdrachten/nieuw/", views.batch_create, name="batch_create"),
    path("opdrachten/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("opdrachten/<int:pk>/sepa/", views.batch_sepa, name="batch_sepa"),
    path("betaling/<int:pk>/", views.payment_detail, name="payment_detail"),
    path("betaling/<int:pk>/specificatie/", views.payment_spec, name="payment_spec"),
    path("giften/", views.extra_create, name="extra_create"),
    path("giften/<int:pk>/corrigeren/", views.extra_correct, name="extra_correct"),
    path("mijn/", views.my_payments, name="my_payments"),
    path("mijn/elders/", views.my_elsewhere, name="my_elsewhere"),
    path("elders/burgerbaner/<int:pk>/", views.elsewhere_for, name="elsewhere_for"),
    path("elders/<int:pk>/corrigeren/", views.elsewhere_correct, name="elsewhere_correct"),
    path("mijn/voor-uitkering/", views.benefit_overview, name="benefit_overview"),
    path("geschiedenis/", views.audit, name="payment_audit"),
]
