from django.urls import path

import burgerbaan.converters  # noqa: F401 - the <year:...> converter
from reports import views

urlpatterns = [
    path("", views.report_home, name="report_home"),
    path("<year:year>/", views.year_report, name="year_report"),
    path("<year:year>/export/<str:kind>.<str:fmt>", views.export, name="report_export"),
    path("<year:year>/audit.csv", views.audit_export, name="audit_export"),
    path("<year:year>/uitkomsten/", views.outcomes_report, name="outcomes_report"),
    path("<year:year>/onderzoek.zip", views.research_export, name="research_export"),
    path("<year:year>/jaaropgave/<int:pk>/", views.statement_for, name="statement_for"),
    path("jaaropgave/<year:year>/", views.my_statement, name="my_statement"),
    path("<year:year>/jaaropgaven/", views.statement_run_start, name="statement_run_start"),
    path("jaaropgaven/<int:pk>/", views.statement_run, name="statement_run"),
    path("jaaropgaven/<int:pk>/zip/", views.statement_run_download, name="statement_run_download"),
]
