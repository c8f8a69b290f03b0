"""Sign-in: passwords hashed by Django, attempts throttled in the database."""

from __future__ import annotations

import pytest

from rightstrack.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_password_is_stored_hashed(users):
    assert PASSWORD not in users["viewer"].password
    assert users["viewer"].check_password(PASSWORD)


def test_sign_in_then_out(users, client):
    response = client.post("/accounts/login/", {"username": "victor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/search/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/search/").status_code == 302


def test_too_many_failures_block_even_the_right_password(users, client, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        failed = client.post("/accounts/login/", {"username": "victor", "password": "guess"})
        assert failed.status_code == 200 and "correct username and password" in failed.content.decode()
    blocked = client.post("/accounts/login/", {"username": "victor", "password": PASSWORD})
    assert blocked.status_code == 200
    assert "Too many failed sign-ins" in blocked.content.decode()
    assert client.get("/search/").status_code == 302  # still signed out


def test_success_resets_the_count(users, client, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        client.post("/accounts/login/", {"username": "victor", "password": "guess"})
    assert client.post("/accounts/login/", {"username": "victor", "password": PASSWORD}).status_code == 302
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": "victor", "password": "guess"})
    assert client.post("/accounts/login/", {"username": "victor", "password": PASSWORD}).status_code == 302
