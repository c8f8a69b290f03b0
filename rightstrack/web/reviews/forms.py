"""Forms of the reviews app: upload, links and tags decided by hand."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings

from ...documents.readers import FORMATS
from .choices import Vocabulary
from .models import Document, Paragraph

ACCEPT = ",".join(f".{f}" for f in FORMATS) + ",.htm,.text"


class UploadForm(forms.Form):
    file = forms.FileField(label="Document", help_text="A .docx, .pdf, .html, .txt or .md file of a treaty body "
                           "or of the UPR.", widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    symbol = forms.CharField(required=False, max_length=100, label="Symbol (if not printed)",
                             help_text="e.g. CRC/C/KAZ/CO/4; needed only when the file does not print it.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_SIZE:
            raise forms.ValidationError(f"The file is larger than {settings.MAX_UPLOAD_SIZE // 2**20} MB.")
        if Path(upload.name).suffix.lower() not in {f".{f}" for f in FORMATS} | {".htm", ".text"}:
            raise forms.ValidationError("Give a .docx, .pdf, .html, .txt or .md file.")
        return upload


class LinkForm(forms.Form):
    """A link added by hand: this paragraph follows up paragraph N of an earlier document."""

    document = forms.ModelChoiceField(queryset=Document.objects.none(), label="Earlier document")
    number = forms.CharField(max_length=20, label="Paragraph or recommendation number",
                             help_text='e.g. "39" or "136.12"')
    source_item = forms.CharField(required=False, max_length=30, label="Sub-point (optional)",
                                  help_text='e.g. "8(d)"')

    def __init__(self, *args, paragraph: Paragraph, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = (Document.objects.filter(state_code=paragraph.state_code)
                                            .exclude(pk=paragraph.document_id).order_by("-date"))

    def clean(self):
        data = super().clean()
        if data.get("document") and data.get("number"):
            target = Paragraph.objects.filter(document=data["document"], number=data["number"].strip()).first()
            if target is None:
                raise forms.ValidationError({"number": f"{data['document']} has no paragraph {data['number']}."})
            data["target"] = target
        return data


class TagForm(forms.Form):
    vocabulary = forms.ChoiceField(choices=Vocabulary.choices)
    value = forms.CharField(max_length=100)
