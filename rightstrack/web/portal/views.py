"""Public pages for citizens. Rows come from ``.restrict(AnonymousUser(), "view")``, so a
signed-in coordinator previewing the portal sees exactly what the public sees."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from ..reviews.filtersets import ParagraphFilterSet
from ..reviews.models import Document, Paragraph
from ..tracking.choices import Status
from ..tracking.models import Action, Indicator

PUBLIC = AnonymousUser()


def index(request):
    paragraphs = Paragraph.objects.restrict(PUBLIC)
    names = dict(Document.objects.values_list("state_code", "state").distinct())
    counts = paragraphs.order_by().values_list("state_code").annotate(n=Count("*"))
    states = sorted(({"state_code": code, "state": names.get(code, code), "n": n} for code, n in counts),
                    key=lambda row: row["state"])
    status = dict(paragraphs.order_by().values_list("status").annotate(n=Count("*")))
    summary = [(label, status.get(value, 0)) for value, label in Status.choices if status.get(value)]
    return render(request, "portal/index.html", {"states": states, "summary": summary})


def state(request, code: str):
    paragraphs = Paragraph.objects.restrict(PUBLIC).filter(state_code=code.upper())
    filterset = ParagraphFilterSet(request.GET, queryset=paragraphs)
    rows = filterset.qs.select_related("document", "lead_agency").order_by("-year", "document__symbol", "position")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    documents = Document.objects.restrict(PUBLIC).filter(state_code=code.upper())
    return render(request, "portal/state.html", {"code": code.upper(), "page": page, "filter": filterset,
                                                 "documents": documents, "statuses": Status.choices})


def paragraph(request, pk: int):
    item = get_object_or_404(Paragraph.objects.restrict(PUBLIC).select_related("document", "lead_agency"), pk=pk)
    return render(request, "portal/paragraph.html", {
        "p": item,
        "actions": Action.objects.restrict(PUBLIC).filter(paragraph=item).select_related("agency"),
        "indicators": Indicator.objects.restrict(PUBLIC).filter(paragraph=item).prefetch_related("values"),
        "supporting": item.supporting_agencies.all(),
    })
