"""Who wrote the document, about which State, what it is, and when.

Read from the title lines, the footnote on the title ("Adopted by the Committee at its
seventieth session…") and the first paragraphs, where every committee states the same
facts in the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .models import UPR_REPORT, Footnote, Paragraph, ParseWarning
from .readers.source import Block
from .references import _SYMBOL, clean_symbol
from .vocabulary import (
    Language,
    Leads,
    committee_finder,
    committees,
    language,
    languages,
    lowered,
    state_code,
    state_finder,
    state_pattern,
    states,
)

_CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
_SAMPLE = 3000  # characters ``detect_language`` reads
_SPACES = re.compile(r"\s+")


@dataclass
class Metadata:
    committee: str | None = None
    state: str | None = None
    state_code: str | None = None
    type: str | None = None
    cycle: str | None = None
    session: int | None = None
    symbol: str | None = None
    symbol_source: str | None = None
    title: str | None = None
    title_line: int = 0
    dates: dict[str, str] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)


def language_sample(blocks: list[Block]) -> str:
    """The first 200 blocks joined, or as many of them as ``detect_language`` reads."""
    texts = []
    size = 0
    for block in blocks[:200]:
        texts.append(block.text)
        size += len(block.text) + 1
        if size > _SAMPLE:
            break
    return " ".join(texts)


def detect_language(text: str) -> str:
    """The language of ``text`` among those we have data for, by script and stopwords."""
    sample = text[:_SAMPLE]
    # Those letters are two bytes in UTF-8, led by 0xD0 or 0xD1: counting these bytes
    # bounds their number, and most texts need no exact count.
    encoded = sample.encode()
    threshold = len(sample) // 10
    if (encoded.count(0xD0) + encoded.count(0xD1) > threshold
            and len(_CYRILLIC.findall(sample)) > threshold):
        return "ru"
    codes = languages()
    if len(codes) == 1:
        return codes[0]  # no stopwords to count
    sample = f" {sample.lower()} "
    counts = {code: sum(sample.count(word) for word in _stopwords(code)) for code in codes}
    return max(counts, key=lambda code: (counts[code], code == "en"))


@cache
def _stopwords(code: str) -> tuple[str, ...]:
    return tuple(f" {word} " for word in language(code).data["stopwords"])


def detect(front: list[Block], document_footnotes: list[Footnote], paragraphs: list[Paragraph],
           lang: Language) -> Metadata:
    meta = Metadata()
    front_text = "\n".join(block.text for block in front)
    notes_text = "\n".join(f.text for f in document_footnotes)
    # The first paragraphs say when the dialogue was held and when the text was adopted.
    opening = "\n".join(p.text for p in paragraphs[:2])
    # Each text lowered once, for the leads of the patterns (``Leads``, ``Language.search``).
    lows = lowered(front_text), lowered(notes_text), lowered(opening)
    title_state = _title_and_type(meta, front, lang)
    _committee(meta, (front_text, notes_text), lows[:2])
    _printed_symbol(meta, front)
    _state(meta, title_state, (front_text, opening), (lows[0], lows[2]))
    _cycle(meta, lang)
    _session_and_dates(meta, front_text, notes_text, opening, lows, lang)
    if meta.type == UPR_REPORT and meta.session and not meta.cycle:
        for first, last, cycle in committees()["UPR"].upr_cycles:
            if first <= meta.session <= last:
                meta.cycle = str(cycle)
    return meta


@cache
def _document_types(lang: Language) -> tuple[Leads, dict[int, str]]:
    """The document-type patterns as one alternation, and the type by group number.

    Its match is the earliest, and of two at one place the first listed: what searching
    with each pattern in turn and keeping the earliest gave, in one scan, tried only where
    one of their leads is.
    """
    rows = lang.data["document_types"]
    spaced = (pattern.replace(" ", r"\s+") for _type, pattern in rows)
    compiled = re.compile("|".join(f"(?P<type{index}>{p})" for index, p in enumerate(spaced)), re.IGNORECASE)
    return Leads.of_pattern(compiled), {compiled.groupindex[f"type{index}"]: row[0] for index, row in enumerate(rows)}


def _title_and_type(meta: Metadata, front: list[Block], lang: Language) -> re.Match[str] | None:
    """Set the type and title; the State named in the title, as ``_state`` looks for it."""
    joined = " ".join(block.text for block in front)
    types_pattern, types = _document_types(lang)
    match = types_pattern.search(joined, lowered(joined))
    if match is None:
        return None
    # Each alternative is a group around the pattern's own: the one that matched closes last.
    start, meta.type = match.start(), types[match.lastindex]
    # The title runs from the match to the end of its block, plus the next block when
    # the State is named there (UPR titles put it on a line of its own).
    offset = 0
    for index, block in enumerate(front):
        end = offset + len(block.text)
        if offset <= start <= end:
            title_blocks = [block.text]
            meta.title_line = block.line
            consumed = end
            j = index + 1
            while j < len(front) and consumed < match.end():
                title_blocks.append(front[j].text)
                consumed += len(front[j].text) + 1
                j += 1
            finder = state_finder()
            title = " ".join(title_blocks)
            state = finder.search(title, lowered(title))
            if not state and j < len(front) and len(front[j].text) < 80:
                if finder.pattern.fullmatch(front[j].text.strip()):
                    title_blocks.append(front[j].text)
            meta.title = _SPACES.sub(" ", " ".join(title_blocks)).strip()
            # Most titles need no spacing fixed: the search above was the one of the title.
            return state if meta.title == title else finder.search(meta.title, lowered(meta.title))
        offset = end + 1
    return None


def _committee(meta: Metadata, texts: tuple[str, str], lows: tuple[str | None, str | None]) -> None:
    if meta.type == UPR_REPORT:
        meta.committee = "UPR"
        return
    finder, groups = committee_finder()
    for text, low in zip(texts, lows, strict=True):
        found = min((groups[match.lastindex] for match in finder.lookahead_matches(text, low)), default=None)
        if found:
            meta.committee = found[1]
            return


def _printed_symbol(meta: Metadata, front: list[Block]) -> None:
    for block in front[:40]:
        match = _SYMBOL.search(block.text)
        if match and (match.start() == 0 or match.end() >= len(block.text.rstrip()) - 1
                      or block.text.startswith("United Nations")):
            symbol = clean_symbol(match.group(0))
            meta.symbol, meta.symbol_source = symbol, "printed"
            if meta.committee is None:
                meta.committee = _committee_from_symbol(symbol)
            return


def _committee_from_symbol(symbol: str) -> str | None:
    for committee in committees().values():
        if committee.code != "UPR" and symbol.startswith(committee.symbol_prefix + "/"):
            return committee.code
    return None


def _state(meta: Metadata, title_state: re.Match[str] | None, texts: tuple[str, str],
           lows: tuple[str | None, str | None]) -> None:
    _pattern, lookup = state_pattern()
    finder = state_finder()
    match = title_state or finder.search(texts[0], lows[0]) or finder.search(texts[1], lows[1])
    if match:
        code = lookup[match.group(0).lower().replace("’", "'")]
        meta.state_code = code
        meta.state = states()[code].name
        return
    if meta.symbol:
        parts = meta.symbol.split("/")
        for part in parts:
            if part in states():
                meta.state_code, meta.state = part, states()[part].name
                return


def _cycle(meta: Metadata, lang: Language) -> None:
    if not meta.title:
        return
    patterns = lang.data["cycle"]
    title_low = lowered(meta.title)
    match = lang.search(patterns["combined"], meta.title, title_low)
    if match:
        first = lang.ordinal(match.group("first"))
        last = lang.ordinal(match.group("last")) if match.group("last") else None
        if first:
            meta.cycle = f"{first}-{last}" if last and last > first else str(first)
            return
    match = lang.search(patterns["initial"], meta.title, title_low)
    if match:
        last = lang.ordinal(match.group("last")) if match.group("last") else None
        meta.cycle = f"1-{last}" if last else "1"


def _session_and_dates(meta: Metadata, front_text: str, notes_text: str, opening: str,
                       lows: tuple[str | None, str | None, str | None], lang: Language) -> None:
    data = lang.data
    front_low, notes_low, opening_low = lows
    every = "\n".join((front_text, notes_text, opening))
    every_low = _joined(front_low, notes_low, opening_low)
    if meta.type == UPR_REPORT:
        match = lang.search(data["upr_working_group_session"], opening, opening_low)
        if match:
            meta.session = lang.ordinal(match.group("ordinal"))
    notes_and_front = notes_text + "\n" + front_text
    notes_and_front_low = _joined(notes_low, front_low)
    if meta.session is None:
        for pattern in data["session"]:
            match = lang.search(pattern, notes_and_front, notes_and_front_low, re.IGNORECASE | re.MULTILINE)
            if match:
                meta.session = lang.ordinal(match.group("ordinal"))
                break
    dates = data["dates"]
    match = lang.search(dates["issued"], front_text, front_low)
    if match:
        _set_date(meta, "issued", match.group("date"), lang)
    for pattern in dates["adopted"]:
        match = lang.search(pattern, every, every_low)
        if match and _set_date(meta, "adopted", match.group("date"), lang):
            break
    match = lang.search(dates["session"], notes_and_front, notes_and_front_low)
    if match:
        end = lang.date(match.group("end"))
        if end:
            start = match.group("start")
            if not re.search(r"\d{4}", start):
                start += " " + end[:4]
            if not re.search(r"[^\W\d]", start):
                start = f"{start.split()[0]} {match.group('end').split()[1]} {end[:4]}"
            meta.dates["session_start"] = lang.date(start) or ""
            meta.dates["session_end"] = end
            if not meta.dates["session_start"]:
                del meta.dates["session_start"]
    for pattern in dates["dialogue"]:
        match = lang.search(pattern, opening, opening_low)
        if match:
            date = match.group("date")
            date = re.sub(r"^(\d{1,2}) and \d{1,2}", r"\1", date)
            if _set_date(meta, "dialogue", date, lang):
                break


def _joined(*lowered_texts: str | None) -> str | None:
    """The lowered texts joined as their texts are, or None if one has no lowered form."""
    return None if None in lowered_texts else "\n".join(lowered_texts)  # type: ignore[arg-type]


def _set_date(meta: Metadata, key: str, text: str, lang: Language) -> bool:
    value = lang.date(text)
    if value:
        meta.dates.setdefault(key, value)
        return True
    return False


def infer_symbol(meta: Metadata) -> str | None:
    """The symbol a committee gives such a document ("CRC/C/KAZ/CO/4"), when not printed."""
    if not (meta.committee and meta.type and meta.state_code and meta.cycle):
        return None
    committee = committees().get(meta.committee)
    return committee.symbol(meta.type, meta.state_code, meta.cycle) if committee else None


__all__ = ["Metadata", "detect", "detect_language", "infer_symbol", "state_code"]
