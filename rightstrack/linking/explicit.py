"""Explicit follow-up: a question that cites an earlier paragraph links to it, whatever the wording.

Lists of issues cite earlier recommendations in footnotes ("CRC/C/KAZ/CO/4, para. 39"),
sometimes through "Ibid."; the document core finds and resolves those citations. Here a
citation of one of the earlier documents becomes a candidate with score 1.0 that says
how it was found. A citation of a document of recommendations that was not given
(earlier observations under an Optional Protocol, another committee's) is reported
rather than linked to the wrong paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.documents.models import RECOMMENDATION, Document, Reference

from .models import Candidate
from .topics import Target
from .units import Unit

# Symbols of documents that hold recommendations: concluding observations, UPR Working Group reports.
_RECOMMENDING = re.compile(r"/CO/|^A/HRC/\d+/\d+$")
_LABEL = re.compile(r"(\d+)(?:\(([a-z]+)\))?")
_VIA = {"footnote": "a footnote cites", "ibid": "an “Ibid.” footnote resolves to", "text": "the text cites"}


@dataclass
class Explicit:
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cited_documents: set[int] = field(default_factory=set)  # earlier documents cited without a paragraph


def symbol_key(symbol: str | None) -> str:
    return re.sub(r"\s+", "", symbol or "").upper()


def explicit_links(unit: Unit, documents: list[Document], targets: list[Target]) -> Explicit:
    found = Explicit()
    by_symbol = {symbol_key(d.symbol): i for i, d in enumerate(documents) if d.symbol}
    for reference in unit.references:
        index = by_symbol.get(symbol_key(reference.symbol))
        if index is None:
            if _RECOMMENDING.search(reference.symbol):
                found.warnings.append(f"cites {reference.symbol}, which is not among the earlier documents given")
            continue
        if not reference.paragraphs:
            found.cited_documents.add(index)
            continue
        for label in reference.paragraphs:
            candidate = _candidate(reference, label, index, documents[index], targets)
            if candidate is None:
                found.warnings.append(f"cites {reference.symbol}, para. {label}, which that document does not have")
            elif all(c.paragraph != candidate.paragraph or c.symbol != candidate.symbol for c in found.candidates):
                found.candidates.append(candidate)
    return found


def _candidate(reference: Reference, label: str, index: int, document: Document,
               targets: list[Target]) -> Candidate | None:
    match = _LABEL.fullmatch(label.replace(" ", ""))
    if not match:
        return None
    number, point = int(match.group(1)), match.group(2)
    paragraph = document.paragraph(number)
    if paragraph is None:
        return None
    target = next((t for t in targets if t.document == index and t.paragraph.number == number), None)
    recommendation = target.topic.recommendation if target else (number if paragraph.kind == RECOMMENDATION
                                                                  else None)
    cited = f"{reference.symbol}, para. {label}"
    return Candidate(
        paragraph=number, score=1.0, why=f"explicit: {_VIA.get(reference.via, 'cites')} {cited}",
        symbol=document.symbol, kind=paragraph.kind, explicit=True, recommendation=recommendation,
        repeated=target.topic.repeated if target else paragraph.repeated,
        heading=paragraph.heading, label=point,
    )
