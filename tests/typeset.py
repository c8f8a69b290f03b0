"""Write a document as a UN-like .docx with python-docx, and have LibreOffice make .pdf and .html of it.

The content comes from the shipped examples as read from their text form; the layout is
the UN templates': a symbol in the page header, a page number in the footer, numbered
paragraphs typed as "12.<tab>text", "(a)<tab>text" sub-paragraphs, heading styles named
as in the UN templates (HChG, H1G, H23G), real Word footnotes (a footnotes part, custom
marks such as "*" with ``w:customMarkFollows``) in a smaller font at the page bottom.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from rightstrack.documents import parse_source
from rightstrack.documents.models import Document
from rightstrack.documents.readers import Source, read_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "crc-kaz"
UPR = ROOT.parent / "shared" / "corpus" / "upr"
# The two shipped documents (exported from Word as .txt, converted from the PDF as .md) and their symbols.
DOCUMENTS = {
    "co": ("kaz-concluding-observations-2015.txt", "CRC/C/KAZ/CO/4"),
    "loi": ("kaz-list-of-issues-2025.md", "CRC/C/KAZ/Q/5-6"),
}

_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LABEL = re.compile(r"^(\d{1,3}\.|\([a-z]{1,2}\)|\([ivx]{1,5}\)|[IVX]{1,4}\.|[A-Z]\.)\s+")
# UN template style names ("_ H _Ch_G" has the style id "HChG" in the UN's own templates).
_STYLES = {"part": ("_ H _Ch_G", 14), "cluster": ("_ H_1_G", 12), "heading": ("_ H_23_G", 10)}
_IDS = {"part": "HChG", "cluster": "H1G", "heading": "H23G"}


def soffice() -> str | None:
    """LibreOffice's command, if installed (the Makefile installs libreoffice-writer-nogui)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_docx(source: Source, document: Document, path: Path, symbol: str) -> None:
    """``source``'s blocks as Word paragraphs; ``document`` (its parse) says which are headings."""
    levels = {section.line: section.level for section in document.sections}
    out = docx.Document()
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    for level, (name, size) in _STYLES.items():
        style = out.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold, style.font.size = True, Pt(size)
        style.paragraph_format.keep_with_next = True
        style.style_id = _IDS[level]
    note_style = out.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
    note_style.base_style = normal
    note_style.font.size = Pt(8)
    note_style.paragraph_format.space_after = Pt(0)
    note_style.style_id = "FootnoteText"
    section = out.sections[0]
    section.header.paragraphs[0].text = symbol
    _page_number(section.footer.paragraphs[0])

    footnotes = list(source.footnotes)
    notes: list[tuple[int, str, str]] = []
    for block in source.blocks:
        level = levels.get(block.line)
        paragraph = out.add_paragraph(style=_STYLES[level][0] if level else None)
        text = block.text
        label = _LABEL.match(text)
        if label and not level:
            text = label.group(1) + "\t" + text[label.end():]
        position = 0
        for offset, mark in sorted(block.marks):  # "1. " became "1.\t": offsets still hold
            paragraph.add_run(text[position:offset])
            position = offset
            note = next((f for f in footnotes if f.mark == mark), None)
            if note is None:
                continue
            footnotes.remove(note)
            ident = len(notes) + 1
            notes.append((ident, mark, note.text))
            paragraph._p.append(_reference(ident, None if mark.isdigit() else mark))
        paragraph.add_run(text[position:])
    out.part.relate_to(Part(PackURI("/word/footnotes.xml"), _FOOTNOTES, _footnotes_xml(notes), out.part.package),
                       RELATIONSHIP_TYPE.FOOTNOTES)
    out.save(str(path))


def write_wrapped(source: Source, path: Path, width: int = 90) -> None:
    """The blocks as text copied out of a PDF: lines of ``width`` characters, no blank lines, no marks."""
    path.write_text("\n".join(textwrap.fill(block.text, width) for block in source.blocks) + "\n", encoding="utf-8")


def _page_number(paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _reference(ident: int, custom: str | None):
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run.append(properties)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(ident))
    if custom:
        reference.set(qn("w:customMarkFollows"), "1")
    run.append(reference)
    if custom:
        text = OxmlElement("w:t")
        text.text = custom
        run.append(text)
    return run


def _footnotes_xml(notes: list[tuple[int, str, str]]) -> bytes:
    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = [f'<w:footnotes xmlns:w="{_W}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             '</w:r></w:p></w:footnote>']
    for ident, mark, text in notes:
        # A custom mark is not typed again in the body: LibreOffice prints it itself ("**" otherwise).
        own = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>' if mark.isdigit() else ""
        parts.append(f'<w:footnote w:id="{ident}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{own}'
                     f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def convert(paths: list[Path], target: str, folder: Path) -> list[Path]:
    """Convert with LibreOffice headless ("pdf" or "html"); returns the files written."""
    command = soffice()
    assert command, "LibreOffice is not installed"
    profile = folder / "lo-profile"
    subprocess.run(
        [command, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "html:HTML (StarWriter)" if target == "html" else target, "--outdir", str(folder),
         *map(str, paths)],
        check=True, capture_output=True, timeout=300)
    return [folder / (path.stem + "." + target) for path in paths]


def make_all(folder: Path) -> dict[tuple[str, str], Path]:
    """Each shipped document as .docx (python-docx) and, with LibreOffice, as .pdf and .html."""
    files: dict[tuple[str, str], Path] = {}
    for key, (name, symbol) in DOCUMENTS.items():
        source = read_path(EXAMPLES / name)
        path = folder / f"{key}.docx"
        write_docx(source, parse_source(source), path, symbol)
        files[(key, "docx")] = path
    if soffice():
        sources = [files[(key, "docx")] for key in DOCUMENTS]
        for target in ("pdf", "html"):
            for path in convert(sources, target, folder):
                files[(path.stem, target)] = path
    return files


def made_file(made: dict[tuple[str, str], Path], key: str, format: str) -> Path:
    """One made file, or a skip saying what to install."""
    if (key, format) not in made:
        pytest.skip("LibreOffice is not installed (`make install` installs libreoffice-writer-nogui)")
    return made[(key, format)]


def upr_file(name: str) -> Path:
    """A file of the shared UPR corpus, or a skip saying where it was looked for."""
    path = UPR / name
    if not path.exists():
        pytest.skip(f"shared corpus absent: {path} not found (CI provides ../shared/corpus/upr)")
    return path
