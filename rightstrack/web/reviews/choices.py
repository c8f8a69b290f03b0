"""Vocabularies of imported documents; values are those of the document core (models.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ...documents import models as core


class Kind(models.TextChoices):
    POSITIVE_ASPECT = core.POSITIVE_ASPECT, _("Positive aspect")
    CONCERN = core.CONCERN, _("Concern")
    RECOMMENDATION = core.RECOMMENDATION, _("Recommendation")
    REQUEST_FOR_INFORMATION = core.REQUEST_FOR_INFORMATION, _("Question")
    PROCEDURAL = core.PROCEDURAL, _("Procedural")


class DocumentType(models.TextChoices):
    CONCLUDING_OBSERVATIONS = core.CONCLUDING_OBSERVATIONS, _("Concluding observations")
    LIST_OF_ISSUES = core.LIST_OF_ISSUES, _("List of issues")
    LIST_OF_ISSUES_PRIOR_TO_REPORTING = core.LIST_OF_ISSUES_PRIOR_TO_REPORTING, _("List of issues prior to reporting")
    UPR_REPORT = core.UPR_REPORT, _("UPR Working Group report")
    STATE_REPORT = core.STATE_REPORT, _("State report")
    REPLIES_TO_LIST_OF_ISSUES = core.REPLIES_TO_LIST_OF_ISSUES, _("Replies to the list of issues")


class Response(models.TextChoices):
    SUPPORTED = core.SUPPORTED, _("Supported")
    TO_BE_EXAMINED = core.TO_BE_EXAMINED, _("To be examined")
    NOTED = core.NOTED, _("Noted")


class Decision(models.TextChoices):
    """A person's word on a computed link or tag; a re-run never overrides it."""

    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class Origin(models.TextChoices):
    LINKING = "linking", _("Computed by the linking library")
    CITED = "cited", _("Cited in the document")
    TAGGING = "tagging", _("Computed by the tagging library")
    DOCUMENT = "document", _("Printed in the document")
    MANUAL = "manual", _("Added by hand")


class Vocabulary(models.TextChoices):
    THEME = "theme", _("Theme")
    GROUP = "group", _("Affected group")
    SDG = "sdg", _("SDG target")
    ARTICLE = "article", _("Article")
