"""One JSON form for a parsed document, and back.

The keys are the stable interface scripts and the other parts of rightstrack rely on
(documented in docs/schema.md); they mirror ``models.py`` field for field.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .models import (
    Document,
    Footnote,
    Obligation,
    Paragraph,
    ParseWarning,
    Reference,
    Section,
    Subparagraph,
    UPRRecommendation,
)

SCHEMA_VERSION = 1


def to_json(document: Document) -> dict[str, Any]:
    """A plain dict ready for ``json.dumps``."""
    data = asdict(document)
    data["schema"] = SCHEMA_VERSION
    return data


def _reference(row: dict[str, Any]) -> Reference:
    return Reference(row["symbol"], list(row.get("paragraphs", [])), row.get("via", "text"))


def _footnote(row: dict[str, Any]) -> Footnote:
    return Footnote(row["mark"], row["text"], row.get("line", 0),
                    [_reference(r) for r in row.get("references", [])])


def _subparagraph(row: dict[str, Any]) -> Subparagraph:
    return Subparagraph(
        row["label"], row["text"], row.get("line", 0),
        [_subparagraph(s) for s in row.get("subparagraphs", [])],
        [_footnote(f) for f in row.get("footnotes", [])],
        [_reference(r) for r in row.get("references", [])],
    )


def _paragraph(row: dict[str, Any]) -> Paragraph:
    return Paragraph(
        number=row["number"], kind=row["kind"], text=row["text"], urgent=row.get("urgent", False),
        repeated=row.get("repeated", False), part=row.get("part"), cluster=row.get("cluster"),
        heading=row.get("heading"), articles=list(row.get("articles", [])),
        subparagraphs=[_subparagraph(s) for s in row.get("subparagraphs", [])],
        general_comments=list(row.get("general_comments", [])),
        references=[_reference(r) for r in row.get("references", [])],
        treaties=list(row.get("treaties", [])),
        footnotes=[_footnote(f) for f in row.get("footnotes", [])],
        line=row.get("line", 0),
    )


def from_json(data: dict[str, Any]) -> Document:
    """Read back what ``to_json`` wrote."""
    return Document(
        symbol=data.get("symbol"), committee=data.get("committee"), state=data.get("state"),
        type=data.get("type"), cycle=data.get("cycle"), language=data.get("language", "en"),
        session=data.get("session"), dates=dict(data.get("dates", {})), title=data.get("title"),
        obligations=[Obligation(**row) for row in data.get("obligations", [])],
        paragraphs=[_paragraph(row) for row in data.get("paragraphs", [])],
        recommendations=[UPRRecommendation(**row) for row in data.get("recommendations", [])],
        sections=[Section(**row) for row in data.get("sections", [])],
        footnotes=[_footnote(row) for row in data.get("footnotes", [])],
        warnings=[ParseWarning(**row) for row in data.get("warnings", [])],
        source=dict(data.get("source", {})),
    )
