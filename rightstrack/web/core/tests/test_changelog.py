"""Every change to tracked data records who, when, before and after."""

from __future__ import annotations

import pytest

from rightstrack.web.core.context import change_context
from rightstrack.web.core.models import ObjectChange
from rightstrack.web.tracking.models import Action

pytestmark = pytest.mark.django_db


def test_status_change_records_user_before_and_after(sample, users):
    p1 = sample["p1"]
    with change_context(users["coordinator"]):
        p1.status = "in_progress"
        p1.save()
    change = ObjectChange.objects.filter(paragraph_id=p1.pk).latest("id")
    assert change.user == users["coordinator"] and change.user_name == "cora"
    assert change.action == "update"
    assert ("status", "not_assessed", "in_progress") in change.differences()
    assert [d[0] for d in change.differences()] == ["status"]


def test_a_save_that_changes_nothing_leaves_no_entry(sample):
    count = ObjectChange.objects.count()
    sample["p1"].save()
    assert ObjectChange.objects.count() == count


def test_supporting_agencies_are_logged(sample, agencies):
    p3 = sample["p3"]
    p3.supporting_agencies.add(agencies["MoH"])
    change = ObjectChange.objects.filter(paragraph_id=p3.pk).latest("id")
    assert ("supporting_agencies", [], [agencies["MoH"].pk]) in change.differences()


def test_actions_are_logged_on_their_paragraph_history_including_deletion(sample):
    action = Action.objects.create(paragraph=sample["p1"], title="Law on civil registration adopted")
    action.delete()
    entries = ObjectChange.objects.filter(paragraph_id=sample["p1"].pk, content_type__model="action")
    assert sorted(entries.values_list("action", flat=True)) == ["create", "delete"]
    assert entries.get(action="delete").before["title"] == "Law on civil registration adopted"


def test_history_page_shows_who_changed_what(sample, users, client_for):
    client = client_for("coordinator")
    p1 = sample["p1"]
    response = client.post(f"/tracking/paragraphs/{p1.pk}/", {"status": "implemented", "version": p1.version,
                                                              "lead_agency": p1.lead_agency_id})
    assert response.status_code == 302
    page = client_for("viewer").get(f"/paragraphs/{p1.pk}/history/").content.decode()
    assert "cora" in page and "implemented" in page and "not_assessed" in page
