from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API: routes every app's ``api.py``, one error shape, token authentication."""

    name = "rightstrack.web.api"
    label = "api"
    verbose_name = "REST API"
