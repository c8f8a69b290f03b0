"""The roles of the people who run follow-up (docs/web.md describes each)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    FOCAL_POINT = "focal_point", _("Agency focal point")
    VIEWER = "viewer", _("Viewer")
