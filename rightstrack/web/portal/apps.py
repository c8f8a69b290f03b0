from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public, read-only portal: only what the coordinator published."""

    name = "rightstrack.web.portal"
    label = "portal"
    verbose_name = "Public portal"
