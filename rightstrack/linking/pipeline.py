"""The linking pipeline: units of the new document, targets of the old ones, explicit links, similarity."""

from __future__ import annotations

from rightstrack.documents.models import Document

from . import checks, rank
from .errors import NoEarlierDocument, UnknownMethod
from .explicit import explicit_links
from .models import ItemLinks, LinkReport
from .similarity import Index
from .terms import analyzer
from .topics import targets as find_targets
from .units import question_units

METHODS = ("lexical", "embedding")
LIMIT = 5


def link(old: Document | list[Document], new: Document, threshold: float | None = None,
         method: str = "lexical") -> list[ItemLinks]:
    """For every question unit of ``new``, the paragraphs of ``old`` it follows up, best first."""
    return link_report(old, new, threshold, method).items


def link_report(old: Document | list[Document], new: Document, threshold: float | None = None,
                method: str = "lexical", limit: int = LIMIT) -> LinkReport:
    """``link`` with the threshold used and notes on documents that do not fit together."""
    olds = [old] if isinstance(old, Document) else list(old)
    if not olds:
        raise NoEarlierDocument("no earlier document to link against")
    if method not in METHODS:
        raise UnknownMethod(f"unknown method {method!r} (choose {' or '.join(METHODS)})")
    words = analyzer(new.language)
    targets = find_targets(olds)
    units = question_units(new)
    notes = checks.notes(olds, new, targets, units)
    index = Index(targets, units, words)
    semantic = None
    share = 0.0
    if method == "embedding":
        from .embeddings import SEMANTIC_SHARE, THRESHOLD, semantic_similarities

        semantic = semantic_similarities(units, targets)
        share = SEMANTIC_SHARE
        default = THRESHOLD
    else:
        default = rank.THRESHOLD
    threshold = default if threshold is None else threshold
    items = []
    for unit in units:
        explicit = explicit_links(unit, olds, targets)
        follow_up = bool(words.follow_up.search(unit.text))
        similar = rank.ranked(unit, index, targets, threshold, limit,
                              semantic.get(unit.item) if semantic is not None else None, share,
                              explicit.cited_documents)
        cited = {(c.symbol, c.paragraph) for c in explicit.candidates}
        candidates = explicit.candidates + [c for c in similar if (c.symbol, c.paragraph) not in cited]
        warnings = list(explicit.warnings)
        if not candidates:
            _novelty, new_subjects = index.new_subjects(unit)
            if new_subjects:
                labels = "; ".join(words.concepts[c].label for c in new_subjects)
                warnings.append(f"new subject, not raised in the earlier documents: {labels}")
        if follow_up:
            for candidate in candidates:
                if not candidate.explicit:
                    candidate.why = "the question says it follows up a recommendation; " + candidate.why
        items.append(ItemLinks(unit.item, unit.paragraph, unit.label, unit.text, candidates[:limit], warnings,
                               follow_up))
    linked = sum(1 for item in items if item.candidates)
    note = checks.unrelated(olds, new, linked, len(items))
    if note:
        notes.append(note)
    return LinkReport(items, threshold, method, [d.symbol for d in olds], new.symbol, notes)
