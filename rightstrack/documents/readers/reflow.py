"""Wrapped lines back into blocks: the paragraphs a PDF (or text copied from one) broke up.

A PDF has no paragraphs, only lines. A line starts a new block when the document's own
numbering says so ("12. ", "136.3 ", "(a) ", "(ii) ", "II. ", "B. ", a bullet) and the
line before it closed a sentence, or when the previous line stopped short. The paragraph
numbers are followed as a sequence, so a wrapped line that happens to begin "2. " in the
middle of paragraph 40 stays where it is. The PDF reader adds what the page shows
(vertical gaps, indents, font size) through ``Line.break_before`` and ``Line.short``;
plain text falls back on line lengths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..articles import int_to_roman, roman_to_int
from .marked import collapse
from .source import Block

# pdfium's mark for a word broken at the end of a line ("asylum\ufffeseeking"): UN
# documents are not auto-hyphenated, so the break fell on a real hyphen.
SOFT_BREAK = "\ufffe"
BULLETS = "•◦▪‣\uf0b7\uf0a7"

_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")
_BULLET = re.compile(r"^[" + BULLETS + r"]\s*")
_NUMBERED = re.compile(r"(\d{1,3})\.\s+\S")
_DOTTED = re.compile(r"(\d{1,3})\.(\d{1,3})\.?\s+\S")
_LABELLED = re.compile(r"(?:\((?:[a-z]{1,2}|[ivxl]{1,6})\)|[a-z]\))\s+\S")
_HEADING = re.compile(r"(?:[IVXL]{1,5}|[A-Z])\.\s+[A-Z“\"‘(]")
_CLOSING = (".", ":", ";", "!", "?", ".)", ".”", ";”", ".\"", ":”")
# Words a heading does not end on, in the documents' languages.
_FUNCTION_WORDS = frozenset(
    "the of and to in on for by with a an its their from at or as "
    "de la le les des du et en au aux sur pour par dans "
    "el los las y del con por para sobre "
    "и в на по с о к для".split())
_LIST_END = re.compile(r"[;,]\s*(?:and|or|et|ou|y|o|и|или)$")


@dataclass
class Line:
    """One line as a reader saw it.

    ``break_before`` is the reader's own evidence that a block starts here (a blank
    line, a gap or indent on the page, a change of font size); ``short`` says the line
    stops well before the right margin (None: judge by its length in characters).
    ``marks`` are footnote anchors (offset in ``text``, mark), as in ``Block``.
    """

    text: str
    line: int
    page: int | None = None
    marks: list[tuple[int, str]] = field(default_factory=list)
    break_before: bool = False
    short: bool | None = None
    heading: bool = False


@dataclass
class _Numbering:
    """The numbering seen so far: the last paragraph number and UPR item ("136.12")."""

    paragraph: int = 0
    item: int = 0

    def starts(self, text: str, closed: bool, evidence: bool, alone: bool = False) -> bool:
        """Whether ``text`` opens a numbered element, and if so follow its number.

        ``closed``: the line before ended a sentence or stopped short; ``evidence``: the
        reader saw a break; ``alone``: this line is short and open, as a heading is.
        """
        dotted = _DOTTED.match(text)
        if dotted:
            number, item = int(dotted.group(1)), int(dotted.group(2))
            expected = number == self.paragraph and item == self.item + 1 and _opens(text, dotted)
            follows = number == self.paragraph or (item == 1 and self.plausible(number))
            if (closed or evidence or expected) and follows:
                self.paragraph, self.item = number, item
                return True
            return False
        numbered = _NUMBERED.match(text)
        if numbered:
            number = int(numbered.group(1))
            # The very next number, opening a sentence, starts a paragraph even after a
            # line that did not close one (a heading, a title).
            expected = number == self.paragraph + 1 and _opens(text, numbered)
            if (closed or evidence or expected) and self.plausible(number):
                self.paragraph, self.item = number, 0
                return True
            return False
        # A lettered point opens with a capital: "…reports of: (i) the death…" runs on inline.
        labelled = _LABELLED.match(text)
        if labelled and (evidence or (closed and _opens(text, labelled))):
            return True
        return (closed or alone) and bool(_HEADING.match(text))

    def follow(self, text: str) -> None:
        """A block starts here anyway (a blank line before it): take its number as it is."""
        dotted = _DOTTED.match(text)
        numbered = _NUMBERED.match(text)
        if dotted:
            self.paragraph, self.item = int(dotted.group(1)), int(dotted.group(2))
        elif numbered:
            self.paragraph, self.item = int(numbered.group(1)), 0

    def plausible(self, number: int) -> bool:
        return self.paragraph < number <= self.paragraph + 20


def _opens(text: str, match: re.Match[str]) -> bool:
    """The numbered text starts as a sentence does: a capital, a parenthesis, a quote."""
    first = text[match.end() - 1:match.end()]
    return first.isupper() or first in "(“\"‘"


def clean(text: str) -> str:
    """One space between words, none at the edges; pdfium's soft breaks become hyphens."""
    return _SPACES.sub(" ", text.replace(SOFT_BREAK, "-")).strip()


