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
_FOOTNOTE_STARTS = frozenset("[*†‡" + SUPERSCRIPTS)
_RULES = ("---", "***", "___")
# What a line of a rule, a comment, a footnote, a heading or a list item starts with.
_MARKUP_STARTS = frozenset("-*_<#+•[†‡" + SUPERSCRIPTS)
_STAR_AFTER_WORD = re.compile(r"\w\*(?:\s|$)")
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
    text = _plain_spaces(text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return text


def _plain_spaces(text: str) -> str:
    """Tabs, non-breaking and thin spaces to one space each: the text keeps its length."""
    for space in _ODD_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def clean_line(text: str) -> str:
    """``normalize_spaces`` without edge spaces."""
    return normalize_spaces(text).strip()


def read_text(text: str, path: str | None = None, format: str = "txt") -> Source:
    """Read a text export (one line a paragraph) or wrapped text copied from a PDF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise EmptyDocument("the file is empty", path)
    # Odd spaces keep the text's length: footnotes are found at the same places, and the
    # lines keep their lengths, all that _is_wrapped looks at.
    plain = _plain_spaces(text)
    lines = plain.split("\n")
    footnoted = _find(text, "[footnoteRef:") >= 0
    footnotes: list[Footnote] = []
    if footnoted:
        lines, footnotes = _word_footnotes(plain, lines)
    if _is_wrapped(lines):
        from .wrapped import read_wrapped

        lines = text.split("\n")
        if footnoted:
            lines, footnotes = _word_footnotes(text, lines)
        return read_wrapped(lines, footnotes, format, path)
    # Runs of spaces are looked for line by line once stripped: few lines have one left,
    # and searching them all costs less than a substitution over the whole text.
    blocks = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if line:
            if "  " in line:
                line = _SPACE_RUNS.sub(" ", line)
            blocks.append(_block_with_marks(line, number) if _ANCHOR in line else Block(line, number))
    return Source(blocks, footnotes, format, path)


# Word exports carry footnote anchors as "[footnoteRef:N]"; while reading lines we replace
# them by a private-use character followed by the mark, then turn those into Block.marks.
_ANCHOR = "\ue000"
_ANCHORED = re.compile(_ANCHOR + r"([^" + _ANCHOR + r"\s]*)" + _ANCHOR)


def _block_with_marks(text: str, number: int) -> Block:
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


def _word_footnotes(text: str, lines: list[str]) -> tuple[list[str], list[Footnote]]:
    """Cut "[N: body]" out of the text and turn "[footnoteRef:N]" into anchors.

    ``lines`` are the text's lines; only those with a "[" are rebuilt, never the whole text.
    Both start with "[", found with str.find: their patterns, scanned over the whole text,
    cost more than everything else done here.
    """
    bodies: dict[str, tuple[str, int]] = {}
    cuts: list[tuple[int, int, int, int]] = []  # each body: its start, end, first and last row
    rows: list[int] = []  # the rows with a "[" left
    row = 0
    counted = 0
    start = text.find("[")
    while start >= 0:
        row += text.count("\n", counted, start)
        counted = start
        match = _WORD_BODY.match(text, start)
        end = _closing_bracket(text, match.end()) if match else -1
        if end < 0:
            rows.append(row)
            start = text.find("[", start + 1)
            continue
        bodies[match.group(1)] = (text[match.end():end], row + 1)
        cuts.append((start, end + 1, row, row + text.count("\n", start, end)))
        start = text.find("[", end + 1)
    if cuts:
        lines, rows = _cut_bodies(text, lines, cuts, rows)

    footnotes: list[Footnote] = []
    marks: dict[str, str] = {}
    counter = 0
    for row in sorted(set(rows)):
        line = lines[row]
        out: list[str] = []
        position = 0
        start = line.find("[")
        while start >= 0:
            match = _WORD_REF.match(line, start)
            if not match:
                start = line.find("[", start + 1)
                continue
            start = line.find("[", match.end())
            ident = match.group(1)
            if ident not in marks:
                body, number = bodies.get(ident, ("", 0))
                body = clean_line(body)
                custom = _WORD_CUSTOM_MARK.match(body)
                if custom:
                    mark = custom.group(1)
                    body = body[custom.end():]
                else:
                    counter += 1
                    mark = str(counter)
                marks[ident] = mark
                footnotes.append(Footnote(mark, body.strip(), number))
            out.append(line[position:match.start()])
            out.append(f"{_ANCHOR}{marks[ident]}{_ANCHOR}")
            position = match.end()
        if out:
            out.append(line[position:])
            lines[row] = "".join(out)
    return lines, footnotes


def _cut_bodies(text: str, lines: list[str], cuts: list[tuple[int, int, int, int]],
                rows: list[int]) -> tuple[list[str], list[int]]:
    """The lines without the bodies ``cuts``, and ``rows`` moved to match plus the rows rebuilt.

    A body may span lines: the line it starts on and the one it ends on become one.
    """
    out: list[str] = []
    moved: list[int] = []
    done = 0  # the rows before are in out
    index = 0
    pending = iter(rows)
    row = next(pending, None)
    while index < len(cuts):
        start, end, first, last = cuts[index]
        pieces = [text[text.rfind("\n", 0, start) + 1:start]]
        index += 1
        while index < len(cuts) and cuts[index][2] == last:
            pieces.append(text[end:cuts[index][0]])
            _start, end, _first, last = cuts[index]
            index += 1
        stop = text.find("\n", end)
        pieces.append(text[end:stop] if stop >= 0 else text[end:])
        while row is not None and row < first:
            moved.append(row - done + len(out))
            row = next(pending, None)
        while row is not None and row <= last:
            row = next(pending, None)
        out.extend(lines[done:first])
        moved.append(len(out))
        out.append("".join(pieces))
        done = last + 1
    while row is not None:
        moved.append(row - done + len(out))
        row = next(pending, None)
    out.extend(lines[done:])
    return out, moved


def _closing_bracket(text: str, start: int) -> int:
    """The "]" closing the bracket open before ``start``, within 5000 characters; -1 if none."""
    depth = 1
    end = min(len(text), start + 5000)
    while True:
        close = text.find("]", start, end)
        if close < 0:
            return -1
        depth += text.count("[", start, close) - 1
        if depth == 0:
            return close
        start = close + 1


def _is_wrapped(lines: list[str]) -> bool:
    """True for text whose paragraphs are broken into short lines, as copied from a PDF."""
    if any(len(line) > 200 and not line.isspace() for line in lines):
        return False  # a paragraph on one line, soon met in a Word export
    lengths = [len(line) for line in lines if line and not line.isspace()]
    return len(lengths) >= 20 and sorted(lengths)[len(lengths) // 2] > 40


def read_markdown(text: str, path: str | None = None) -> Source:
    """Read Markdown, including Markdown converted from a UN PDF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise EmptyDocument("the file is empty", path)
    text = _inline_markdown(text)
    # The kinds of footnote mark in the text at all: blocks are searched only for those.
    # ¹²³ first: str.find looks for a character by its low byte, for ⁰ and ⁴-⁹ that of a letter.
    kinds = ("*" in text, _find(text, "[^") >= 0,
             not text.isascii() and any(char in text for char in "¹²³⁰⁴⁵⁶⁷⁸⁹"))
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    current: list[str] = []  # the lines of the paragraph being read
    start = 0
    heading = False
    star_anchored = False

    def end_paragraph() -> None:
        nonlocal heading
        if current:
            _add_markdown_block(blocks, " ".join(current), start, heading, kinds)
            current.clear()
        heading = False

    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line:
            end_paragraph()
            continue
        # Most lines start with no Markdown: they go on the paragraph without the rules below.
        if not heading and line[0] not in _MARKUP_STARTS:
            if not current:
                start = number
            current.append(line)
            if not star_anchored and "*" in line and _STAR_AFTER_WORD.search(line):
                star_anchored = True
            continue
        if line in _RULES or line.startswith("<!--"):
            end_paragraph()
            continue
        first = line[0]
        definition = _MD_FOOTNOTE_DEF.match(line) if first in _FOOTNOTE_STARTS else None
        if definition and (definition.group(3) is None or star_anchored):
            end_paragraph()
            mark = definition.group(1) or definition.group(3) or definition.group(2).translate(_SUPER_TO_DIGIT)
            footnotes.append(Footnote(mark, clean_line(definition.group(4)), number))
            continue
        heading_mark = _MD_HEADING.match(line) if first == "#" else None
        item_mark = _MD_LIST.match(line) if first in "-+•*" else None
        if heading_mark or item_mark or heading:
            end_paragraph()
        if not current:
            start = number
        if heading_mark:
            line = line[heading_mark.end():]
            heading = True
        elif item_mark:
            line = line[item_mark.end():]
        current.append(line)
        if not star_anchored and "*" in line and _STAR_AFTER_WORD.search(line) and not line.startswith("*"):
            star_anchored = True
    end_paragraph()
    return Source(blocks, footnotes, "md", path)


def _inline_markdown(text: str) -> str:
    """Links, bold and italics to plain text, over the whole text at once."""
    if _find(text, "](") >= 0:
        text = _unlink(text)
    if _find(text, "**") >= 0:
        text = _unemphasise(text, "**", _MD_STRONG)
    for mark in "*_":
        if mark in text:
            text = _unemphasise(text, mark, _MD_EMPHASIS)
    if "\\" in text:
        text = text.replace("\\", "")
    return normalize_spaces(text)


def _unlink(text: str) -> str:
    """Links to their text, on the lines with a "](" only: a link never spans lines, and
    the pattern scanned over the whole text cost more than all the rest of this. Past a
    few such lines, the rest of the text is done at once.
    """
    out: list[str] = []
    done = 0
    found = _find(text, "](")
    for _ in range(8):
        if found < 0:
            out.append(text[done:])
            return "".join(out)
        start = text.rfind("\n", 0, found) + 1
        end = text.find("\n", found)
        if end < 0:
            end = len(text)
        out.append(text[done:start])
        out.append(_MD_LINK.sub(r"\1", text[start:end]))
        done = end
        found = _find(text, "](", end)
    out.append(_MD_LINK.sub(r"\1", text[done:]))
    return "".join(out)


def _find(text: str, needle: str, start: int = 0) -> int:
    """``text.find(needle)`` for a needle starting with a rare character ("](", "[^", "[footnoteRef:").

    str.find looks for one character many times faster than for two or more, which cost as
    much as reading a block of the text; after a few false starts it is left to do the rest.
    """
    first = needle[0]
    index = text.find(first, start)
    misses = 0
    while index >= 0 and not text.startswith(needle, index):
        misses += 1
        if misses == 8:
            return text.find(needle, index)
        index = text.find(first, index + 1)
    return index


def _unemphasise(text: str, mark: str, pattern: re.Pattern[str]) -> str:
    """Drop emphasis opened by ``mark`` after a space or punctuation, never inside a word.

    Tried only where the mark is (``str.find``): a pattern scanned over the whole text
    cost more than reading the rest of the file.
    """
    out: list[str] = []
    done = 0
    position = _find(text, mark)
    while position >= 0:
        before = text[position - 1] if position else " "
        match = None if before.isalnum() or before in "*_\\" else pattern.match(text, position)
        if match:
            out.append(text[done:position])
            out.append(match.group(1))
            done = match.end()
            position = _find(text, mark, done)
        else:
            position = _find(text, mark, position + len(mark))
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _add_markdown_block(blocks: list[Block], text: str, number: int, heading: bool,
                        kinds: tuple[bool, bool, bool]) -> None:
    """Append the paragraph ``text`` (its lines stripped, never empty) starting at line ``number``."""
    marks: list[tuple[int, str]] = []
    stars, carets, superscripts = kinds
    # Where a mark can start, found with str.find: the pattern is tried only there (started
    # with a look-behind alternative, it costs 50 ns a character when searched), and a
    # search for any of these characters with a pattern costs as much again.
    starts: list[int] = []
    if stars and "*" in text:
        _find_all(text, "*", starts)
    if carets and "[^" in text:
        _find_all(text, "[^", starts)
    # str.isascii() is O(1): most blocks need no search for superscript marks.
    if superscripts and not text.isascii():
        for char in SUPERSCRIPTS:
            if char in text:
                _find_all(text, char, starts)
    if starts:
        starts.sort()
        out: list[str] = []
        position = 0
        length = 0
        searched = 0
        for start in starts:
            match = _MD_FOOTNOTE_REF.match(text, start) if start >= searched else None
            if not match:
                continue
            searched = match.end()
            if start == 0:
                continue
            out.append(text[position:start])
            length += start - position
            mark = match.group(1) or match.group(3) or match.group(2).translate(_SUPER_TO_DIGIT)
            marks.append((length, mark))
            position = match.end()
        out.append(text[position:])
        text = "".join(out).strip()
        if not text:
            return
    blocks.append(Block(text, number, None, marks, heading))


def _find_all(text: str, needle: str, starts: list[int]) -> None:
    start = text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + 1)
