from django.urls import path

from hours import views

urlpatterns = [
    path("uren/", views.hours_home, name="hours_home"),
    path("uren/<int:pk>/wijzigen/", views.entry_edit, name="entry_edit"),
    path("uren/<int:pk>/verwijderen/", views.entry_delete, name="entry_delete"),
    path("uren/vorige-week-overnemen/", views.copy_week, name="copy_week"),
    path("aftekenen/", views.approve_queue, name="approve_queue"),
    path("mede-ondertekenen/", views.countersign_queue, name="countersign_queue"),
    path("urenoverzichten/<int:pk>/", views.timesheet_detail, name="timesheet_detail"),
    path("urenoverzichten/<int:pk>/indienen/", views.timesheet_submit, name="timesheet_submit"),
    path(
        "urenoverzichten/<int:pk>/terugnemen/", views.timesheet_withdraw, name="timesheet_withdraw"
    ),
    path("urenoverzichten/<int:pk>/aftekenen/", views.timesheet_approve, name="timesheet_approve"),
    path(
        "urenoverzichten/<int:pk>/mede-ondertekenen/",
        views.timesheet_countersign,
        name="timesheet_countersign",
    ),
    path("urenoverzichten/<int:pk>/afkeuren/", views.timesheet_reject, name="timesheet_reject"),
    path("urenoverzichten/<int:pk>/pdf/", views.timesheet_pdf_view, name="timesheet_pdf"),
]
