"""Text built piece by piece with footnote anchors in it, as Word and HTML readers walk a tree.

Whitespace is collapsed only at the end, so an anchor keeps its place: the mark of
"rights¹ and" sits right after "rights" in the cleaned text.
"""

from __future__ import annotations

_SPACE = frozenset(" \t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f")


def collapse(raw: str, marks: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Collapse runs of whitespace to one space and trim, moving the marks' offsets along."""
    pending = sorted(marks, key=lambda item: item[0])
    out: list[str] = []
    moved: list[tuple[int, str]] = []
    length = 0
    space = False
    index = 0
    for position, char in enumerate(raw):
        while index < len(pending) and pending[index][0] <= position:
            moved.append((length, pending[index][1]))
            index += 1
        if char in _SPACE:
            space = length > 0
            continue
        if space:
            out.append(" ")
            length += 1
            space = False
        out.append(char)
        length += 1
    moved.extend((length, mark) for _offset, mark in pending[index:])
    return "".join(out), moved


def cut_marks(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Take the marks printed in ``text`` at (start, end, mark) out of it, as anchors."""
    out: list[str] = []
    marks: list[tuple[int, str]] = []
    position = 0
    length = 0
    for begin, end, mark in sorted(cuts):
        out.append(text[position:begin])
        length += begin - position
        marks.append((length, mark))
        position = end
    out.append(text[position:])
    return "".join(out), marks


class MarkedText:
    """Collects text and anchors; ``result()`` gives the cleaned text and the marks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: list[tuple[int, str]] = []
        self.length = 0

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def mark(self, mark: str) -> None:
        self.marks.append((self.length, mark))

    def result(self) -> tuple[str, list[tuple[int, str]]]:
        return collapse("".join(self.parts), self.marks)

    def __bool__(self) -> bool:
        return bool(self.marks) or any(part.strip() for part in self.parts)
