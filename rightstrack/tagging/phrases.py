"""Finding the phrases of a vocabulary in a text, fast, in any language.

Texts and phrases are cut into the same lower-case, accent-free words, so "child-labour",
"Child labour" and "child  labour" are one phrase, and "children’s" matches "children's".
A phrase word may end in ``*`` (any ending: "child*" finds "children", "childhood") or
hold ``?`` (one letter: "organi?ation" finds both spellings). Every phrase is looked up
from an index of its first word (the phrases a word can start are worked out once per
word and remembered), so a text is read once whatever the size of the
vocabulary, and overlapping phrases ("children with disabilities", "disabilities") are
all found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text``: lower-case, without accents ("Réfugiés" -> "refugies")."""
    return _WORD.findall(fold(text))


def fold(text: str) -> str:
    text = text.lower().replace("ё", "е")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class _Word:
    """One word of a phrase: exact, a prefix (``child*``) or a small pattern (``organi?ation``)."""

    text: str
    prefix: bool = False
    pattern: re.Pattern[str] | None = None

    def matches(self, word: str) -> bool:
        if self.pattern is not None:
            return self.pattern.fullmatch(word) is not None
        if self.prefix:
            return word.startswith(self.text)
        return word == self.text


def _parse(phrase: str) -> tuple[_Word, ...]:
    out = []
    for token in re.findall(r"[\w?*]+", fold(phrase)):
        star = token.endswith("*")
        token = token.rstrip("*")
        if "?" in token:
            body = re.escape(token).replace(r"\?", r"\w")
            out.append(_Word(token, pattern=re.compile(body + (r"\w*" if star else ""))))
        else:
            out.append(_Word(token, prefix=star))
    return tuple(out)


class PhraseIndex:
    """Phrases of many entries, indexed by first word; ``find`` says which entries a text names.

    ``exceptions`` are phrases inside which an entry's phrases do not count: "education"
    names the right to education, but not inside "human rights education".
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]],
                 exceptions: Iterable[tuple[str, Iterable[str]]] = ()):
        self._exact: dict[str, list[tuple[tuple[_Word, ...], str]]] = {}
        self._prefix: dict[int, dict[str, list[tuple[tuple[_Word, ...], str]]]] = {}
        self._patterned: list[tuple[tuple[_Word, ...], str]] = []
        for key, phrases in entries:
            for phrase in phrases:
                self._add(phrase, key)
        exceptions = [(key, list(phrases)) for key, phrases in exceptions if phrases]
        self._exceptions = PhraseIndex(exceptions) if exceptions else None
        self._starting: dict[str, list[tuple[tuple[_Word, ...], str]]] = {}

    def _add(self, phrase: str, key: str) -> None:
        parsed = _parse(phrase)
        if not parsed:
            return
        first = parsed[0]
        item = (parsed, key)
        if first.pattern is not None:
            self._patterned.append(item)
        elif first.prefix:
            self._prefix.setdefault(len(first.text), {}).setdefault(first.text, []).append(item)
        else:
            self._exact.setdefault(first.text, []).append(item)

    def spans(self, text_words: list[str]) -> list[tuple[str, int, int]]:
        """(entry key, first word, end) of every phrase occurrence, overlapping ones included."""
        found = []
        length = len(text_words)
        starting = self._starting
        for i, word in enumerate(text_words):
            candidates = starting.get(word)
            if candidates is None:
                candidates = self._phrases_starting(word)
            for parsed, key in candidates:
                end = i + len(parsed)
                if end <= length and all(part.matches(text_words[i + k]) for k, part in enumerate(parsed[1:], 1)):
                    found.append((key, i, end))
        if self._exceptions is not None:
            excluded: dict[str, list[tuple[int, int]]] = {}
            for key, start, end in self._exceptions.spans(text_words):
                excluded.setdefault(key, []).append((start, end))
            found = [(key, i, end) for key, i, end in found
                     if not any(start <= i and end <= stop for start, stop in excluded.get(key, ()))]
        return found

    def _phrases_starting(self, word: str) -> list[tuple[tuple[_Word, ...], str]]:
        """The phrases whose first word matches ``word``, remembered: a corpus repeats its words."""
        candidates = list(self._exact.get(word, ()))
        for size, bucket in self._prefix.items():
            if len(word) >= size:
                candidates.extend(bucket.get(word[:size], ()))
        candidates.extend(item for item in self._patterned if item[0][0].matches(word))
        if len(self._starting) >= 200_000:  # bounded, whatever the texts
            self._starting.clear()
        self._starting[word] = candidates
        return candidates

    def find(self, text_words: list[str], evidence: dict[str, list[str]] | None = None) -> dict[str, int]:
        """Entry key -> number of phrase occurrences, for the entries found in ``text_words``.

        ``evidence``, when given, receives the words each entry was found by (to explain a tag).
        """
        counts: dict[str, int] = {}
        for key, start, end in self.spans(text_words):
            counts[key] = counts.get(key, 0) + 1
            if evidence is not None:
                words_found = " ".join(text_words[start:end])
                if words_found not in evidence.setdefault(key, []):
                    evidence[key].append(words_found)
        return counts
