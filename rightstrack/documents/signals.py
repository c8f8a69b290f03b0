"""Wording signals, found fast.

A signal is a pattern of the committees' wording ("the Committee is concerned", "submit its
… report by") with the literal words it cannot occur without (its triggers). Python's regex
engine is fast only when a pattern starts with a literal, so a document is scanned once for
every trigger of every signal (an Aho-Corasick automaton, in Rust), and patterns run only
in a window at each trigger found. A pattern that does not start with a literal is tried at
every position of its window, so a window is first looked through (``str.find``) for the
other literals every match has (``needed_literals``: "remain" or "still" in "remains
concerned"), read from the pattern itself. That keeps a 40 kB document to a few
milliseconds while the wording stays readable data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:  # the standard library's regex parser, to read patterns; private, so only an optimisation hangs on it
    from re import _parser
except ImportError:  # pragma: no cover - a Python that moved it: no pre-check, same matches
    _parser = None

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick

AFTER = 200

Hits = dict[str, list[int]]
"""Where each trigger starts (ascending), in one segment (a paragraph) of a scanned text."""


@dataclass(frozen=True, slots=True)
class Signal:
    """A pattern over lower-cased text and the literals (triggers) it needs.

    The pattern starts at the trigger (``before`` = 0: matched there and only there) or up
    to ``before`` characters ahead of it, and ends within ``AFTER`` characters after it.
    """

    triggers: tuple[str, ...]
    pattern: re.Pattern[str]
    before: int = 0
    needs: tuple[str, ...] = ()
    """Literals of which every match has one, other than the triggers (``needed_literals``)."""
    lead: re.Pattern[str] | None = None
    """The pattern without its leading ``\\b``, to find quickly where a match may start."""

    def search(self, low: str, hits: Hits, start: int, end: int, first: bool = False) -> re.Match[str] | None:
        """The first match in ``low[start:end]``, looking only where the triggers are; with
        ``first``, whichever is found first (enough to know there is one)."""
        best: re.Match[str] | None = None
        before, needs = self.before, self.needs
        for trigger in self.triggers:
            if trigger not in hits:
                continue
            for position in hits[trigger]:  # ascending
                if position < start:
                    continue
                if position >= end:
                    break
                limit = position + len(trigger) + AFTER
                if limit > end:
                    limit = end
                begin = position - before
                if begin < start:
                    begin = start
                if needs and not _contains_any(low, needs, begin, limit):
                    continue  # no match can be in a window without one of them (str.find is fast)
                if before:
                    if self.lead is None:
                        match = self.pattern.search(low, begin, limit)
                    else:
                        match = _search_from_lead(self.pattern, self.lead, low, begin, limit)
                else:
                    match = self.pattern.match(low, position, limit)
                if match:
                    if first:
                        return match
                    if best is None or match.start() < best.start():
                        best = match
                    break
        return best


class SignalSet:
    """Several signals of one meaning: the first that matches marks the text."""

    def __init__(self, signals: Iterable[Signal]):
        self.signals = tuple(signals)
        self.triggers = frozenset(t for signal in self.signals for t in signal.triggers)
        # Each signal with its trigger when it has only one: checked with one look-up.
        self._entries = tuple((signal, signal.triggers[0] if len(signal.triggers) == 1 else None)
                              for signal in self.signals)

    def search(self, low: str, hits: Hits, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of the first signal that matches."""
        if end is None:
            end = len(low)
        if self.triggers.isdisjoint(hits):
            return None
        for signal, trigger in self._entries:  # a look-up per trigger is cheaper than the call
            if trigger is not None:
                if trigger not in hits:
                    continue
            elif hits.keys().isdisjoint(signal.triggers):
                continue
            match = signal.search(low, hits, start, end)
            if match:
                return match
        return None

    def found(self, low: str, hits: Hits, start: int, end: int) -> bool:
        """Whether any signal matches (quicker than ``search``: stops at the first match)."""
        if self.triggers.isdisjoint(hits):
            return False
        for signal, trigger in self._entries:
            if trigger is not None:
                if trigger not in hits:
                    continue
            elif hits.keys().isdisjoint(signal.triggers):
                continue
            if signal.search(low, hits, start, end, first=True):
                return True
        return False


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
        triggers = tuple(entry["triggers"])
        compiled = re.compile(pattern)
        before, needs = entry.get("before", 0), needed_literals(compiled, triggers)
        # Python's regex engine searches fast for a pattern that starts with words, not with
        # \b: search without it, then check the whole where that matches. Only for patterns
        # with a needed literal: one led by "is" or "it" has too many places to check.
        lead = re.compile("(?:" + pattern[2:] + ")") if before and needs and pattern.startswith(r"\b") else None
        signals.append(Signal(triggers, compiled, before, needs, lead))
    return SignalSet(signals)


def _search_from_lead(pattern: re.Pattern[str], lead: re.Pattern[str], low: str, begin: int,
                      limit: int) -> re.Match[str] | None:
    """``pattern.search(low, begin, limit)``, trying ``pattern`` only where ``lead`` (the
    same without its leading \\b) matches: it matches wherever ``pattern`` does."""
    while True:
        candidate = lead.search(low, begin, limit)
        if candidate is None:
            return None
        begin = candidate.start()
        match = pattern.match(low, begin, limit)
        if match:
            return match
        begin += 1


