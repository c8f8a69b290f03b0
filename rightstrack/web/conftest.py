"""Fixtures of the web suite: the two real Kazakhstan documents, one user per role.

The suite runs on SQLite, and on PostgreSQL when ``DATABASE_URL`` names one (``make
test`` does both). When that PostgreSQL is unreachable every database test is skipped
with the reason, rather than silently passing on another database.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "crc-kaz"
CO = EXAMPLES / "kaz-concluding-observations-2015.txt"
LOI = EXAMPLES / "kaz-list-of-issues-2025.md"
PASSWORD = "a-long-test-password-42"


def _postgres_unreachable() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), timeout=2).close()
    except OSError as error:
        return f"PostgreSQL named by DATABASE_URL is not reachable at {parsed.hostname}:{parsed.port or 5432} " \
               f"({error.strerror or error}): start it, or unset DATABASE_URL to test on SQLite"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _postgres_unreachable()
    if reason:
        for item in items:
            if "web" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    from django.core.cache import cache

    cache.clear()  # ids repeat across tests rolled back: cached facets must not leak


@pytest.fixture
def kaz(db):
    """The CRC concluding observations on Kazakhstan (2015) and the 2025 list of issues, imported."""
    from rightstrack.documents import parse_file
    from rightstrack.web.reviews import importer

    co = importer.save(importer.plan(parse_file(CO), CO.name))
    loi = importer.save(importer.plan(parse_file(LOI), LOI.name))
    return co, loi


@pytest.fixture
def agencies(db):
    from rightstrack.web.agencies.models import Agency

    return {"MoE": Agency.objects.create(name="Ministry of Education", acronym="MoE"),
            "MoH": Agency.objects.create(name="Ministry of Health", acronym="MoH")}


def make_user(username: str, role: str, agency=None):
    from django.contrib.auth import get_user_model

    from rightstrack.web.accounts.models import Profile

    user = get_user_model().objects.create_user(username, password=PASSWORD, is_superuser=role == "admin",
                                                is_staff=role == "admin")
    Profile.objects.create(user=user, role=role, agency=agency)
    return user


@pytest.fixture
def users(db, agencies):
    """One user per role; the focal point works for the Ministry of Education."""
    return {"admin": make_user("ada", "admin"), "coordinator": make_user("cora", "coordinator"),
            "focal_point": make_user("fatima", "focal_point", agencies["MoE"]),
            "viewer": make_user("victor", "viewer")}


@pytest.fixture
def client_for(users):
    """``client_for("coordinator")``: a test client signed in with that role (None: the public)."""
    from django.test import Client

    def make(role):
        client = Client()
        if role is not None:
            client.force_login(users[role])
        return client
    return make


@pytest.fixture
def sample(db, agencies):
    """A small document built directly (fast): paragraph 1 assigned to MoE, 2 to MoH, 3 to nobody;
    question 1 of a later list of issues follows up paragraph 1 (a proposed link) and a proposed tag."""
    from rightstrack.web.reviews.models import Document, Link, Paragraph, Tag

    co = Document.objects.create(symbol="CRC/C/XYZ/CO/1", committee="CRC", state="Xanadu", state_code="XYZ",
                                 type="concluding_observations", cycle="1", language="en", paragraph_count=3,
                                 sha256="0" * 64, date="2015-10-02")
    common = {"document": co, "committee": "CRC", "state_code": "XYZ", "cycle": "1", "year": 2015,
              "kind": "recommendation"}
    p1 = Paragraph.objects.create(number="1", position=1, text="Ensure birth registration <script>alert(1)</script>",
                                  full_text="Ensure birth registration", lead_agency=agencies["MoE"], **common)
    p2 = Paragraph.objects.create(number="2", position=2, text="Prohibit corporal punishment.",
                                  full_text="Prohibit corporal punishment.", lead_agency=agencies["MoH"], **common)
    p3 = Paragraph.objects.create(number="3", position=3, text="Adopt a juvenile justice law.",
                                  full_text="Adopt a juvenile justice law.", **common)
    loi = Document.objects.create(symbol="CRC/C/XYZ/Q/2", committee="CRC", state="Xanadu", state_code="XYZ",
                                  type="list_of_issues", cycle="2", language="en", paragraph_count=1,
                                  sha256="1" * 64, date="2025-10-01")
    q1 = Paragraph.objects.create(document=loi, number="1", position=1, kind="request_for_information",
                                  text="Please provide information on birth registration.",
                                  full_text="Please provide information on birth registration.",
                                  committee="CRC", state_code="XYZ", cycle="2", year=2025)
    link = Link.objects.create(source=q1, target=p1, origin="linking", score=0.8, why="same words")
    tag = Tag.objects.create(paragraph=p1, vocabulary="theme", value="Birth registration", origin="tagging")
    return {"co": co, "loi": loi, "p1": p1, "p2": p2, "p3": p3, "q1": q1, "link": link, "tag": tag}


ROLES = ("admin", "coordinator", "focal_point", "viewer", None)
