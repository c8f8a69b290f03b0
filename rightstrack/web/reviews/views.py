"""Browse (State -> cycle -> document -> cluster -> paragraph), search, import, links and tags."""

from __future__ import annotations

import time
import uuid
from itertools import groupby
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ...documents import DocumentError
from ..agencies.models import Agency
from ..core.context import change_context
from ..core.models import ObjectChange
from ..core.permissions import can, editable_fields, is_coordinator
from ..tracking.forms import TrackingForm
from . import facets as facet_counts
from . import importer
from .choices import Decision, Origin
from .filtersets import ParagraphFilterSet
from .followup import chain
from .forms import LinkForm, TagForm, UploadForm
from .models import Document, Link, Paragraph, Tag
from .search import in_listing_order

PAGE_SIZE = 50
# Not shown in a result list: not read (JSON columns cost a decoding each).
UNLISTED = ("text", "part", "heading", "articles", "subparagraphs", "references", "recommending_states", "status_note",
            "document__title", "document__dates", "document__obligations")


def home(request):
    if not request.user.is_authenticated:
        return redirect("portal:index")
    states = (Document.objects.restrict(request.user).values("state_code", "state")
              .annotate(documents=Count("id"), paragraphs=Sum("paragraph_count")).order_by("state"))
    return render(request, "reviews/home.html", {"states": states})


@login_required
def state(request, code: str):
    documents = list(Document.objects.restrict(request.user).filter(state_code=code.upper())
                     .order_by("committee", "date", "symbol"))
    if not documents:
        raise Http404
    committees = [(committee, list(docs)) for committee, docs in groupby(documents, key=lambda d: d.committee)]
    return render(request, "reviews/state.html", {"state": documents[0].state, "code": code.upper(),
                                                  "committees": committees})


@login_required
def document(request, pk: int):
    doc = get_object_or_404(Document.objects.restrict(request.user), pk=pk)
    paragraphs = (Paragraph.objects.restrict(request.user).filter(document=doc).select_related("lead_agency")
                  .order_by("position"))
    clusters = [(cluster, list(rows)) for cluster, rows in groupby(paragraphs, key=lambda p: p.cluster)]
    proposed = Link.objects.filter(source__document=doc, decision=Decision.PROPOSED).count()
    return render(request, "reviews/document.html", {
        "document": doc, "clusters": clusters, "versions": doc.versions.all(), "proposed_links": proposed,
        "agencies": list(Agency.objects.filter(active=True).values_list("pk", "name"))
        if is_coordinator(request.user) else None,
    })


@login_required
def paragraph(request, pk: int, form=None, conflict=None):
    visible = Paragraph.objects.restrict(request.user)
    item = get_object_or_404(visible.select_related("document", "lead_agency"), pk=pk)
    can_edit = bool(editable_fields(request.user)) and can(request.user, "change", item)
    return render(request, "reviews/paragraph.html", {
        "p": item,
        "steps": chain(item, visible),
        "links_out": item.links_out.select_related("target__document").order_by("-score"),
        "links_in": item.links_in.select_related("source__document").order_by("-score"),
        "tags": item.tags.all(),
        "can_edit": can_edit,
        "coordinator": is_coordinator(request.user),
        "tracking_form": form or (TrackingForm(instance=item, user=request.user) if can_edit else None),
        "conflict": conflict,
        "link_form": LinkForm(paragraph=item) if is_coordinator(request.user) else None,
        "tag_form": TagForm() if is_coordinator(request.user) else None,
        "actions": item.actions.select_related("agency"),
        "evidence": item.evidence.all(),
        "indicators": item.indicators.prefetch_related("values"),
        "comments": item.comments.select_related("author"),
    })


@login_required
def history(request, pk: int):
    item = get_object_or_404(Paragraph.objects.restrict(request.user).select_related("document"), pk=pk)
    changes = ObjectChange.objects.filter(paragraph_id=item.pk).select_related("content_type")
    page = Paginator(changes, 100).get_page(request.GET.get("page"))
    first = item.document.versions.order_by("number").first()
    return render(request, "reviews/history.html", {"p": item, "page": page, "imported": first})


@login_required
def search(request):
    visible = Paragraph.objects.restrict(request.user)
    filterset = ParagraphFilterSet(request.GET, queryset=visible)
    if not filterset.is_valid():
        return render(request, "reviews/search.html", {"filter": filterset, "page": None, "facets": []},
                      status=400)
    selected = {name: request.GET.getlist(name) for name in request.GET if name not in ("page", "q", "exact")}
    counts = facet_counts.facets(filterset.qs, selected, exact=request.GET.get("exact") == "1")
    # The matches are found once: counting them exactly gave their ids.
    results = visible.filter(pk__in=counts.ids) if counts.ids is not None else filterset.qs
    results = (results.select_related("document", "lead_agency").defer(*UNLISTED)
               .order_by("-year", "document_id", "position"))
    if counts.approximate:  # thousands of matches: the first ones in listing order come soon
        results = in_listing_order(results)
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = counts.total  # known from the facet counts: no second COUNT over the matches
    if counts.approximate:
        page = _estimated_page(paginator, request.GET.get("page"))
    else:
        page = paginator.get_page(request.GET.get("page"))
    context = {"filter": filterset, "page": page, "query": request.GET.copy(), "facets": counts.facets,
               "counts": counts}
    template = "reviews/_results.html" if request.headers.get("HX-Request") else "reviews/search.html"
    return render(request, template, context)


