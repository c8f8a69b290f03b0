"""Word .docx: footnotes (numbered, custom marks), tables, heading styles, automatic numbering.

Files are written here with python-docx, with the XML Word itself writes where python-docx
has no API (footnotes, custom marks, numbering definitions).
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from rightstrack.documents import parse_bytes
from rightstrack.documents.readers import read_bytes

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_footnotes(document: docx.document.Document, bodies: str) -> None:
    xml = (f"<w:footnotes {W}>"
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f"</w:p></w:footnote>{bodies}</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _paragraph_xml(document: docx.document.Document, xml: str) -> None:
    """A paragraph as Word writes it, before the body's closing section properties."""
    document.element.body.sectPr.addprevious(parse_xml(f"<w:p {W}>{xml}</w:p>"))


def test_footnotes_numbered_and_custom_marks():
    """As in UN Word files: "*" on the title (typed mark, customMarkFollows), then 1, 2 in order."""
    document = docx.Document()
    _paragraph_xml(document, '<w:r><w:t>Concluding observations on Kazakhstan</w:t></w:r>'
                   '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="7"/><w:t>*</w:t></w:r>')
    _paragraph_xml(document, '<w:r><w:t xml:space="preserve">1.</w:t><w:tab/><w:t>The Committee notes the report'
                   '</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r>'
                   '<w:r><w:t xml:space="preserve"> and the replies.</w:t></w:r><w:r><w:footnoteReference w:id="2"/>'
                   '</w:r>')
    _paragraph_xml(document, '<w:r><w:t>Dagger</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1"'
                   ' w:id="9"/><w:sym w:font="Symbol" w:char="F02A"/></w:r><w:r><w:t xml:space="preserve"> end'
                   '</w:t></w:r>')
    _add_footnotes(document,
                   '<w:footnote w:id="7"><w:p><w:r><w:t>*</w:t></w:r><w:r><w:tab/><w:t>Adopted by the Committee at '
                   'its seventieth session (14 September-2 October 2015).</w:t></w:r></w:p></w:footnote>'
                   '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
                   'CRC/C/KAZ/4.</w:t></w:r></w:p></w:footnote>'
                   '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First '
                   'paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:footnote>'
                   '<w:footnote w:id="9"><w:p><w:r><w:t>Symbol mark.</w:t></w:r></w:p></w:footnote>')
    source = read_bytes(_save(document), "co.docx")
    assert [(b.text, b.marks) for b in source.blocks] == [
        ("Concluding observations on Kazakhstan", [(len("Concluding observations on Kazakhstan"), "*")]),
        ("1. The Committee notes the report and the replies.",
         [(len("1. The Committee notes the report"), "1"),
          (len("1. The Committee notes the report and the replies."), "2")]),
        ("Dagger end", [(len("Dagger"), "*")]),
    ]
    assert [(f.mark, f.text, f.line) for f in source.footnotes] == [
        ("*", "Adopted by the Committee at its seventieth session (14 September-2 October 2015).", 1),
        ("1", "CRC/C/KAZ/4.", 2),
        ("2", "First paragraph. Second paragraph.", 2),
        ("*", "Symbol mark.", 3),
    ]


def test_tables_row_by_row_and_line_numbers():
    document = docx.Document()
    document.add_paragraph("Before")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("Article", "Status"), ("Art. 12", "Withdrawn"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("After\tthe\ttable")
    source = read_bytes(_save(document), "t.docx")
    assert [(b.text, b.line) for b in source.blocks] == [
        ("Before", 1), ("Article", 3), ("Status", 4), ("Art. 12", 5), ("Withdrawn", 6), ("After the table", 7)]


def test_heading_styles_word_un_and_outline_level():
    document = docx.Document()
    document.add_heading("I. Introduction", 1)
    style = document.styles.add_style("_ H_23_G", WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = "H23G"
    document.add_paragraph("Right to education", style=style)
    _paragraph_xml(document, '<w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Outlined</w:t></w:r>')
    document.add_paragraph("1. A paragraph.")
    source = read_bytes(_save(document), "h.docx")
    assert [(b.text, b.heading) for b in source.blocks] == [
        ("I. Introduction", True), ("Right to education", True), ("Outlined", True), ("1. A paragraph.", False)]


def _numbered_document() -> bytes:
    """Paragraph numbers and points made by Word's automatic numbering, not typed."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(level: int, text: str) -> None:
        _paragraph_xml(document, f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr></w:pPr>'
                       f"<w:r><w:t>{text}</w:t></w:r>")

    document.add_paragraph("Committee on the Rights of the Child")
    document.add_paragraph("Concluding observations on the fourth periodic report of Kazakhstan")
    numbered(0, "The Committee considered the fourth periodic report of Kazakhstan (CRC/C/KAZ/4).")
    numbered(0, "The Committee recommends that the State party:")
    numbered(1, "Adopt a comprehensive policy;")
    numbered(2, "At the national level;")
    numbered(2, "At the regional level;")
    numbered(1, "Allocate resources.")
    numbered(0, "The Committee urges the State party to:")
    numbered(1, "Ensure birth registration.")
    return _save(document)


def test_automatic_numbering_is_rendered():
    source = read_bytes(_numbered_document(), "n.docx")
    assert [b.text.split(" ")[0] for b in source.blocks[2:]] == ["1.", "2.", "(a)", "(i)", "(ii)", "(b)", "3.", "(a)"]


def test_automatically_numbered_paragraphs_parse():
    document = parse_bytes(_numbered_document(), "n.docx")
    assert [p.number for p in document.paragraphs] == [1, 2, 3]
    second = document.paragraph(2)
    assert [(s.label, s.text, [n.label for n in s.subparagraphs]) for s in second.subparagraphs] == [
        ("a", "Adopt a comprehensive policy;", ["i", "ii"]), ("b", "Allocate resources.", [])]
    assert [s.label for s in document.paragraph(3).subparagraphs] == ["a"]


def test_tracked_changes_read_as_accepted():
    """Insertions count, deletions and moved-away text do not: the text as it would be accepted."""
    document = docx.Document()
    _paragraph_xml(document, '<w:r><w:t xml:space="preserve">12. The Committee </w:t></w:r>'
                   '<w:del w:id="1" w:author="a"><w:r><w:delText>urges</w:delText></w:r></w:del>'
                   '<w:ins w:id="2" w:author="a"><w:r><w:t>recommends</w:t></w:r></w:ins>'
                   '<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> promptly</w:t></w:r></w:moveFrom>'
                   '<w:r><w:t xml:space="preserve"> that the State party act.</w:t></w:r>')
    source = read_bytes(_save(document), "tracked.docx")
    assert [b.text for b in source.blocks] == ["12. The Committee recommends that the State party act."]
