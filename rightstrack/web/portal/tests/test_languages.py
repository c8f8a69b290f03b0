"""The pages speak the user's language: French from the browser or from the footer switch."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_browser_language_french(sample, client):
    page = client.get("/portal/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="fr">' in page
    assert "Ce que fait l’État pour les recommandations qu’il a reçues" in page


def test_footer_switch_keeps_the_choice(sample, client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/portal/"})
    assert response.status_code == 302
    assert "Rien n’est encore publié." in client.get("/portal/").content.decode()


def test_status_vocabulary_is_translated(sample, client_for):
    client = client_for("viewer")
    page = client.get(sample["p1"].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Non évalué" in page and "Suivi d’un cycle à l’autre" in page
