"""Bad and odd input: clear one-line errors, warnings for gaps, never a crash."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightstrack.documents import DocumentError, parse_bytes, parse_text
from rightstrack.documents.errors import EmptyDocument, FileMissing, NotAHumanRightsDocument, UnsupportedFormat

from .conftest import CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES

OBSERVATIONS_TEXT = CONCLUDING_OBSERVATIONS.read_text(encoding="utf-8")
QUESTIONS_TEXT = LIST_OF_ISSUES.read_text(encoding="utf-8")


def rightstrack(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rightstrack.cli", *args], capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize("args, message", [
    (["parse", "/nonexistent/report.pdf"], "rightstrack: error: /nonexistent/report.pdf: no such file\n"),
    (["parse", "tests"], "rightstrack: error: tests: not a file (a directory?)\n"),
])
def test_cli_one_line_errors(args, message):
    result = rightstrack(*args)
    assert result.returncode == 2
    assert result.stderr == message
    assert "Traceback" not in result.stderr


def test_cli_rejects_text_that_is_not_a_un_document(tmp_path):
    path = tmp_path / "recipe.txt"
    path.write_text("Pancakes\n1. Mix flour and milk.\n2. Fry.\n", encoding="utf-8")
    result = rightstrack("parse", str(path))
    assert result.returncode == 2
    assert result.stderr == (f"rightstrack: error: {path}: not a UN treaty-body or UPR document "
                             "(no committee, UPR Working Group or document type found)\n")


@pytest.mark.parametrize("name, data, error", [
    ("empty.txt", b"", EmptyDocument),
    ("blank.md", b"  \n\n \t\n", EmptyDocument),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, UnsupportedFormat),
    ("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 100, UnsupportedFormat),
    ("notes.txt", b"Shopping list: milk, eggs.", NotAHumanRightsDocument),
])
def test_bad_uploads(name, data, error):
    with pytest.raises(error) as raised:
        parse_bytes(data, name)
    assert str(raised.value).startswith(f"{name}: ")
    assert "\n" not in str(raised.value)


def test_missing_file_error_names_the_path(tmp_path):
    from rightstrack.documents import parse_file

    with pytest.raises(FileMissing, match="no such file"):
        parse_file(tmp_path / "gone.txt")


def test_gaps_are_warnings_with_their_line():
    lines = OBSERVATIONS_TEXT.split("\n")
    number_of = {line.split(".", 1)[0]: index for index, line in enumerate(lines) if line[:2].isdigit()}
    del lines[number_of["12"]]  # paragraph 12 skipped
    lines = [line.replace("(c)\tRequire companies", "(e)\tRequire companies") for line in lines]
    document = parse_text("\n".join(lines))
    assert [p.number for p in document.paragraphs] == [n for n in range(1, 70) if n != 12]
    messages = {(w.line, w.message) for w in document.warnings}
    assert (number_of["13"], "paragraph 13 follows paragraph 11: 12 missing") in messages
    line_e = next(i for i, line in enumerate(lines, 1) if line.startswith("(e)\tRequire companies"))
    assert (line_e, "paragraph 19: sub-paragraph (e) follows (b), expected (c)") in messages


def test_same_text_twice_gives_the_same_document():
    assert parse_text(OBSERVATIONS_TEXT) == parse_text(OBSERVATIONS_TEXT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text):
    try:
        parse_text(text)
    except DocumentError:
        pass


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mangled_documents_never_crash(data):
    """Real documents cut, spliced, with lines dropped or duplicated and characters replaced."""
    source = data.draw(st.sampled_from([OBSERVATIONS_TEXT, QUESTIONS_TEXT]))
    lines = source.split("\n")
    for _ in range(data.draw(st.integers(0, 12))):
        operation = data.draw(st.sampled_from(["drop", "duplicate", "swap", "garble", "cut"]))
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        if operation == "drop":
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "garble":
            lines[i] = data.draw(st.text(max_size=200))
        else:
            k = data.draw(st.integers(0, max(0, len(lines[i]))))
            lines[i] = lines[i][:k]
    markdown = source is QUESTIONS_TEXT
    try:
        document = parse_text("\n".join(lines), markdown=markdown)
    except DocumentError:
        return
    numbers = [p.number for p in document.paragraphs]
    assert numbers == sorted(numbers)
