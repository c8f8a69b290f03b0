"""Word .docx through its XML (zipfile + lxml): python-docx cannot read footnotes.

One block per ``w:p`` of the body, tables row by row. Footnote references become marks
numbered as Word numbers them (1, 2, … in order of reference; a custom mark such as "*"
when ``w:customMarkFollows`` is set, the mark being the text that follows); their bodies
come from ``word/footnotes.xml``. Heading styles (Word's "heading N", the UN templates'
HChG, H1G, H23G, H4G, H56G, any outline level) set ``Block.heading``; automatic
numbering is rendered ("1.", "(a)") so that a paragraph number is not lost. A block's
``line`` is the paragraph's index in the body, from 1.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from ..articles import int_to_roman
from ..errors import EncryptedDocument, UnreadableDocument
from ..models import Footnote
from .marked import MarkedText
from .numbering import Numbering
from .source import Block, Source

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_PART = 200 * 1024 * 1024  # a larger XML part is not a document but a zip bomb
# Word's built-in headings and the UN templates' (HChG chapter, H1G, H23G, H4G, H56G, HMG main title).
_HEADING_STYLE = re.compile(r"(?i)heading\s*[1-9]|title|H(?:Ch|M|1|23|4|56)G")
# Parts of a paragraph whose text is not its own: textboxes (read where they stand would
# repeat them), the fallback copy of drawings, deleted and moved-away revisions.
_SKIP = {_W + "txbxContent", "{" + MC + "}Fallback", _W + "del", _W + "moveFrom", _W + "instrText", _W + "delText"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def read_docx(data: bytes, name: str | None = None) -> Source:
    """Read a Word .docx file into blocks and footnotes."""
    archive = _open(data, name)
    with archive:
        main = _main_part(archive, name)
        document = _xml(archive, main, name)
        folder = posixpath.dirname(main)
        styles = _Styles(_xml(archive, posixpath.join(folder, "styles.xml"), name, optional=True))
        numbering = Numbering(_xml(archive, posixpath.join(folder, "numbering.xml"), name, optional=True))
        notes = _notes(_xml(archive, posixpath.join(folder, "footnotes.xml"), name, optional=True), "footnote")
        notes.update(_notes(_xml(archive, posixpath.join(folder, "endnotes.xml"), name, optional=True), "endnote"))
    body = document.find(_W + "body")
    if body is None:
        raise UnreadableDocument("not a Word document (its main part has no body)", name)
    reader = _Reader(styles, numbering, notes)
    blocks = [block for index, p in enumerate(_paragraphs(body), 1) if (block := reader.block(p, index))]
    return Source(blocks, reader.footnotes, "docx", name)


def _open(data: bytes, name: str | None) -> zipfile.ZipFile:
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise EncryptedDocument("the Word file is password-protected: remove the password and try again", name)
        raise UnreadableDocument("this is an old binary Word (.doc) file, not .docx: save it as .docx", name)
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableDocument("damaged .docx (not a readable zip archive)", name) from None


def _main_part(archive: zipfile.ZipFile, name: str | None) -> str:
    """The main document part, as the package's relationships name it."""
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        rels = _xml(archive, "_rels/.rels", name)
        for rel in rels:
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("Target"):
                target = rel.get("Target").lstrip("/")
                if target in names and target.endswith(".xml") and "word" in target.lower():
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise UnreadableDocument("not a Word document (no word/document.xml in the archive)", name)


def _xml(archive: zipfile.ZipFile, part: str, name: str | None, optional: bool = False) -> etree._Element | None:
    try:
        info = archive.getinfo(part)
    except KeyError:
        if optional:
            return None
        raise UnreadableDocument(f"damaged .docx ({part} is missing)", name) from None
    if info.file_size > _MAX_PART:
        raise UnreadableDocument(f"damaged .docx ({part} is implausibly large)", name)
    try:
        return etree.fromstring(archive.read(info), _PARSER)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, zlib.error, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError):
        # RuntimeError is zipfile's "encrypted member"; NotImplementedError an unknown compression.
        raise UnreadableDocument(f"damaged .docx ({part} cannot be read)", name) from None

