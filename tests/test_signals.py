"""The pre-check of a signal's window (``needed_literals``) must never hide a match."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rightstrack.documents import kinds, obligations
from rightstrack.documents.signals import Scanner, lower_same_length, needed_literals

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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc? ’é\u0130кд", max_size=30), min_size=1, max_size=5))
def test_scanner_finds_every_trigger_where_str_find_does(texts):
    """ASCII triggers are scanned in bytes (other characters made "?"), others in str:
    both give each segment the positions str.find gives, overlapping ones too."""
    low = "\n".join(texts)
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    for triggers in (["ab", "b", "a", "ca"], ["ab", "bé", "кд", "a"]):
        scanner = Scanner(triggers)
        assert scanner.ascii == all(trigger.isascii() for trigger in triggers)
        for segment, start, text in zip(scanner.scan(low, starts), starts, texts, strict=True):
            expected = {}
            for trigger in sorted(set(triggers)):
                at = text.find(trigger)
                while at >= 0:
                    expected.setdefault(trigger, []).append(start + at)
                    at = text.find(trigger, at + 1)
            assert {k: sorted(v) for k, v in segment.items()} == expected
