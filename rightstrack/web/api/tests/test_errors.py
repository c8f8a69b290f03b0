"""One JSON error shape for the whole API, whatever went wrong (as Datasette pins its own)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _shape(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "fields"}
    assert error["status"] == status and isinstance(error["message"], str) and error["message"]
    assert isinstance(error["fields"], dict)
    return error


@pytest.fixture
def signed_in(users):
    client = APIClient()
    client.force_authenticate(users["coordinator"])
    return client


def test_not_signed_in(db):
    error = _shape(APIClient().get("/api/paragraphs/"), 401)
    assert error["code"] == "not_authenticated"


def test_bad_token(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token nope")
    _shape(client.get("/api/paragraphs/"), 401)


def test_unknown_object_and_unknown_url(signed_in):
    assert _shape(signed_in.get("/api/paragraphs/999999/"), 404)["code"] == "not_found"
    assert _shape(signed_in.get("/api/no-such-thing/"), 404)["code"] == "not_found"


def test_invalid_field_names_the_field(sample, signed_in):
    error = _shape(signed_in.patch(f"/api/paragraphs/{sample['p1'].pk}/", {"status": "done-ish", "version": 1},
                                   format="json"), 400)
    assert error["code"] == "invalid" and "status" in error["fields"]


def test_invalid_filter(sample, signed_in):
    error = _shape(signed_in.get("/api/paragraphs/", {"status": "nonsense"}), 400)
    assert "status" in error["fields"]


def test_unreadable_upload(signed_in):
    error = _shape(signed_in.post("/api/documents/", {"file": SimpleUploadedFile("list.txt", b"1. Milk\n2. Eggs\n")},
                                  format="multipart"), 400)
    assert "not a UN treaty-body or UPR document" in error["message"] and "file" in error["fields"]


def test_method_not_allowed(sample, signed_in):
    _shape(signed_in.delete(f"/api/paragraphs/{sample['p1'].pk}/"), 405)


def test_conflict(sample, signed_in):
    url = f"/api/paragraphs/{sample['p1'].pk}/"
    signed_in.patch(url, {"status": "in_progress", "version": 1}, format="json")
    assert _shape(signed_in.patch(url, {"status": "implemented", "version": 1}, format="json"), 409)["code"] == \
        "conflict"
