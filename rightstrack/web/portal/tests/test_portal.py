"""The public portal shows only what the coordinator published, and never internal comments."""

from __future__ import annotations

import pytest

from rightstrack.web.tracking.models import Action, Comment

pytestmark = pytest.mark.django_db


def test_nothing_is_public_before_publication(sample, client):
    assert "Nothing is published yet" in client.get("/portal/").content.decode()
    assert client.get(f"/portal/paragraphs/{sample['p1'].pk}/").status_code == 404


def test_published_paragraph_with_its_actions_but_not_comments(sample, client):
    p1 = sample["p1"]
    p1.published = True
    p1.status = "in_progress"
    p1.save()
    Action.objects.create(paragraph=p1, title="Free birth certificates", outcome="Law of 2024")
    Comment.objects.create(paragraph=p1, text="Ministry late again, internal only")
    index = client.get("/portal/").content.decode()
    assert "Xanadu" in index and "In progress: <strong>1</strong>" in index
    page = client.get(f"/portal/paragraphs/{p1.pk}/").content.decode()
    assert "Free birth certificates" in page and "Ministry of Education" in page
    assert "internal only" not in page
    state = client.get("/portal/XYZ/").content.decode()
    assert f"/portal/paragraphs/{p1.pk}/" in state
    assert f"/portal/paragraphs/{sample['p2'].pk}/" not in state
    assert client.get(f"/portal/paragraphs/{sample['p2'].pk}/").status_code == 404


def test_internal_pages_need_signing_in(sample, client):
    for url in ("/search/", f"/paragraphs/{sample['p1'].pk}/", f"/documents/{sample['co'].pk}/", "/agencies/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
