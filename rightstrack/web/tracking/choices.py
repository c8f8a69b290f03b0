"""The fixed vocabularies of follow-up (docs/web.md explains when to use each status)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("Not assessed")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NOT_ACCEPTED = "not_accepted", _("Not accepted by the State")


class ActionState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
