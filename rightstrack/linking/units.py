"""The question units of the new document: what gets linked.

A unit is a paragraph that asks or recommends something, or each of its lettered points
when it has them ("8(d)"): lists of issues put one subject in each point, and officials
answer point by point. A point is read with its paragraph's chapeau, which often carries
the subject ("…children deprived of a family environment: (c) Placed with foster families").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rightstrack.documents.models import (
    CONCERN,
    RECOMMENDATION,
    REQUEST_FOR_INFORMATION,
    Document,
    Paragraph,
    Reference,
    Subparagraph,
)

QUESTION_KINDS = (REQUEST_FOR_INFORMATION, RECOMMENDATION, CONCERN)


@dataclass
class Unit:
    item: str
    paragraph: int
    label: str | None
    text: str  # the unit's own words
    context: str  # the chapeau, for a lettered point; "" otherwise
    references: list[Reference] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return f"{self.context} {self.text}".strip()


def question_units(document: Document) -> list[Unit]:
    """Every unit of ``document``, in document order."""
    units: list[Unit] = []
    for paragraph in document.paragraphs:
        if paragraph.kind not in QUESTION_KINDS:
            continue
        lettered = [sub for sub in paragraph.subparagraphs if sub.label.isalpha() and not _roman(sub.label)]
        if not lettered:
            units.append(Unit(str(paragraph.number), paragraph.number, None, paragraph.full_text(), "",
                              list(paragraph.references)))
            continue
        for sub in lettered:
            text = " ".join(_texts(sub))
            units.append(Unit(f"{paragraph.number}({sub.label})", paragraph.number, sub.label, text,
                              paragraph.text, _own_references(paragraph, sub)))
    return units


def _roman(label: str) -> bool:
    return len(label) > 1 and set(label) <= set("ivxl")


def _texts(sub: Subparagraph) -> list[str]:
    out = [sub.text]
    for nested in sub.subparagraphs:
        out.extend(_texts(nested))
    return out


def _own_references(paragraph: Paragraph, sub: Subparagraph) -> list[Reference]:
    """The point's references, and the chapeau's own footnote references (shared by all points)."""
    references = list(sub.references)
    stack = list(sub.subparagraphs)
    while stack:
        nested = stack.pop()
        references.extend(nested.references)
        stack.extend(nested.subparagraphs)
    for footnote in paragraph.footnotes:
        references.extend(footnote.references)
    references.extend(r for r in paragraph.references if r.via == "text" and r.symbol in paragraph.text)
    return references
