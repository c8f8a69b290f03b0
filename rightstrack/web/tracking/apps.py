from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "rightstrack.web.tracking"
    label = "tracking"
    verbose_name = "Tracking"
