"""The reference data the parser reads: committees, States, and each language's wording.

Data lives in ``data/`` as JSON with its source named; this module loads each file once
and compiles the patterns. Adding a language is adding ``data/languages/xx.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from ahocorasick_rs import AhoCorasick

try:  # the standard library's regex parser, to read a pattern's leads; private, so only an optimisation hangs on it
    from re import _parser
except ImportError:  # pragma: no cover - a Python that moved it: patterns tried everywhere, same matches
    _parser = None

_DATA = resources.files("rightstrack.documents") / "data"
_DIGITS = re.compile(r"\d+")
_DATE_TOKENS = re.compile(r"\d+|[^\W\d]+")
_LITERAL = re.compile(r"[A-Za-z0-9 ,:;'-]+")  # characters that stand for themselves in a pattern
# Escapes, classes, counts, parentheses and bars: enough of a pattern's syntax to see its literals.
_SYNTAX = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\{[^}]*\}|[()|]")
_LEAD = re.compile(r"[a-z0-9 ]*")  # a name's lowered start that ``lowered`` keeps as the text has it
_MOST_LEADS = 64


def _load(name: str) -> Any:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Committee:
    code: str
    names: dict[str, str]
    treaty: str | None
    treaty_names: dict[str, str]
    articles: int
    symbol_prefix: str
    general_comment: str | None
    symbols: dict[str, str]
    aliases: tuple[str, ...] = ()
    upr_cycles: tuple[tuple[int, int, int], ...] = ()

    def symbol(self, document_type: str, state_code: str, cycle: str) -> str | None:
        pattern = self.symbols.get(document_type)
        return pattern.format(state=state_code, cycle=cycle) if pattern else None

    def general_comment_symbol(self, number: int) -> str | None:
        pattern = self.symbols.get("general_comment")
        return pattern.format(number=number) if pattern else None


@cache
def committees() -> dict[str, Committee]:
    out = {}
    for row in _load("committees.json")["committees"]:
        row = dict(row)
        row["aliases"] = tuple(row.get("aliases", ()))
        row["upr_cycles"] = tuple(tuple(c) for c in row.get("upr_cycles", ()))
        out[row["code"]] = Committee(**row)
    return out


@cache
def _committee_pairs() -> list[tuple[str, str]]:
    """(a committee's name in any language, code), longest names first."""
    pairs = []
    for committee in committees().values():
        for name in (*committee.names.values(), *committee.aliases):
            pairs.append((name, committee.code))
    pairs.sort(key=lambda pair: -len(pair[0]))
    return pairs


@cache
def committee_names() -> list[tuple[re.Pattern[str], str]]:
    """(pattern of a committee's name in any language, code), longest names first."""
    return [(re.compile(_escape(name), re.IGNORECASE), code) for name, code in _committee_pairs()]


@cache
def committee_finder() -> tuple[Leads, dict[int, tuple[int, str]]]:
    """The names of ``committee_names`` but UPR's as one pattern, and (rank, code) by group.

    At each position where names start, the lookahead captures the first of them in the
    order of ``committee_names``: the lowest rank found in a text is the committee the first
    pattern to match would give, in one scan instead of forty, tried where names start.
    """
    names = [(name, code) for name, code in _committee_pairs() if code != "UPR"]
    alternation, order = _factored([name for name, _code in names], capture=True)
    groups = {number: (rank, names[rank][1]) for number, rank in enumerate(order, start=1)}
    finder = re.compile(f"(?=(?:{alternation}))", re.IGNORECASE)
    return Leads.of_names(finder, [name for name, _code in names]), groups


@dataclass(frozen=True)
class State:
    code: str
    name: str
    aliases: tuple[str, ...]


@cache
def states() -> dict[str, State]:
    return {row["code"]: State(row["code"], row["name"], tuple(row["aliases"]))
            for row in _load("states.json")["states"]}


@cache
def state_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching any State name or alias, and the lower-cased name -> code map."""
    lookup: dict[str, str] = {}
    for state in states().values():
        for name in (state.name, *state.aliases):
            lookup[name.lower().replace("’", "'")] = state.code
    names = sorted(lookup, key=len, reverse=True)
    alternation, _order = _factored(names)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), lookup


@cache
def state_finder() -> Leads:
    """``state_pattern``'s, tried only where a State's name may start."""
    pattern, lookup = state_pattern()
    return Leads.of_names(pattern, lookup)


def _words(words: Iterable[str]) -> str:
    """Words as an alternation, longest first ("seventeenth" before "seventh")."""
    ordered = sorted(words, key=len, reverse=True)
    if all(word.isalpha() for word in ordered):  # no pattern syntax: they can be grouped
        return _factored(ordered)[0]
    return "|".join(ordered)


def _escape(name: str) -> str:
    return re.escape(name).replace("'", "['’]")


def _factored(names: list[str], capture: bool = False) -> tuple[str, list[int]]:
    """``names`` as an alternation grouped by first letter: "a(?:fghanistan|lbania)|b(?:…)".

    re tries the alternatives one by one wherever a match may start, and with IGNORECASE it
    cannot skip those whose first letter differs: grouping makes hundreds of tries a few
    dozen. Names keep their order within a group and no character matches two groups'
    letters, so the same name matches. With ``capture`` each name's rest is a group; the
    list gives the index in ``names`` of each group, in their numbering order.
    """
    groups: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        groups.setdefault(name[0], []).append(index)
    letters = list(groups)
    if any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in letters for b in letters if a != b):
        groups = {str(index): [index] for index in range(len(names))}  # cannot group: as listed
    rest = "({})" if capture else "{}"
    alternatives = []
    order: list[int] = []
    for indexes in groups.values():
        order.extend(indexes)
        tails = "|".join(rest.format(_escape(names[index][1:])) for index in indexes)
        alternatives.append(f"{_escape(names[indexes[0]][0])}(?:{tails})")
    return "|".join(alternatives), order


def lowered(text: str) -> str | None:
    """``text`` lower-cased, if each character there that IGNORECASE matches to an ASCII letter
    is that letter at the same place; else None.

    Besides ASCII letters those characters are the Kelvin sign, which lowers to "k", and
    "İ", "ı" and "ſ", which do not lower to one: texts with these have no lowered form.
    """
    low = text.lower()
    return low if len(low) == len(text) and "ı" not in text and "ſ" not in text else None


class Leads:
    """A pattern over names or wording, tried only where a match may start: where the lowered
    text has one of its leads (lower-cased ASCII each match starts with one of), all found in
    one pass.

    re, with IGNORECASE, tries a pattern at every character: there it finds the same. What
    the leads miss (names starting with letters beyond ASCII) ``rest`` finds, in the texts
    it can match: those not ASCII. Without leads, or a lowered text, the pattern is tried
    everywhere.
    """

    def __init__(self, pattern: re.Pattern[str], leads: Iterable[str], rest: re.Pattern[str] | None = None):
        self.pattern = pattern
        # "report" is found wherever "reports" is: looked for alone.
        distinct = set(leads)
        shortest = sorted(lead for lead in distinct if not any(lead.startswith(other) and other != lead
                                                               for other in distinct))
        self.automaton = AhoCorasick(shortest) if shortest else None
        self.rest = rest

    def _starts(self, text: str, low: str | None) -> list[int] | None:
        if low is None or self.automaton is None:
            return None
        starts = {start for _lead, start, _end in self.automaton.find_matches_as_indexes(low, overlapping=True)}
        if self.rest is not None and not text.isascii():
            starts.update(match.start() for match in self.rest.finditer(text))
        return sorted(starts)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        """``pattern.search(text)``, with ``low`` the ``lowered(text)``."""
        starts = self._starts(text, low)
        if starts is None:
            return self.pattern.search(text)
        for at in starts:
            match = self.pattern.match(text, at)
            if match:
                return match
        return None

    def lookahead_matches(self, text: str, low: str | None) -> Iterable[re.Match[str]]:
        """``pattern.finditer(text)`` for a pattern that is a lookahead: its match at each place."""
        starts = self._starts(text, low)
        if starts is None:
            return self.pattern.finditer(text)
        return [match for match in map(self.pattern.match, [text] * len(starts), starts) if match]

    @classmethod
    def of_names(cls, pattern: re.Pattern[str], names: Iterable[str]) -> Leads:
        """``pattern`` matching ``names``; a name's lead is its lowered ASCII start.

        A name with fewer than three such letters before one beyond ASCII ("Côte…") goes to
        ``rest``: no ASCII character matches that letter. Others: the pattern everywhere.
        """
        leads, rest = [], []
        for name in names:
            low = name.lower()
            lead = _LEAD.match(low).group(0)  # type: ignore[union-attr]
            if len(lead) < min(3, len(low)) and not _matches_ascii(low[len(lead)]):
                rest.append(name)
            elif lead:
                leads.append(lead)
            else:
                return cls(pattern, ())
        found = re.compile(f"(?=(?:{'|'.join(map(_escape, rest))}))", re.IGNORECASE) if rest else None
        return cls(pattern, leads, found)

    @classmethod
    def of_pattern(cls, pattern: re.Pattern[str]) -> Leads:
        """``pattern`` with the leads read from its parse tree, if it has some."""
        if _parser is None:
            return cls(pattern, ())
        try:
            starts = _starts(_parser.parse(pattern.pattern, pattern.flags))
        except Exception:  # noqa: BLE001 - a parser that changed shape: no leads, same matches
            return cls(pattern, ())
        leads = {lead for lead, _whole in starts}
        return cls(pattern, () if "" in leads or len(leads) > _MOST_LEADS else leads)


def _matches_ascii(letter: str) -> bool:
    return any(re.fullmatch(re.escape(letter), chr(code), re.IGNORECASE) for code in range(128))


def _starts(items: Any) -> set[tuple[str, bool]]:
    """(lowered ASCII literal, whether it is the whole match) for the parsed ``items``: each
    match starts with one of the literals."""
    found = {("", True)}
    for op, value in items:
        if op is _parser.LITERAL and value < 128:
            heads = {(chr(value).lower(), True)}
        elif op is _parser.SUBPATTERN and not value[1] and not value[2]:  # (group, add flags, del flags, items)
            heads = _starts(value[3])
        elif op is _parser.BRANCH:
            heads = set().union(*map(_starts, value[1]))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and value[0] == 0:  # (min, max, item): optional
            heads = _starts(value[2]) | {("", True)}
        else:
            heads = {("", False)}
        found = {(lead + head, whole) for lead, done in found
                 for head, whole in (heads if done else [("", False)])}
        if len(found) > _MOST_LEADS or not any(whole for _lead, whole in found):
            break
    return found


def _literals(pattern: str) -> tuple[str, str]:
    """The ASCII every match of ``pattern`` starts with, and the longest it has, lower-cased:
    ("held on ", "held on "), ("", " session"); "" for none.

    Only what stands outside parentheses counts, and nothing when the pattern has other
    alternatives. Shorter literals than three characters are no use to ``Language.search``.
    """
    runs: list[tuple[int, str]] = []
    depth = at = 0
    for token in [*_SYNTAX.finditer(pattern), None]:
        if depth == 0:
            for run in _LITERAL.finditer(pattern, at, token.start() if token else len(pattern)):
                text = run.group(0)
                if pattern[run.end():run.end() + 1] in ("?", "*", "+", "{"):
                    text = text[:-1]  # the quantifier is on its last character
                runs.append((run.start(), text.lower()))
        if token is None:
            break
        at = token.end()
        if token.group(0) == "(":
            depth += 1
        elif token.group(0) == ")":
            depth -= 1
        elif token.group(0) == "|" and depth == 0:
            return "", ""
    runs = [(start, text) for start, text in runs if len(text) >= 3]
    lead = runs[0][1] if runs and runs[0][0] == 0 else ""
    return lead, max((text for _start, text in runs), key=len, default="")


def state_code(name: str) -> str | None:
    return state_pattern()[1].get(name.strip().lower().replace("’", "'"))


class Language:
    """One language's wording, with its patterns compiled."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.code: str = data["language"]
        self.months: dict[str, int] = data["months"]
        ordinals = data["ordinals"]
        self.ordinal_values: dict[str, int] = {**ordinals["units"], **ordinals["tens"]}
        self.tens_prefix: dict[str, int] = ordinals["tens_prefix"]
        self.cardinals: dict[str, int] = data["cardinals"]
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}
        self._literals: dict[tuple[str, int], tuple[str, str]] = {}

    def expand(self, pattern: str) -> str:
        """Replace the placeholders ORD, DATE and MONTH by this language's patterns."""
        pattern = pattern.replace("ORD", self.ordinal_regex).replace("DATE", self.date_regex)
        return pattern.replace("MONTH", self.month_regex)

    def compile(self, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        # Kept: expanding a pattern and finding it again in re's cache costs more than most
        # searches with it.
        compiled = self._compiled.get((pattern, flags))
        if compiled is None:
            compiled = self._compiled[pattern, flags] = re.compile(self.expand(pattern), flags)
        return compiled

    def search(self, pattern: str, text: str, lowered: str | None, flags: int = re.IGNORECASE) -> re.Match[str] | None:
        """``compile(pattern, flags).search(text)``, with ``lowered`` the ``lowered(text)``.

        re, with IGNORECASE, tries a pattern at every character. A pattern with a literal
        lead ("adopted …") is tried only where ``lowered`` has the lead, found by
        ``str.find``, and not at all when ``lowered`` lacks a literal it has (" session").
        """
        compiled = self.compile(pattern, flags)
        literals = self._literals.get((pattern, flags))
        if literals is None:
            plain = compiled.flags & re.IGNORECASE and not compiled.flags & re.VERBOSE
            literals = self._literals[pattern, flags] = _literals(compiled.pattern) if plain else ("", "")
        lead, longest = literals
        if lowered is None or not longest:
            return compiled.search(text)
        if longest not in lowered:
            return None
        if not lead:
            return compiled.search(text)
        at = lowered.find(lead)
        while at >= 0:
            match = compiled.match(text, at)
            if match:
                return match
            at = lowered.find(lead, at + 1)
        return None

    def compile_all(self, patterns: list[str]) -> re.Pattern[str]:
        """Several patterns as one alternation: one scan of the text instead of many."""
        return self.compile("|".join(f"(?:{p})" for p in patterns))

    @cached_property
    def ordinal_regex(self) -> str:
        ordinals = self.data["ordinals"]
        units = _words(ordinals["units"])
        tens = _words(ordinals["tens"])
        prefixes = _words(ordinals["tens_prefix"])
        joiner = ordinals["joiner"]
        simple = rf"(?:(?:{prefixes}){joiner}(?:{units})|{tens}|{units})"
        hundred = ordinals.get("hundred_prefix")
        if hundred:
            # Not "hundred simple|simple": that tries the words twice wherever hundred is not.
            simple = rf"(?:(?:{hundred}) )?{simple}"
        return rf"(?:{simple}|\d{{1,3}}(?:st|nd|rd|th|e|er|º|°|-?[йе])?)"

    @cached_property
    def date_regex(self) -> str:
        pattern = self.data.get("date_regex", r"\d{1,2}(?:st|nd|rd|th)? (?:MONTHS),? \d{4}")
        return pattern.replace("MONTHS", _words(self.months))

    @cached_property
    def month_regex(self) -> str:
        return self.data.get("month_regex", r"(?:MONTHS),? \d{4}").replace("MONTHS", _words(self.months))

    def ordinal(self, text: str) -> int | None:
        """"seventieth" -> 70; "twenty-sixth" -> 26; "101st" -> 101."""
        text = text.strip().lower()
        digits = _DIGITS.match(text)
        if digits:
            return int(digits.group(0))
        total = 0
        hundred = self.data["ordinals"].get("hundred_prefix")
        if hundred:
            match = re.match(hundred + r"\s*", text)
            if match:
                total = 100
                text = text[match.end():]
        if text in self.ordinal_values:
            return total + self.ordinal_values[text]
        for prefix, value in self.tens_prefix.items():
            if text.startswith(prefix):
                rest = re.sub(self.data["ordinals"]["joiner"], "", text[len(prefix):], count=1)
                if rest in self.ordinal_values:
                    return total + value + self.ordinal_values[rest]
        return total or None

    def number(self, text: str) -> int | None:
        """"21,200" or "21 200" or "three" -> an int."""
        text = text.strip().lower()
        digits = re.sub(r"[,.\s\u00a0\u202f']", "", text)
        if digits.isdigit():
            return int(digits)
        return self.cardinals.get(text)

    def date(self, text: str) -> str | None:
        """"2 October 2015" -> "2015-10-02"; "September 2014" -> "2014-09"."""
        tokens = _DATE_TOKENS.findall(text.lower())
        day = month = year = None
        for token in tokens:
            if token.isdigit():
                if len(token) == 4:
                    year = int(token)
                elif day is None:
                    day = int(token)
            elif token in self.months and month is None:
                month = self.months[token]
        if not (month and year):
            return None
        if day is None:
            return f"{year:04d}-{month:02d}"
        if not 1 <= day <= 31:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"


@cache
def language(code: str) -> Language:
    try:
        return Language(_load(f"languages/{code}.json"))
    except FileNotFoundError:
        return Language(_load("languages/en.json"))


@cache
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.name.removesuffix(".json") for p in (_DATA / "languages").iterdir()
                        if p.name.endswith(".json")))