def _paragraphs(body: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs in reading order, those of tables row by row, cell by cell."""
    for child in body:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _W + "p":
            yield child
        elif isinstance(tag, str):
            yield from _paragraphs(child)


def _walk(element: etree._Element) -> Iterator[etree._Element]:
    """Every element of a paragraph in order, leaving out text that is not its own."""
    for child in element:
        if child.tag in _SKIP or child.tag == _W + "p":
            continue
        yield child
        if child.tag != _W + "r":
            yield from _walk(child)
        else:
            yield from child


def _symbol(element: etree._Element) -> str:
    """A ``w:sym``: Symbol-font code points F020-F07E stand for ASCII, "*" among them."""
    try:
        code = int(element.get(_W + "char", ""), 16)
    except ValueError:
        return ""
    if 0xF020 <= code <= 0xF07E:
        code -= 0xF000
    return chr(code) if 0x20 <= code < 0xD800 else ""


class _Styles:
    """Which paragraph styles are headings, and the numbering a style carries."""

    def __init__(self, root: etree._Element | None):
        self.headings: set[str] = set()
        self.numbered: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        styles = {s.get(_W + "styleId"): s for s in root.iter(_W + "style") if s.get(_W + "type") == "paragraph"}
        for style_id in styles:
            self._inherit(style_id, styles)

    def _inherit(self, style_id: str, styles: dict[str, etree._Element]) -> None:
        chain: list[etree._Element] = []
        current = styles.get(style_id)
        while current is not None and current not in chain and len(chain) < 20:
            chain.append(current)
            current = styles.get(_val(current.find(_W + "basedOn")) or "")
        for style in chain:
            name = _val(style.find(_W + "name")) or ""
            ident = style.get(_W + "styleId") or ""
            ppr = style.find(_W + "pPr")
            outline = _val(ppr.find(_W + "outlineLvl")) if ppr is not None else None
            if _HEADING_STYLE.fullmatch(ident) or _HEADING_STYLE.fullmatch(name.replace("_", "").replace(" ", "")) \
                    or (outline is not None and outline != "9"):
                self.headings.add(style_id)
            if ppr is not None and style_id not in self.numbered:
                num = ppr.find(_W + "numPr")
                if num is not None and _val(num.find(_W + "numId")):
                    self.numbered[style_id] = (_val(num.find(_W + "numId")), int(_val(num.find(_W + "ilvl")) or 0))


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(_W + "val")


def _notes(root: etree._Element | None, kind: str) -> dict[tuple[str, str], etree._Element]:
    """Footnote (or endnote) bodies by id, without Word's separators."""
    if root is None:
        return {}
    return {(kind, note.get(_W + "id")): note for note in root.iter(_W + kind)
            if note.get(_W + "type") in (None, "normal")}


class _Reader:
    def __init__(self, styles: _Styles, numbering: Numbering, notes: dict[tuple[str, str], etree._Element]):
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
        self.footnotes: list[Footnote] = []
        self.counters = {"footnote": 0, "endnote": 0}

    def block(self, p: etree._Element, index: int) -> Block | None:
        ppr = p.find(_W + "pPr")
        style = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        heading = style in self.styles.headings
        if ppr is not None and _val(ppr.find(_W + "outlineLvl")) not in (None, "9"):
            heading = True
        text = MarkedText()
        label = self.numbering.label(*self._numbered(ppr, style))
        if label:
            text.add(label + " ")
        self._content(p, text, index)
        if not text:
            return None
        cleaned, marks = text.result()
        return Block(cleaned, index, None, marks, heading)

    def _numbered(self, ppr: etree._Element | None, style: str | None) -> tuple[str | None, int]:
        num = ppr.find(_W + "numPr") if ppr is not None else None
        if num is not None:
            return _val(num.find(_W + "numId")), int(_val(num.find(_W + "ilvl")) or 0)
        return self.styles.numbered.get(style or "", (None, 0))

    def _content(self, p: etree._Element, text: MarkedText, index: int) -> None:
        custom: str | None = None  # a footnote whose mark is the text that follows
        for element in _walk(p):
            tag = element.tag
            if tag == _W + "rPr" or tag == _W + "pPr":
                continue
            if tag in (_W + "footnoteReference", _W + "endnoteReference"):
                kind = "footnote" if tag == _W + "footnoteReference" else "endnote"
                note = self.notes.get((kind, element.get(_W + "id")))
                if element.get(_W + "customMarkFollows") in ("1", "true", "on"):
                    custom = f"{kind}:{element.get(_W + 'id')}"
                    continue
                self.counters[kind] += 1
                # Word numbers footnotes 1, 2, 3… and endnotes i, ii, iii…
                mark = str(self.counters[kind]) if kind == "footnote" else int_to_roman(self.counters[kind])
                text.mark(mark)
                self._footnote(mark, note, index)
                continue
            piece = _piece(element)
            if custom and piece.strip():
                kind, ident = custom.split(":", 1)
                mark = piece.strip()
                text.mark(mark)
                self._footnote(mark, self.notes.get((kind, ident)), index)
                custom = None
                continue
            text.add(piece)

    def _footnote(self, mark: str, note: etree._Element | None, index: int) -> None:
        if note is None:
            return
        body = MarkedText()
        for p in note.iter(_W + "p"):
            for element in _walk(p):
                if element.tag in (_W + "footnoteRef", _W + "endnoteRef"):
                    continue
                body.add(_piece(element))
            body.add(" ")
        text, _ = body.result()
        if text.startswith(mark) and not mark.isdigit():
            text = text[len(mark):].lstrip()
        self.footnotes.append(Footnote(mark, text, index))


def _piece(element: etree._Element) -> str:
    tag = element.tag
    if tag == _W + "t":
        return element.text or ""
    if tag in (_W + "tab", _W + "br", _W + "cr", _W + "ptab"):
        return " "
    if tag == _W + "noBreakHyphen":
        return "-"
    if tag == _W + "sym":
        return _symbol(element)
    return ""

