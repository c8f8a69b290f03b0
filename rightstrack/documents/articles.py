"""Convention articles named in a cluster heading, expanded to a list.

"arts. 5, 9-11, 18 (1 and 2)" -> 5, 9, 10, 11, 18(1), 18(2); "37 (b)-(d)" -> 37(b), 37(c),
37(d). Articles are strings ("18(1)") because paragraphs and letters of articles are cited.
"""

from __future__ import annotations

import re

# "9-11", "18 (1 and 2)", "37 (b)-(d)", "27 (1-3)", "44 (6)", "44, para. 6" (Spanish style)
_ITEM = (
    r"(?P<first>\d{1,3})(?:\s*[-–—]\s*(?P<last>\d{1,3}))?"
    r"(?:\s*\((?:(?:par|para|párr|пункт)\.?\s*)?(?P<sub>[^()]*)\)(?:\s*[-–—]\s*\((?P<subend>[^()]*)\))?)?"
)
_SEPARATOR = r"[,;]|\b(?:and|et|y|и)\b"
# One item of a list per match: the article at its start, if any, then the rest of the item
# up to a separator outside parentheses (the list has its parentheses in pairs, not nested).
_ITEMS = re.compile(rf"\s*(?:{_ITEM})?(?:\([^()]*\)|(?!{_SEPARATOR})[^()])*(?:{_SEPARATOR}|\Z)")
_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|\bet\b|\by\b|\bи\b)\s*")
_SEPARATOR_WORDS = ("and", "et", "y", "и")
_DASH = re.compile(r"\s*[-–—]\s*")
# Starts with "(", which re finds fast; the spaces before it are stripped from the title.
# The list is text with parentheses in pairs, runs of other characters taken at once.
_HEADING = re.compile(
    r"\((?:arts?|articles?|artículos?|статьи|статья|ст)\.?\s+(?P<list>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$",
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def split_heading(heading: str) -> tuple[str, list[str]]:
    """A cluster heading without its article list, and that list expanded."""
    match = _HEADING.search(heading)
    if not match:
        return heading, []
    return heading[: match.start()].rstrip(), expand(match.group("list"))


def expand(spec: str) -> list[str]:
    """Expand an article list as printed in a heading, its parentheses in pairs and not
    nested; order kept, duplicates dropped."""
    articles: dict[str, None] = {}  # a dict drops duplicates and keeps the order
    # All items by one findall, as (first, last, sub, subend): "" for what an item lacks.
    for first_text, last_text, sub, subend in _ITEMS.findall(spec):
        if not first_text:  # an item that does not start with an article number
            continue
        if not last_text and not sub:  # "5", the most common item: no range, no points
            articles[str(int(first_text))] = None
            continue
        first = int(first_text)
        last = int(last_text) if last_text else first
        if last < first or last - first > 100:
            last = first
        subs = _expand_subs(sub, subend)
        # "9-11" -> 9, 10, 11; "27 (1-3)" -> 27(1), 27(2), 27(3): the points belong to the last.
        for number in range(first, last if subs else last + 1):
            articles[str(number)] = None
        for point in subs:
            articles[f"{last}({point})"] = None
    return list(articles)


def _expand_subs(sub: str | None, subend: str | None) -> list[str]:
    """"1 and 2" -> 1, 2; "1-3" -> 1, 2, 3; "b" to "d" -> b, c, d."""
    if not sub:
        return []
    if subend:
        return _range(sub.strip(), subend.strip())
    if sub.isalnum() and sub not in _SEPARATOR_WORDS:
        return [sub]  # the common "44 (6)", "37 (a)": nothing to split
    out: list[str] = []
    for piece in _SEPARATORS.split(sub):
        piece = piece.strip()
        if not piece:
            continue
        bounds = _DASH.split(piece)
        if len(bounds) == 2:
            out.extend(_range(*bounds))
        else:
            out.append(piece)
    return out


def _range(first: str, last: str) -> list[str]:
    if first.isdigit() and last.isdigit() and int(first) <= int(last) <= int(first) + 50:
        return [str(n) for n in range(int(first), int(last) + 1)]
    if len(first) == 1 and len(last) == 1 and first.isalpha() and first <= last:
        return [chr(code) for code in range(ord(first), ord(last) + 1)]
    return [first, last]


def roman_to_int(label: str) -> int | None:
    """"iv" -> 4; None when ``label`` is not a roman numeral."""
    total = 0
    previous = 0
    for char in reversed(label.lower()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total or None


def int_to_roman(number: int) -> str:
    out = []
    for value, numeral in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)
