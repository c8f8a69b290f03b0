"""Import a parsed document: plan it (what would change), then save it in one transaction.

Importing the same file again changes nothing (its sha256 is known); a new file of a
known symbol is a new version: paragraphs are updated in place, by number, so their
tracking data stays, and the version records what changed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from ...documents import Document as Parsed
from ...documents import parse_bytes, to_json
from ...documents.models import UPR_REPORT
from ..core.context import change_context
from . import links, tags
from .models import Document, DocumentVersion, Paragraph

NEW, NEW_VERSION, UNCHANGED = "new", "new_version", "unchanged"


class ImportRefused(Exception):
    """The document cannot be imported as given; str() says what to do, ``field`` which input."""

    def __init__(self, message: str, field: str = "symbol"):
        super().__init__(message)
        self.field = field


@dataclass
class Change:
    number: str
    what: str  # "added" | "removed" | "changed"
    before: str = ""
    after: str = ""


@dataclass
class ImportPlan:
    """What saving would do, shown to the user before anything is written."""

    parsed: Parsed
    file_name: str
    status: str
    existing: Document | None = None
    changes: list[Change] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    proposed_links: list[links.Proposal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return str(self.parsed.source.get("sha256") or "")


def read(data: bytes, name: str, symbol: str | None = None) -> Parsed:
    """Parse an upload (errors are the parser's one-line ``DocumentError``)."""
    return parse_bytes(data, name, symbol=symbol)


def paragraph_rows(parsed: Parsed) -> list[dict]:
    """The parsed paragraphs (or, for a UPR report, its recommendations) as Paragraph fields."""
    date = _date(parsed)
    common = {"committee": parsed.committee or "UPR", "state_code": str(parsed.source.get("state_code") or ""),
              "cycle": parsed.cycle or "", "year": date.year if date else None}
    rows = []
    if parsed.type == UPR_REPORT:
        for position, rec in enumerate(parsed.recommendations, 1):
            rows.append({**common, "number": rec.number, "position": position, "kind": "recommendation",
                         "text": rec.text, "full_text": rec.text, "recommending_states": rec.recommending_states,
                         "response": rec.response, "subparagraphs": [], "references": [], "articles": [],
                         "urgent": False, "repeated": False, "part": "", "cluster": "", "heading": ""})
        return rows
    data = to_json(parsed)["paragraphs"]
    for position, (paragraph, raw) in enumerate(zip(parsed.paragraphs, data, strict=True), 1):
        rows.append({**common, "number": str(paragraph.number), "position": position, "kind": paragraph.kind,
                     "text": paragraph.text, "full_text": paragraph.full_text(),
                     "subparagraphs": raw["subparagraphs"], "references": raw["references"],
                     "articles": paragraph.articles, "urgent": paragraph.urgent, "repeated": paragraph.repeated,
                     "part": (paragraph.part or "")[:300], "cluster": (paragraph.cluster or "")[:300],
                     "heading": (paragraph.heading or "")[:300], "recommending_states": [], "response": ""})
    return rows


def _date(parsed: Parsed) -> datetime.date | None:
    for key in ("adopted", "issued", "date"):
        value = parsed.dates.get(key)
        if value:
            try:
                return datetime.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


_COMPARED = ("kind", "full_text", "urgent", "repeated", "cluster", "heading", "articles", "response")


def plan(parsed: Parsed, file_name: str) -> ImportPlan:
    """What importing ``parsed`` would do; writes nothing."""
    if not parsed.symbol:
        raise ImportRefused("the document symbol is neither printed nor inferable: give it (e.g. CRC/C/KAZ/CO/4)")
    rows = paragraph_rows(parsed)
    known = DocumentVersion.objects.filter(sha256=parsed.source.get("sha256")).select_related("document").first()
    if known:
        result = ImportPlan(parsed, file_name, UNCHANGED, known.document, rows=rows)
        result.notes.append(f"this file was imported on {known.imported:%Y-%m-%d} as {known}: nothing to save")
        return result
    existing = Document.objects.filter(symbol=parsed.symbol).first()
    result = ImportPlan(parsed, file_name, NEW_VERSION if existing else NEW, existing, rows=rows)
    if existing:
        result.changes = _changes(existing, rows)
        if not result.changes:
            result.status = UNCHANGED
            result.notes.append("same paragraphs as the stored version: nothing to save")
    result.proposed_links = links.propose(parsed, exclude=existing)
    result.notes.extend(links.notes() + tags.notes())
    return result


def _changes(document: Document, rows: list[dict]) -> list[Change]:
    stored = {p.number: p for p in document.paragraphs.all()}
    changes = []
    for row in rows:
        old = stored.pop(row["number"], None)
        if old is None:
            changes.append(Change(row["number"], "added", "", row["full_text"]))
        elif any(getattr(old, key) != row[key] for key in _COMPARED) or old.withdrawn:
            changes.append(Change(row["number"], "changed", old.full_text, row["full_text"]))
    changes.extend(Change(p.number, "removed", p.full_text, "") for p in stored.values() if not p.withdrawn)
    return changes


def save(result: ImportPlan, user=None) -> Document:
    """Store the plan in one transaction, then (in the same one) compute links and tags."""
    if result.status == UNCHANGED:
        return result.existing
    parsed = result.parsed
    with transaction.atomic(), change_context(user, f"import {result.file_name}"[:200]):
        fields = {"committee": parsed.committee or "UPR", "state": parsed.state or "",
                  "state_code": str(parsed.source.get("state_code") or ""), "type": parsed.type or "",
                  "cycle": parsed.cycle or "", "language": parsed.language, "session": parsed.session,
                  "title": parsed.title or "", "date": _date(parsed), "dates": parsed.dates,
                  "obligations": to_json(parsed)["obligations"], "paragraph_count": len(result.rows),
                  "sha256": result.sha256}
        if result.existing is None:
            document = Document.objects.create(symbol=parsed.symbol, **fields)
            Paragraph.objects.bulk_create(Paragraph(document=document, **row) for row in result.rows)
            number = 1
        else:
            document = Document.objects.select_for_update().get(pk=result.existing.pk)
            for key, value in fields.items():
                setattr(document, key, value)
            document.save()
            _update_paragraphs(document, result.rows)
            number = document.versions.count() + 1
        DocumentVersion.objects.create(
            document=document, number=number, sha256=result.sha256, file_name=result.file_name[:255],
            parsed=to_json(parsed), changes=[vars(c) for c in result.changes],
            warnings=[{"line": w.line, "message": w.message} for w in parsed.warnings],
            imported_by=getattr(user, "username", "") or "")
        tags.tag_document(document)
        links.relink(document)
    return document


def _update_paragraphs(document: Document, rows: list[dict]) -> None:
    stored = {p.number: p for p in document.paragraphs.all()}
    for row in rows:
        paragraph = stored.pop(row["number"], None)
        if paragraph is None:
            Paragraph.objects.create(document=document, **row)
            continue
        for key, value in row.items():
            setattr(paragraph, key, value)
        paragraph.withdrawn = False
        paragraph.save()  # change-logged only when something differs
    for paragraph in stored.values():
        if not paragraph.withdrawn:
            paragraph.withdrawn = True
            paragraph.save()
