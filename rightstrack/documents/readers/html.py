"""HTML (lxml.html): blocks from p, h1-h6, li, td, div text; footnotes in the shapes tools write.

Footnotes are recognised by their links: a reference is an ``<a href="#…">`` that points
at a note which links back to it, as every tool that writes footnotes does:

- LibreOffice: ``a.sdfootnoteanc`` → ``div#sdfootnote1`` (endnotes: ``sdendnote``);
- Word's "Save as HTML" (and UN pages made with it): ``a[href="#_ftn1"]`` with
  ``span.MsoFootnoteReference`` "[1]" → ``div#ftn1`` holding ``a[name="_ftn1"]``;
- pandoc and Python-Markdown: ``a.footnote-ref`` / ``role="doc-noteref"`` → ``li#fn1``
  (``section.footnotes``, ``role="doc-endnotes"``, ``div.footnote``) with its "↩" backlink.

The notes are taken out of the flow; the reference's text ("1", "[1]", "*") is the mark.
A block's ``line`` is the source line of its element.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..errors import EmptyDocument, UnreadableDocument
from ..models import Footnote
from .marked import MarkedText
from .source import Block, Source

_DROP = {"script", "style", "head", "nav", "noscript", "template", "svg", "form", "button", "select",
         "iframe", "object", "header", "footer", "title", "meta", "link"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "pre", "dt", "dd",
           "caption", "address", "section", "article", "main", "aside", "table", "tr", "ul", "ol", "dl",
           "hr", "body", "figure", "figcaption", "center", "tbody", "thead", "tfoot"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# The UN Word templates' heading styles, kept as class names by Word's "Save as HTML".
_HEADING_CLASS = re.compile(r"(?i)^(?:H(?:Ch|M|1|23|4|56)G|Heading[1-9]|Title)$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_BACKLINK_ARROW = re.compile(r"[\s↩\ufe0e\ufe0f]+$")
_MARK_DECORATION = re.compile(r"^[\[(]\s*|\s*[\])]$")
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
_NOTE_LIST = re.compile(r"footnotes?|endnotes?|doc-endnotes|doc-footnotes|mso-element:\s*(?:foot|end)note-list",
                        re.IGNORECASE)


def read_html(data: bytes, name: str | None = None) -> Source:
    """Read an HTML page or an HTML export of a document into blocks and footnotes."""
    try:
        parser = lxml.html.HTMLParser(encoding=_encoding(data), remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(data, parser=parser)
    except etree.ParserError:
        raise EmptyDocument("no text found in the HTML file", name) from None
    except (etree.LxmlError, ValueError, LookupError):
        raise UnreadableDocument("damaged HTML that cannot be parsed", name) from None
    for element in list(root.iter(*_DROP)):
        _remove(element)
    for element in [e for e in root.iter() if isinstance(e.tag, str) and _furniture(e)]:
        _remove(element)
    references = _references(root)
    walker = _Walker(references)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return Source(walker.blocks, walker.footnotes, "html", name)


def _furniture(element: etree._Element) -> bool:
    """Hidden text, and the page header and footer LibreOffice writes as ``div title="header"``."""
    if element.tag == "div" and element.get("title") in ("header", "footer"):
        return True
    return bool(_HIDDEN.search(element.get("style") or ""))


def _encoding(data: bytes) -> str:
    """The page's encoding: its byte-order mark, its meta charset, else UTF-8 or Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    declared = _CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii", "replace").lower()
        try:
            "".encode(charset)
            return charset
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _remove(element: etree._Element) -> None:
    """Take an element out, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _targets(root: etree._Element) -> tuple[dict[str, etree._Element], dict[etree._Element, int]]:
    """Elements by id (and anchor name), and every element's place in document order."""
    found: dict[str, etree._Element] = {}
    order: dict[etree._Element, int] = {}
    for index, element in enumerate(root.iter()):
        order[element] = index
        if not isinstance(element.tag, str):
            continue
        for key in (element.get("id"), element.get("name") if element.tag == "a" else None):
            if key and key not in found:
                found[key] = element
    return found, order


