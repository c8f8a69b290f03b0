"""`rightstrack link` on the shipped examples, and its documentation."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from rightstrack.cli import main

ROOT = Path(__file__).resolve().parent.parent
OLD = str(ROOT / "examples" / "crc-kaz" / "kaz-concluding-observations-2015.txt")
NEW = str(ROOT / "examples" / "crc-kaz" / "kaz-list-of-issues-2025.md")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_link_prints_each_question_with_its_candidates():
    result = run("link", OLD, NEW)
    assert result.exit_code == 0, result.output
    assert "threshold" in result.output
    block = result.output.split("\n8(d). ")[1].split("\n8(e). ")[0]
    assert "para. 39" in block and "EXPLICIT" in block and "CRC/C/KAZ/CO/4, para. 39" in block
    assert "no earlier paragraph scores" in result.output.split("\n10(c). ")[1].split("\n10(d). ")[0]


def test_link_json_is_the_documented_list():
    result = CliRunner().invoke(main, ["link", OLD, NEW, "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["item"] == "2(a)"
    first = next(r for r in rows if r["item"] == "8(d)")["candidates"][0]
    assert (first["paragraph"], first["explicit"], first["symbol"]) == (39, True, "CRC/C/KAZ/CO/4")
    assert "threshold" in result.stderr


def test_link_limit_and_threshold_options():
    rows = json.loads(CliRunner().invoke(main, ["link", OLD, NEW, "--json", "--limit", "1",
                                                "--threshold", "0.9"]).stdout)
    assert all(len(r["candidates"]) <= 1 for r in rows)
    assert all(c["score"] >= 0.9 for r in rows for c in r["candidates"])


def test_link_errors_are_one_line_with_status_2(tmp_path):
    result = CliRunner().invoke(main, ["link", NEW])
    assert result.exit_code == 2
    assert result.stderr.startswith("rightstrack: error: ") and result.stderr.count("\n") == 1
    missing = CliRunner().invoke(main, ["link", str(tmp_path / "nothing.txt"), NEW])
    assert missing.exit_code == 2 and "rightstrack: error:" in missing.stderr and "Traceback" not in missing.output


def test_link_notes_go_to_stderr():
    result = CliRunner().invoke(main, ["link", NEW, OLD, "--json"])  # swapped: the old one is the later
    assert result.exit_code == 0
    assert "note:" in result.stderr and "later than" in result.stderr
    json.loads(result.stdout)


def test_docs_describe_every_link_option():
    docs = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")
    options = re.findall(r"--[a-z][a-z-]+", CliRunner().invoke(main, ["link", "--help"]).output)
    for option in set(options) - {"--help"}:
        assert option in docs, option
    for name in ("link_report", "links_to_json", "threshold", "explicit", "recommendation", "repeated"):
        assert name in docs
