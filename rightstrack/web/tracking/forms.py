"""Forms of follow-up. The tracking form offers only the fields the user's role may change."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..agencies.models import Agency
from ..core.permissions import editable_fields
from ..reviews.models import Paragraph
from .models import Action, Comment, Evidence, Indicator, IndicatorValue


class DateInput(forms.DateInput):
    input_type = "date"


class TrackingForm(forms.ModelForm):
    """Status and responsibility of one paragraph, with the version it was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Paragraph
        fields = ["status", "status_note", "lead_agency", "supporting_agencies", "published"]
        widgets = {"status_note": forms.Textarea(attrs={"rows": 3}),
                   "supporting_agencies": forms.SelectMultiple(attrs={"size": 5})}
        labels = {"status": _("Status"), "status_note": _("Note on the status"), "lead_agency": _("Lead agency"),
                  "supporting_agencies": _("Supporting agencies"), "published": _("Published on the public portal")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = editable_fields(user)
        for name in list(self.fields):
            if name != "version" and name not in allowed:
                del self.fields[name]
        if "lead_agency" in self.fields:
            self.fields["lead_agency"].queryset = Agency.objects.filter(active=True)
            self.fields["supporting_agencies"].queryset = Agency.objects.filter(active=True)
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class BulkAssignForm(forms.Form):
    """Give every paragraph of a cluster (or a whole document) to an agency."""

    lead_agency = forms.ModelChoiceField(queryset=Agency.objects.filter(active=True), label="Lead agency")
    cluster = forms.CharField(required=False, widget=forms.HiddenInput)
    only_unassigned = forms.BooleanField(required=False, initial=True, label="Only paragraphs without a lead agency")


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["title", "agency", "state", "start", "end", "description", "outcome"]
        widgets = {"start": DateInput, "end": DateInput, "description": forms.Textarea(attrs={"rows": 3}),
                   "outcome": forms.Textarea(attrs={"rows": 2})}


class EvidenceForm(forms.ModelForm):
    url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="Link")

    class Meta:
        model = Evidence
        fields = ["title", "url", "file", "action"]

    def __init__(self, *args, paragraph, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.paragraph = paragraph
        self.fields["action"].queryset = paragraph.actions.all()


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "target", "source"]


class IndicatorValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "date", "value", "note"]
        widgets = {"date": DateInput}

    def __init__(self, *args, paragraph, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = paragraph.indicators.all()


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "Comment"}
