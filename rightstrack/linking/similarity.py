"""How close a question is to each earlier paragraph, on meaning rather than wording alone.

Each text becomes a weighted vector of its content stems and of the thesaurus concepts it
names (``terms.py``); weights are tf-idf over all the paragraphs and questions at hand, so
words every paragraph uses count for little. An earlier paragraph is compared three ways,
each scored (``rank.py`` mixes them): as a whole, point by point (a question often follows
up one lettered point), and as its topic (concern and recommendation together). The topic
heading is part of every earlier text, at triple weight: headings name the subject in few
words ("Independent monitoring").
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .terms import CONCEPT_PREFIX, Analyzer, analyzer
from .topics import Target
from .units import Unit

CONCEPT_WEIGHT = 2.0  # a shared subject counts as much as two shared rare words
HEADING_WEIGHT = 3.0  # a word of the topic heading counts three times a word of the text
CONTEXT_WEIGHT = 0.5  # the chapeau of a lettered point counts half
COMMON = 0.5  # a stem in more than this share of all texts says nothing about a subject ("child")


@dataclass
class Match:
    """The similarity of one question to one earlier paragraph, and what it rests on."""

    score: float
    via: str  # "paragraph" | "point (a)" | "topic"
    ways: dict[str, float]  # the score of each way of comparing: "paragraph", "point", "topic"
    entry: int  # the closest of the compared texts


class Index:
    """Vectors of the earlier paragraphs, their points and topics, for fast comparison."""

    def __init__(self, targets: list[Target], units: list[Unit], words: Analyzer):
        self.analyzer = words  # the new document's; each earlier one is read in its own language
        heading = {id(t.topic): self._heading(t) for t in targets}
        paragraph_features = [self._paragraph(t, heading[id(t.topic)]) for t in targets]
        self.known = {f for features in paragraph_features for f in features if f.startswith(CONCEPT_PREFIX)}
        unit_features = [self._unit(u) for u in units]
        self.idf, self.common = _idf(paragraph_features + unit_features)
        self._unseen = max(self.idf.values(), default=1.0)
        self._units = {u.item: vector for u, vector in zip(units, (self.weigh(f) for f in unit_features), strict=True)}
        # Every comparable text: (target index, how, vector).
        entries: list[tuple[int, str, dict[str, float]]] = []
        topic_features: dict[int, Counter] = {}
        for index, (target, features) in enumerate(zip(targets, paragraph_features, strict=True)):
            entries.append((index, "paragraph", self.weigh(features)))
            for label, text in _points(target):
                point = analyzer(target.language).analyse(text).features() + heading[id(target.topic)]
                entries.append((index, f"point ({label})", self.weigh(point)))
            topic_features.setdefault(id(target.topic), Counter()).update(features)
        for index, target in enumerate(targets):
            if len(target.topic.paragraphs) > 1:
                entries.append((index, "topic", self.weigh(topic_features[id(target.topic)])))
        self.entries = entries
        self._owner = [(index, how.split(" ")[0]) for index, how, _vector in entries]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for entry, (_index, _how, vector) in enumerate(entries):
            for feature, weight in vector.items():
                self.postings.setdefault(feature, []).append((entry, weight))

    # -- features ---------------------------------------------------------------------
    def _heading(self, target: Target) -> Counter:
        out: Counter = Counter()
        if target.topic.heading:
            for feature, count in analyzer(target.language).analyse(target.topic.heading).features().items():
                out[feature] = count * HEADING_WEIGHT
        return out

    def _paragraph(self, target: Target, heading: Counter) -> Counter:
        return analyzer(target.language).analyse(target.paragraph.full_text()).features() + heading

    def _unit(self, unit: Unit) -> Counter:
        own = self.analyzer.analyse(unit.text).features()
        if unit.context:
            for feature, count in self.analyzer.analyse(unit.context).features().items():
                own[feature] += count * CONTEXT_WEIGHT
        return own

    def weigh(self, features: Counter) -> dict[str, float]:
        """Unit-length tf-idf vector; concepts weigh ``CONCEPT_WEIGHT`` times a word."""
        vector = {}
        for feature, count in features.items():
            if count <= 0 or feature in self.common:
                continue
            weight = (1.0 + math.log(count) if count >= 1 else count) * self.idf.get(feature, self._unseen)
            if feature.startswith(CONCEPT_PREFIX):
                weight *= CONCEPT_WEIGHT
            vector[feature] = weight
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {feature: weight / norm for feature, weight in vector.items()}

    def new_subjects(self, unit: Unit) -> tuple[float, list[str]]:
        """The share of the unit's own subjects that no earlier paragraph names, and those subjects."""
        own = self.analyzer.analyse(unit.text).concepts
        new = [c for c in own if CONCEPT_PREFIX + c not in self.known]
        return (len(new) / len(own) if own else 0.0), new

    # -- comparison -------------------------------------------------------------------
    def matches(self, unit: Unit) -> dict[int, Match]:
        """The best comparison of ``unit`` with each earlier paragraph it shares anything with."""
        query = self._units[unit.item]
        totals: dict[int, float] = {}
        get = totals.get
        for feature, weight in query.items():
            for entry, other in self.postings.get(feature, ()):
                totals[entry] = get(entry, 0.0) + weight * other
        best: dict[int, tuple[float, int]] = {}
        ways: dict[int, dict[str, float]] = {}
        for entry, score in totals.items():
            index, way = self._owner[entry]
            seen = ways.setdefault(index, {})
            if score > seen.get(way, 0.0):
                seen[way] = score
            if index not in best or score > best[index][0]:
                best[index] = (score, entry)
        return {index: Match(min(score, 1.0), self.entries[entry][1], ways[index], entry)
                for index, (score, entry) in best.items()}

    def shared(self, unit: Unit, match: Match) -> list[str]:
        """What the unit and the closest text of a match share, strongest first: stems, or "@concept"."""
        query, vector = self._units[unit.item], self.entries[match.entry][2]
        return sorted((f for f in query if f in vector), key=lambda f: -query[f] * vector[f])


def _idf(documents: list[Counter]) -> tuple[dict[str, float], set[str]]:
    """Smoothed idf of every feature, and the stems too common to tell subjects apart."""
    frequency: Counter = Counter()
    for features in documents:
        frequency.update(f for f, count in features.items() if count > 0)
    total = len(documents)
    idf = {feature: math.log((1 + total) / (1 + df)) + 1.0 for feature, df in frequency.items()}
    common = {f for f, df in frequency.items() if df > COMMON * total and not f.startswith(CONCEPT_PREFIX)}
    return idf, common


def _points(target: Target) -> list[tuple[str, str]]:
    return [(sub.label, sub.text) for sub in target.paragraph.subparagraphs]
