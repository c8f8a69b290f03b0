"""Tags as JSON: for a parsed document, and for JSON lines read from a stream.

The JSON-lines form is how other programs use the tagger: one ``{"id", "text"}`` object a
line in (optionally with "committee" and "articles"), one ``{"id", "themes", "groups",
"sdgs", "articles", "labels"}`` a line out, in the same order. The whole input is checked
before anything is written, so a bad line never leaves half an output behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..documents.models import Document
from .errors import TaggingError
from .rules import TAGGED_KINDS, explain_text, tag_paragraph, tag_text

if TYPE_CHECKING:
    from .tagger import Tagger


def tag_jsonl(lines: Iterable[str], tagger: Tagger | None = None, committee: str | None = None,
              explain: bool = False) -> Iterator[str]:
    """Tag each ``{"id", "text"}`` line; yield one JSON line of tags for each.

    ``explain`` adds "evidence": the words that found each tag (``explain_text``).
    """
    items = list(_read_items(lines))
    labels = tagger.predict([item["text"] for item in items]) if tagger else [[] for _ in items]
    for item, predicted in zip(items, labels, strict=True):
        line_committee = item.get("committee") or committee
        tags = tag_text(item["text"], committee=line_committee, articles=item.get("articles"))
        out = {"id": item.get("id"), **tags.to_json(), "labels": predicted}
        if explain:
            out["evidence"] = explain_text(item["text"], committee=line_committee)
        yield json.dumps(out, ensure_ascii=False)


def _read_items(lines: Iterable[str]) -> Iterator[dict]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise TaggingError(f"line {number}: not JSON ({error.msg})", path="<stdin>") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise TaggingError(f'line {number}: expected an object with a "text" string', path="<stdin>")
        articles = item.get("articles")
        if articles is not None and not (isinstance(articles, list) and all(isinstance(a, str) for a in articles)):
            raise TaggingError(f'line {number}: "articles" must be a list of strings', path="<stdin>")
        yield item


def tag_parsed(document: Document, tagger: Tagger | None = None) -> dict:
    """The tags of a document's concerns, recommendations, questions and UPR recommendations."""
    items = [{"id": str(p.number), "kind": p.kind, "text": p.full_text(), "paragraph": p}
             for p in document.paragraphs if p.kind in TAGGED_KINDS]
    items += [{"id": rec.number, "kind": "upr_recommendation", "text": rec.text, "paragraph": None}
              for rec in document.recommendations]
    labels = tagger.predict([item["text"] for item in items]) if tagger else None
    out = []
    for i, item in enumerate(items):
        paragraph = item.pop("paragraph")
        tags = tag_paragraph(paragraph, document.committee) if paragraph else tag_text(item["text"])
        entry = {"id": item["id"], "kind": item["kind"], **tags.to_json()}
        if labels is not None:
            entry["labels"] = labels[i]
        out.append(entry)
    return {"symbol": document.symbol, "committee": document.committee, "items": out}
