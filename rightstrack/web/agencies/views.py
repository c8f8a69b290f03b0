"""The agency directory: everyone signed in sees it; coordinators maintain it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from ..core.permissions import can_add
from ..reviews.models import Paragraph
from .filtersets import AgencyFilterSet
from .forms import AgencyForm
from .models import Agency


@login_required
def agency_list(request):
    queryset = Agency.objects.restrict(request.user).annotate(lead=Count("lead_paragraphs"))
    filterset = AgencyFilterSet(request.GET, queryset=queryset)
    return render(request, "agencies/list.html", {"filter": filterset, "agencies": filterset.qs,
                                                  "can_add": can_add(request.user, Agency)})


@login_required
def agency_detail(request, pk: int):
    agency = get_object_or_404(Agency.objects.restrict(request.user), pk=pk)
    paragraphs = (Paragraph.objects.restrict(request.user).filter(lead_agency=agency)
                  .select_related("document").order_by("document__date", "position")[:200])
    supporting = (Paragraph.objects.restrict(request.user).filter(supporting_agencies=agency)
                  .select_related("document").order_by("document__date", "position")[:200])
    can_edit = Agency.objects.restrict(request.user, "change").filter(pk=pk).exists()
    return render(request, "agencies/detail.html", {"agency": agency, "lead": paragraphs,
                                                    "supporting": supporting, "can_edit": can_edit})


@login_required
def agency_edit(request, pk: int | None = None):
    if pk is None:
        if not can_add(request.user, Agency):
            raise PermissionDenied
        agency = None
    else:
        agency = get_object_or_404(Agency.objects.restrict(request.user, "change"), pk=pk)
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        agency = form.save()
        return redirect(agency)
    return render(request, "agencies/form.html", {"form": form, "agency": agency})
