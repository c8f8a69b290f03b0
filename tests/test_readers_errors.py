"""Files the readers cannot read: one line saying what and where, exit status 2, no traceback.

Each bad file is made by the tool that makes such files in the world: LibreOffice for an
encrypted PDF and a legacy .doc, msoffcrypto-tool for a password-protected .docx (Word's
own encryption), pypdfium2 for a PDF holding only a scanned image.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import msoffcrypto.format.ooxml
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from rightstrack.documents.errors import EmptyDocument, EncryptedDocument, UnreadableDocument, UnsupportedFormat
from rightstrack.documents.readers import read_path

from .typeset import soffice

COMMAND = Path(sys.executable).parent / "rightstrack"


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("1. The Committee considered the report.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A page holding only an image, as a scanner writes it."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.new_native(200, 100, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, 200, 100)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(50, 500))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _encrypted_docx() -> bytes:
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(_docx_bytes())).encrypt("secret", encrypted)
    return encrypted.getvalue()


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _libreoffice(folder: Path, target: str) -> Path:
    """The .docx converted by LibreOffice: an encrypted PDF, a legacy .doc."""
    if not soffice():
        pytest.skip("LibreOffice is not installed (`make install` installs libreoffice-writer-nogui)")
    source = folder / "report.docx"
    source.write_bytes(_docx_bytes())
    subprocess.run([soffice(), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to",
                    target, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=300)
    return folder / ("report." + target.split(":")[0])


ENCRYPTED_PDF = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},' \
                '"DocumentOpenPassword":{"type":"string","value":"secret"}}'

# (file name, how to make its bytes, the exception, the message after "<path>: ")
CASES = [
    ("scan.pdf", _scanned_pdf, EmptyDocument, "no text layer: the PDF seems to be scanned and needs OCR first"),
    ("damaged.pdf", lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage", UnreadableDocument,
     "damaged or not a PDF (PDFium cannot open it)"),
    ("locked.docx", _encrypted_docx, EncryptedDocument,
     "the Word file is password-protected: remove the password and try again"),
    ("truncated.docx", lambda: _docx_bytes()[:3000], UnreadableDocument, "damaged .docx (not a readable zip archive)"),
    ("book.docx", lambda: _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
     UnreadableDocument, "not a Word document (no word/document.xml in the archive)"),
    ("broken.docx", lambda: _zip({"word/document.xml": "<w:document><w:body>"}), UnreadableDocument,
     "damaged .docx (word/document.xml cannot be read)"),
    ("sheet.xlsx", lambda: _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
     UnsupportedFormat, "unsupported format .xlsx: give a .txt, .md, .docx, .pdf or .html file"),
    ("photo.png", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), UnsupportedFormat,
     "unsupported format .png: give a .txt, .md, .docx, .pdf or .html file"),
    ("empty.pdf", lambda: b"", EmptyDocument, "the file is empty"),
]


def _cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(COMMAND), "parse", str(path)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name, make, error, message", CASES, ids=[case[0] for case in CASES])
def test_reader_error(tmp_path, name, make, error, message):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as raised:
        read_path(path)
    assert str(raised.value) == f"{path}: {message}"
    result = _cli(path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"rightstrack: error: {path}: {message}\n")


@pytest.mark.parametrize("target, error, message", [
    (ENCRYPTED_PDF, EncryptedDocument, "the PDF is password-protected: remove the password and try again"),
    ("doc", UnsupportedFormat, "unsupported format .doc: give a .txt, .md, .docx, .pdf or .html file"),
])
def test_files_libreoffice_writes(tmp_path, target, error, message):
    path = _libreoffice(tmp_path, target)
    with pytest.raises(error) as raised:
        read_path(path)
    assert str(raised.value) == f"{path}: {message}"
    result = _cli(path)
    assert (result.returncode, result.stderr) == (2, f"rightstrack: error: {path}: {message}\n")


def test_legacy_word_file_named_docx(tmp_path):
    """A .doc renamed .docx is an OLE file, like an encrypted one, but without encryption."""
    path = _libreoffice(tmp_path, "doc")
    renamed = path.rename(tmp_path / "old.docx")
    with pytest.raises(UnreadableDocument, match="old binary Word"):
        read_path(renamed)
