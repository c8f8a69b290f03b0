from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.home, name="home"),
    path("states/<str:code>/", views.state, name="state"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>/links/confirm/", views.links_confirm, name="links_confirm"),
    path("paragraphs/<int:pk>/", views.paragraph, name="paragraph"),
    path("paragraphs/<int:pk>/history/", views.history, name="history"),
    path("paragraphs/<int:pk>/links/", views.link_add, name="link_add"),
    path("paragraphs/<int:pk>/tags/", views.tag_add, name="tag_add"),
    path("links/<int:pk>/decide/", views.link_decide, name="link_decide"),
    path("tags/<int:pk>/decide/", views.tag_decide, name="tag_decide"),
    path("search/", views.search, name="search"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_preview, name="import_preview"),
]
