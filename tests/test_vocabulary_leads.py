"""The metadata patterns are tried only where a lead is (``vocabulary.Leads``,
``Language.search``): what they find must be what re finds trying them everywhere."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rightstrack.documents.metadata import _document_types
from rightstrack.documents.vocabulary import committee_finder, language, lowered, state_finder, states

_LANG = language("en")
_NAMES = sorted({state.name for state in states().values()})[:60] + [
    "Côte d’Ivoire", "Türkiye", "Committee on the Rights of the Child", "Human Rights Committee",
    "Committee against Torture", "concluding observations", "list of issues", "periodic report",
    "adopted by the Committee at its seventieth session", "held on 1 October 2015", "session",
    "Adopted by the Committee on 2 October 2015", "adopted ", "held on ",
    "held on 14 and 15 September 2015 and adopted",
    ", the Committee adopted", "Distr.: General 30 October 2015", "session (14 September–2 October 2015)",
    "held its twentieth session", "fifth and sixth periodic reports", "initial report", "combined third and fourth",
    "review of Kazakhstan was held at the 3rd meeting, on 1 May 2014", "seventieth session",
]
# Pieces that make near misses: names cut or glued to words, case changed, odd letters
# (the Kelvin sign, dotted and dotless i, long s) that IGNORECASE matches to ASCII.
_NOISE = ["x", "-", " ", "\n", "the ", "İ", "ı", "ſ", "\u212a", "’", "(", "20", "fifth "]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_NOISE)), max_size=12))
    out = []
    for piece in pieces:
        change = draw(st.sampled_from(["", "upper", "title", "cut"]))
        if change == "upper":
            piece = piece.upper()
        elif change == "title":
            piece = piece.title()
        elif change == "cut" and len(piece) > 3:
            piece = piece[: draw(st.integers(1, len(piece) - 1))]
        out.append(piece)
    return "".join(out)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groups() == b.groups())


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_leads_find_what_the_patterns_find_everywhere(text: str) -> None:
    low = lowered(text)
    finder = state_finder()
    assert _same(finder.search(text, low), finder.pattern.search(text))
    types, _groups = _document_types(_LANG)
    assert _same(types.search(text, low), types.pattern.search(text))
    committees, _groups = committee_finder()
    assert ([m.span() + (m.lastindex,) for m in committees.lookahead_matches(text, low)]
            == [m.span() + (m.lastindex,) for m in committees.pattern.finditer(text)])


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_language_search_finds_what_the_pattern_finds_everywhere(text: str) -> None:
    low = lowered(text)
    data = _LANG.data
    patterns = [*data["dates"]["adopted"], data["dates"]["issued"], data["dates"]["session"],
                *data["dates"]["dialogue"], data["upr_working_group_session"],
                data["cycle"]["combined"], data["cycle"]["initial"]]
    for pattern in patterns:
        assert _same(_LANG.search(pattern, text, low), _LANG.compile(pattern).search(text)), pattern
    for pattern in data["session"]:
        flags = re.IGNORECASE | re.MULTILINE
        assert _same(_LANG.search(pattern, text, low, flags), _LANG.compile(pattern, flags).search(text)), pattern
