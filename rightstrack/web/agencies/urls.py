from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_list, name="list"),
    path("add/", views.agency_edit, name="add"),
    path("<int:pk>/", views.agency_detail, name="detail"),
    path("<int:pk>/edit/", views.agency_edit, name="edit"),
]
