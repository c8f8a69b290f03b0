"""What linking finds: for each question of the new document, the earlier paragraphs it follows up.

Plain dataclasses, mirrored field for field by the JSON form (``serialize.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    """An earlier paragraph that a question may follow up, with the reason in words.

    ``score`` is 0..1 (1.0 for a paragraph the question cites); ``recommendation`` is the
    paragraph holding the recommendation of the candidate's topic (itself when it is one), so
    a link to a concern still leads to what the State was asked to do; ``repeated`` says the
    Committee had already repeated that topic ("remains concerned", "not implemented").
    """

    paragraph: int
    score: float
    why: str
    symbol: str | None = None
    kind: str = ""
    explicit: bool = False
    recommendation: int | None = None
    repeated: bool = False
    heading: str | None = None
    label: str | None = None  # the cited sub-paragraph ("a" of "55(a)"), for explicit links


@dataclass
class ItemLinks:
    """One question unit of the new document (a paragraph or one lettered point) and its links.

    ``item`` is its key as people cite it ("3", "8(d)"); ``candidates`` are ranked, best
    first, and empty when the question raises a subject the earlier documents never did.
    ``follow_up`` says the question itself announces a follow-up ("as recommended by the
    Committee"); ``warnings`` are one-line notes on this item (a citation of a document that
    was not given, a cited paragraph that does not exist).
    """

    item: str
    paragraph: int
    label: str | None
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    follow_up: bool = False


@dataclass
class LinkReport:
    """All items, with the threshold below which candidates were dropped and notes on the documents."""

    items: list[ItemLinks]
    threshold: float
    method: str
    old: list[str | None]
    new: str | None
    notes: list[str] = field(default_factory=list)
