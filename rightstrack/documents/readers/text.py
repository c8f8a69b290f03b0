"""Plain text and Markdown.

Two shapes reach us as text: a Word file saved as text (one line a paragraph, footnotes as
``[footnoteRef:N]`` marks with their bodies ``[N: …]`` inline) and Markdown converted from
a PDF (superscript footnote marks, footnote bodies between paragraphs, ``- (a)`` list
items). Text copied out of a PDF, with its lines wrapped, is reflowed like a PDF page.
"""

from __future__ import annotations

import re

from ..errors import EmptyDocument, UnreadableDocument
from ..models import Footnote
from .source import Block, Source

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

_ODD_SPACES = ("\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f")
_SPACE_RUNS = re.compile("  +")
_WORD_REF = re.compile(r"\[footnoteRef:(\d+)\](\*{1,3}|†|‡)?")
_WORD_BODY = re.compile(r"\[(\d+):\s*")
_WORD_CUSTOM_MARK = re.compile(r"^(\*{1,3}|†|‡)\s+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LIST = re.compile(r"^(?:[-+•]|\*(?=\s+\())\s+")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
# Emphasis opens after a space or punctuation, never inside a word ("Kazakhstan*" is a
# footnote mark): checked in _unemphasise, since a pattern starting with a look-behind is
# tried at every position of the text, and one starting with "*" only at the stars.
_MD_STRONG = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*(?![\w*])")
_MD_EMPHASIS = re.compile(r"[*_](?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])[*_](?![\w*])")
_MD_FOOTNOTE_DEF = re.compile(r"^(?:\[\^([^\]]+)\]:|([" + SUPERSCRIPTS + r"]+)|(\*{1,3}|†|‡))\s+(.*)$")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
_FOOTNOTE_STARTS = frozenset("[*†‡" + SUPERSCRIPTS)
_MD_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]|([" + SUPERSCRIPTS + r"]+)|(?<=[\w.,;:)”\"])(\*{1,3})(?=\s|$|[,.;:])")


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("this is a binary file, not text", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalize_spaces(text: str) -> str:
    """Tabs, non-breaking and thin spaces to one space; runs of spaces to one.

    A pattern starting with a literal ("  +") is searched fast; one starting with a class
    of characters ("[ \\t]+") is tried at every position and cost more than the rest of the
    parse together.
    """
    for space in _ODD_SPACES:
        if space in text:
            text = text.replace(space, " ")
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return text


def clean_line(text: str) -> str:
    """``normalize_spaces`` without edge spaces."""
    return normalize_spaces(text).strip()


def read_text(text: str, path: str | None = None, format: str = "txt") -> Source:
    """Read a text export (one line a paragraph) or wrapped text copied from a PDF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyDocument("the file is empty", path)
    footnotes: list[Footnote] = []
    if "[footnoteRef:" in text:
        text, footnotes = _word_footnotes(text)
    lines = text.split("\n")
    if _is_wrapped(lines):
        from .wrapped import read_wrapped

        return read_wrapped(lines, footnotes, format, path)
    lines = normalize_spaces(text).split("\n")
    blocks = [_block_with_marks(line.strip(), number) for number, line in enumerate(lines, 1) if line.strip()]
    return Source(blocks, footnotes, format, path)


# Word exports carry footnote anchors as "[footnoteRef:N]"; while reading lines we replace
# them by a private-use character followed by the mark, then turn those into Block.marks.
_ANCHOR = "\ue000"
_ANCHORED = re.compile(_ANCHOR + r"([^" + _ANCHOR + r"\s]*)" + _ANCHOR)


def _block_with_marks(text: str, number: int) -> Block:
    if _ANCHOR not in text:
        return Block(text, number)
    marks: list[tuple[int, str]] = []
    out: list[str] = []
    position = 0
    length = 0
    for match in _ANCHORED.finditer(text):
        out.append(text[position:match.start()])
        length += match.start() - position
        marks.append((length, match.group(1)))
        position = match.end()
    out.append(text[position:])
    return Block(clean_line("".join(out)), number, marks=marks)


def _word_footnotes(text: str) -> tuple[str, list[Footnote]]:
    """Cut "[N: body]" out of the text and turn "[footnoteRef:N]" into anchors."""
    bodies: dict[str, tuple[str, int]] = {}
    out: list[str] = []
    position = 0
    for match in _WORD_BODY.finditer(text):
        if match.start() < position:
            continue
        end = _closing_bracket(text, match.end())
        if end < 0:
            continue
        body = text[match.end():end]
        line = text.count("\n", 0, match.start()) + 1
        bodies[match.group(1)] = (body, line)
        out.append(text[position:match.start()])
        position = end + 1
    out.append(text[position:])
    text = "".join(out)

    footnotes: list[Footnote] = []
    marks: dict[str, str] = {}
    counter = 0
    for match in _WORD_REF.finditer(text):
        ident = match.group(1)
        if ident in marks:
            continue
        body, line = bodies.get(ident, ("", 0))
        body = clean_line(body)
        custom = _WORD_CUSTOM_MARK.match(body)
        if custom:
            mark = custom.group(1)
            body = body[custom.end():]
        else:
            counter += 1
            mark = str(counter)
        marks[ident] = mark
        footnotes.append(Footnote(mark, body.strip(), line))

    def anchor(match: re.Match[str]) -> str:
        return f"{_ANCHOR}{marks.get(match.group(1), match.group(1))}{_ANCHOR}"

    return _WORD_REF.sub(anchor, text), footnotes


def _closing_bracket(text: str, start: int) -> int:
    depth = 1
    for index in range(start, min(len(text), start + 5000)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _is_wrapped(lines: list[str]) -> bool:
    """True for text whose paragraphs are broken into short lines, as copied from a PDF."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 20:
        return False
    long_lines = sum(1 for n in lengths if n > 200)
    return long_lines == 0 and sorted(lengths)[len(lengths) // 2] > 40


def read_markdown(text: str, path: str | None = None) -> Source:
    """Read Markdown, including Markdown converted from a UN PDF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyDocument("the file is empty", path)
    text = _inline_markdown(text)
    has_marks = "*" in text or "[^" in text or any(char in text for char in SUPERSCRIPTS)
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    current: list[str] = []
    start = 0
    heading = False
    star_anchored = False

    def flush() -> None:
        nonlocal current, heading
        if current:
            block = _markdown_block(" ".join(current), start, heading, has_marks)
            if block.text:
                blocks.append(block)
        current = []
        heading = False

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line in ("---", "***", "___") or line.startswith("<!--"):
            flush()
            continue
        first = line[0]
        definition = _MD_FOOTNOTE_DEF.match(line) if first in _FOOTNOTE_STARTS else None
        if definition and (definition.group(3) is None or star_anchored):
            flush()
            mark = definition.group(1) or definition.group(3) or definition.group(2).translate(_SUPER_TO_DIGIT)
            footnotes.append(Footnote(mark, clean_line(definition.group(4)), number))
            continue
        heading_mark = _MD_HEADING.match(line) if first == "#" else None
        item_mark = _MD_LIST.match(line) if first in "-+•*" else None
        if heading_mark or item_mark or heading:
            flush()
        if not current:
            start = number
        if heading_mark:
            line = line[heading_mark.end():]
            heading = True
        elif item_mark:
            line = line[item_mark.end():]
        current.append(line)
        if not star_anchored and "*" in line and re.search(r"\w\*(?:\s|$)", line) and not line.startswith("*"):
            star_anchored = True
    flush()
    return Source(blocks, footnotes, "md", path)


def _inline_markdown(text: str) -> str:
    """Links, bold and italics to plain text, over the whole text at once."""
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "**" in text:
        text = _unemphasise(text, "**", _MD_STRONG)
    for mark in "*_":
        if mark in text:
            text = _unemphasise(text, mark, _MD_EMPHASIS)
    if "\\" in text:
        text = text.replace("\\", "")
    return normalize_spaces(text)


def _unemphasise(text: str, mark: str, pattern: re.Pattern[str]) -> str:
    """Drop emphasis opened by ``mark`` after a space or punctuation, never inside a word.

    Tried only where the mark is (``str.find``): a pattern scanned over the whole text
    cost more than reading the rest of the file.
    """
    out: list[str] = []
    done = 0
    position = text.find(mark)
    while position >= 0:
        before = text[position - 1] if position else " "
        match = None if before.isalnum() or before in "*_\\" else pattern.match(text, position)
        if match:
            out.append(text[done:position])
            out.append(match.group(1))
            done = match.end()
            position = text.find(mark, done)
        else:
            position = text.find(mark, position + len(mark))
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _markdown_block(raw: str, line: int, heading: bool, has_marks: bool) -> Block:
    text = raw.strip()
    marks: list[tuple[int, str]] = []
    # str.isascii() is O(1): most blocks need no search for superscript marks.
    if has_marks and ("*" in text or "[^" in text or (not text.isascii() and _SUPERSCRIPT.search(text))):
        out: list[str] = []
        position = 0
        length = 0
        for match in _MD_FOOTNOTE_REF.finditer(text):
            if match.start() == 0:
                continue
            out.append(text[position:match.start()])
            length += match.start() - position
            mark = match.group(1) or match.group(3) or match.group(2).translate(_SUPER_TO_DIGIT)
            marks.append((length, mark))
            position = match.end()
        out.append(text[position:])
        text = "".join(out).strip()
    return Block(text, line, marks=marks, heading=heading)
