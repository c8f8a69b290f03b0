from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.state, name="state"),
    path("paragraphs/<int:pk>/", views.paragraph, name="paragraph"),
]
