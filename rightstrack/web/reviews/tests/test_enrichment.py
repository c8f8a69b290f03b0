"""Import with the linking and tagging libraries, once they are installed in this tree.

They are written on other branches against the interfaces in ``reviews/links.py`` and
``reviews/tags.py``; until they land these tests skip and say why.
"""

from __future__ import annotations

import importlib.util

import pytest

from rightstrack.web.reviews.choices import Decision, Origin
from rightstrack.web.reviews.models import Link, Tag

pytestmark = pytest.mark.django_db
no_linking = importlib.util.find_spec("rightstrack.linking") is None
no_tagging = importlib.util.find_spec("rightstrack.tagging") is None


def test_without_the_libraries_the_preview_says_so(db):
    from rightstrack.documents import parse_file
    from rightstrack.web.conftest import LOI
    from rightstrack.web.reviews import importer

    notes = " ".join(importer.plan(parse_file(LOI), LOI.name).notes)
    assert ("linking library" in notes) == no_linking
    assert ("tagging library" in notes) == no_tagging


@pytest.mark.skipif(no_linking, reason="rightstrack.linking is not installed in this tree yet")
def test_linking_library_links_question_8_to_recommendation_39(kaz):
    co, loi = kaz
    links = Link.objects.filter(source__document=loi, origin=Origin.LINKING)
    assert links.exists()
    assert links.filter(source__number="8", target__document=co, target__number="39").exists()
    assert all(0 <= score <= 1 for score in links.values_list("score", flat=True))
    assert not links.exclude(decision=Decision.PROPOSED).exists()


@pytest.mark.skipif(no_tagging, reason="rightstrack.tagging is not installed in this tree yet")
def test_tagging_library_proposes_themes(kaz):
    co, _ = kaz
    themes = Tag.objects.filter(paragraph__document=co, vocabulary="theme", origin=Origin.TAGGING)
    assert themes.exists()
    assert not themes.exclude(decision=Decision.PROPOSED).exists()
