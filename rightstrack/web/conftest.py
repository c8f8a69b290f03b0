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
