"""From blocks to the document's skeleton: front matter, headings, numbered paragraphs.

UN documents of every committee share one layout: title lines, then parts (I., II.),
thematic clusters (A., B.) naming Convention articles, topic sub-headings, numbered
paragraphs with lettered (a) and roman (i) points, and sometimes an annex. Numbering is
followed as a sequence, so a stray "2." at the start of a wrapped line is not taken for
paragraph 2, and a gap in the numbering becomes a warning instead of a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .articles import int_to_roman, roman_to_int, split_heading
from .models import Footnote, Paragraph, ParseWarning, Section, Subparagraph, new_paragraph, new_subparagraph
from .readers.source import Block, Source

# How a block starts, by one match: a paragraph number ("12. ", "12.The") in group 1, with
# group 2 set for a dotted item ("136.12 "); else a point's label, "(a) " or "a) ", in group
# 3 or 4. Group 5 is the text after it, stripped: ".*" goes to the end at once and "\S"
# backs off the trailing spaces.
_START = re.compile(
    r"(?:(\d{1,3})\.(?:(\d{1,3})\.?\s+|\s+|(?=[A-Z“\"‘(]))"
    r"|\(([a-z]{1,2}|[ivxl]{1,6})\)\s*|([a-z])\)\s+)(.*\S|)",
    re.S,
)
# The letter after a point's label, for the common case of the next point in sequence.
_NEXT_LETTER = {chr(code): chr(code + 1) for code in range(ord("a"), ord("z"))}
_PART = re.compile(
    r"(?:(?:Part|Partie|Parte|Часть)\s+(?P<word>[IVXL]{1,5}|\d{1,2})\b\.?|(?P<roman>[IVXL]{1,5})\.)\s*(?P<title>.*)",
    re.S,
)
_PART_STARTS = frozenset("PЧIVXL")  # "Part", "Partie", "Parte", "Часть" or a roman numeral
_CLUSTER = re.compile(r"(?P<letter>[A-Z])\.\s+(?P<title>.+)", re.S)
_ANNEX = re.compile(r"(?:Annex|Annexe|Anexo|Приложение)(?:\s+[IVX\d]+)?\s*$", re.IGNORECASE)
# "(i) " at the start or after a space or :;, checked from after the "(" (what precedes it
# is not another character): starting with "(", the pattern is searched fast.
_INLINE_ROMAN = re.compile(r"\((?<![^\s:;,]\()(i{1,3}|iv|v|vi{1,3}|ix|x)\)\s+")
_TRAILING_AND = re.compile(r"[;,]?\s*(?:and|et|y|и)$")
_TERMINAL = (".", ";", ",", ":", "?")


@dataclass
class Skeleton:
    """What ``build`` found: the raw paragraphs still without kind or references."""

    front: list[Block] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    annex: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    document_footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def _has_leaders(text: str) -> bool:
    """Dot leaders, "....." or ". . . . ", as a table of contents has. (str's search skips
    ahead by the length of these strings, re's search for a "." stops at every one; "…"
    alone is found much faster than "……", and most texts have none.)"""
    return "....." in text or ". . . . " in text or ("…" in text and "……" in text)


class _Builder:
    def __init__(self, source: Source):
        self.source = source
        self.out = Skeleton(footnotes=list(source.footnotes))
        self.unanchored = list(source.footnotes)
        self.part: Section | None = None
        self.cluster: Section | None = None
        self.heading: Section | None = None
        self.paragraph: Paragraph | None = None
        # The paragraph or its last (deepest) point: where a continuation line goes.
        self.element: Paragraph | Subparagraph | None = None
        self.last_number = 0
        self.in_annex = False
        # Unnumbered items (bullets) after a paragraph announcing them with ":" belong to it
        # until the next numbered paragraph or point: none of them is a heading.
        self.in_list = False
        # Paragraphs with a point whose text has "(i)": only their points may hold inline
        # points (see _split_inline_points). A paragraph may be listed twice, harmlessly.
        self.pointed: list[Paragraph] = []
        # Tables of contents are rare: one search of the whole text (a "\n" joins no two
        # blocks into a match) spares most documents a search of every block.
        whole = "\n".join([block.text for block in source.blocks])
        self.maybe_contents = _has_leaders(whole)

    # -- headings ---------------------------------------------------------------------
    def section(self, level: str, title: str, label: str | None, block: Block) -> None:
        articles: list[str] = []
        if level == "cluster":
            title, articles = split_heading(title)
        section = Section(level, title, label, articles, block.line)
        self.out.sections.append(section)
        if level == "part":
            self.part, self.cluster, self.heading = section, None, None
        elif level == "cluster":
            self.cluster, self.heading = section, None
        else:
            self.heading = section
        self.paragraph = self.element = None
        if block.marks:  # most blocks have no footnote mark
            self.attach(block, None)

    def try_heading(self, block: Block, numbered: bool) -> bool:
        """``numbered``: the block starts with a paragraph number (out of sequence)."""
        text = block.text
        if len(text) > 250 or text.endswith((";", ",")):
            return False
        # Both patterns are tried only where their first characters allow a match.
        part = _PART.fullmatch(text) if text[0] in _PART_STARTS else None
        cluster = _CLUSTER.fullmatch(text) if text[1:2] == "." else None
        if part and cluster and part.group("roman") == cluster.group("letter"):
            # "I." after "H." is a cluster; "I." with no cluster open, or after
            # a part numbered before it, is a part.
            expected = chr(ord(self.cluster.label) + 1) if self.cluster and self.cluster.label else "A"
            if cluster.group("letter") == expected and self.part is not None:
                part = None
            else:
                cluster = None
        if part:
            label = part.group("word") or part.group("roman")
            title = part.group("title").strip()
            if part.group("word"):
                title = text.strip()
            elif not title:
                return False
            else:
                title = f"{label}. {title}"
            if not label.isdigit() and roman_to_int(label) is None:
                return False
            self.section("part", title, label, block)
            return True
        seen = self.part is not None or self.last_number > 0  # a part or a paragraph
        if cluster and (seen or cluster.group("letter") == "A"):
            title = cluster.group("title").strip()
            if title.endswith(".") and len(title) > 120:
                return False
            self.section("cluster", f"{cluster.group('letter')}. {title}", cluster.group("letter"), block)
            return True
        if seen and (block.heading or self.looks_like_subheading(text, numbered)):
            self.section("heading", text, None, block)
            return True
        return False

    def looks_like_subheading(self, text: str, numbered: bool) -> bool:
        """A topic sub-heading without the format saying so, after a part or a paragraph."""
        last = self.element
        if self.in_list or (last is not None and last.text.endswith((":", ";"))):
            return False  # an item of the list the paragraph announced, not a heading
        if numbered or text.endswith(_TERMINAL) or not text[:1].isupper():
            return False
        # A fragment of a paragraph broken by a page ends mid-sentence but rarely starts
        # with a capital and has no verb-like lower-case run of more than ~12 words.
        # Words are a character and a space at least: no need to split a short text.
        return len(text) <= 70 or len(text.split()) <= 35

    # -- paragraphs -------------------------------------------------------------------
    def start_paragraph(self, number: int, text: str, block: Block) -> None:
        if number != self.last_number + 1:
            if self.last_number == 0:
                message = f"numbering starts at paragraph {number}, not 1"
            else:
                missing = (
                    str(self.last_number + 1)
                    if number == self.last_number + 2
                    else f"{self.last_number + 1}-{number - 1}"
                )
                message = f"paragraph {number} follows paragraph {self.last_number}: {missing} missing"
            self.out.warnings.append(ParseWarning(block.line, message))
        self.in_list = False
        cluster = self.cluster
        self.paragraph = self.element = paragraph = new_paragraph(
            number, text,
            self.part.title if self.part else None,
            cluster.title if cluster else None,
            self.heading.title if self.heading else None,
            cluster.articles[:] if cluster else [],
            block.line,
        )
        self.out.paragraphs.append(paragraph)
        self.last_number = number
        if block.marks:
            self.attach(block, paragraph)

    def add_subparagraph(self, label: str, text: str, block: Block) -> None:
        """A point other than the next letter after a point without points (see run)."""
        subs = self.paragraph.subparagraphs
        self.in_list = False
        self.element = sub = new_subparagraph(label, text, block.line)
        parent = self.place_label(label, subs, block)
        (parent.subparagraphs if parent else subs).append(sub)
        if "(i)" in text:
            self.pointed.append(self.paragraph)
        if block.marks:
            self.attach(block, sub)

    def place_label(self, label: str, subs: list[Subparagraph], block: Block) -> Subparagraph | None:
        """Return the sub-paragraph a roman point nests under, or None for a lettered one."""
        if not subs:
            if label not in ("a", "i"):
                self.out.warnings.append(ParseWarning(
                    block.line,
                    f"paragraph {self.paragraph.number}: sub-paragraph ({label}) comes first, expected (a)"))
            return None
        last = subs[-1]
        if last.subparagraphs and label == _next_roman(last.subparagraphs[-1].label):
            return last
        next_letter = _next_label(last.label)
        if label == next_letter:
            return None
        last_roman = roman_to_int(last.label)
        if label == "i" and last_roman is None:
            return last
        if last_roman and label == int_to_roman(last_roman + 1):
            return None
        self.out.warnings.append(ParseWarning(
            block.line,
            f"paragraph {self.paragraph.number}: sub-paragraph ({label}) follows ({last.label}), "
            f"expected ({next_letter})"))
        return None

    def continue_text(self, block: Block) -> None:
        target = self.element
        if target is None:
            self.out.front.append(block)
            if block.marks:
                self.attach(block, None)
            return
        if target.text.endswith(":"):
            self.in_list = True
        target.text = f"{target.text} {block.text}".strip()
        if target is not self.paragraph and "(i)" in block.text:
            self.pointed.append(self.paragraph)
        if block.marks:
            self.attach(block, target)

    # -- footnotes --------------------------------------------------------------------
    def attach(self, block: Block, target: Paragraph | Subparagraph | None) -> None:
        for _offset, mark in block.marks:
            footnote = self.take_footnote(mark)
            if footnote is None:
                self.out.warnings.append(ParseWarning(block.line, f"footnote mark {mark} has no footnote text"))
                continue
            if target is None:
                self.out.document_footnotes.append(footnote)
            else:
                target.footnotes.append(footnote)

    def take_footnote(self, mark: str) -> Footnote | None:
        for index, footnote in enumerate(self.unanchored):
            if footnote.mark == mark:
                return self.unanchored.pop(index)
        return None

    # -- driver -----------------------------------------------------------------------
    def run(self) -> Skeleton:
        out = self.out
        maybe_contents = self.maybe_contents
        # The blocks one by one, in this loop rather than a method per block: a call costs
        # as much as most of the tests below.
        for block in self.source.blocks:
            text = block.text
            # A table-of-contents line: its dot leaders give it away.
            if not text or (maybe_contents and _has_leaders(text)):
                continue
            if self.in_annex:
                out.annex.append(block)
                continue
            if len(text) < 24 and self.last_number > 0 and _ANNEX.fullmatch(text):
                self.in_annex = True
                self.paragraph = self.element = None
                out.annex.append(block)
                continue
            numbered = None
            start = _START.match(text)
            if start:
                number, item, label, letter, body = start.groups()
                if item is not None:
                    if self.paragraph is not None and int(number) == self.paragraph.number:
                        self.add_item(item, body, block)
                        continue
                elif number is not None:
                    numbered = number
                    value = int(number)
                    if self.last_number < value <= self.last_number + 20:  # plausible as the next one
                        self.start_paragraph(value, body, block)
                        continue
                elif self.paragraph is not None:  # a point: the next letter, the common case, here
                    label = label or letter
                    subs = self.paragraph.subparagraphs
                    if subs and not subs[-1].subparagraphs and label == _NEXT_LETTER.get(subs[-1].label):
                        self.in_list = False
                        self.element = sub = new_subparagraph(label, body, block.line)
                        subs.append(sub)
                        if "(i)" in body:
                            self.pointed.append(self.paragraph)
                        if block.marks:
                            self.attach(block, sub)
                    else:
                        self.add_subparagraph(label, body, block)
                    continue
            if self.try_heading(block, numbered is not None):
                continue
            if numbered and self.paragraph is not None:
                out.warnings.append(ParseWarning(
                    block.line, f"paragraph number {numbered} out of sequence after {self.last_number}: kept as text"))
            self.continue_text(block)
        for paragraph in self.pointed:
            _split_inline_points(paragraph.subparagraphs)
        return out

    def add_item(self, label: str, text: str, block: Block) -> None:
        """A dotted item ("136.12 …") of a UPR recommendations paragraph."""
        paragraph = self.paragraph
        assert paragraph is not None
        self.element = sub = new_subparagraph(label, text, block.line)
        if paragraph.subparagraphs and not paragraph.subparagraphs[-1].label.isdigit():
            paragraph.subparagraphs = []
        expected = str(int(paragraph.subparagraphs[-1].label) + 1) if paragraph.subparagraphs else "1"
        if label != expected:
            self.out.warnings.append(ParseWarning(
                block.line, f"recommendation {paragraph.number}.{label} follows "
                f"{paragraph.number}.{int(expected) - 1}: expected {paragraph.number}.{expected}"))
        paragraph.subparagraphs.append(sub)
        if "(i)" in text:
            self.pointed.append(paragraph)
        if block.marks:
            self.attach(block, sub)


def _next_roman(label: str) -> str | None:
    value = roman_to_int(label)
    return int_to_roman(value + 1) if value else None


def _next_label(label: str) -> str:
    if len(label) == 1 and "a" <= label < "z":
        return chr(ord(label) + 1)
    if len(label) == 2 and label[0] == label[1]:
        return chr(ord(label[0]) + 1) * 2
    if label == "z":
        return "aa"
    return label


def _split_inline_points(subs: list[Subparagraph]) -> None:
    """"(a) … reports of: (i) the death…; (ii) the ill-treatment…" -> nested (i), (ii)."""
    for sub in subs:
        if sub.subparagraphs or "(i)" not in sub.text or "(ii)" not in sub.text:
            continue
        matches = [m for m in _INLINE_ROMAN.finditer(sub.text)]
        expected = 1
        points: list[re.Match[str]] = []
        for match in matches:
            if roman_to_int(match.group(1)) == expected:
                points.append(match)
                expected += 1
        if len(points) < 2:
            continue
        chapeau = sub.text[: points[0].start()].rstrip()
        for index, match in enumerate(points):
            end = points[index + 1].start() if index + 1 < len(points) else len(sub.text)
            body = sub.text[match.end():end].strip()
            if body.endswith(("and", "et", "y", "и")):  # else nothing to take off
                body = _TRAILING_AND.sub("", body)
            body = body.rstrip(" ;,")
            sub.subparagraphs.append(new_subparagraph(match.group(1), body, sub.line))
        sub.text = chapeau


def build(source: Source) -> Skeleton:
    """Split a source's blocks into front matter, sections and numbered paragraphs."""
    return _Builder(source).run()
