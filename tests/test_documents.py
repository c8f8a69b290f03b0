"""Facts of the two Kazakhstan documents, each checked by reading the document.

examples/crc-kaz/kaz-concluding-observations-2015.txt (CRC/C/KAZ/CO/4) and
examples/crc-kaz/kaz-list-of-issues-2025.md: the paragraph, line or footnote that states
each fact is named in the assertion's comment.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from rightstrack.documents import parse_file
from rightstrack.documents.models import (
    CONCERN,
    POSITIVE_ASPECT,
    PROCEDURAL,
    RECOMMENDATION,
    REQUEST_FOR_INFORMATION,
    Paragraph,
    Subparagraph,
    new_paragraph,
    new_subparagraph,
)

from .conftest import CONCLUDING_OBSERVATIONS, LIST_OF_ISSUES


@pytest.fixture(scope="module")
def observations():
    return parse_file(CONCLUDING_OBSERVATIONS)


@pytest.fixture(scope="module")
def questions():
    return parse_file(LIST_OF_ISSUES)


def test_observations_metadata(observations):
    d = observations
    # Title line and the footnote on it: "Adopted by the Committee at its seventieth session
    # (14 September -2 October 2015)"; para. 1: adopted "held on 2 October 2015".
    assert (d.committee, d.state, d.type, d.cycle, d.language) == (
        "CRC", "Kazakhstan", "concluding_observations", "4", "en")
    assert d.session == 70
    assert d.dates == {"adopted": "2015-10-02", "session_start": "2015-09-14",
                       "session_end": "2015-10-02", "dialogue": "2015-09-16"}
    assert d.title == "Concluding observations on the fourth periodic report of Kazakhstan"
    # The text export prints no symbol: inferred from the committee's pattern, and said so.
    assert d.symbol == "CRC/C/KAZ/CO/4"
    assert d.source["symbol_source"] == "inferred"
    assert [w.message for w in d.warnings] == [
        "symbol not printed; inferred as CRC/C/KAZ/CO/4 (give --symbol to set it)"]


def test_observations_structure(observations):
    d = observations
    assert [p.number for p in d.paragraphs] == list(range(1, 70))
    parts = [s.title for s in d.sections if s.level == "part"]
    assert parts == ["I. Introduction", "II. Follow-up measures taken and progress achieved by the State party",
                     "III. Main areas of concern and recommendations", "IV. Implementation and reporting"]
    clusters = [s.label for s in d.sections if s.level == "cluster"]
    assert clusters == list("ABCDEFGHI") + ["A", "B"]  # A-I in part III, then A-B in part IV
    # Cluster D heading: "(arts. 5, 9-11, 18 (1 and 2), 20-21, 25 and 27 (4))"
    p37 = d.paragraph(37)
    assert p37.cluster == "D. Family environment and alternative care"
    assert p37.articles == ["5", "9", "10", "11", "18(1)", "18(2)", "20", "21", "25", "27(4)"]
    assert p37.heading == "Children deprived of a family environment"
    assert [s.label for s in p37.subparagraphs] == ["a", "b", "c"]
    # Cluster G: "(arts. 22, 30, 32-33, 35-36, 37 (b)-(d) and 38-40)"
    assert d.paragraph(57).articles == ["22", "30", "32", "33", "35", "36", "37(b)", "37(c)", "37(d)",
                                        "38", "39", "40"]
    assert d.paragraph(17).heading == "Independent monitoring"
    assert d.paragraph(62).heading.startswith("Follow-up to the Committee’s previous concluding observations")
    # "H. Ratification of the Optional Protocol on a communications procedure" has no sub-heading.
    assert d.paragraph(65).heading is None
    assert d.paragraph(65).part == "III. Main areas of concern and recommendations"
    assert d.paragraph(68).cluster == "B. Next report"


@pytest.mark.parametrize("number, kind", [
    (1, PROCEDURAL),        # "The Committee considered the fourth periodic report"
    (2, PROCEDURAL),        # "welcomes the submission of the fourth periodic report"
    (3, POSITIVE_ASPECT),   # "welcomes the ratification of"
    (4, POSITIVE_ASPECT),   # "notes with appreciation the adoption"
    (6, POSITIVE_ASPECT),   # "notes as positive the standing invitation"
    (7, RECOMMENDATION),    # "recommends that the State party take all measures"
    (8, CONCERN),           # "welcomes the adoption … However, the Committee is concerned"
    (10, CONCERN),          # "regrets that no policy"
    (14, CONCERN),          # "While noting … the Committee is concerned"
    (16, CONCERN),          # "notes the existence … However, it regrets"
    (17, RECOMMENDATION),   # "recommends that the State party take measures"
    (42, CONCERN),          # "welcomes … It is, however, concerned about:"
    (54, CONCERN),          # "While welcoming … the Committee is concerned that:"
    (64, CONCERN),          # "regrets the lack of information"
    (67, RECOMMENDATION),   # "recommends … recommendations … fully implemented"
    (68, PROCEDURAL),       # "invites the State party to submit its combined fifth and sixth reports"
    (69, PROCEDURAL),       # "invites the State party to submit an updated core document"
])
def test_observations_kinds(observations, number, kind):
    assert observations.paragraph(number).kind == kind


def test_observations_kind_counts(observations):
    counts: dict[str, int] = {}
    for paragraph in observations.paragraphs:
        counts[paragraph.kind] = counts.get(paragraph.kind, 0) + 1
    # Read paragraph by paragraph: 1-2 and 68-69 procedural, 3-6 positive, and in part III
    # each topic a concern then a recommendation, except 7, 65, 66, 67 (recommendations
    # alone) and 64 (a concern alone).
    assert counts == {PROCEDURAL: 4, POSITIVE_ASPECT: 4, CONCERN: 29, RECOMMENDATION: 32}


@pytest.mark.parametrize("number", [15, 27, 29, 35, 39, 41, 49, 57, 59, 61])
def test_observations_urgent(observations, number):
    # Each of these says "the Committee urges the State party".
    assert observations.paragraph(number).urgent


def test_observations_not_urgent(observations):
    urgent = {p.number for p in observations.paragraphs if p.urgent}
    assert urgent == {15, 27, 29, 35, 39, 41, 49, 57, 59, 61}


def test_observations_repeated(observations):
    repeated = {p.number for p in observations.paragraphs if p.repeated}
    # 7: previous recommendations "not implemented"; 28, 36, 44, 48: "remains concerned";
    # 48, 50, 60: "still concerned"; 62: "has not implemented a number of recommendations".
    assert repeated == {7, 28, 36, 44, 48, 50, 60, 62}


def test_observations_references(observations):
    d = observations
    # Para. 7: "(CRC/C/KAZ/CO/3) … coordination (para. 15), … children with disabilities (para. 48)"
    (reference,) = d.paragraph(7).references
    assert reference.symbol == "CRC/C/KAZ/CO/3"
    assert reference.paragraphs == ["15", "17", "21", "23", "29", "31", "42", "48"]
    # Para. 19: "Human Rights Council resolutions 8/7 (para. 4 (d)) and 17/4 (para. 6 (f))"
    assert [(r.symbol, r.paragraphs) for r in d.paragraph(19).references] == [
        ("A/HRC/RES/8/7", ["4(d)"]), ("A/HRC/RES/17/4", ["6(f)"])]
    assert d.paragraph(19).general_comments == [16]
    # Para. 35 (d): joint general recommendation No. 31 of CEDAW / general comment No. 18 of the CRC
    assert d.paragraph(35).general_comments == [18]
    assert [r.symbol for r in d.paragraph(35).references] == ["CEDAW/C/GC/31"]
    assert d.paragraph(31).general_comments == [13]  # "In the light of its general comment No. 13,"
    # Para. 64: "(see CRC/C/OPAC/KAZ/CO/1, paras. 7 and 15)"
    assert [(r.symbol, r.paragraphs) for r in d.paragraph(64).references] == [("CRC/C/OPAC/KAZ/CO/1", ["7", "15"])]
    # Para. 69: "paragraph 16 of General Assembly resolution 68/268"
    assert ("A/RES/68/268", ["16"]) in [(r.symbol, r.paragraphs) for r in d.paragraph(69).references]
    assert d.paragraph(3).treaties == ["CRPD", "HCCH-1980", "HCCH-1993", "UNTOC", "PALERMO"]


def test_observations_obligations(observations):
    # Para. 68: "submit its combined fifth and sixth reports by 10 September 2021 … should not
    # exceed 21,200 words"; para. 69: "an updated core document, not exceeding 42,400 words".
    assert [(o.kind, o.due, o.max_words, o.paragraph) for o in observations.obligations] == [
        ("periodic_report", "2021-09-10", 21200, 68), ("core_document", None, 42400, 69)]
    assert observations.obligations[0].description == "Combined fifth and sixth reports"


def test_observations_footnote_on_title(observations):
    (footnote,) = observations.footnotes
    assert footnote.mark == "*"
    assert footnote.text == "Adopted by the Committee at its seventieth session (14 September -2 October 2015)."


def test_questions_metadata(questions):
    d = questions
    # "Distr.: General 6 November 2025"; footnote *: "Adopted by Committee intersessionally on
    # 6 October 2025"; title: "… the combined fifth and sixth periodic reports of Kazakhstan".
    assert (d.committee, d.state, d.type, d.cycle, d.session) == (
        "CRC", "Kazakhstan", "list_of_issues", "5-6", None)
    assert d.dates == {"issued": "2025-11-06", "adopted": "2025-10-06"}
    assert d.symbol == "CRC/C/KAZ/Q/5-6"
    # Para. 1: "additional, updated information, of 10,700 words maximum, by 15 February 2026";
    # para. 15: "a brief update, of no more than three pages".
    assert [(o.kind, o.due, o.max_words, o.max_pages, o.paragraph) for o in d.obligations] == [
        ("reply", "2026-02-15", 10700, None, 1), ("update", None, None, 3, 15)]


def test_questions_structure(questions):
    d = questions
    assert [p.number for p in d.paragraphs] == list(range(1, 24))
    assert [s.title for s in d.sections] == ["Part I", "Part II", "Part III", "Data, statistics and other information"]
    assert d.paragraph(1).part is None and d.paragraph(2).part == "Part I"
    assert d.paragraph(16).heading == "Data, statistics and other information"
    kinds = {p.number: p.kind for p in d.paragraphs}
    assert kinds[1] == PROCEDURAL and kinds[23] == PROCEDURAL  # reply format; "may list areas"
    assert all(kinds[n] == REQUEST_FOR_INFORMATION for n in range(2, 23))
    # 17 (a)-(k), 19 (a)-(i); 10 runs to (i) after (h): a letter, not a roman one.
    assert [s.label for s in d.paragraph(17).subparagraphs] == list("abcdefghijk")
    assert [s.label for s in d.paragraph(10).subparagraphs] == list("abcdefghi")
    # 6 (a) lists "(i) the death… (ii) … (iii) … and (iv) the ill-treatment of children by teachers in Pavlodar"
    six_a = d.paragraph(6).subparagraphs[0]
    assert [s.label for s in six_a.subparagraphs] == ["i", "ii", "iii", "iv"]
    assert six_a.subparagraphs[3].text == "the ill-treatment of children by teachers in Pavlodar"
    assert six_a.text.endswith("in relation to the reports of:")
    assert [s.label for s in d.paragraph(13).subparagraphs[0].subparagraphs] == ["i", "ii", "iii", "iv", "v"]


def test_questions_footnote_references(questions):
    d = questions
    # Footnote 1 on para. 3: "CRC/C/KAZ/5-6, para. 48." (the State's report)
    assert [(r.symbol, r.paragraphs, r.via) for r in d.paragraph(3).references] == [
        ("CRC/C/KAZ/5-6", ["48"], "footnote")]
    # Footnote 2 on 5 (d): "Ibid., paras. 98–104." repeats footnote 1's symbol.
    five_d = d.paragraph(5).subparagraphs[3]
    assert [(r.symbol, r.paragraphs, r.via) for r in five_d.references] == [
        ("CRC/C/KAZ/5-6", [str(n) for n in range(98, 105)], "ibid")]
    # Footnote 3 on 8 (d) "as recommended by the Committee;": "CRC/C/KAZ/CO/4, para. 39."
    eight_d = d.paragraph(8).subparagraphs[3]
    assert eight_d.label == "d"
    assert [(r.symbol, r.paragraphs) for r in eight_d.references] == [("CRC/C/KAZ/CO/4", ["39"])]
    # Footnote 4 on 12 (a): "Ibid., para. 55 (a)." -> CRC/C/KAZ/CO/4
    twelve_a = d.paragraph(12).subparagraphs[0]
    assert [(r.symbol, r.paragraphs, r.via) for r in twelve_a.references] == [
        ("CRC/C/KAZ/CO/4", ["55(a)"], "ibid")]
    # Footnotes 5 and 6 on para. 14: the Optional Protocols' concluding observations.
    assert [r.symbol for r in d.paragraph(14).references] == ["CRC/C/OPSC/KAZ/CO/1", "CRC/C/OPAC/KAZ/CO/1"]
    assert [f.mark for f in d.paragraph(14).footnotes] == ["5", "6"]


def test_bullet_items_of_a_paragraph_are_not_headings():
    from .conftest import shared_upr

    document = parse_file(shared_upr("upr-afghanistan-2014.pdf"))
    # Para. 12 "… the following achievements had been made between 2009 and 2013:" is followed
    # by six bullets without final punctuation, the last "Total enrolment in higher education
    # had increased from 52,000 in 2009 to 220,000 in 2013"; then para. 13. No heading there.
    assert [s.title for s in document.sections if s.level == "heading"] == []
    twelve = document.paragraph(12)
    assert twelve.text.endswith("Total enrolment in higher education had increased from 52,000 in 2009 to "
                                "220,000 in 2013")
    assert document.paragraph(13).heading is None


def test_the_parsers_cheap_constructors_build_what_the_classes_build():
    """new_paragraph and new_subparagraph set slots one by one: a field added to the class
    and forgotten there would leave it unset (AttributeError on first use)."""
    paragraph = new_paragraph(7, "The Committee recommends…", "I. Part", "A. Cluster", "Topic", ["2"], 31)
    assert paragraph == Paragraph(7, "", "The Committee recommends…", part="I. Part", cluster="A. Cluster",
                                  heading="Topic", articles=["2"], line=31)
    sub = new_subparagraph("a", "Adopt a law", 32)
    assert sub == Subparagraph("a", "Adopt a law", 32)
    for made, cls in ((paragraph, Paragraph), (sub, Subparagraph)):
        for field in fields(cls):
            getattr(made, field.name)  # every field is set
    # Lists are fresh per object, as with default factories.
    assert new_subparagraph("b", "", 0).footnotes is not new_subparagraph("c", "", 0).footnotes
