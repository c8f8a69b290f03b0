"""Readers: one per file format, each returning a ``Source`` (blocks and footnotes)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import EmptyDocument, FileMissing, UnreadableDocument, UnsupportedFormat
from .source import Block, Source
from .text import decode, read_markdown, read_text

__all__ = ["Block", "Source", "read_path", "read_bytes", "FORMATS"]

FORMATS = ("txt", "md", "docx", "pdf", "html")
_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
    ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
}


def sniff(data: bytes, suffix: str = "") -> str | None:
    """The format of ``data``: its magic bytes first, then its file extension."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if suffix in ("", ".docx") or b"word/" in data[:4096] else None
    if head[:15].lower().startswith((b"<!doctype html", b"<html")) or b"<body" in head.lower():
        return "html"
    if suffix in (".doc", ".rtf", ".odt", ".xlsx", ".pptx"):
        return None
    return _EXTENSIONS.get(suffix, "txt" if suffix in ("",) else None)


def read_bytes(data: bytes, name: str | None = None, format: str | None = None) -> Source:
    """Read a document given as bytes (an upload); ``name`` is used in messages."""
    suffix = Path(name).suffix.lower() if name else ""
    if not data or data.isspace():
        raise EmptyDocument("the file is empty", name)
    format = format or sniff(data, suffix)
    if format is None:
        raise UnsupportedFormat(
            f"unsupported format {suffix or 'without extension'}: give a .txt, .md, .docx, .pdf or .html file",
            name)
    if format == "pdf":
        from .pdf import read_pdf

        source = read_pdf(data, name)
    elif format == "docx":
        from .docx import read_docx

        source = read_docx(data, name)
    elif format == "html":
        from .html import read_html

        source = read_html(data, name)
    elif format == "md":
        source = read_markdown(decode(data, name), name)
    else:
        source = read_text(decode(data, name), name)
    if not source.blocks:
        raise EmptyDocument("no text found in the file", name)
    source.sha256 = hashlib.sha256(data).hexdigest()
    return source


def read_path(path: str | Path) -> Source:
    """Read a file, choosing the reader from its content and extension."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise FileMissing("no such file", name)
    if not path.is_file():
        raise FileMissing("not a file (a directory?)", name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot read the file ({error.strerror})", name) from None
    return read_bytes(data, name)
