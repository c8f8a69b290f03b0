"""PDF speed: pages a second end to end (parse_file) next to pypdfium2's own text extraction.

The issue's target is 100 pages a second or more for the whole parse on one core. Times
are this process's CPU time (median of 7 runs), so that other work on the machine does
not count. The ratio says what our reading and parsing add to PDFium's bare text
extraction.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pypdfium2 as pdfium

from rightstrack.documents import parse_file
from rightstrack.documents.readers import read_path

UPR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "upr"
FILES = ("upr-afghanistan-2014.pdf", "upr-norway-2014.pdf")
RUNS = 7


def _plain_text(path: Path) -> None:
    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def _median_seconds(work, path: Path) -> float:
    work(path)  # warm: imports, data files, the OS cache
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        work(path)
        times.append(time.process_time() - start)
    return statistics.median(times)


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in FILES:
        path = UPR / name
        if not path.exists():
            return [("skipped", f"shared corpus absent: {path} not found")]
        pages = len(pdfium.PdfDocument(path))
        parse = _median_seconds(parse_file, path)
        read = _median_seconds(read_path, path)
        plain = _median_seconds(_plain_text, path)
        rows += [
            (f"{name} ({pages} pages): parse_file end to end", f"{pages / parse:,.0f} pages/s ({parse * 1000:.0f} ms)"),
            (f"{name}: PDF reader alone (read_path)", f"{pages / read:,.0f} pages/s ({read * 1000:.0f} ms)"),
            (f"{name}: pypdfium2 plain text extraction", f"{pages / plain:,.0f} pages/s ({plain * 1000:.0f} ms)"),
            (f"{name}: end to end / plain extraction", f"{parse / plain:.1f}x"),
        ]
    return rows
