"""API routes: each app's ``api.py`` registers its view sets here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from ..agencies.api import AgencyViewSet
from ..core.api import ChangeViewSet
from ..reviews.api import DocumentViewSet, LinkViewSet, ParagraphViewSet, TagViewSet
from ..tracking.api import ActionViewSet

router = DefaultRouter()
router.register("documents", DocumentViewSet)
router.register("paragraphs", ParagraphViewSet)
router.register("links", LinkViewSet)
router.register("tags", TagViewSet)
router.register("agencies", AgencyViewSet)
router.register("actions", ActionViewSet)
router.register("history", ChangeViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include(router.urls)),
]
