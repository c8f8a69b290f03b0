"""The suite runs on the database ``DATABASE_URL`` names, with its own full-text index."""

from __future__ import annotations

import os

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_runs_on_the_database_named_by_the_environment():
    url = os.environ.get("DATABASE_URL", "sqlite:")
    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")


def test_full_text_index_exists_for_this_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'reviews_paragraph_search'")
            assert "gin" in cursor.fetchone()[0].lower()
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews_paragraph_fts'")
            assert "fts5" in cursor.fetchone()[0].lower()


def test_index_follows_updates_of_the_text(sample):
    from rightstrack.web.reviews.models import Paragraph
    from rightstrack.web.reviews.search import matching

    p3 = sample["p3"]
    assert not matching(Paragraph.objects.all(), "ombudsperson").exists()
    p3.full_text = "Establish a children's ombudsperson."
    p3.save()
    assert list(matching(Paragraph.objects.all(), "ombudsperson")) == [p3]
    p3.delete()
    assert not matching(Paragraph.objects.all(), "ombudsperson").exists()
