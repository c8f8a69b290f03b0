"""Whole real documents against golden files.

The golden JSON pins every field; the facts asserted beside it were checked by reading the
documents (examples/crc-kaz/), so a golden file regenerated with --update-golden is
re-checked by them.
"""

from __future__ import annotations

import json

import pytest

from rightstrack.documents import from_json, parse_file, to_json

from .conftest import CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES, ROOT

GOLDEN = ROOT / "tests" / "golden"


def _stable(document) -> dict:
    data = to_json(document)
    data["source"]["path"] = data["source"]["path"].rsplit("/", 1)[-1]
    return data


@pytest.mark.parametrize("path", [CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES], ids=lambda p: p.name)
def test_matches_golden_file(path, update_golden):
    data = _stable(parse_file(path))
    golden = GOLDEN / (path.stem + ".json")
    if update_golden or not golden.exists():
        golden.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert data == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES], ids=lambda p: p.name)
def test_json_round_trip(path):
    document = parse_file(path)
    assert from_json(json.loads(json.dumps(to_json(document)))) == document
