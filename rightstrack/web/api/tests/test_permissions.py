"""Every API write path, for every role (the same rules as the pages, from the querysets)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from rightstrack.web.agencies.models import Agency
from rightstrack.web.conftest import ROLES
from rightstrack.web.reviews.models import Link, Tag
from rightstrack.web.tracking.models import Action

pytestmark = pytest.mark.django_db
STAFF = {"admin", "coordinator"}
ASSIGNED = STAFF | {"focal_point"}

# (name, roles allowed, method, url(sample, agencies), body(sample, agencies), changed(sample, agencies))
PATHS = [
    ("add link", STAFF, "post", lambda s, a: "/api/links/",
     lambda s, a: {"source": s["q1"].pk, "target": s["p2"].pk},
     lambda s, a: Link.objects.filter(target=s["p2"]).exists()),
    ("confirm tag", STAFF, "patch", lambda s, a: f"/api/tags/{s['tag'].pk}/", lambda s, a: {"decision": "confirmed"},
     lambda s, a: Tag.objects.get(pk=s["tag"].pk).decision == "confirmed"),
    ("add tag", STAFF, "post", lambda s, a: "/api/tags/",
     lambda s, a: {"paragraph": s["p1"].pk, "vocabulary": "group", "value": "Girls"},
     lambda s, a: Tag.objects.filter(value="Girls").exists()),
    ("rename agency", STAFF, "patch", lambda s, a: f"/api/agencies/{a['MoH'].pk}/",
     lambda s, a: {"name": "Ministry of Public Health"},
     lambda s, a: Agency.objects.filter(name="Ministry of Public Health").exists()),
    ("edit action of an assigned paragraph", ASSIGNED, "patch", lambda s, a: f"/api/actions/{s['action'].pk}/",
     lambda s, a: {"outcome": "Law adopted"},
     lambda s, a: Action.objects.get(pk=s["action"].pk).outcome == "Law adopted"),
    ("move an action to another agency's paragraph", STAFF, "patch", lambda s, a: f"/api/actions/{s['action'].pk}/",
     lambda s, a: {"paragraph": s["p2"].pk}, lambda s, a: Action.objects.get(pk=s["action"].pk).paragraph == s["p2"]),
    ("delete action", ASSIGNED, "delete", lambda s, a: f"/api/actions/{s['action'].pk}/", lambda s, a: None,
     lambda s, a: not Action.objects.filter(pk=s["action"].pk).exists()),
    ("action on another agency's paragraph", STAFF, "post", lambda s, a: "/api/actions/",
     lambda s, a: {"paragraph": s["p2"].pk, "title": "Decree"},
     lambda s, a: Action.objects.filter(paragraph=s["p2"]).exists()),
]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p[0])
def test_api_write_paths(path, role, sample, agencies, users):
    name, allowed, method, url, body, changed = path
    sample["action"] = Action.objects.create(paragraph=sample["p1"], title="Existing action")
    client = APIClient()
    if role is not None:
        client.force_authenticate(users[role])
    response = getattr(client, method)(url(sample, agencies), body(sample, agencies), format="json")
    if role in allowed:
        assert response.status_code in (200, 201, 204), response.content[:300]
        assert changed(sample, agencies), f"{role} should be able to: {name}"
    else:
        assert response.status_code in (401, 403, 404)
        assert set(response.json()) == {"error"}
        assert not changed(sample, agencies), f"{role} must not be able to: {name}"
