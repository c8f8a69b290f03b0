"""Citations: general comments, earlier UN documents and their paragraphs, treaties.

Follow-up rests on these: a list of issues that cites "CRC/C/KAZ/CO/4, para. 39" in a
footnote is an explicit link to paragraph 39 of the earlier observations. "Ibid." in a
footnote repeats the symbol of the footnote before it, and is resolved here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

from .models import Footnote, Paragraph, Reference, Subparagraph
from .signals import Hits, lower_same_length
from .vocabulary import Language, _load, committee_names, committees

_SYMBOL = re.compile(
    r"(?<![\w/])(?:"
    r"(?:CRC|CEDAW|CCPR|CAT|CERD|CRPD|CMW|CED)/(?:C|OP|SP|SPT)"
    r"|HRI/(?:GEN|CORE|MC)"
    r"|E/C\.12"
    r"|A/HRC|A/RES|A/CONF\.\d+|A/\d{2,3}"
    r"|E/CN\.4"
    r")(?:/[A-Za-z0-9][A-Za-z0-9.()\-–]*)+"
)
_PREFIX_ENDS = "ACDEIRTW"  # the last letters of the prefixes, before a symbol's first slash ("and/or": none)
_SUBJECT = re.compile(r"\s*\([^()]{5,}\)")
_PARA_LIST_ITEM = re.compile(r"(\d{1,4})((?:\s*\([a-z0-9]{1,4}\))*)")
_SENTENCE_END = re.compile(r"\.\s+[A-Z“\"]")
_WORD_BEFORE = re.compile(r"(\w+)\)?$")
_YEAR = re.compile(r"\(\d{4}\)")
_NUMBER = re.compile(r"\d+")
_RANGE = re.compile(r"[-–—]|\bto\b")  # between two paragraph numbers: "98–104", "7 to 9"
_ABBREVIATIONS = {"para", "paras", "No", "Nos", "art", "arts", "chap", "Rev", "Add", "Corr", "p", "pp", "e", "vol"}
_RESOLUTION_NUMBER = re.compile(r"\d{1,4}/\d{1,4}(?:\.\d+)?|\d{1,4}/[A-Z]{1,3}\.\d{1,4}")
# Between two numbers of one list of resolutions: separators and "(para. 4 (d))" only.
_RESOLUTION_GAP = re.compile(r"\s*(?:\((?:para|paras|paragraph)[^()]*(?:\([^()]*\)[^()]*)*\)\s*)?(?:,|and|et|y|и)?\s*")


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """UN document symbols in ``text`` as (start, end, symbol).

    Every symbol has a slash; we look only where slashes are (the full pattern scanned
    over the whole text is twenty times slower).
    """
    found: list[tuple[int, int, str]] = []
    end = 0
    slash = text.find("/")
    while slash >= 0:
        if slash >= end and slash and text[slash - 1] in _PREFIX_ENDS:
            start = slash
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "."):
                start -= 1
            match = _SYMBOL.match(text, start)
            if match:
                symbol = clean_symbol(match.group(0))
                end = match.start() + len(symbol)
                found.append((match.start(), end, symbol))
        slash = text.find("/", max(slash + 1, end))
    return found


def clean_symbol(symbol: str) -> str:
    symbol = symbol.rstrip(".,;:–-")
    while symbol.endswith(")") and symbol.count("(") < symbol.count(")"):
        symbol = symbol[:-1].rstrip(".,;:")
    return symbol


def paragraph_list(spec: str) -> list[str]:
    """"98–104" -> 98 … 104; "55 (a)" -> "55(a)"; "7 and 15" -> 7, 15."""
    if len(spec) <= 4 and spec.isdigit():  # most often one paragraph: "39"
        return [spec]
    if "(" in spec:
        spec = _SUBJECT.sub("", spec)  # "12 (non-discrimination)": a subject, not a point
    out: list[str] = []
    items = list(_PARA_LIST_ITEM.finditer(spec))
    for index, item in enumerate(items):
        number, points = item.group(1, 2)
        if (index and not points and out and out[-1].isdigit()
                and _RANGE.search(spec[items[index - 1].end():item.start()])):
            first, last = int(out[-1]), int(number)
            if first < last <= first + 200:
                out.extend(str(n) for n in range(first + 1, last + 1))
                continue
        out.append(number + "".join(points.split()) if points else number)  # "55 (a)" -> "55(a)"
    return out


@cache
def _patterns(language: Language) -> tuple[re.Pattern[str], ...]:
    """A language's citation patterns, compiled once (a finder is made for each document)."""
    patterns = language.data["references"]
    # A general comment with what may follow it, "of the" (its committee's name then): one match.
    general_comment = f"(?:{patterns['general_comment']})(?P<lead>{patterns['general_comment_owner']})?"
    return tuple(re.compile(pattern) for pattern in (
        general_comment, patterns["paragraph"], patterns["resolution"], patterns["paragraph_of"], patterns["ibid"]))


