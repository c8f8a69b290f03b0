"""The same document read from .txt/.md, .docx, .pdf, .html and wrapped text parses to the same paragraphs.

The .docx is written with python-docx from the shipped examples (real footnotes, UN heading
styles, page header and footer); LibreOffice converts it to .pdf and .html, as a word
processor would: footnotes at the page bottom in a smaller font with superscript marks,
lines wrapped and hyphenated, running headers and page numbers (see typeset.py).
"""

from __future__ import annotations

import pytest

from rightstrack.documents import parse_file
from rightstrack.documents.models import Document, Footnote, Subparagraph
from rightstrack.documents.readers import Block, Source, read_path

from .typeset import DOCUMENTS, EXAMPLES, convert, made_file, make_all, soffice, write_docx, write_wrapped

FORMATS = ("docx", "pdf", "html")


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory):
    return make_all(tmp_path_factory.mktemp("made"))


def _subs(subs: list[Subparagraph]) -> list[tuple]:
    return [(s.label, s.text, [(f.mark, f.text) for f in s.footnotes], _subs(s.subparagraphs)) for s in subs]


def outline(document: Document) -> list[tuple]:
    """What a user relies on, paragraph by paragraph."""
    return [
        (p.number, p.kind, p.text, p.part, p.cluster, p.heading, p.articles, _subs(p.subparagraphs),
         [(f.mark, f.text) for f in p.footnotes], [(r.symbol, r.paragraphs, r.via) for r in p.references])
        for p in document.paragraphs
    ]


def facts(document: Document) -> tuple:
    return (document.committee, document.state, document.type, document.cycle, document.language,
            document.session, document.dates, document.title, document.obligations,
            [(s.level, s.title, s.label, s.articles) for s in document.sections],
            [(f.mark, f.text) for f in document.footnotes])


_originals: dict[str, Document] = {}


def original(key: str) -> Document:
    if key not in _originals:
        _originals[key] = parse_file(EXAMPLES / DOCUMENTS[key][0])
    return _originals[key]


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("key", DOCUMENTS)
def test_same_paragraphs(made, key, format):
    expected = outline(original(key))
    got = outline(parse_file(made_file(made, key, format)))
    assert len(got) == len(expected)
    for have, want in zip(got, expected, strict=True):
        assert have == want


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("key", DOCUMENTS)
def test_same_metadata_sections_and_footnotes(made, key, format):
    document = parse_file(made_file(made, key, format))
    assert facts(document) == facts(original(key))
    assert document.symbol == original(key).symbol
    assert document.source["format"] == format


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("key", DOCUMENTS)
def test_same_blocks_and_marks(made, key, format):
    """Below the parser: every reader gives the same blocks, marks at the same offsets."""
    expected = read_path(EXAMPLES / DOCUMENTS[key][0])
    got = read_path(made_file(made, key, format))
    assert [(b.text, b.marks) for b in got.blocks] == [(b.text, b.marks) for b in expected.blocks]
    assert [(f.mark, f.text) for f in got.footnotes] == [(f.mark, f.text) for f in expected.footnotes]


def test_pdf_pages_and_lines(made):
    source = read_path(made_file(made, "co", "pdf"))
    assert source.pages and source.pages > 5
    assert [b.page for b in source.blocks] == sorted(b.page for b in source.blocks)
    assert [b.line for b in source.blocks] == sorted(b.line for b in source.blocks)
    # The running header and page numbers LibreOffice printed on each page are gone.
    assert not any(b.text in ("CRC/C/KAZ/CO/4",) or b.text.isdigit() for b in source.blocks)


@pytest.mark.parametrize("width", [90, 100])
@pytest.mark.parametrize("key", DOCUMENTS)
def test_wrapped_text_keeps_the_paragraphs(tmp_path, key, width):
    """Text copied out of a PDF (lines of ``width`` characters, marks lost) is reflowed into the same paragraphs."""
    path = tmp_path / f"{key}.txt"
    write_wrapped(read_path(EXAMPLES / DOCUMENTS[key][0]), path, width)
    document = parse_file(path)

    def without_notes(rows: list[tuple]) -> list[tuple]:
        return [row[:7] + (_texts(row[7]),) for row in rows]

    assert without_notes(outline(document)) == without_notes(outline(original(key)))


def _texts(subs: list[tuple]) -> list[tuple]:
    return [(label, text, _texts(nested)) for label, text, _notes, nested in subs]


def test_pdf_marks_after_numbers_and_words(tmp_path):
    """Superscript marks right after a year ("in 2015¹"), a full stop ("2020.²") and a word ("Act³")."""
    text = "1. The Act was adopted in 2015 and amended in 2020. The Act is in force."
    ends = [len("1. The Act was adopted in 2015"), len("1. The Act was adopted in 2015 and amended in 2020."),
            len("1. The Act")]
    marks = [(ends[2], "1"), (ends[0], "2"), (ends[1], "3")]  # numbered as Word numbers them: in order
    source = Source([Block(text, 1, marks=marks)],
                    [Footnote("1", "Act No. 1."), Footnote("2", "Act No. 2."), Footnote("3", "Act No. 3.")])
    write_docx(source, Document(None, None, None, None, None, "en"), tmp_path / "marks.docx", "CRC/C/XXX/1")
    if not soffice():
        pytest.skip("LibreOffice is not installed (`make install` installs libreoffice-writer-nogui)")
    [pdf] = convert([tmp_path / "marks.docx"], "pdf", tmp_path)
    read = read_path(pdf)
    # One page: its header is not seen to repeat and stays.
    assert [(b.text, b.marks) for b in read.blocks] == [("CRC/C/XXX/1", []), (text, marks)]
    assert [(f.mark, f.text) for f in read.footnotes] == [(f.mark, f.text) for f in source.footnotes]
