"""The pre-check of a signal's window (``needed_literals``) must never hide a match."""

from __future__ import annotations

import re
from pathlib import Path

from rightstrack.documents import kinds, obligations
from rightstrack.documents.signals import lower_same_length, needed_literals

from .conftest import CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES


def test_needed_literals_of_a_repeated_concern():
    pattern = re.compile(r"\b(?:remains|remain|is still|still|continues to be) (?:\w+ )?concerned\b")
    # "remain" covers "remains"; the trigger "concerned" is in every window anyway.
    assert needed_literals(pattern, ("concerned",)) == ("continues to be", "remain", "still")


def test_optional_words_are_not_needed():
    pattern = re.compile(r"\bstate party (?:is|be|should be) (?:strongly )?urged\b")
    assert "strongly" not in needed_literals(pattern, ("urged",))
    assert needed_literals(re.compile(r"(?:previous )?recommendations?"), ("x",)) == ("recommendation",)


def _signal_sets():
    k, o = kinds.signals("en"), obligations.patterns("en")
    for owner in (k, o):
        for value in vars(owner).values():
            if hasattr(value, "signals"):
                yield from value.signals


def test_every_match_in_the_documents_holds_a_needed_literal():
    """Where a pattern matches in the real documents, its window holds what the pre-check looks for."""
    checked = 0
    for path in (CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES):
        low = lower_same_length(Path(path).read_text(encoding="utf-8"))
        for signal in _signal_sets():
            if not signal.needs:
                continue
            for match in signal.pattern.finditer(low):
                assert any(literal in match.group(0) for literal in signal.needs), (signal.pattern.pattern, match)
                checked += 1
    assert checked > 50
