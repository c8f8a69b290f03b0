"""What a printed page adds around its text: running headers and footers, notes at its foot.

Shared by the PDF reader, which knows where each line sits on the page, and the reader of
text copied out of a PDF, which knows only the order of lines and, when the copy kept
them, the form feeds between pages.
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import Footnote
from .reflow import clean, separator

# A footnote as printed at the foot of a page: its mark, then its text.
FOOTNOTE = re.compile(r"(\d{1,3}|\*{1,3}|[†‡])\s*(\S.*)?$")
# The UN's page furniture: job number ("GE.14-12952 (E)"), its barcode, the recycling
# logo's text, a page number.
_FURNITURE = re.compile(r"GE\.\d{2}-\d{4,6}.*|\*\d{7,8}\*|Please recycle.*|\d{1,4}")
_DIGITS = re.compile(r"\d+")


def key(text: str) -> str:
    """A line with its numbers blanked: the running header of page 3 and page 4 are one."""
    return _DIGITS.sub("#", text.strip())


def running(edges: list[list[str]]) -> set[str]:
    """Keys of the lines at the top or bottom of pages that repeat from page to page."""
    seen: Counter[str] = Counter()
    for texts in edges:
        seen.update({key(text) for text in texts})
    threshold = max(2, 0.3 * len(edges))
    return {text for text, count in seen.items() if count >= threshold}


def is_furniture(text: str, keys: set[str]) -> bool:
    """True for an edge line that is a running header or footer, a page number, a job number."""
    return key(text) in keys or bool(_FURNITURE.fullmatch(text.strip()))


def add_footnote_line(text: str, line: int, footnotes: list[Footnote]) -> None:
    """A line of footnotes: one opening with the next mark starts a footnote, others continue one."""
    text = clean(text)
    match = FOOTNOTE.match(text)
    if match and next_mark(match.group(1), footnotes):
        footnotes.append(Footnote(match.group(1), match.group(2) or "", line))
    elif footnotes:
        last = footnotes[-1]
        last.text = last.text + separator(last.text, text) + text


def next_mark(mark: str, footnotes: list[Footnote]) -> bool:
    """Stars open a footnote anywhere; numbers must follow the footnotes' own count."""
    if not mark.isdigit():
        return True
    numbers = [int(note.mark) for note in footnotes if note.mark.isdigit()]
    return not numbers or int(mark) == numbers[-1] + 1
