"""Text copied out of a PDF: wrapped lines, with the pages' headers, footers and footnotes in the flow.

pdftotext and most viewers separate pages with a form feed; a plain copy keeps at least
the running header (the document symbol) at the top of each page. Either marks where a
page starts, and so where its edge lines and the notes at its foot are. Text without
pages is only reflowed.
"""

from __future__ import annotations

import re

from ..models import Footnote
from .marked import cut_marks
from .pages import FOOTNOTE, add_footnote_line, is_furniture, next_mark, running
from .reflow import Line, closes, reflow
from .source import Source

# A running header that names the document: "A/HRC/26/4", "CRC/C/KAZ/CO/4".
_SYMBOL_LINE = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+){2,}")
# Footnote marks the copy kept in the body: stars after a word, a number after punctuation.
_STARS = re.compile(r"(?<=[\w.,;:)”\"])(\*{1,3})(?=\s|$|[,.;:])")
_NOTE_NUMBER = r"(?<=[^\d\s][.,;:”)])({})(?=\s|$)|(?<=[a-z])({})(?=\s|$)"


def read_wrapped(lines: list[str], footnotes: list[Footnote], format: str, path: str | None) -> Source:
    """Reflow ``lines``, taking page furniture and foot-of-page notes out when pages can be told apart."""
    lines = [text.replace("∗", "*") for text in lines]
    pages = _pages(lines)
    if len(pages) < 2:
        return Source(reflow([(text, number, None) for number, text in enumerate(lines, 1)]), footnotes, format, path)
    keys = running([[text for _number, text in _edges(page)] for page in pages])
    flow: list[Line] = []
    notes: list[Footnote] = list(footnotes)
    for page_number, page in enumerate(pages, 1):
        edges = {number for number, _text in _edges(page)}
        body = [(number, text) for number, text in page
                if number not in edges or not is_furniture(text, keys)]
        body, foot = _foot(body, notes)
        for number, text in foot:
            add_footnote_line(text, number, notes)
        flow.extend(Line(text, number, page_number) for number, text in body)
    _anchor(flow, notes[len(footnotes):])
    return Source(reflow(flow), notes, format, path, pages=len(pages))


def _pages(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Lines grouped by page: at form feeds, or else at each repetition of a symbol header."""
    numbered = list(enumerate(lines, 1))
    pages: list[list[tuple[int, str]]] = [[]]
    if any("\f" in text for text in lines):
        for number, text in numbered:
            parts = text.split("\f")
            for index, part in enumerate(parts):
                if index and pages[-1]:
                    pages.append([])
                if part.strip() or len(parts) == 1:
                    pages[-1].append((number, part))
    else:
        counts: dict[str, int] = {}
        for _number, text in numbered:
            if _SYMBOL_LINE.fullmatch(text.strip()):
                counts[text.strip()] = counts.get(text.strip(), 0) + 1
        headers = {text for text, count in counts.items() if count >= 3}
        for number, text in numbered:
            if text.strip() in headers and pages[-1]:
                pages.append([])
            pages[-1].append((number, text))
    return [page for page in pages if any(text.strip() for _number, text in page)]


def _edges(page: list[tuple[int, str]]) -> list[tuple[int, str]]:
    filled = [(number, text) for number, text in page if text.strip()]
    return filled[:2] + filled[-2:]


def _foot(body: list[tuple[int, str]], notes: list[Footnote]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Split off the notes at the foot of a page: a run of lines opening with the next mark after a closed line."""
    filled = [index for index, (_number, text) in enumerate(body) if text.strip()]
    for start in filled[-8:]:
        text = body[start][1].strip()
        match = FOOTNOTE.match(text)
        # "1 The recommendation…", or the mark alone on its line with the text below it.
        alone = match is not None and not match.group(2) and start != filled[-1]
        if not match or not (alone or re.match(r"(?:\d{1,3}|\*{1,3}|[†‡])\s", text)):
            continue
        previous = [body[i][1] for i in filled if i < start]
        if previous and closes(previous[-1]) and next_mark(match.group(1), notes):
            return body[:start], body[start:]
    return body, []


def _anchor(flow: list[Line], notes: list[Footnote]) -> None:
    """Find the copied marks of the notes taken out: stars after a word, numbers after punctuation."""
    starred = {note.mark for note in notes if not note.mark.isdigit()}
    if starred:
        for line in flow:
            if "*" in line.text:
                _cut(line, [(m.start(), m.end(), m.group(1)) for m in _STARS.finditer(line.text)
                            if m.group(1) in starred])
    for note in notes:
        if not note.mark.isdigit():
            continue
        pattern = re.compile(_NOTE_NUMBER.format(note.mark, note.mark))
        # The mark is on the last line before its note that shows the number so.
        for line in reversed([line for line in flow if line.line < note.line]):
            found = list(pattern.finditer(line.text))
            if found:
                _cut(line, [(found[-1].start(), found[-1].end(), note.mark)])
                break


def _cut(line: Line, cuts: list[tuple[int, int, str]]) -> None:
    if cuts:
        line.text, marks = cut_marks(line.text, cuts)
        line.marks.extend(marks)