def _estimated_page(paginator: Paginator, number) -> Page:
    """A page of results whose total is an estimate: one row more than a page is read, so
    "Next" shows exactly when there is more, and no real page lies beyond the last link."""
    try:
        number = max(1, int(number or 1))
    except ValueError:
        number = 1
    start = (number - 1) * paginator.per_page
    rows = list(paginator.object_list[start:start + paginator.per_page + 1])
    seen = start + len(rows)
    paginator.count = max(paginator.count, seen) if len(rows) > paginator.per_page else seen
    return Page(rows[:paginator.per_page], number, paginator)


# Import: upload -> preview (nothing saved) -> save (one transaction).

def _pending_dir() -> Path:
    """Uploads waiting for the user's "Save"; those abandoned for a day are removed."""
    path = Path(settings.MEDIA_ROOT) / "pending"
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        if old.stat().st_mtime < time.time() - 86400:
            old.unlink(missing_ok=True)
    return path


def _require_import(user) -> None:
    if not is_coordinator(user):
        raise PermissionDenied("only coordinators import documents")


@login_required
def import_upload(request):
    _require_import(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        symbol = form.cleaned_data["symbol"].strip() or None
        try:
            parsed = importer.read(data, upload.name, symbol=symbol)
            importer.plan(parsed, upload.name)
        except (DocumentError, importer.ImportRefused) as error:
            form.add_error("file" if isinstance(error, DocumentError) else error.field, str(error))
        else:
            token = uuid.uuid4().hex
            (_pending_dir() / token).write_bytes(data)
            request.session[f"import-{token}"] = {"name": upload.name, "symbol": symbol}
            return redirect("reviews:import_preview", token=token)
    return render(request, "reviews/import.html", {"form": form}, status=400 if form.errors else 200)


def _pending(request, token: str):
    meta = request.session.get(f"import-{token}")
    path = _pending_dir() / token
    if not meta or not path.exists() or not token.isalnum():
        raise Http404
    parsed = importer.read(path.read_bytes(), meta["name"], symbol=meta["symbol"])
    return importer.plan(parsed, meta["name"]), path


@login_required
def import_preview(request, token: str):
    _require_import(request.user)
    plan, path = _pending(request, token)
    if request.method == "POST":
        document = importer.save(plan, request.user)
        path.unlink(missing_ok=True)
        request.session.pop(f"import-{token}", None)
        if plan.status == importer.UNCHANGED:
            messages.info(request, f"{document.symbol}: already imported, nothing changed.")
        else:
            messages.success(request, f"{document.symbol} imported: {document.paragraph_count} paragraphs.")
        return redirect(document)
    return render(request, "reviews/import_preview.html", {"plan": plan, "token": token})


# Links and tags decided by hand: a person's decision is final until a person changes it.

def _for_coordinator(request, queryset, pk: int):
    """Links and tags are decided by coordinators (403 for other roles)."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    return get_object_or_404(queryset.restrict(request.user, "change"), pk=pk)


def _decide(request, obj, decision: str):
    if decision not in (Decision.CONFIRMED, Decision.REJECTED, Decision.PROPOSED):
        raise Http404
    obj.decision = decision
    obj.save()


@login_required
@require_POST
def link_decide(request, pk: int):
    link = _for_coordinator(request, Link.objects.select_related("source", "target"), pk)
    _decide(request, link, request.POST.get("decision", ""))
    if request.headers.get("HX-Request"):
        return render(request, "reviews/_link.html", {"link": link, "coordinator": True,
                                                       "other": link.target if request.POST.get("side") != "in"
                                                       else link.source, "side": request.POST.get("side", "out")})
    return redirect(link.source)


@login_required
@require_POST
def links_confirm(request, pk: int):
    """Confirm every proposed link of a document scoring at least a threshold (one log entry each)."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    doc = get_object_or_404(Document.objects.restrict(request.user), pk=pk)
    try:
        threshold = float(request.POST.get("threshold", ""))
    except ValueError:
        threshold = -1
    if not 0 <= threshold <= 1:
        messages.error(request, "Give a score between 0 and 1.")
        return redirect(doc)
    rows = Link.objects.restrict(request.user, "change").filter(
        source__document=doc, decision=Decision.PROPOSED, score__gte=threshold)
    with transaction.atomic(), change_context(request.user, f"links scoring {threshold:g} or more confirmed"):
        count = 0
        for link in rows.select_for_update():
            link.decision = Decision.CONFIRMED
            link.save()
            count += 1
    messages.success(request, f"{count} links confirmed.")
    return redirect(doc)


@login_required
@require_POST
def link_add(request, pk: int):
    item = _for_coordinator(request, Paragraph.objects, pk)
    form = LinkForm(request.POST, paragraph=item)
    if form.is_valid():
        try:
            with transaction.atomic():
                Link.objects.create(source=item, target=form.cleaned_data["target"], origin=Origin.MANUAL,
                                    source_item=form.cleaned_data["source_item"], decision=Decision.CONFIRMED,
                                    explicit=False, why="added by hand")
        except IntegrityError:
            messages.error(request, "That link exists already.")
    else:
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect(item)


@login_required
@require_POST
def tag_decide(request, pk: int):
    tag = _for_coordinator(request, Tag.objects, pk)
    _decide(request, tag, request.POST.get("decision", ""))
    if request.headers.get("HX-Request"):
        return render(request, "reviews/_tag.html", {"tag": tag, "coordinator": True})
    return redirect(tag.paragraph)


@login_required
@require_POST
def tag_add(request, pk: int):
    item = _for_coordinator(request, Paragraph.objects, pk)
    form = TagForm(request.POST)
    if form.is_valid():
        Tag.objects.update_or_create(paragraph=item, vocabulary=form.cleaned_data["vocabulary"],
                                     value=form.cleaned_data["value"].strip(),
                                     defaults={"origin": Origin.MANUAL, "decision": Decision.CONFIRMED})
    else:
        messages.error(request, "Choose a vocabulary and give a value.")
    return redirect(item)
