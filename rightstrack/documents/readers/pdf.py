"""PDF through PDFium's text layer (pypdfium2): lines with their place and size on the page.

What a UN PDF adds to the text, and how it is undone:

- running headers and footers (the symbol on every page, page numbers, the "GE.14-12952"
  job number and its "*1412952*" barcode) are lines at the top or bottom edge of pages
  that repeat from page to page, or match the UN's own furniture;
- footnotes are the run of lines in a smaller font at the bottom of a page, each
  starting with its mark; a footnote without a mark continues the previous one;
- footnote marks in the body are superscripts: a digit or star right after a word (or
  the last digits of a number) smaller than the character before it or raised above it;
- paragraphs wrapped over lines and pages are joined by ``reflow``, helped by what the
  page shows: a vertical gap, an indent, a change of font size, a line that stops short.

Geometry is sampled (one character a line, plus the candidate marks), not read for every
character, which keeps the reader near PDFium's own speed. A block's ``line`` counts the
lines of the text layer from the first page on; its ``page`` is the page it starts on.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import EmptyDocument, EncryptedDocument, UnreadableDocument
from ..models import Footnote
from .marked import cut_marks
from .pages import FOOTNOTE, add_footnote_line, is_furniture, running
from .reflow import BULLETS, Line, reflow
from .source import Source

# A footnote mark printed as a superscript right after a word or punctuation: "Review*",
# "recommendations**", "in 2020.1". Candidates only: their boxes decide.
_CANDIDATE = re.compile(r"(?<=[^\s\d(/\-–*†‡])(\d{1,3}|\*{1,3}|[†‡])(?=[\s,.;:)”’\"]|$)")
_NUMBER_END = re.compile(r"(?<![\d.,/])\d{2,}(?=[\s,.;:)”’\"]|$)")
_PRINTED_LINE = re.compile(r"(?<=\n)|(?<=\ufffe)")
_BULLET = re.compile(r"[" + BULLETS + r"]\s*")


@dataclass
class _PdfLine:
    text: str
    line: int
    page: int
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    marks: list[tuple[int, str]] = field(default_factory=list)


def read_pdf(data: bytes, name: str | None = None) -> Source:
    """Read a PDF's text layer into blocks and footnotes."""
    document = _open(data, name)
    try:
        page_count = len(document)
        pages = [_page_lines(document, index, name) for index in range(page_count)]
    finally:
        document.close()
    if not page_count:
        raise EmptyDocument("the PDF has no pages", name)
    if not any(line.text.strip() for line in _number(pages)):
        raise EmptyDocument("no text layer: the PDF seems to be scanned and needs OCR first", name)
    pages = _without_furniture(pages)
    body = [line for page in pages for line in page]
    size = _body_size(body)
    footnotes: list[Footnote] = []
    flow: list[_PdfLine] = []
    for page in pages:
        text_lines, notes = _split_footnotes(page, size, bool(footnotes))
        flow.extend(text_lines)
        for note in notes:
            add_footnote_line(note.text, note.line, footnotes)
    return Source(reflow(_layout(flow, size)), footnotes, "pdf", name, pages=page_count)


