"""Reading a labelled spreadsheet (CSV) as people really save them.

Excel on Windows saves Windows-1252, old Mac exports end lines with a bare carriage return,
French and Russian locales separate columns with semicolons, and some rows have no label
yet. We read all of these; a row without text or labels is skipped with a warning naming
it, and what cannot be read at all (a missing column, a workbook instead of a CSV) is one
``SpreadsheetError`` naming the file, the row or the column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SpreadsheetError

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


@dataclass
class Examples:
    """Texts and their labels, with the spreadsheet row (header = row 1) each came from."""

    texts: list[str] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)  # other columns asked for, e.g. a session
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


def read_examples(path: str | Path, text_column: str, labels_column: str, separator: str = ",",
                  encoding: str | None = None, keep_columns: tuple[str, ...] = ()) -> Examples:
    """The labelled texts of a CSV file; ``separator`` splits several labels in one cell."""
    path = Path(path)
    where = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SpreadsheetError("no such file", path=where) from None
    except OSError as error:
        raise SpreadsheetError(f"cannot read: {error.strerror}", path=where) from None
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError("this is a spreadsheet workbook, not a CSV file: save it as CSV (UTF-8)", path=where)
    if b"\x00" in raw[:4096]:
        raise SpreadsheetError("not a text file (it holds NUL bytes): save the spreadsheet as CSV", path=where)
    text, used = _decode(raw, where, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SpreadsheetError("the file is empty", path=where)
    reader = csv.reader(io.StringIO(text), dialect=_dialect(text))
    header = [name.strip() for name in next(reader)]
    wanted = {"text": text_column, "labels": labels_column, **{name: name for name in keep_columns}}
    positions = {}
    for role, name in wanted.items():
        if name not in header:
            shown = ", ".join(repr(h) for h in header[:20])
            raise SpreadsheetError(f"no column {name!r}; the columns are {shown}", path=where, row=1)
        positions[role] = header.index(name)
    examples = Examples(encoding=used, columns={name: [] for name in keep_columns})
    if used not in ("utf-8-sig", (encoding or "").lower()):
        examples.warnings.append(f"{where}: not UTF-8; read as {used}")
    skipped_text, skipped_labels = [], []
    try:
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            cells = {role: record[i].strip() if i < len(record) else "" for role, i in positions.items()}
            labels = list(dict.fromkeys(label.strip() for label in cells["labels"].split(separator) if label.strip()))
            if not cells["text"]:
                skipped_text.append(number)
                continue
            if not labels:
                skipped_labels.append(number)
                continue
            examples.texts.append(cells["text"])
            examples.labels.append(labels)
            examples.rows.append(number)
            for name in keep_columns:
                examples.columns[name].append(cells[name])
    except csv.Error as error:
        raise SpreadsheetError(f"malformed CSV: {error}", path=where, row=reader.line_num) from None
    for rows, what in ((skipped_text, f"no text in column {text_column!r}"),
                       (skipped_labels, f"no label in column {labels_column!r}")):
        if rows:
            examples.warnings.append(f"{where}: skipped {len(rows)} row(s) with {what}: rows {_rows(rows)}")
    if not examples.texts:
        raise SpreadsheetError(f"no row has both a text in {text_column!r} and a label in {labels_column!r}",
                               path=where)
    return examples


def _decode(raw: bytes, where: str, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise SpreadsheetError(f"unknown encoding {encoding!r}", path=where) from None
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + raw[: error.start].count(b"\r") - raw[: error.start].count(
                b"\r\n") + 1
            raise SpreadsheetError(f"not {encoding}: byte {raw[error.start]:#04x} at line {line} "
                                   "(leave out --encoding to guess it)", path=where) from None
    for candidate in ENCODINGS:
        try:
            return raw.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(n) for n in rows[:10])
    return shown + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
