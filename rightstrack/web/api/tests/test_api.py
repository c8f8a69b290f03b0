"""The REST API: token authentication, the search filters, tracking updates, links, history."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rightstrack.web.conftest import CO, LOI, ROLES
from rightstrack.web.reviews.models import Document, Link, Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(users):
    def make(role):
        client = APIClient()
        if role is not None:
            token, _ = Token.objects.get_or_create(user=users[role])
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client
    return make


def test_token_authentication_and_list_with_search_filters(kaz, api):
    client = api("viewer")
    response = client.get("/api/paragraphs/", {"q": "adoption", "kind": "recommendation", "state": "KAZ"})
    assert response.status_code == 200
    body = response.json()
    numbers = {(row["document"], row["number"]) for row in body["results"]}
    assert ("CRC/C/KAZ/CO/4", "39") in numbers
    assert body["count"] == Paragraph.objects.filter(kind="recommendation", full_text__icontains="adoption").count()
    assert all(row["kind"] == "recommendation" for row in body["results"])


def test_detail_has_sub_points(kaz, api):
    q8 = kaz[1].paragraphs.get(number="8")
    body = api("viewer").get(f"/api/paragraphs/{q8.pk}/").json()
    assert [s["label"] for s in body["subparagraphs"]] == ["a", "b", "c", "d", "e", "f"]


def test_patch_status_needs_the_version_and_refuses_a_stale_one(sample, api):
    p1 = sample["p1"]
    client = api("focal_point")
    missing = client.patch(f"/api/paragraphs/{p1.pk}/", {"status": "in_progress"}, format="json")
    assert missing.status_code == 400 and "version" in missing.json()["error"]["fields"]
    ok = client.patch(f"/api/paragraphs/{p1.pk}/", {"status": "in_progress", "version": 1}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = api("coordinator").patch(f"/api/paragraphs/{p1.pk}/", {"status": "implemented", "version": 1},
                                     format="json")
    assert stale.status_code == 409
    assert "changed by fatima" in stale.json()["error"]["message"]
    assert Paragraph.objects.get(pk=p1.pk).status == "in_progress"


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
def test_patch_permissions_per_role(role, sample, api, agencies):
    p1, p2 = sample["p1"], sample["p2"]
    client = api(role)
    own = client.patch(f"/api/paragraphs/{p1.pk}/", {"status": "implemented", "version": 1}, format="json")
    other = client.patch(f"/api/paragraphs/{p2.pk}/", {"status": "implemented", "version": 1}, format="json")
    reassign = client.patch(f"/api/paragraphs/{p1.pk}/", {"lead_agency": agencies["MoH"].pk,
                                                          "version": Paragraph.objects.get(pk=p1.pk).version},
                            format="json")
    expected = {"admin": (200, 200, 200), "coordinator": (200, 200, 200), "focal_point": (200, 403, 403),
                "viewer": (403, 403, 403), None: (401, 401, 401)}[role]
    assert (own.status_code, other.status_code, reassign.status_code) == expected
    assert (Paragraph.objects.get(pk=p2.pk).status == "implemented") == (expected[1] == 200)
    assert (Paragraph.objects.get(pk=p1.pk).lead_agency == agencies["MoH"]) == (expected[2] == 200)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
def test_import_through_the_api(role, db, users, api):
    client = api(role)
    response = client.post("/api/documents/", {"file": SimpleUploadedFile(CO.name, CO.read_bytes())},
                           format="multipart")
    if role in ("admin", "coordinator"):
        assert response.status_code == 201
        assert response.json()["document"]["symbol"] == "CRC/C/KAZ/CO/4"
        again = client.post("/api/documents/", {"file": SimpleUploadedFile(CO.name, CO.read_bytes())},
                            format="multipart")
        assert again.status_code == 200 and again.json()["status"] == "unchanged" and not again.json()["saved"]
    else:
        assert response.status_code == (401 if role is None else 403)
        assert not Document.objects.exists()


def test_dry_run_import_saves_nothing(db, users, api):
    response = api("coordinator").post("/api/documents/", {"file": SimpleUploadedFile(LOI.name, LOI.read_bytes()),
                                                           "dry_run": "true"}, format="multipart")
    assert response.status_code == 200 and response.json()["status"] == "new" and not response.json()["saved"]
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
def test_link_decisions_per_role(role, sample, api):
    link = sample["link"]
    response = api(role).patch(f"/api/links/{link.pk}/", {"decision": "confirmed"}, format="json")
    allowed = role in ("admin", "coordinator")
    assert response.status_code == (200 if allowed else 401 if role is None else 403)
    assert (Link.objects.get(pk=link.pk).decision == "confirmed") == allowed


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "public")
def test_agencies_and_actions_per_role(role, sample, api):
    client = api(role)
    agency = client.post("/api/agencies/", {"name": "Ministry of Justice", "kind": "ministry"}, format="json")
    action = client.post("/api/actions/", {"paragraph": sample["p1"].pk, "title": "Decree"}, format="json")
    staff, assigned = role in ("admin", "coordinator"), role in ("admin", "coordinator", "focal_point")
    refused = 401 if role is None else 403
    assert agency.status_code == (201 if staff else refused)
    assert action.status_code == (201 if assigned else refused)


def test_history_of_a_paragraph(sample, api):
    p1 = sample["p1"]
    api("coordinator").patch(f"/api/paragraphs/{p1.pk}/", {"status": "in_progress", "version": 1}, format="json")
    body = api("viewer").get("/api/history/", {"paragraph": p1.pk}).json()
    change = body["results"][0]
    assert change["user"] == "cora" and change["action"] == "update"
    assert change["before"]["status"] == "not_assessed" and change["after"]["status"] == "in_progress"


def test_openapi_document_lists_the_endpoints(db, api, users):
    response = api("viewer").get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/documents/", "/api/paragraphs/", "/api/paragraphs/{id}/", "/api/links/", "/api/agencies/",
                 "/api/history/"):
        assert path in paths
    assert "tokenAuth" in response.json()["components"]["securitySchemes"]
