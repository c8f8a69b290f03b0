"""`rightstrack tag` and `rightstrack tagger train`, end to end, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightstrack.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "crc-kaz"
UPR_CSV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "upr" / \
    "upr-recommendations-sessions-1-5.csv"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_tag_jsonl_end_to_end():
    lines = [{"id": "136.1", "text": "Raise the minimum age of marriage to 18 for girls and boys."},
             {"id": 7, "text": "Ensure birth registration of all children, including refugee children."}]
    result = run("tag", "--jsonl", stdin="\n".join(json.dumps(line) for line in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [item["id"] for item in out] == ["136.1", 7]
    assert set(out[0]) >= {"id", "themes", "groups", "sdgs", "labels"}
    assert "5.3" in out[0]["sdgs"] and "Girls" in out[0]["groups"]
    assert "16.9" in out[1]["sdgs"] and "Refugees & asylum seekers" in out[1]["groups"]
    assert out[0]["labels"] == []


def test_tag_jsonl_with_committee_gives_articles():
    result = run("tag", "--jsonl", "--committee", "CRC", stdin='{"id": 1, "text": "birth registration"}\n')
    assert json.loads(result.output)["articles"] == ["7"]


def test_tag_jsonl_bad_line_is_one_line_error_and_no_output():
    result = run("tag", "--jsonl", stdin='{"id": 1, "text": "ok"}\n{"id": 2}\n')
    assert result.exit_code == 2
    assert result.output.strip() == 'rightstrack: error: <stdin>: line 2: expected an object with a "text" string'


def test_tag_document_json():
    result = run("tag", str(EXAMPLES / "kaz-list-of-issues-2025.md"), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    items = {item["id"]: item for item in data["items"]}
    assert data["committee"] == "CRC"
    assert "7" in items["5"]["articles"]
    assert items["5"]["kind"] == "request_for_information"


def test_tag_without_input_is_a_usage_error():
    result = run("tag")
    assert result.exit_code == 2
    assert "give a document PATH" in result.output


def test_train_then_tag_with_the_model(tmp_path):
    if not UPR_CSV.is_file():
        pytest.skip(f"shared corpus absent: {UPR_CSV} not found (CI provides ../shared/corpus/upr)")
    # the first 600 rows of the real file, kept as they are: latin-1 with carriage returns
    rows = UPR_CSV.read_bytes().split(b"\r")[:601]
    small = tmp_path / "upr-small.csv"
    small.write_bytes(b"\r".join(rows) + b"\r")
    model = tmp_path / "issues.npz"
    result = CliRunner().invoke(main, ["tagger", "train", "--csv", str(small), "--text-column", "Text",
                                       "--labels-column", "Issue", "--output", str(model)])
    assert result.exit_code == 0, result.output
    assert "labels learned from 600 rows" in result.output
    assert model.is_file()
    result = run("tag", "--jsonl", "--model", str(model),
                 stdin='{"id": 1, "text": "Abolish the death penalty and commute all death sentences."}\n')
    assert result.exit_code == 0
    assert "Death penalty" in json.loads(result.output)["labels"]


def test_train_missing_column_is_one_line_error(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("Recommendation,Theme\nRatify the Convention.,Treaties\n", encoding="utf-8")
    result = run("tagger", "train", "--csv", str(path), "--text-column", "Text", "--labels-column", "Theme",
                 "--output", str(tmp_path / "t.npz"))
    assert result.exit_code == 2
    assert result.output.startswith(f"rightstrack: error: {path}, row 1: no column 'Text'")
    assert "Traceback" not in result.output
    assert not (tmp_path / "t.npz").exists()


def test_docs_cover_the_tagging_commands_and_their_example_holds():
    folder = Path(__file__).resolve().parent.parent / "docs"
    commands = (folder / "cli.md").read_text(encoding="utf-8")
    for command in ("`rightstrack tag ", "`rightstrack tagger train "):
        assert command in commands
    docs = (folder / "tagging.md").read_text(encoding="utf-8")
    from rightstrack.tagging import tag_text

    assert "# " + repr(tag_text("Prohibit child marriage.", committee="CRC")) in docs


def test_tag_jsonl_explain_adds_evidence():
    result = run("tag", "--jsonl", "--explain", stdin='{"id": 1, "text": "Abolish child labour."}\n')
    evidence = json.loads(result.output)["evidence"]
    assert evidence["sdgs"]["8.7"] == ["child labour"]
