"""Wording signals, found fast.

A signal is a pattern of the committees' wording ("the Committee is concerned", "submit its
… report by") with the literal words it cannot occur without (its triggers). Python's regex
engine is fast only when a pattern starts with a literal, so a document is scanned once for
every trigger of every signal (an Aho-Corasick automaton, in Rust), and patterns run only
in a window at each trigger found. That keeps parsing at tens of MB/s while the wording
stays readable data.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ahocorasick_rs import AhoCorasick

AFTER = 200

Hits = dict[str, list[int]]
"""Where each trigger starts, in one segment (a paragraph) of a scanned text."""


@dataclass(frozen=True)
class Signal:
    """A pattern over lower-cased text and the literals (triggers) it needs.

    The pattern starts at the trigger (``before`` = 0: matched there and only there) or up
    to ``before`` characters ahead of it, and ends within ``AFTER`` characters after it.
    """

    triggers: tuple[str, ...]
    pattern: re.Pattern[str]
    before: int = 0

    def search(self, low: str, hits: Hits, start: int, end: int) -> re.Match[str] | None:
        """The first match in ``low[start:end]``, looking only where the triggers are."""
        best: re.Match[str] | None = None
        for trigger in self.triggers:
            for position in hits.get(trigger, ()):
                if not start <= position < end:
                    continue
                limit = min(end, position + len(trigger) + AFTER)
                if self.before:
                    match = self.pattern.search(low, max(start, position - self.before), limit)
                else:
                    match = self.pattern.match(low, position, limit)
                if match:
                    if best is None or match.start() < best.start():
                        best = match
                    break
        return best


class SignalSet:
    """Several signals of one meaning: the first that matches marks the text."""

    def __init__(self, signals: Iterable[Signal]):
        self.signals = tuple(signals)
        self.triggers = frozenset(t for signal in self.signals for t in signal.triggers)

    def search(self, low: str, hits: Hits, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        if end is None:
            end = len(low)
        if self.triggers.isdisjoint(hits):
            return None
        for signal in self.signals:
            match = signal.search(low, hits, start, end)
            if match:
                return match
        return None


def compile_signals(entries: list[Any], expand: Any = None) -> SignalSet:
    """Signals from data: each entry ``{"triggers": [...], "pattern": "...", "before": 0}``.

    ``expand`` rewrites placeholders (ORD, DATE) in patterns; patterns are written in
    lower case and matched against lower-cased text.
    """
    signals = []
    for entry in entries:
        pattern = entry["pattern"]
        if expand:
            pattern = expand(pattern)
        signals.append(Signal(tuple(entry["triggers"]), re.compile(pattern), entry.get("before", 0)))
    return SignalSet(signals)


class Scanner:
    """Every trigger of a language's signals, found in one pass over a text."""

    def __init__(self, triggers: Iterable[str]):
        self.triggers = sorted(set(triggers))
        self.automaton = AhoCorasick(self.triggers)

    def scan(self, low: str, starts: list[int]) -> list[Hits]:
        """The hits of each segment; ``starts`` are the offsets where segments begin."""
        segments: list[Hits] = [{} for _ in starts]
        triggers = self.triggers
        for index, start, _end in self.automaton.find_matches_as_indexes(low, overlapping=True):
            segment = segments[bisect_right(starts, start) - 1]
            trigger = triggers[index]
            positions = segment.get(trigger)
            if positions is None:
                segment[trigger] = [start]
            else:
                positions.append(start)
        return segments

    def hits(self, low: str) -> Hits:
        """The hits of one whole text."""
        return self.scan(low, [0])[0]


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: the few letters whose lower case is longer
    ("İ") are lowered to one character."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char.lower()[:1] for char in text)