def closes(text: str) -> bool:
    """True when a line ends a sentence or a list item, so that what follows may start anew."""
    text = text.rstrip()
    return text.endswith(_CLOSING) or bool(_LIST_END.search(text))


def reflow(lines: list[tuple[str, int, int | None]] | list[Line]) -> list[Block]:
    """Join wrapped lines into blocks; ``lines`` are (text, line number, page) or ``Line``s."""
    items = [item if isinstance(item, Line) else Line(item[0], item[1], item[2]) for item in lines]
    typical = _typical_length(items)
    numbering = _Numbering()
    blocks: list[Block] = []
    current: Block | None = None
    previous: Line | None = None
    for line in items:
        if not line.text.strip():
            current, previous = None, None
            continue
        line = _without_bullet(line)
        text = line.text.strip()
        if current is None or previous is None:
            numbering.follow(text)
            current = _open(line, blocks)
        elif _starts_block(line, text, previous, current, numbering, typical):
            current = _open(line, blocks)
        else:
            _join(current, line)
        previous = line
    return blocks


def _starts_block(line: Line, text: str, previous: Line, current: Block, numbering: _Numbering,
                  typical: float) -> bool:
    """Whether ``line`` opens a new block after ``previous``, which belongs to ``current``."""
    short = _short(previous, typical)
    closed = short or closes(previous.text)
    # A short line that ends no sentence stands alone: a heading ("Part I").
    alone = _short(line, typical) and not closes(text) and _starts_sentence(text)
    if numbering.starts(text, closed, line.break_before, alone) and not _inline_series(text, current):
        return True
    # "C. Violence against children (arts. 19…)" is a heading line: what follows with a
    # capital is not more of it.
    after_heading = (current.text == clean(previous.text) and bool(_HEADING.match(current.text))
                     and not closes(previous.text) and text[:1].isupper() and not _dangling(previous.text))
    return line.break_before or (short and _starts_sentence(text)) or (closed and alone) or after_heading


def _inline_series(text: str, block: Block) -> bool:
    """"(iii)" at a line start continues "…: (i) …; (ii) …" written inside the block.

    Not when the block is itself a point of the same series: "(b)" after a block opening
    "(a)" is its sibling, even if "(a)" also appears inside ("paragraph 15 (a)").
    """
    label = _LABELLED.match(text)
    if not label:
        return False
    name = _label(text)
    before = _previous_label(name)
    if not before or f" ({before}) " not in block.text:
        return False
    opening = _LABELLED.match(block.text)
    return opening is None or _is_roman(_label(block.text)) != _is_roman(name)


def _label(text: str) -> str:
    return text[1:text.index(")")] if text.startswith("(") else text[:text.index(")")]


def _is_roman(name: str) -> bool:
    return name == "i" or (len(name) > 1 and roman_to_int(name) is not None)


def _previous_label(name: str) -> str:
    value = roman_to_int(name) if _is_roman(name) else None
    if value:
        return int_to_roman(value - 1) if value > 1 else ""
    return chr(ord(name) - 1) if len(name) == 1 and name > "a" else ""


def _dangling(text: str) -> bool:
    """The line ends on a word that needs the next one ("…achieved by the")."""
    words = text.split()
    return bool(words) and words[-1].lower() in _FUNCTION_WORDS


def _short(line: Line, typical: float) -> bool:
    return line.short if line.short is not None else len(line.text.strip()) < 0.6 * typical


def _typical_length(lines: list[Line]) -> float:
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    return lengths[len(lengths) * 3 // 4] if lengths else 0


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "(“\"‘[*"


def _without_bullet(line: Line) -> Line:
    """A bullet is list layout, not text (Markdown's "- " is dropped the same way)."""
    match = _BULLET.match(line.text.lstrip())
    if not match:
        return line
    cut = len(line.text) - len(line.text.lstrip()) + match.end()
    marks = [(max(0, offset - cut), mark) for offset, mark in line.marks]
    return Line(line.text[cut:], line.line, line.page, marks, True, line.short, line.heading)


def _open(line: Line, blocks: list[Block]) -> Block:
    text, marks = _cleaned(line)
    block = Block(text, line.line, line.page, marks, line.heading)
    blocks.append(block)
    return block


def separator(before: str, after: str) -> str:
    """What goes between two wrapped lines: nothing after a word broken at a hyphen."""
    if before.endswith("-") and before[-2:-1].isalpha() and after[:1].isalpha():
        return ""
    return " " if before and after else ""


def _join(block: Block, line: Line) -> None:
    text, marks = _cleaned(line)
    between = separator(block.text, text)
    shift = len(block.text) + len(between)
    block.marks.extend((offset + shift, mark) for offset, mark in marks)
    block.text = block.text + between + text


def _cleaned(line: Line) -> tuple[str, list[tuple[int, str]]]:
    """The line's text cleaned, its marks moved to match."""
    if not line.marks:
        return clean(line.text), []
    return collapse(line.text.replace(SOFT_BREAK, "-"), line.marks)
