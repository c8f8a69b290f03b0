from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rightstrack.web.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects change logging)
