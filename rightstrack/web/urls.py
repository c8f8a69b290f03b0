"""Top-level URLs: each app brings its own ``urls.py``."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("rightstrack.web.reviews.urls")),
    path("tracking/", include("rightstrack.web.tracking.urls")),
    path("agencies/", include("rightstrack.web.agencies.urls")),
    path("accounts/", include("rightstrack.web.accounts.urls")),
    path("portal/", include("rightstrack.web.portal.urls")),
    path("api/", include("rightstrack.web.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
# Media (evidence files) is never served as a folder: only through tracking's permission-checked view.

handler404 = "rightstrack.web.core.views.not_found"
handler403 = "rightstrack.web.core.views.forbidden"
handler500 = "rightstrack.web.core.views.server_error"