class ReferenceFinder:
    """Finds citations in one language's wording."""

    def __init__(self, language: Language, committee: str | None, default_body: str):
        self.language = language
        self.committee = committee
        bodies: dict[str, str] = language.data["references"]["resolution_bodies"]
        self.bodies = tuple((body + " ", pattern) for body, pattern in bodies.items())
        self.default_pattern = bodies[default_body.lower()]
        self.general_comment, self.paragraph, self.resolution, self.paragraph_of, self.ibid = _patterns(language)

    # -- general comments ---------------------------------------------------------------
    def general_comments(self, text: str, low: str | None = None) -> tuple[list[int], list[Reference]]:
        """Numbers of the own committee's general comments, and references to others'.

        ``low`` is ``text`` lower-cased, when the caller has it already.
        """
        low = low if low is not None else text.lower()
        return self._general_comments(low, self.general_comment.finditer(low), len(low))

    def general_comments_at(self, low: str, positions: list[int], end: int) -> tuple[list[int], list[Reference]]:
        """``general_comments`` of ``low[:end]``, whose "general"s are at ``positions``.

        The pattern starts with that word and none of its matches holds another: matching at
        each one finds what a search of the whole text does.
        """
        match = self.general_comment.match
        return self._general_comments(low, [found for position in positions
                                            if (found := match(low, position, end))], end)

    def _general_comments(self, text: str, matches: Iterable[re.Match[str]],
                          end: int) -> tuple[list[int], list[Reference]]:
        own: list[int] = []
        others: list[Reference] = []
        for match in matches:
            numbers = _comment_numbers(match.group("numbers"))
            owner = self._owner(text, match.end(), end) if match.group("lead") is not None else None
            # "joint general recommendation No. 31 of CEDAW/general comment No. 18 of the CRC"
            if owner and owner != self.committee:
                committee = committees().get(owner)
                for number in numbers:
                    symbol = committee.general_comment_symbol(number) if committee else None
                    if symbol:
                        others.append(Reference(symbol, [], "text"))
                continue
            for number in numbers:
                if number not in own:
                    own.append(number)
        return own, others

    def _owner(self, text: str, position: int, end: int) -> str | None:
        """The committee named at ``position``, right after "… of the" a general comment."""
        pattern, codes = _committee_name()
        match = pattern.match(text, position, end)
        return codes[match.lastindex - 1] if match else None

    # -- document symbols and their paragraphs ------------------------------------------
    def references(self, text: str, via: str = "text", low: str | None = None) -> list[Reference]:
        """Symbols and resolutions cited in ``text``, each with the paragraphs cited of it.

        ``low`` is ``text`` lower-cased, when the caller has it already.
        """
        if "/" not in text:
            return []
        tokens = [(start, end, Reference(symbol, [], via)) for start, end, symbol in find_symbols(text)]
        if low is None:
            low = lower_same_length(text)
        # Resolutions, and paragraphs of them, are cited with the word (every pattern has it).
        resolutions = "resolution" in low
        if resolutions:
            count = len(tokens)
            for match in self.resolution.finditer(low):
                pattern = self._resolution_symbol(low, match.start())
                for start, end, number in _resolution_numbers(low, match.end()):
                    tokens.append((start, end, Reference(pattern.format(n=number), [], via)))
            if len(tokens) > count:
                tokens.sort(key=lambda token: token[0])
        if not tokens:
            return []
        if "para" not in low:
            return _merge([reference for _s, _e, reference in tokens])
        claimed: set[int] = set()
        if resolutions:
            for match in self.paragraph_of.finditer(low):
                number = "/" + match.group("resolution")
                for start, _end, reference in tokens:
                    if start >= match.start("resolution") and reference.symbol.endswith(number):
                        reference.paragraphs.extend(paragraph_list(match.group("list")))
                        claimed.add(match.start())
                        break
        ends: list[tuple[int, int]] | None = None
        for match in self.paragraph.finditer(low):
            at = match.start()
            if at in claimed:
                continue
            owner = None
            for _start, end, reference in tokens:
                if end <= at:
                    owner, owner_end = reference, end
            if owner is None:
                continue
            if ends is None:
                ends = [sentence_end.span() for sentence_end in _SENTENCE_END.finditer(text)]
            if _sentence_ends(text, owner_end, at, ends):
                continue
            for label in paragraph_list(match.group("list")):
                if label not in owner.paragraphs:
                    owner.paragraphs.append(label)
        return _merge([reference for _s, _e, reference in tokens])

    def _resolution_symbol(self, low: str, position: int) -> str:
        """The symbol pattern of "… resolution" by the body named just before it."""
        before = max(0, position - 40)
        for body, pattern in self.bodies:
            if low.endswith(body, before, position):
                return pattern
        return self.default_pattern

    def footnote_references(self, footnotes: list[Footnote]) -> None:
        """Fill each footnote's references, resolving "Ibid." to the previous symbol."""
        previous: Reference | None = None
        for footnote in footnotes:
            text = footnote.text
            low = text.lower()  # the same length but where a letter lowers to two ("İ")
            found = self.references(text, "footnote", low if len(low) == len(text) else None)
            if not found and previous is not None and self.ibid.search(low):
                paragraphs: list[str] = []
                for match in self.paragraph.finditer(low):
                    paragraphs.extend(paragraph_list(match.group("list")))
                found = [Reference(previous.symbol, paragraphs, "ibid")]
            footnote.references = found
            if found:
                previous = found[-1]