def _open(data: bytes, name: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument("the PDF is password-protected: remove the password and try again",
                                    name) from None
        raise UnreadableDocument("damaged or not a PDF (PDFium cannot open it)", name) from None


def _page_lines(document: pdfium.PdfDocument, index: int, name: str | None) -> list[_PdfLine]:
    try:
        page = document[index]
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        raise UnreadableDocument(f"page {index + 1} of the PDF is damaged", name) from None
    try:
        text = textpage.get_text_range().replace("∗", "*")
        probe = _Probe(textpage) if textpage.count_chars() == len(text) else None
        lines: list[_PdfLine] = []
        start = 0
        # PDFium joins a line broken at a hyphen to the next ("above\ufffementioned"):
        # split there again, so that each printed line keeps its own place.
        for raw in _PRINTED_LINE.split(text):
            end = start + len(raw)
            if raw.strip("\r\n"):
                line = _measure(probe, raw.rstrip("\r\n"), start, index + 1)
                if lines and _same_baseline(lines[-1], line):
                    _extend(lines[-1], line)
                else:
                    lines.append(line)
            start = end
        return lines
    finally:
        textpage.close()
        page.close()


class _Probe:
    """Where and how big a character is: PDFium's font size times the text matrix's scale."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.raw = textpage.raw
        self.matrix = pdfium_c.FS_MATRIX()
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))

    def size(self, index: int) -> float:
        pdfium_c.FPDFText_GetMatrix(self.raw, index, ctypes.byref(self.matrix))
        return pdfium_c.FPDFText_GetFontSize(self.raw, index) * math.hypot(self.matrix.c, self.matrix.d)

    def baseline(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, ctypes.byref(self.x), ctypes.byref(self.y))
        return self.y.value

    def span(self, index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharBox(self.raw, index, ctypes.byref(self.left), ctypes.byref(self.right),
                                     ctypes.byref(self.bottom), ctypes.byref(self.top))
        return self.left.value, self.right.value


def _measure(probe: _Probe | None, raw: str, start: int, page: int) -> _PdfLine:
    """Place a line on the page from a few characters, and lift out its superscript marks."""
    if probe is None:  # text and character indices disagree: keep the text, without geometry
        return _PdfLine(raw, 0, page)
    first = len(raw) - len(raw.lstrip())
    last = len(raw.rstrip()) - 1
    middle = first + (last - first) // 2
    while middle < last and raw[middle].isspace():
        middle += 1
    bullet = _BULLET.match(raw, first)
    indent = bullet.end() if bullet and bullet.end() <= last else first
    line = _PdfLine(raw, 0, page, probe.span(start + indent)[0], probe.span(start + last)[1],
                    probe.baseline(start + middle), probe.size(start + middle))
    _lift_marks(probe, line, start)
    return line


def _lift_marks(probe: _Probe, line: _PdfLine, start: int) -> None:
    raw = line.text
    cuts: list[tuple[int, int, str]] = []
    for match in _CANDIDATE.finditer(raw):
        if _raised(probe, start + match.start()):
            cuts.append((match.start(), match.end(), match.group(1)))
    # A mark right after a number ("adopted in 2015²") shows only in the digits' size.
    for match in _NUMBER_END.finditer(raw):
        first = match.end()
        while first > match.start() + 1 and match.end() - first < 3 and _raised(probe, start + first - 1):
            first -= 1
        if first < match.end():
            cuts.append((first, match.end(), raw[first:match.end()]))
    if cuts:
        line.text, line.marks = cut_marks(raw, cuts)


def _raised(probe: _Probe, index: int) -> bool:
    """A superscript: smaller than the character before it, or above its baseline.

    Compared with its neighbour rather than the line: PDFium may merge two printed lines.
    """
    size = probe.size(index - 1)
    return probe.size(index) < 0.85 * size or probe.baseline(index) > probe.baseline(index - 1) + 0.2 * size


def _same_baseline(before: _PdfLine, after: _PdfLine) -> bool:
    """PDFium ends a line after a superscript; the text to its right is the same printed line."""
    return (before.size > 0 and abs(before.bottom - after.bottom) < 0.2 * before.size
            and after.x0 >= before.x1 - 1 and abs(before.size - after.size) < 0.5)


def _extend(line: _PdfLine, more: _PdfLine) -> None:
    shift = len(line.text) + 1
    line.text = f"{line.text} {more.text}"
    line.marks.extend((offset + shift, mark) for offset, mark in more.marks)
    line.x1 = more.x1


def _number(pages: list[list[_PdfLine]]) -> list[_PdfLine]:
    """Number lines through the document, in the order of the text layer."""
    every = [line for page in pages for line in page]
    for number, line in enumerate(every, 1):
        line.line = number
    return every


def _without_furniture(pages: list[list[_PdfLine]]) -> list[list[_PdfLine]]:
    """Drop running headers and footers: lines at a page's top or bottom edge that repeat, page numbers."""
    edges: list[set[int]] = []
    for page in pages:
        ordered = sorted(range(len(page)), key=lambda i: -page[i].bottom)
        edges.append(set(ordered[:2] + ordered[-2:]))
    keys = running([[page[i].text for i in edge] for page, edge in zip(pages, edges, strict=True)])
    return [[line for index, line in enumerate(page) if index not in edge or not is_furniture(line.text, keys)]
            for page, edge in zip(pages, edges, strict=True)]


def _body_size(lines: list[_PdfLine]) -> float:
    """The size most of the text is set in (counted in characters, not lines)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _split_footnotes(page: list[_PdfLine], body: float, continuing: bool) -> tuple[list[_PdfLine], list[_PdfLine]]:
    """The page's text lines and, apart, the small-print lines at its foot."""
    if not body:
        return page, []
    ordered = sorted(page, key=lambda line: -line.bottom)
    zone: list[_PdfLine] = []
    for line in reversed(ordered):
        if 0 < line.size < body - 0.5:
            zone.append(line)
        else:
            break
    zone.reverse()
    if not zone or not (FOOTNOTE.match(zone[0].text.strip()) or continuing):
        return page, []
    notes = {id(line) for line in zone}
    return [line for line in page if id(line) not in notes], zone


def _layout(lines: list[_PdfLine], body: float) -> list[Line]:
    """What the page says about where blocks start, for ``reflow``."""
    measured = [line for line in lines if abs(line.size - body) <= 0.5]
    if not measured or body <= 0:  # no geometry (PDFium's text and characters disagreed): text alone
        return [Line(line.text, line.line, line.page, line.marks) for line in lines]
    rights = sorted(line.x1 for line in measured)
    lefts = sorted(line.x0 for line in measured)
    right = rights[int(len(rights) * 0.95)]
    left = lefts[int(len(lefts) * 0.05)]
    pitch = _pitch(lines)
    out: list[Line] = []
    previous: _PdfLine | None = None
    for line in lines:
        if not line.size:
            out.append(Line(line.text, line.line, line.page, line.marks))
            previous = None
            continue
        brk = False
        if previous is not None:
            drop = previous.bottom - line.bottom
            brk = abs(line.size - previous.size) > 0.6 or (previous.page == line.page and (
                drop < -2 or drop > 1.35 * pitch * max(line.size, previous.size) / body or line.x0 > previous.x0 + 6))
        short = (right - line.x1) > 0.25 * (right - left)
        out.append(Line(line.text, line.line, line.page, line.marks, brk, short, line.size > body * 1.12))
        previous = line
    return out


def _pitch(lines: list[_PdfLine]) -> float:
    """The usual distance between baselines of a paragraph's lines."""
    steps: Counter[float] = Counter()
    for before, after in zip(lines, lines[1:], strict=False):
        if before.page == after.page and abs(before.size - after.size) < 0.3:
            drop = round(before.bottom - after.bottom)
            if drop > 0:
                steps[drop] += 1
    return float(steps.most_common(1)[0][0]) if steps else 12.0
