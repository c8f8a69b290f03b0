"""Vocabularies of the core: what a change-log entry records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("updated")
    DELETE = "delete", _("deleted")
