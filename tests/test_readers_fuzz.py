"""Arbitrary, truncated and mangled input never crashes a reader: only ``DocumentError`` may come out."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightstrack.documents import DocumentError
from rightstrack.documents.readers import read_bytes
from rightstrack.documents.readers.docx import read_docx
from rightstrack.documents.readers.html import read_html
from rightstrack.documents.readers.pdf import read_pdf
from rightstrack.documents.readers.reflow import reflow
from rightstrack.documents.readers.wrapped import read_wrapped

from .typeset import UPR

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("I. Introduction", 1)
    for number in range(1, 6):
        document.add_paragraph(f"{number}.\tThe Committee recommends that the State party (a) act.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx()
PDF = (UPR / "upr-norway-2014.pdf").read_bytes() if (UPR / "upr-norway-2014.pdf").exists() else None
HTML = ('<html><body><h2>Part I</h2><p>1. Text<a href="#fn1" id="r1"><sup>1</sup></a>.</p>'
        '<section class="footnotes"><ol><li id="fn1">Note <a href="#r1">↩</a></li></ol></section></body></html>'
        ).encode()


def _survives(read, data: bytes, name: str) -> None:
    try:
        read(data, name)
    except DocumentError:
        pass


@QUICK
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data):
    for read, name in ((read_pdf, "x.pdf"), (read_docx, "x.docx"), (read_html, "x.html")):
        _survives(read, data, name)
    for name in ("x.pdf", "x.docx", "x.html", "x.txt", "x", "x.doc"):
        _survives(read_bytes, data, name)


@QUICK
@given(st.binary(min_size=1, max_size=64))
def test_arbitrary_bytes_behind_a_real_magic(tail):
    _survives(read_bytes, b"%PDF-1.7\n" + tail, "x.pdf")
    _survives(read_bytes, b"PK\x03\x04" + tail, "x.docx")
    _survives(read_bytes, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, "x.docx")


def _cut_and_mangle(read, blob: bytes, data: st.DataObject, name: str) -> None:
    """The file cut at any point, then with a few bytes replaced anywhere."""
    cut = data.draw(st.integers(min_value=0, max_value=len(blob)))
    _survives(read, blob[:cut], name)
    position = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
    _survives(read, blob[:position] + data.draw(st.binary(min_size=1, max_size=16)) + blob[position + 1:], name)


@QUICK
@given(st.data())
def test_truncated_and_mangled_docx(data):
    _cut_and_mangle(read_docx, DOCX, data, "cut.docx")


@QUICK
@given(st.data())
def test_truncated_and_mangled_pdf(data):
    if PDF is None:
        pytest.skip(f"shared corpus absent: {UPR} not found (CI provides ../shared/corpus/upr)")
    _cut_and_mangle(read_pdf, PDF, data, "cut.pdf")


@QUICK
@given(st.text(max_size=2000))
def test_mangled_html(text):
    _survives(read_html, text.encode("utf-8", "surrogatepass"), "x.html")
    _survives(read_html, HTML[: len(text) % len(HTML)] + text.encode("utf-8", "surrogatepass"), "x.html")


@QUICK
@given(st.lists(st.text(alphabet=st.sampled_from(list("(a)iv1.2 3AB\ufffe•-;:,.xyz \t")), max_size=60), max_size=40))
def test_reflow_never_fails(lines):
    blocks = reflow([(line, number, 1) for number, line in enumerate(lines, 1)])
    for block in blocks:
        assert block.text == block.text.strip()
        assert all(0 <= offset <= len(block.text) for offset, _mark in block.marks)


_COPIED_LINE = st.one_of(
    st.sampled_from(["A/HRC/26/4", "13", "\f", "", "** The conclusions have not been edited.", "1", "* Note.",
                     "136.1 To further build up (Ethiopia);", "(a) A point;", "I. Summary", "• Bullet",
                     "2. The Committee", "Periodic Review*", "in 2020.1 Please", "asylum\ufffe"]),
    st.text(alphabet=st.sampled_from(list("(a)iv1.2 3AB*\f•;:,xyz ")), max_size=80),
)


@QUICK
@given(st.lists(_COPIED_LINE, min_size=20, max_size=120))
def test_text_copied_from_a_pdf_never_fails(lines):
    """Pages, running headers, foot-of-page notes in any arrangement: read, or a DocumentError."""
    _survives(read_bytes, "\n".join(lines).encode(), "copied.txt")
    source = read_wrapped(lines, [], "txt", "copied.txt")  # the wrapped path itself, whatever the line lengths
    assert all(0 <= offset <= len(block.text) for block in source.blocks for offset, _mark in block.marks)