@cache
def _committee_name() -> tuple[re.Pattern[str], list[str]]:
    """``committee_names`` as one pattern, each name a group, and the code of each group.

    re tries the names in order, as matching them one by one does: the first that matches
    is the same, for one call instead of forty.
    """
    names = committee_names()  # escaped names (no groups), each compiled with IGNORECASE
    return (re.compile("|".join(f"({pattern.pattern})" for pattern, _code in names), re.IGNORECASE),
            [code for _pattern, code in names])


def _comment_numbers(spec: str) -> list[int]:
    """The numbers of general comments, "13 (2011)", "3, 4 and 5": the years left out."""
    number, _, year = spec.partition(" (")
    if number.isdecimal() and (not year or (len(year) == 5 and year[:4].isdecimal() and year[4] == ")")):
        return [int(number)]  # most often one: "13", "13 (2011)"
    return [int(n) for n in _NUMBER.findall(_YEAR.sub("", spec))]


def _sentence_ends(text: str, start: int, end: int, ends: list[tuple[int, int]]) -> bool:
    """Whether a sentence ends between ``start`` and ``end`` ("para." and "No." do not end one).

    ``ends`` are the spans of ``_SENTENCE_END`` in ``text``, found once for all paragraph
    numbers (no two overlap: those within the bounds are what a search within them finds).
    """
    for dot, after in ends:
        if start <= dot and after <= end:
            word = _WORD_BEFORE.search(text, max(start, dot - 12), dot)
            if word is None or word.group(1) not in _ABBREVIATIONS:
                return True
    return False


def _resolution_numbers(text: str, position: int) -> list[tuple[int, int, str]]:
    """The numbers of "resolutions 8/7 (para. 4 (d)) and 17/4" starting at ``position``."""
    found: list[tuple[int, int, str]] = []
    while True:
        number = _RESOLUTION_NUMBER.match(text, position)
        if not number:
            return found
        found.append((number.start(), number.end(), number.group(0)))
        gap = _RESOLUTION_GAP.match(text, number.end())
        if not gap or gap.end() == number.end():
            return found
        position = gap.end()