def _references(root: etree._Element) -> dict[etree._Element, tuple[str, etree._Element]]:
    """Footnote references → (mark, note element): links to a note that links back."""
    targets, order = _targets(root)
    found: dict[etree._Element, tuple[str, etree._Element]] = {}
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href.startswith("#") or len(href) < 2:
            continue
        target = targets.get(href[1:])
        # Notes follow their references; a link back up the page is a note's backlink.
        if target is None or order.get(target, 0) <= order.get(link, 0):
            continue
        names = {key for key in (link.get("id"), link.get("name")) if key}
        parent = link.getparent()
        if parent is not None and parent.tag == "sup" and parent.get("id"):
            names.add(parent.get("id"))
        note = _note(target, names)
        if note is None:
            continue
        mark = _MARK_DECORATION.sub("", link.text_content().strip())
        if mark and len(mark) <= 6:
            found[link] = (mark, note)
    return found


def _note(target: etree._Element, names: set[str]) -> etree._Element | None:
    """The element holding the footnote that ``target`` starts, if it links back to ``names``."""
    note = target
    while note is not None and note.tag not in ("li", "div", "aside", "section", "p", "body"):
        note = note.getparent()
    if note is None or note.tag == "body":
        return None
    if note.tag == "p":
        parent = note.getparent()
        if parent is not None and parent.tag in ("div", "li", "aside") and len(parent) <= 4:
            note = parent
    backlinks = [a for a in note.iter("a") if (a.get("href") or "")[1:] in names]
    return note if backlinks else None


class _Walker:
    """Depth-first walk that cuts text into blocks at block-level elements."""

    def __init__(self, references: dict[etree._Element, tuple[str, etree._Element]]):
        self.references = references
        self.notes = {id(note): link for link, (_mark, note) in references.items()}
        self.blocks: list[Block] = []
        self.footnotes: list[Footnote] = []
        self.current = MarkedText()
        self.line = 0
        self.heading = False
        self.taken: set[int] = set()

    def flush(self) -> None:
        if self.current:
            text, marks = self.current.result()
            if text:
                self.blocks.append(Block(text, self.line, None, marks, self.heading))
        self.current = MarkedText()
        self.heading = False

    def walk(self, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        if id(element) in self.notes or _is_note_list(element):
            return
        tag = element.tag
        if element in self.references:
            mark, note = self.references[element]
            self.current.mark(mark)
            if id(note) not in self.taken:
                self.taken.add(id(note))
                self.footnotes.append(Footnote(mark, _note_text(note, element, mark), element.sourceline or 0))
            self.current.add(element.tail or "")
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
            self.line = element.sourceline or self.line
            self.heading = tag in _HEADINGS or bool(_HEADING_CLASS.match(element.get("class") or ""))
        if tag == "br":
            self.current.add(" ")
        self.current.add(element.text or "")
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.current.add(element.tail or "")


def _is_note_list(element: etree._Element) -> bool:
    """A container of footnotes only (pandoc's section, Word's footnote list)."""
    if element.tag not in ("section", "div", "aside", "ol"):
        return False
    described = " ".join(filter(None, (element.get("class"), element.get("role"), element.get("style"),
                                       element.get("id"))))
    return bool(described) and bool(_NOTE_LIST.search(described)) and element.find(".//a[@href]") is not None


def _note_text(note: etree._Element, reference: etree._Element, mark: str) -> str:
    """The note's text without its backlinks and its own printed mark."""
    names = {key for key in (reference.get("id"), reference.get("name")) if key}
    parent = reference.getparent()
    if parent is not None and parent.tag == "sup" and parent.get("id"):
        names.add(parent.get("id"))
    text = MarkedText()

    def collect(element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        skip = element.tag == "a" and (element.get("href") or "")[1:] in names
        if not skip:
            if element.tag in _BLOCKS or element.tag == "br":
                text.add(" ")
            text.add(element.text or "")
            for child in element:
                collect(child)
        text.add(element.tail or "")

    text.add(note.text or "")
    for child in note:
        collect(child)
    cleaned, _ = text.result()
    cleaned = _BACKLINK_ARROW.sub("", cleaned)
    if cleaned.startswith((mark + " ", f"[{mark}]")):
        cleaned = cleaned[len(mark) + (2 if cleaned.startswith("[") else 0):].strip()
    return cleaned
