from django.urls import path

from bank import views

urlpatterns = [
    path("", views.upload, name="bank_upload"),
    path("afschriften/<int:pk>/", views.statement_detail, name="bank_statement"),
    path("in-te-delen/", views.unclassified, name="bank_unclassified"),
    path("regels/<int:pk>/indelen/", views.classify, name="bank_classify"),
]