def _merge(references: list[Reference]) -> list[Reference]:
    """One reference per symbol, the first, with the paragraphs of all of them.

    A reference may be a footnote's or a sub-paragraph's as well: one is copied before it
    gains paragraphs (rarely), not each one in case it does.
    """
    if len(references) < 2:
        return references
    merged: dict[str, Reference] = {}
    copies: set[str] | None = None
    for reference in references:
        symbol = reference.symbol
        target = merged.get(symbol)
        if target is None:
            merged[symbol] = reference
            continue
        for label in reference.paragraphs:
            if label not in target.paragraphs:
                if copies is None:
                    copies = set()
                if symbol not in copies:
                    copies.add(symbol)
                    target = merged[symbol] = Reference(symbol, list(target.paragraphs), target.via)
                target.paragraphs.append(label)
    return list(merged.values())


_TREATY_WORDS = ("convention", "covenant", "protocol", "treaty", "statute", "agreement")
_TREATY_WORD_SET = frozenset(_TREATY_WORDS)


_KEY = 6  # characters next to a trigger word that pick the candidate names

_Row = tuple[int, str, str]  # (offset of the trigger word, name, code)
_Candidates = tuple[dict[str, list[_Row]], list[_Row]]


@cache
def _treaty_index() -> dict[str, tuple[dict[str, _Candidates], _Candidates]]:
    """For each trigger word: the names containing it, by the characters that follow it
    (so a hit is checked against one or two names, not all), and the names it ends. Both
    are ``_by_preceding``: by the characters before it, "convention on the" of the Optional
    Protocols' names apart from the Convention's own."""
    index: dict[str, tuple[dict[str, list[_Row]], list[_Row]]] = {word: ({}, []) for word in _TREATY_WORDS}
    for treaty in _load("treaties.json")["treaties"]:
        for name in treaty["names"]:
            low = name.lower()
            for word in _TREATY_WORDS:
                offset = low.find(word)
                if offset >= 0:
                    following = low[offset + len(word):offset + len(word) + _KEY]
                    by_key, ending = index[word]
                    row = (offset, low, treaty["code"])
                    if len(following) == _KEY:
                        by_key.setdefault(following, []).append(row)
                    else:
                        ending.append(row)
                    break
    return {word: ({key: _by_preceding(rows) for key, rows in by_key.items()}, _by_preceding(ending))
            for word, (by_key, ending) in index.items()}


def _by_preceding(rows: list[_Row]) -> _Candidates:
    """``rows`` longest first, by the ``_KEY`` characters before the trigger word; each list
    also has the names with fewer before it (they may match anywhere), which are the second."""
    rows = sorted(rows, key=lambda row: -len(row[1]))
    short = [row for row in rows if row[0] < _KEY]
    keys = {name[offset - _KEY:offset] for offset, name, _code in rows if offset >= _KEY}
    return ({key: [row for row in rows if row[0] < _KEY or row[1][row[0] - _KEY:row[0]] == key] for key in keys},
            short)


def treaties(text: str) -> list[str]:
    """Codes of the treaties named in ``text`` ("OPSC", "HCCH-1993"), in order of mention."""
    low = lower_same_length(text)
    hits: dict[str, list[int]] = {}
    for word in _TREATY_WORDS:
        position = low.find(word)
        while position >= 0:
            hits.setdefault(word, []).append(position)
            position = low.find(word, position + 1)
    return treaties_at(low, hits, 0, len(low))


