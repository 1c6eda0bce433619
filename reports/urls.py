from django.urls import path

from reports import views

urlpatterns = [
    path("", views.report_home, name="report_home"),
    path("<int:year>/", views.year_report, name="year_report"),
    path("<int:year>/export/<str:kind>.<str:fmt>", views.export, name="report_export"),
    path("<int:year>/audit.csv", views.audit_export, name="audit_export"),
    path("<int:year>/jaaropgave/<int:pk>/", views.statement_for, name="statement_for"),
    path("jaaropgave/<int:year>/", views.my_statement, name="my_statement"),
    path("<int:year>/jaaropgaven/", views.statement_run_start, name="statement_run_start"),
    path("jaaropgaven/<int:pk>/", views.statement_run, name="statement_run"),
    path("jaaropgaven/<int:pk>/zip/", views.statement_run_download, name="statement_run_download"),
]
