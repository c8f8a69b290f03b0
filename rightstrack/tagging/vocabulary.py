"""The built-in vocabularies: UHRI themes and affected persons, SDG goals and targets, CRC articles.

Each lives in ``data/`` as JSON naming its source, with the phrases that find an entry in a
text, per language. This module loads each file once and builds its phrase index over all
languages (a French phrase never fires on English text, so one index serves all). Adding a
language is adding its phrases to the files; adding a treaty's articles is adding
``data/<committee>_articles.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .phrases import PhraseIndex

_DATA = resources.files("rightstrack.tagging") / "data"


def _load(name: str) -> dict[str, Any]:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


def _phrases(row: dict[str, Any], field: str = "patterns") -> list[str]:
    return [phrase for phrases in row.get(field, {}).values() for phrase in phrases]


def _index(rows: list[dict[str, Any]], key: str) -> PhraseIndex:
    return PhraseIndex(((row[key], _phrases(row)) for row in rows),
                       exceptions=((row[key], _phrases(row, "except")) for row in rows))


@dataclass(frozen=True)
class Theme:
    """A theme of the Universal Human Rights Index ("Right to education")."""

    name: str


@dataclass(frozen=True)
class Group:
    """Affected persons ("Children with disabilities"); ``implies`` the wider groups they belong to."""

    name: str
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Goal:
    """An SDG goal ("5") or target ("5.3"); a target tagged only with ``requires_group`` if set."""

    code: str
    title: str
    requires_group: tuple[str, ...] = ()

    @property
    def goal(self) -> str:
        return self.code.split(".")[0]


@dataclass(frozen=True)
class Article:
    """An article of a treaty and its subject ("7": "Birth registration, name and nationality")."""

    article: str
    subject: str


@dataclass(frozen=True)
class Vocabulary:
    """Entries by key, in the file's order, and the phrase index that finds them."""

    source: str
    entries: dict[str, Any]
    index: PhraseIndex

    def ranked(self, counts: dict[str, int]) -> list[str]:
        """Keys found, most often named first, then in the file's order."""
        rank = {key: i for i, key in enumerate(self.entries)}
        return sorted(counts, key=lambda key: (-counts[key], rank[key]))


@cache
def themes() -> Vocabulary:
    data = _load("themes.json")
    rows = data["themes"]
    return Vocabulary(data["source"], {row["name"]: Theme(row["name"]) for row in rows}, _index(rows, "name"))


@cache
def groups() -> Vocabulary:
    data = _load("groups.json")
    rows = data["groups"]
    entries = {row["name"]: Group(row["name"], tuple(row.get("implies", ()))) for row in rows}
    return Vocabulary(data["source"], entries, _index(rows, "name"))


@cache
def committee_groups() -> dict[str, tuple[str, ...]]:
    """Groups every recommendation of a committee concerns (CRC: children)."""
    return {code: tuple(names) for code, names in _load("groups.json")["committees"].items()}


@cache
def sdgs() -> Vocabulary:
    data = _load("sdgs.json")
    rows = data["sdgs"]
    entries = {row["code"]: Goal(row["code"], row["title"], tuple(row.get("requires_group", ()))) for row in rows}
    return Vocabulary(data["source"], entries, _index(rows, "code"))


@cache
def articles(committee: str) -> Vocabulary | None:
    """The articles of the treaty a committee monitors, or None when we have no data for it."""
    name = f"{committee.lower()}_articles.json"
    if not (_DATA / name).is_file():
        return None
    data = _load(name)
    rows = data["articles"]
    entries = {row["article"]: Article(row["article"], row["subject"]) for row in rows}
    return Vocabulary(data["source"], entries, _index(rows, "article"))
