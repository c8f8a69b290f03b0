"""The web documentation is complete: every setting and every web command is described."""

from __future__ import annotations

import re
from pathlib import Path

from rightstrack.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WEB_COMMANDS = ("serve", "import", "demo", "adduser", "token", "manage")


def test_every_setting_read_from_the_environment_is_documented():
    settings = (ROOT / "rightstrack" / "web" / "settings.py").read_text()
    names = set(re.findall(r'"((?:RIGHTSTRACK_|DATABASE_URL)[A-Z_]*)"', settings))
    assert "DATABASE_URL" in names and "RIGHTSTRACK_SECRET_KEY" in names
    deployment = (DOCS / "deployment.md").read_text()
    assert {name for name in names if f"`{name}`" not in deployment} == set()


def test_every_web_command_is_documented_and_has_an_example():
    text = (DOCS / "web.md").read_text() + (DOCS / "deployment.md").read_text() + (DOCS / "api.md").read_text()
    for name in WEB_COMMANDS:
        assert name in main.commands
        assert f"rightstrack {name}" in text, f"docs do not show `rightstrack {name}`"
        assert "Example" in (main.commands[name].help or ""), f"`rightstrack {name} --help` has no example"


def test_every_api_endpoint_is_documented():
    from rightstrack.web.api.urls import router

    api = (DOCS / "api.md").read_text()
    for prefix, _, _ in router.registry:
        assert f"/api/{prefix}/" in api