_WORTH = 3  # shorter literals are in nearly every window: not worth looking for
_MOST = 3  # literals looked for in a window, at most


def needed_literals(pattern: re.Pattern[str], triggers: tuple[str, ...]) -> tuple[str, ...]:
    """Literals of which every match of ``pattern`` contains one ("remains", "still"…).

    Read from the pattern's parse tree: runs of literal characters that every match goes
    through, or one such run in each alternative of a group. Literals within the triggers
    are left out (the window holds a trigger anyway), and so are short ones; empty when
    nothing is worth looking for.
    """
    if pattern.flags & re.IGNORECASE or _parser is None:
        return ()
    try:
        needed = _best(_needs(_parser.parse(pattern.pattern, pattern.flags), triggers), triggers)
    except Exception:  # noqa: BLE001 - a parser that changed shape: look for nothing, match the same
        return ()
    # "remain" is found wherever "remains" is: look for the shortest only.
    needed = tuple(sorted({literal for literal in needed if not any(other in literal and other != literal
                                                                     for other in needed)}))
    return needed if len(needed) <= _MOST else ()  # a dozen month names: the pattern is quicker


def _contains_any(low: str, literals: tuple[str, ...], start: int, end: int) -> bool:
    for literal in literals:
        if low.find(literal, start, end) >= 0:
            return True
    return False


def _needs(items: Any, triggers: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Alternatives of literals, one of each of which a match of the parsed ``items`` has."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is _parser.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(("".join(run),))
            run = []
        if op is _parser.SUBPATTERN and not value[1] & re.IGNORECASE:  # (group, add flags, del flags, items)
            found.extend(_needs(value[3], triggers))
        elif op is _parser.BRANCH:
            choices: list[str] = []
            for alternative in value[1]:
                best = _best(_needs(alternative, triggers), triggers)
                if not best:
                    break
                choices.extend(best)
            else:
                found.append(tuple(choices))
    return found


def _best(options: list[tuple[str, ...]], triggers: tuple[str, ...]) -> tuple[str, ...]:
    useful = [option for option in options
              if min(map(len, option)) >= _WORTH and not any(part in t for part in option for t in triggers)]
    # One literal rather than a choice of several, and long rather than short: the rarer.
    return max(useful, key=lambda option: (len(option) == 1, min(map(len, option))), default=())


class Scanner:
    """Every trigger of a language's signals, found in one pass over a text."""

    def __init__(self, triggers: Iterable[str]):
        self.triggers = sorted(set(triggers))
        if any("\n" in trigger for trigger in self.triggers):
            raise ValueError("a trigger may not span lines: segments are joined by newlines")
        # ASCII triggers are found in the text encoded to ASCII, one byte a character (any
        # other character made "?", which no trigger has): the automaton's offsets are then the
        # text's own, without the table from UTF-8 offsets that a str search builds.
        self.ascii = all(trigger.isascii() and "?" not in trigger for trigger in self.triggers)
        if self.ascii:
            self.automaton = BytesAhoCorasick([trigger.encode() for trigger in self.triggers])
        else:
            self.automaton = AhoCorasick(self.triggers)

    def scan(self, low: str, starts: list[int]) -> list[Hits]:
        """The hits of each segment; ``starts`` are the offsets where segments begin."""
        segments: list[Hits] = [{} for _ in starts]
        if not segments:
            return segments
        triggers = self.triggers
        # Matches come in order of their end, and none spans two segments (they are
        # joined by a newline, which no trigger has), so the segment only moves forward.
        following = [*starts[1:], len(low) + 1]  # where the segment after each begins
        current = 0
        segment = segments[0]
        haystack = low.encode("ascii", "replace") if self.ascii else low
        for index, start, _end in self.automaton.find_matches_as_indexes(haystack, overlapping=True):
            if start >= following[current]:
                while start >= following[current]:
                    current += 1
                segment = segments[current]
            trigger = triggers[index]
            if trigger in segment:
                segment[trigger].append(start)
            else:
                segment[trigger] = [start]
        return segments

    def hits(self, low: str) -> Hits:
        """The hits of one whole text."""
        return self.scan(low, [0])[0]


_ASCII = bytes(range(128))


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: the few letters whose lower case is longer
    ("İ") are lowered to one character."""
    low = _lower(text)
    if len(low) == len(text):
        return low
    return "".join(char.lower()[:1] for char in text)


def lower_joined(texts: list[str]) -> str:
    """``lower_same_length("\n".join(texts))``, lowered text by text: most paragraphs are
    ASCII, which ``str.lower`` lowers fast, and the others take the quicker way of ``_lower``
    on their own. (A line break ends a word for the final sigma as the end of a text does.)"""
    low = "\n".join([_lower(text) for text in texts])
    if not texts or len(low) == sum(map(len, texts)) + len(texts) - 1:
        return low
    return lower_same_length("\n".join(texts))  # a letter lowered to two: one way for all


def _lower(text: str) -> str:
    """``text.lower()``, faster for a long text whose only non-ASCII characters are caseless."""
    if len(text) > 300 and not text.isascii():
        # str.lower looks each character up in the Unicode tables, slowly; when the only
        # non-ASCII characters are caseless (’ “ –), lower-casing the ASCII bytes is the same
        # (and, but for short texts, twice as fast).
        data = text.encode("utf-8", "surrogatepass")
        others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if others.lower() == others:
            return data.lower().decode("utf-8", "surrogatepass")
    return text.lower()
