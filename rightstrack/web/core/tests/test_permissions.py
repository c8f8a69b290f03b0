"""Every write path, for every role: allowed ones change the data, refused ones change nothing.

One table of write paths (as NetBox's view test base classes): each row says which roles
may use it, how to call it and how to see whether it changed anything. The focal point
works for the Ministry of Education, which leads paragraph 1 (not 2 or 3).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightstrack.web.agencies.models import Agency
from rightstrack.web.conftest import CO, ROLES
from rightstrack.web.reviews.models import Document, Link, Paragraph, Tag
from rightstrack.web.tracking.models import Action, Comment, Evidence, Indicator

pytestmark = pytest.mark.django_db
STAFF = {"admin", "coordinator"}
ASSIGNED = STAFF | {"focal_point"}


@dataclass
class WritePath:
    name: str
    allowed: set
    call: Callable  # (client, sample, agencies) -> response
    changed: Callable  # (sample, agencies) -> bool


def _status(which):
    def call(client, s, a):
        p = s[which]
        return client.post(f"/tracking/paragraphs/{p.pk}/", {"status": "implemented", "version": p.version,
                                                             "lead_agency": p.lead_agency_id or ""})
    return call


def _add(what, data):
    return lambda client, s, a: client.post(f"/tracking/paragraphs/{s['p1'].pk}/add/{what}/", data(s))


WEB = [
    WritePath("status of an assigned paragraph", ASSIGNED, _status("p1"),
              lambda s, a: Paragraph.objects.get(pk=s["p1"].pk).status == "implemented"),
    WritePath("status of another agency's paragraph", STAFF, _status("p2"),
              lambda s, a: Paragraph.objects.get(pk=s["p2"].pk).status == "implemented"),
    WritePath("bulk assignment", STAFF,
              lambda c, s, a: c.post(f"/tracking/documents/{s['co'].pk}/assign/", {"lead_agency": a["MoE"].pk}),
              lambda s, a: Paragraph.objects.get(pk=s["p3"].pk).lead_agency_id == a["MoE"].pk),
    WritePath("publication", STAFF,
              lambda c, s, a: c.post(f"/tracking/documents/{s['co'].pk}/publish/", {"published": "true"}),
              lambda s, a: Paragraph.objects.filter(published=True).exists()),
    WritePath("add action", ASSIGNED, _add("action", lambda s: {"title": "Decree", "state": "planned"}),
              lambda s, a: Action.objects.exists()),
    WritePath("add action to another agency's paragraph", STAFF,
              lambda c, s, a: c.post(f"/tracking/paragraphs/{s['p2'].pk}/add/action/",
                                     {"title": "Decree", "state": "planned"}),
              lambda s, a: Action.objects.exists()),
    WritePath("add evidence", ASSIGNED, _add("evidence", lambda s: {"title": "Law", "url": "https://example.org"}),
              lambda s, a: Evidence.objects.exists()),
    WritePath("add indicator", ASSIGNED, _add("indicator", lambda s: {"name": "Births registered"}),
              lambda s, a: Indicator.objects.exists()),
    WritePath("add comment", ASSIGNED, _add("comment", lambda s: {"text": "Draft law sent to parliament."}),
              lambda s, a: Comment.objects.exists()),
    WritePath("edit action", ASSIGNED,
              lambda c, s, a: c.post(f"/tracking/actions/{s['action'].pk}/edit/",
                                     {"title": "Renamed", "state": "ongoing"}),
              lambda s, a: Action.objects.get(pk=s["action"].pk).title == "Renamed"),
    WritePath("delete action", ASSIGNED,
              lambda c, s, a: c.post(f"/tracking/action/{s['action'].pk}/delete/"),
              lambda s, a: not Action.objects.filter(pk=s["action"].pk).exists()),
    WritePath("confirm link", STAFF,
              lambda c, s, a: c.post(f"/links/{s['link'].pk}/decide/", {"decision": "confirmed"}),
              lambda s, a: Link.objects.get(pk=s["link"].pk).decision == "confirmed"),
    WritePath("confirm a document's links", STAFF,
              lambda c, s, a: c.post(f"/documents/{s['loi'].pk}/links/confirm/", {"threshold": "0.5"}),
              lambda s, a: Link.objects.get(pk=s["link"].pk).decision == "confirmed"),
    WritePath("add link", STAFF,
              lambda c, s, a: c.post(f"/paragraphs/{s['q1'].pk}/links/", {"document": s["co"].pk, "number": "2"}),
              lambda s, a: Link.objects.filter(target=s["p2"]).exists()),
    WritePath("reject tag", STAFF,
              lambda c, s, a: c.post(f"/tags/{s['tag'].pk}/decide/", {"decision": "rejected"}),
              lambda s, a: Tag.objects.get(pk=s["tag"].pk).decision == "rejected"),
    WritePath("add tag", STAFF,
              lambda c, s, a: c.post(f"/paragraphs/{s['p1'].pk}/tags/", {"vocabulary": "group", "value": "Girls"}),
              lambda s, a: Tag.objects.filter(value="Girls").exists()),
    WritePath("import a document", STAFF,
              lambda c, s, a: c.post("/import/", {"file": SimpleUploadedFile(CO.name, CO.read_bytes())}),
              lambda s, a: Document.objects.filter(symbol="CRC/C/KAZ/CO/4").exists()
              or bool(list((a["_settings"].MEDIA_ROOT / "pending").glob("*")))),
    WritePath("add agency", STAFF,
              lambda c, s, a: c.post("/agencies/add/", {"name": "Ministry of Justice", "kind": "ministry",
                                                        "active": "on"}),
              lambda s, a: Agency.objects.filter(name="Ministry of Justice").exists()),
    WritePath("edit agency", STAFF,
              lambda c, s, a: c.post(f"/agencies/{a['MoH'].pk}/edit/", {"name": "Ministry of Public Health",
                                                                        "kind": "ministry", "active": "on"}),
              lambda s, a: Agency.objects.filter(name="Ministry of Public Health").exists()),
]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
@pytest.mark.parametrize("path", WEB, ids=lambda p: p.name)
def test_web_write_paths(path, role, sample, agencies, client_for, settings):
    sample["action"] = Action.objects.create(paragraph=sample["p1"], title="Existing action")
    if path.name.startswith("add action"):
        sample["action"].delete()
    agencies["_settings"] = settings
    response = path.call(client_for(role), sample, agencies)
    if role in path.allowed:
        assert response.status_code in (200, 302), response.content[:500]
        assert path.changed(sample, agencies), f"{role} should be able to: {path.name}"
    else:
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
        assert not path.changed(sample, agencies), f"{role} must not be able to: {path.name}"
