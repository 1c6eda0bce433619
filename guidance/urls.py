from django.urls import path

from guidance import views

urlpatterns = [
    path("begeleiding/<int:pk>/", views.person, name="guidance_person"),
    path("begeleiding/<int:pk>/gesprek/", views.checkin_add, name="checkin_add"),
    path("begeleiding/<int:pk>/doel/", views.goal_add, name="goal_add"),
    path("gesprekken/<int:pk>/", views.checkin_edit, name="checkin_edit"),
    path("gesprekken/<int:pk>/mijn-woorden/", views.checkin_own_words, name="checkin_own_words"),
    path("doelen/<int:pk>/", views.goal_state, name="goal_state"),
    path(
        "overeenkomsten/vrijwilliger/<int:pk>/evaluatie/",
        views.evaluation_set,
        name="evaluation_set",
    ),
    path("mijn/hoe-gaat-het/", views.wellbeing, name="wellbeing"),
    path("mijn/hoe-gaat-het/nu-niet/", views.wellbeing_skip, name="wellbeing_skip"),
    path("mijn/onderzoek/", views.research, name="research_consent"),
]
