"""The earlier documents' side: linkable paragraphs grouped in topics.

Concluding observations state a concern and then the recommendation on it under one topic
heading ("Independent monitoring"); a question that follows up either follows up the
topic. A topic is the run of linkable paragraphs under one heading, or, where there is no
heading, a concern with the recommendations that follow it. A topic is ``repeated`` when
its own wording says so ("remains concerned") or when a paragraph of the document lists
it among previous recommendations not implemented ("…in particular, those related to
coordination (para. 15), independent monitoring (para. 17)…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.documents.models import CONCERN, RECOMMENDATION, REQUEST_FOR_INFORMATION, Document, Paragraph

from .terms import Analyzer, analyzer

LINKABLE = (CONCERN, RECOMMENDATION, REQUEST_FOR_INFORMATION)
_LISTED = re.compile(r"\bin particular\b[^.:]*?(?:related to|concerning|on|regarding)\s+(.+)", re.IGNORECASE | re.S)
_LIST_SEPARATOR = re.compile(
    r"\s*\((?:paras?\.?|paragraphs?)[^)]*\)\s*(?:,|and|\.|$)\s*(?:and\s+)?|,\s*(?:and\s+)?|\s+and\s+")


@dataclass
class Topic:
    symbol: str | None
    heading: str | None
    cluster: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    listed_as_repeated: bool = False

    @property
    def recommendation(self) -> int | None:
        for paragraph in self.paragraphs:
            if paragraph.kind == RECOMMENDATION:
                return paragraph.number
        return None

    @property
    def repeated(self) -> bool:
        return self.listed_as_repeated or any(p.repeated for p in self.paragraphs)


@dataclass
class Target:
    """One linkable paragraph of one earlier document, with its topic."""

    paragraph: Paragraph
    topic: Topic
    symbol: str | None
    document: int  # index of its document among the old ones
    language: str


def targets(documents: list[Document]) -> list[Target]:
    out: list[Target] = []
    for index, document in enumerate(documents):
        for topic in topics(document):
            out.extend(Target(paragraph, topic, document.symbol, index, document.language)
                       for paragraph in topic.paragraphs)
    return out


def topics(document: Document) -> list[Topic]:
    """The topics of one document, in order."""
    found: list[Topic] = []
    current: Topic | None = None
    for paragraph in document.paragraphs:
        if paragraph.kind not in LINKABLE:
            current = None
            continue
        same_place = current is not None and (current.cluster, current.heading) == (paragraph.cluster,
                                                                                     paragraph.heading)
        if paragraph.heading is not None:
            starts = not same_place
        else:
            last = current.paragraphs[-1].kind if current else None
            starts = not same_place or paragraph.kind == CONCERN or last == paragraph.kind == RECOMMENDATION
        if starts or current is None:
            current = Topic(document.symbol, paragraph.heading, paragraph.cluster)
            found.append(current)
        current.paragraphs.append(paragraph)
    _mark_listed(found, analyzer(document.language))
    return found


def _mark_listed(found: list[Topic], words: Analyzer) -> None:
    """Mark topics named in a "previous recommendations not implemented, in particular…" list."""
    names: list[set[str]] = []
    for topic in found:
        for paragraph in topic.paragraphs:
            if not paragraph.repeated:
                continue
            match = _LISTED.search(paragraph.text)
            if match:
                for item in _LIST_SEPARATOR.split(match.group(1)):
                    stems = {s for _w, s in words.words(item)}
                    if stems:
                        names.append(stems)
    if not names:
        return
    for topic in found:
        if not topic.heading:
            continue
        heading = {s for _w, s in words.words(topic.heading)}
        if heading and any(heading <= name or name <= heading for name in names):
            topic.listed_as_repeated = True
