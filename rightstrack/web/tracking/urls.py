from django.urls import path

from . import views

app_name = "tracking"
urlpatterns = [
    path("paragraphs/<int:pk>/", views.update, name="update"),
    path("paragraphs/<int:pk>/add/<str:what>/", views.add, name="add"),
    path("documents/<int:pk>/assign/", views.bulk_assign, name="bulk_assign"),
    path("documents/<int:pk>/publish/", views.publish, name="publish"),
    path("actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
    path("<str:what>/<int:pk>/delete/", views.delete, name="delete"),
    path("evidence/<int:pk>/file/", views.evidence_file, name="evidence_file"),
]
