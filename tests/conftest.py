"""Shared fixtures: the shipped documents, the shared corpus, golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "crc-kaz"
CONCLUDING_OBSERVATIONS = EXAMPLES / "kaz-concluding-observations-2015.txt"
LIST_OF_ISSUES = EXAMPLES / "kaz-list-of-issues-2025.md"
SHARED_UPR = ROOT.parent / "shared" / "corpus" / "upr"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the parser's output (then read the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def shared_upr(name: str) -> Path:
    """A file of the shared UPR corpus, or skip saying where it was looked for."""
    path = SHARED_UPR / name
    if not path.exists():
        pytest.skip(f"shared corpus absent: {path} not found (CI provides ../shared/corpus/upr)")
    return path
