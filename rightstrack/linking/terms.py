"""Words to compare: content stems and the subjects (concepts) a text names.

Two texts on one subject rarely share their wording ("ombudsperson for children" and
"Commissioner for Children's Rights"), so besides its stems a text is described by the
concepts of ``data/thesaurus.json`` it names. A thesaurus term names its concept when all
its content stems occur within a few words of each other, so "marriage of girls and boys
under the age of 18" matches "marriage under the age of 18". Each language's stop words,
irregular forms and the wording of explicit follow-up are data
(``data/languages/xx.json``); the stemmer is Snowball's for that language.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import snowballstemmer

_DATA = resources.files("rightstrack.linking") / "data"
_WORD = re.compile(r"[^\W\d_]+")
_APOSTROPHE = re.compile(r"['’]s\b|['’]")
CONCEPT_PREFIX = "@"
_CACHED_TEXTS = 20_000
_SLACK = 1  # words that may stand between the content words of one thesaurus term, beyond its own


def _load(name: str) -> dict:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Concept:
    """A subject of the thesaurus: its id, a readable label and its terms as stem tuples."""

    id: str
    label: str
    terms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Analysis:
    """What a text is about: counts of content stems and the concepts it names."""

    stems: Counter
    concepts: dict[str, str]  # concept id -> the phrase of the text that named it
    mentions: Counter  # concept id -> how many separate places of the text name it

    def features(self) -> Counter:
        """Stems, and concepts as "@id" counted by mentions: what vectors are made of.

        A question that names a subject five ways ("obesity, stunting and underweight")
        is about it more than one that mentions it once.
        """
        out = Counter(self.stems)
        for concept, count in self.mentions.items():
            out[CONCEPT_PREFIX + concept] += count
        return out


class Analyzer:
    """Stems and concepts of texts in one language; cached per word and per text."""

    def __init__(self, code: str):
        try:
            data = _load(f"languages/{code}.json")
        except FileNotFoundError:
            data = _load("languages/en.json")
        self.language = data["language"]
        self._stemmer = snowballstemmer.stemmer(data["stemmer"])
        self._stems: dict[str, str] = {}
        self._irregular: dict[str, str] = data.get("irregular", {})
        self._stop = {self.stem(w) for w in data["stopwords"]} | set(data["stopwords"])
        self._boilerplate = {self.stem(w) for w in data.get("boilerplate", [])}
        self._generic = {self.stem(w) for w in data.get("generic", [])}
        self.follow_up = re.compile("|".join(f"(?:{p})" for p in data["follow_up_markers"]), re.IGNORECASE)
        self.concepts = self._concepts()
        self._by_stem: dict[str, list[tuple[Concept, tuple[str, ...]]]] = {}
        for concept in self.concepts.values():
            for term in concept.terms:
                self._by_stem.setdefault(term[-1], []).append((concept, term))
        self._cache: dict[str, Analysis] = {}

    # -- words ------------------------------------------------------------------------
    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            lower = word.lower()
            stem = self._stems[word] = self._stemmer.stemWord(self._irregular.get(lower, lower))
        return stem

    def words(self, text: str) -> list[tuple[str, str]]:
        """(word as written, stem) of every word that carries meaning.

        A word written "=word" (in thesaurus terms) keeps its form: its "stem" is "=word".
        """
        return [(word, stem) for word, stem, _start, _end in self._tokens(text)]

    def _tokens(self, text: str) -> list[tuple[str, str, int, int]]:
        text = _APOSTROPHE.sub(lambda m: "  " if m.group(0)[1:] == "s" else " ", text)
        out = []
        for match in _WORD.finditer(text):
            word = match.group(0)
            if len(word) < 2 and not word.isupper():
                continue
            if match.start() and text[match.start() - 1] == "=":
                out.append((word, "=" + word.lower(), match.start(), match.end()))
                continue
            stem = self.stem(word)
            if stem in self._stop or word.lower() in self._stop:
                continue
            out.append((word, stem, match.start(), match.end()))
        return out

    def _concepts(self) -> dict[str, Concept]:
        out = {}
        for row in _load("thesaurus.json")["concepts"]:
            phrases = tuple(row.get(self.language) or row.get("en", []))
            terms = []
            for phrase in phrases:
                stems = tuple(dict.fromkeys(s for _w, s in self.words(phrase)))
                if set(stems) - self._generic:
                    terms.append(stems)
            out[row["id"]] = Concept(row["id"], row["label"], tuple(terms))
        return out

    # -- texts ------------------------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) > _CACHED_TEXTS:  # a long-running service must not grow without end
                self._cache.clear()
            tokens = self._tokens(text)
            stems = Counter(t[1] for t in tokens if t[1] not in self._boilerplate)
            cached = Analysis(stems, *self._find_concepts(text, tokens))
            self._cache[text] = cached
        return cached

    def _find_concepts(self, text: str, tokens: list[tuple[str, str, int, int]]) -> tuple[dict[str, str], Counter]:
        positions: dict[str, list[int]] = {}
        for index, (word, stem, _start, _end) in enumerate(tokens):
            positions.setdefault(stem, []).append(index)
            positions.setdefault("=" + word.lower(), []).append(index)
        found: dict[str, tuple[int, int, str]] = {}  # concept -> (words of its term, -length, phrase)
        spans: dict[str, list[tuple[int, int]]] = {}
        for stem, where in positions.items():
            for concept, term in self._by_stem.get(stem, ()):
                span = _span(term, positions, where)
                if span is None:
                    continue
                spans.setdefault(concept.id, []).append(span)
                phrase = text[tokens[span[0]][2]:tokens[span[1]][3]]
                # The most specific term names the concept, in the fewest words of the text.
                key = (len(term), -len(phrase), phrase)
                if concept.id not in found or key > found[concept.id]:
                    found[concept.id] = key
        mentions = Counter({concept: _separate(places) for concept, places in spans.items()})
        return {concept: key[2] for concept, key in found.items()}, mentions


def _separate(spans: list[tuple[int, int]]) -> int:
    """How many of ``spans`` do not overlap: "early and forced marriages" is one mention."""
    count, end = 0, -1
    for first, last in sorted(spans):
        if first > end:
            count += 1
            end = last
        else:
            end = max(end, last)
    return count


def _span(term: tuple[str, ...], positions: dict[str, list[int]], anchors: list[int]) -> tuple[int, int] | None:
    """The words of ``term`` close together around one of ``anchors``, as (first, last)."""
    if any(stem not in positions for stem in term):
        return None
    window = len(term) + _SLACK
    for anchor in anchors:
        first = last = anchor
        for stem in term[:-1]:
            nearest = min(positions[stem], key=lambda p: abs(p - anchor))
            if abs(nearest - anchor) > window:
                break
            first, last = min(first, nearest), max(last, nearest)
        else:
            return first, last
    return None


@cache
def analyzer(code: str) -> Analyzer:
    """The analyzer of a language (English when the language has no data file)."""
    return Analyzer(code)
