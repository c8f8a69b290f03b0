"""From similarities to ranked candidates, each with its reason, or none at all.

A candidate's score mixes how close the question is to the paragraph itself (or its
closest lettered point) with how close it is to the paragraph's topic, then maps that to
0..1 (``1 - exp(-similarity / SCALE)``: monotone, not a probability). When the question's
own subjects are ones the earlier documents never name, the score is lowered in
proportion: that is the mark of a new subject, and a wrong link is worse than none.
Candidates under the threshold are dropped; a question may end with none.
"""

from __future__ import annotations

import math
from functools import lru_cache

from .models import Candidate
from .similarity import Index, Match
from .terms import CONCEPT_PREFIX, Analyzer
from .terms import analyzer as words_of
from .topics import Target
from .units import Unit

SCALE = 0.25
LOCAL_SHARE = 0.5  # the paragraph (or its closest point) against its whole topic
NOVELTY_PENALTY = 0.5  # how much a question's unnamed subjects lower its scores
CITED_DOCUMENT_BOOST = 1.25  # a question citing a whole earlier document ("CRC/C/OPSC/KAZ/CO/1") leans to it
# About a similarity of 0.26. On the Kazakhstan gold links, every threshold from 0.59 to 0.69 gets
# 84-86% of items right (link or abstention), on each half of them alike; the middle of that
# plateau, leaning to abstention: a wrong link is worse than none (benchmarks/bench_linking.py).
THRESHOLD = 0.64


def similarity(match: Match) -> float:
    local = max(match.ways.get("paragraph", 0.0), match.ways.get("point", 0.0))
    topic = match.ways.get("topic", local)
    return LOCAL_SHARE * local + (1 - LOCAL_SHARE) * topic


def to_score(similarity: float) -> float:
    return 1.0 - math.exp(-max(similarity, 0.0) / SCALE)


def ranked(unit: Unit, index: Index, targets: list[Target], threshold: float, limit: int,
           semantic: dict[int, float] | None = None, semantic_share: float = 0.0,
           cited_documents: set[int] | frozenset[int] = frozenset()) -> list[Candidate]:
    """Similarity candidates of ``unit``, best first, at most ``limit``, none under ``threshold``.

    ``semantic`` (target index -> similarity from an embedding model) is mixed in with
    weight ``semantic_share``; ``cited_documents`` (cited as a whole) are preferred.
    """
    novelty, _new = index.new_subjects(unit)
    matches = index.matches(unit)
    scored: list[tuple[float, int]] = []
    for target_index in set(matches) | set(semantic or ()):
        match = matches.get(target_index)
        value = similarity(match) if match else 0.0
        if semantic is not None:
            value = (1 - semantic_share) * value + semantic_share * semantic.get(target_index, 0.0)
        value *= 1 - NOVELTY_PENALTY * novelty
        if targets[target_index].document in cited_documents:
            value *= CITED_DOCUMENT_BOOST
        scored.append((to_score(value), target_index))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    out = []
    for score, target_index in scored[:limit]:
        if score < threshold:
            break
        target = targets[target_index]
        out.append(Candidate(
            paragraph=target.paragraph.number, score=round(score, 3),
            why=explain(unit, target, matches.get(target_index), index, target.document in cited_documents),
            symbol=target.symbol, kind=target.paragraph.kind, recommendation=target.topic.recommendation,
            repeated=target.topic.repeated, heading=target.topic.heading,
        ))
    return out


@lru_cache(maxsize=256)
def _written(text: str, analyzer: Analyzer) -> dict[str, str]:
    """Stem -> the word as the question writes it, to show people."""
    return {stem: word.lower() for word, stem in reversed(analyzer.words(text))}


def explain(unit: Unit, target: Target, match: Match | None, index: Index, cited: bool) -> str:
    """Why a candidate was proposed, in words a reader can check against both texts."""
    analyzer = index.analyzer
    theirs_analyzer = words_of(target.language)
    parts: list[str] = []
    if cited:
        parts.append(f"the question cites {target.symbol}")
    if match is None:
        return "; ".join(parts + ["close in meaning (embedding model)"])
    mine = {**analyzer.analyse(unit.context).concepts, **analyzer.analyse(unit.text).concepts}
    theirs = {**theirs_analyzer.analyse(target.topic.heading or "").concepts,
              **theirs_analyzer.analyse(target.paragraph.full_text()).concepts}
    shared = index.shared(unit, match)
    for feature in [f for f in shared if f.startswith(CONCEPT_PREFIX)][:2]:
        concept = feature[1:]
        label = analyzer.concepts[concept].label
        ours, other = mine.get(concept, ""), theirs.get(concept, "")
        if ours and other and ours.lower() != other.lower():
            parts.append(f"same subject ({label}): “{ours}” ~ “{other}”")
        else:
            parts.append(f"same subject ({label})")
    written = _written(unit.full_text, analyzer)
    words = [written.get(f, f) for f in shared if not f.startswith(CONCEPT_PREFIX)][:4]
    if words:
        parts.append("shared words: " + ", ".join(words))
    if target.topic.heading:
        parts.append(f"topic “{target.topic.heading}”")
    if match.via.startswith("point"):
        parts.append(f"closest to its {match.via}")
    return "; ".join(parts)
