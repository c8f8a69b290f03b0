"""The common form every reader produces: blocks of text and the footnotes they anchor.

A block is what a word processor calls a paragraph: a heading, a numbered paragraph, a
lettered sub-paragraph. Readers undo what their format adds (wrapped lines, running
headers, list markers, footnote marks) so that the same document read from .txt, .docx,
.pdf or .html gives the same blocks, and the parser never needs to know the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Footnote


@dataclass(slots=True)
class Block:
    """One block of text.

    ``marks`` are the footnote anchors in the block: (offset in ``text``, footnote mark),
    the mark itself removed from ``text``. ``heading`` is set when the format says so
    (a Word heading style, a Markdown ``#``, an HTML ``<h2>``); the parser also finds
    headings without it.
    """

    text: str
    line: int
    page: int | None = None
    marks: list[tuple[int, str]] = field(default_factory=list)
    heading: bool = False


@dataclass(slots=True)
class Source:
    """A document as read: its blocks in order and its footnotes in order of their marks."""

    blocks: list[Block]
    footnotes: list[Footnote] = field(default_factory=list)
    format: str = "txt"
    path: str | None = None
    pages: int | None = None
    sha256: str | None = None
