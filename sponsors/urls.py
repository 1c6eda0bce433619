from django.urls import path

from sponsors import views

urlpatterns = [
    path("sponsor/", views.sponsor_portal, name="sponsor_portal"),
    path("sponsor/verklaring/<int:year>/", views.sponsor_statement, name="sponsor_statement"),
    path("verklaring/", views.statement_check, name="statement_check"),
    path("feiten/", views.factsheet, name="factsheet"),
    path("feiten/pdf/", views.factsheet_pdf, name="factsheet_pdf"),
]