def treaties_at(low: str, hits: Hits, start: int, end: int) -> list[str]:
    """``treaties`` of ``low[start:end]``, where ``hits`` has the trigger words' positions."""
    words = _TREATY_WORD_SET.intersection(hits)
    if not words:
        return []
    found_at: list[tuple[int, int, str]] = []
    index = _treaty_index()
    for word in words:
        by_key, ending = index[word]
        length = len(word)
        for position in hits[word]:
            if not start <= position < end:
                continue
            before = low[position - _KEY:position] if position >= _KEY else ""  # "": the short names
            candidates = by_key.get(low[position + length:position + length + _KEY])
            if candidates:
                rows = candidates[0].get(before, candidates[1])
                if rows and _name_at(low, position, start, rows, found_at):
                    continue
            rows = ending[0].get(before, ending[1])
            if rows:
                _name_at(low, position, start, rows, found_at)
    if not found_at:
        return []
    found: list[str] = []
    reach = -1
    for _begin, negative_end, code in sorted(found_at):
        if -negative_end <= reach:
            continue  # inside a longer name: "Convention on the Rights of the Child" in OPSC's
        reach = max(reach, -negative_end)
        if code not in found:
            found.append(code)
    return found


def _name_at(low: str, position: int, start: int, rows: list[_Row],
             found_at: list[tuple[int, int, str]]) -> bool:
    """Whether one of ``rows`` (the first that does) is named around the trigger at ``position``."""
    for offset, name, code in rows:
        begin = position - offset
        if begin >= start and low.startswith(name, begin) and _word_edge(low, begin, begin + len(name)):
            found_at.append((begin, -(begin + len(name)), code))
            return True
    return False


def _word_edge(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


TRIGGERS = frozenset({"/", "general", *_TREATY_WORDS})
"""What a paragraph must contain (lower-cased) to cite anything: scanned for in one pass."""


def annotate(paragraph: Paragraph, text: str, low: str, hits: Hits, start: int, end: int,
             finder: ReferenceFinder) -> None:
    """Fill a paragraph's general comments, references and treaties, with its footnotes'.

    ``text`` is the paragraph's full text (chapeau and sub-paragraphs); it is ``low[start:end]``
    lower-cased, and ``hits`` are its triggers, so that paragraphs citing nothing cost nothing.
    """
    footnoted = paragraph.footnotes or (paragraph.subparagraphs and _any_footnotes(paragraph.subparagraphs))
    if not footnoted and TRIGGERS.isdisjoint(hits):
        paragraph.general_comments, paragraph.references, paragraph.treaties = [], [], []
        return
    general = hits.get("general")
    own, others = finder.general_comments_at(low, general, end) if general else ([], [])
    paragraph.general_comments = own
    slashes = hits.get("/", ())
    if not slashes and not footnoted:
        # Most often: nothing cited but treaties and other committees' general comments
        # (sub-paragraphs' references are left as they are).
        paragraph.references = _merge(others)
        paragraph.treaties = treaties_at(low, hits, start, end)
        return
    # Each element's own text is searched when a slash is in it: at its offset in ``low``.
    finish = start + len(paragraph.text)
    references = (finder.references(paragraph.text, low=low[start:finish])
                  if slashes and slashes[0] < finish else [])
    references += others
    # The sub-paragraphs' and footnotes' references are not copied: ``_merge`` copies one
    # that gains paragraphs.
    for sub in _all_subparagraphs(paragraph.subparagraphs) if paragraph.subparagraphs else ():
        begin = finish + len(sub.label) + 4  # " (a) "
        finish = begin + len(sub.text)
        slash = bisect_left(slashes, begin)
        sub.references = (finder.references(sub.text, low=low[begin:finish])
                          if slash < len(slashes) and slashes[slash] < finish else [])
        if sub.footnotes:
            sub.references = _merge(sub.references + [r for footnote in sub.footnotes for r in footnote.references])
        if sub.references:
            references += sub.references
    for footnote in paragraph.footnotes:
        references += footnote.references
    paragraph.references = _merge(references)
    paragraph.treaties = treaties_at(low, hits, start, end)
    for footnote in paragraph.footnotes:
        paragraph.treaties.extend(code for code in treaties(footnote.text) if code not in paragraph.treaties)


def _any_footnotes(subs: list[Subparagraph]) -> bool:
    for sub in subs:
        if sub.footnotes or (sub.subparagraphs and _any_footnotes(sub.subparagraphs)):
            return True
    return False


def _all_subparagraphs(subs: list[Subparagraph]) -> list[Subparagraph]:
    out: list[Subparagraph] = []
    for sub in subs:
        out.append(sub)
        out.extend(_all_subparagraphs(sub.subparagraphs))
    return out
