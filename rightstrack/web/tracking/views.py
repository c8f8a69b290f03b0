"""Follow-up edits: status and agencies, bulk assignment, publication, actions, evidence…

Every view takes its rows from ``.restrict(user, action)``; a row the user may not change
is simply not found (404) or refused (403), so no view repeats the rules.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..core.context import change_context
from ..core.errors import EditConflict
from ..core.permissions import can_add, is_coordinator
from ..reviews.models import Document, Paragraph
from ..reviews.views import paragraph as paragraph_page
from .forms import (
    ActionForm,
    BulkAssignForm,
    CommentForm,
    EvidenceForm,
    IndicatorForm,
    IndicatorValueForm,
    TrackingForm,
)
from .models import Action, Comment, Evidence, Indicator, IndicatorValue


@login_required
@require_POST
def update(request, pk: int):
    """Save status and responsibility; a stale version is refused and the user told."""
    item = get_object_or_404(Paragraph.objects.restrict(request.user, "change"), pk=pk)
    form = TrackingForm(request.POST, instance=item, user=request.user)
    conflict = None
    if form.is_valid():
        try:
            with transaction.atomic():
                obj = form.save(commit=False)
                obj.save_version(form.cleaned_data["version"])
                form.save_m2m()
        except EditConflict as error:
            conflict = str(error)
            form.add_error(None, conflict)
        else:
            if request.headers.get("HX-Request"):
                item.refresh_from_db()
                form = TrackingForm(instance=item, user=request.user)
                return render(request, "tracking/_form.html", {"p": item, "tracking_form": form, "saved": True})
            messages.success(request, "Saved.")
            return redirect(item)
    if request.headers.get("HX-Request"):
        current = Paragraph.objects.get(pk=pk) if conflict else None
        return render(request, "tracking/_form.html", {"p": item, "tracking_form": form, "current": current},
                      status=409 if conflict else 400)
    return paragraph_page(request, pk, form=form, conflict=conflict)


def _set_each(rows, user, message: str, **values) -> int:
    """Set ``values`` on each paragraph, one save (one change-log entry) each, in one transaction."""
    with transaction.atomic(), change_context(user, message[:200]):
        count = 0
        for item in rows.select_for_update():
            for key, value in values.items():
                setattr(item, key, value)
            item.version += 1  # forms opened before this are stale
            item.save()
            count += 1
    return count


@login_required
@require_POST
def bulk_assign(request, pk: int):
    """Give a cluster (or the whole document) to a lead agency, one change-log entry a paragraph."""
    document = get_object_or_404(Document.objects.restrict(request.user), pk=pk)
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = BulkAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an agency.")
        return redirect(document)
    rows = Paragraph.objects.restrict(request.user, "change").filter(document=document)
    if form.cleaned_data["cluster"]:
        rows = rows.filter(cluster=form.cleaned_data["cluster"])
    if form.cleaned_data["only_unassigned"]:
        rows = rows.filter(lead_agency__isnull=True)
    agency = form.cleaned_data["lead_agency"]
    count = _set_each(rows, request.user, f"bulk assignment to {agency}", lead_agency=agency)
    messages.success(request, f"{count} paragraphs assigned to {agency}.")
    return redirect(document)


@login_required
@require_POST
def publish(request, pk: int):
    """Publish (or withdraw) a document's paragraphs, or one cluster's, on the public portal."""
    document = get_object_or_404(Document.objects.restrict(request.user), pk=pk)
    if not is_coordinator(request.user):
        raise PermissionDenied
    value = request.POST.get("published") == "true"
    rows = Paragraph.objects.restrict(request.user, "change").filter(document=document).exclude(published=value)
    if request.POST.get("cluster") is not None:
        rows = rows.filter(cluster=request.POST["cluster"])
    count = _set_each(rows, request.user, "published" if value else "withdrawn from portal", published=value)
    messages.success(request, f"{count} paragraphs {'published' if value else 'withdrawn from the portal'}.")
    return redirect(document)


FORMS = {"action": ActionForm, "evidence": EvidenceForm, "indicator": IndicatorForm,
         "value": IndicatorValueForm, "comment": CommentForm}
MODELS = {"action": Action, "evidence": Evidence, "indicator": Indicator, "value": IndicatorValue,
          "comment": Comment}


@login_required
def add(request, pk: int, what: str):
    """Add an action, evidence, indicator, indicator value or comment to a paragraph."""
    if what not in FORMS:
        raise Http404
    item = get_object_or_404(Paragraph.objects.restrict(request.user), pk=pk)
    if not can_add(request.user, MODELS[what], item):
        raise PermissionDenied
    kwargs = {"paragraph": item} if what in ("evidence", "value") else {}
    form = FORMS[what](request.POST or None, request.FILES or None, **kwargs)
    if what not in ("evidence", "value"):
        form.instance.paragraph = item
    if what == "comment":
        form.instance.author = request.user
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{MODELS[what]._meta.verbose_name.capitalize()} added.")
        return redirect(f"{item.get_absolute_url()}#{what}s")
    return render(request, "tracking/add.html", {"p": item, "form": form, "what": MODELS[what]._meta.verbose_name},
                  status=400 if form.errors else 200)


@login_required
def edit_action(request, pk: int):
    action = get_object_or_404(Action.objects.restrict(request.user, "change").select_related("paragraph"), pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Action saved.")
        return redirect(f"{action.paragraph.get_absolute_url()}#actions")
    return render(request, "tracking/add.html", {"p": action.paragraph, "form": form, "what": "action"},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def delete(request, what: str, pk: int):
    if what not in MODELS:
        raise Http404
    obj = get_object_or_404(MODELS[what].objects.restrict(request.user, "delete"), pk=pk)
    paragraph = obj.indicator.paragraph if what == "value" else obj.paragraph
    obj.delete()
    messages.success(request, f"{MODELS[what]._meta.verbose_name.capitalize()} deleted.")
    return redirect(paragraph)


@login_required
def evidence_file(request, pk: int):
    """An evidence file, only for those who may see it (media is never served as a folder)."""
    evidence = get_object_or_404(Evidence.objects.restrict(request.user), pk=pk)
    if not evidence.file:
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.split("/")[-1])
