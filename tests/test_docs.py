"""The docs are complete: every CLI command and every JSON key is documented."""

from __future__ import annotations

import re

import click
import pytest

from rightstrack.cli import main
from rightstrack.documents import parse_file, to_json

from .conftest import CONCLUDING_OBSERVATIONS, ROOT

DOCS = ROOT / "docs"


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_every_command_is_documented(command):
    assert f"`rightstrack {command}" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands(main))
def test_every_command_has_an_example_in_its_help(command):
    target = main
    for part in command.split():
        target = target.commands[part]
    assert "rightstrack " + command.split()[0] in (target.help or "")


def test_every_json_key_is_documented():
    schema = (DOCS / "schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"\| `(\w+)`", schema)) | set(re.findall(r"`(\w+)`,? ", schema))
    data = to_json(parse_file(CONCLUDING_OBSERVATIONS))
    keys = set(data) | set(data["paragraphs"][0]) | set(data["obligations"][0]) | set(data["source"])
    keys |= set(data["dates"])
    assert keys - documented == set()
