from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    AGENCY = "agency", _("Agency or committee")
    PARLIAMENT = "parliament", _("Parliament")
    JUDICIARY = "judiciary", _("Judiciary or prosecution")
    REGIONAL = "regional", _("Regional or local authority")
    INSTITUTION = "institution", _("Independent institution")
    OTHER = "other", _("Other")
