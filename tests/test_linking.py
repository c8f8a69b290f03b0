"""Follow-up links between the real Kazakhstan documents: CRC/C/KAZ/CO/4 (2015) and the 2025 list of issues."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import pytest

from rightstrack.documents import parse_file
from rightstrack.linking import Candidate, ItemLinks, link, link_report, links_to_json, report_to_json
from rightstrack.linking.errors import NoEarlierDocument, UnknownMethod
from rightstrack.linking.units import question_units

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "crc-kaz"
OLD = EXAMPLES / "kaz-concluding-observations-2015.txt"
NEW = EXAMPLES / "kaz-list-of-issues-2025.md"
GOLD = json.loads((ROOT / "tests" / "data" / "links-kaz.json").read_text(encoding="utf-8"))
UPR = ROOT.parent / "shared" / "corpus" / "upr"


@cache
def documents():
    return parse_file(OLD), parse_file(NEW)


@cache
def items() -> dict[str, ItemLinks]:
    old, new = documents()
    return {item.item: item for item in link(old, new)}


def test_every_question_unit_is_linked_in_document_order():
    old, new = documents()
    keys = [unit.item for unit in question_units(new)]
    assert list(items()) == keys
    assert "8(d)" in keys and "3" in keys and "14" in keys and "6(a)" in keys  # roman points stay inside 6(a)
    assert all(key.count("(") <= 1 for key in keys)


def test_a_footnote_citation_wins_and_says_so():
    first = items()["8(d)"].candidates[0]
    assert (first.paragraph, first.explicit, first.score, first.symbol) == (39, True, 1.0, "CRC/C/KAZ/CO/4")
    assert "footnote" in first.why and "CRC/C/KAZ/CO/4, para. 39" in first.why
    assert first.kind == "recommendation" and first.recommendation == 39


def test_an_ibid_footnote_resolves_to_the_cited_point():
    first = items()["12(a)"].candidates[0]
    assert (first.paragraph, first.label, first.explicit) == (55, "a", True)
    assert "Ibid." in first.why


def test_as_recommended_by_the_committee_marks_a_follow_up():
    item = items()["4(b)"]
    assert item.follow_up
    assert item.candidates and "follows up a recommendation" in item.candidates[0].why
    assert not items()["4(a)"].follow_up


def test_the_commissioner_for_childrens_rights_follows_up_the_ombudsperson():
    item = items()["3"]
    first = item.candidates[0]
    assert first.paragraph in (16, 17) and first.recommendation == 17
    assert "Commissioner for Children's Rights" in first.why and "Independent monitoring" in first.why
    old, _new = documents()
    assert "ombudsperson for children" in old.paragraph(17).text  # the wording differs: the thesaurus links them


def test_marriage_under_18_follows_up_early_and_forced_marriage():
    first = items()["7(e)"].candidates[0]
    assert first.paragraph in (34, 35) and first.recommendation == 35


def test_a_concern_points_to_the_recommendation_of_its_topic():
    old, _new = documents()
    concerns = [c for item in items().values() for c in item.candidates if c.kind == "concern" and c.recommendation]
    assert len(concerns) > 20
    for candidate in concerns:
        recommendation = old.paragraph(candidate.recommendation)
        assert recommendation.kind == "recommendation" and recommendation.heading == candidate.heading


@pytest.mark.parametrize("item", ["10(c)", "12(e)", "8(e)"])  # breastfeeding, street children, incarcerated parents
def test_a_subject_the_old_document_never_raised_gets_no_candidate(item):
    old, _new = documents()
    assert items()[item].candidates == []
    assert any("new subject" in warning for warning in items()[item].warnings)


def test_repeated_topics_are_flagged():
    # 28: "remains concerned" (corporal punishment);
    # 16-17: listed in para. 7 among the 2007 recommendations not implemented.
    by_paragraph = {c.paragraph: c for item in items().values() for c in item.candidates}
    assert by_paragraph[28].repeated or by_paragraph[29].repeated
    assert by_paragraph[17].repeated
    assert not by_paragraph[39].repeated


def test_a_citation_of_a_document_not_given_is_reported_not_linked():
    item = items()["14"]
    assert any("CRC/C/OPSC/KAZ/CO/1" in w and "not among" in w for w in item.warnings)
    assert not any(c.explicit for c in item.candidates)
    assert not any("CRC/C/KAZ/5-6" in w for w in items()["3"].warnings)  # the State report is a source, not a follow-up


def test_the_threshold_is_reported_and_applied():
    old, new = documents()
    report = link_report(old, new)
    assert 0 < report.threshold < 1
    assert all(c.score >= report.threshold or c.explicit for item in report.items for c in item.candidates)
    strict = link_report(old, new, threshold=1.0)
    assert strict.threshold == 1.0
    assert {c.paragraph for item in strict.items for c in item.candidates} == {39, 55}


def test_several_old_documents_carry_their_symbols():
    old_a = parse_file(OLD)
    old_b = parse_file(OLD, symbol="CRC/C/KAZ/CO/3")  # the same text given under another symbol
    _old, new = documents()
    results = {item.item: item for item in link([old_a, old_b], new)}
    symbols = {c.symbol for item in results.values() for c in item.candidates}
    assert symbols == {"CRC/C/KAZ/CO/4", "CRC/C/KAZ/CO/3"}
    explicit = [c for c in results["8(d)"].candidates if c.explicit]
    assert [(c.symbol, c.paragraph) for c in explicit] == [("CRC/C/KAZ/CO/4", 39)]


def test_json_shape_is_stable():
    old, new = documents()
    report = link_report(old, new)
    rows = links_to_json(report.items)
    json.dumps(rows)  # plain JSON
    row = next(r for r in rows if r["item"] == "8(d)")
    assert set(row) == {"item", "paragraph", "label", "text", "candidates", "warnings", "follow_up"}
    assert (row["paragraph"], row["label"]) == (8, "d")
    assert set(row["candidates"][0]) == {"paragraph", "score", "why", "symbol", "kind", "explicit",
                                         "recommendation", "repeated", "heading", "label"}
    whole = report_to_json(report)
    assert whole["threshold"] == report.threshold and whole["old"] == ["CRC/C/KAZ/CO/4"] and whole["items"] == rows
    assert isinstance(report.items[0].candidates[0], Candidate)


def test_linking_needs_an_earlier_document_and_a_known_method():
    old, new = documents()
    with pytest.raises(NoEarlierDocument):
        link([], new)
    with pytest.raises(UnknownMethod):
        link(old, new, method="magic")


def test_no_note_when_the_documents_fit():
    old, new = documents()
    assert link_report(old, new).notes == []


def test_a_later_document_given_as_old_is_noted():
    old, new = documents()
    report = link_report(new, old)
    assert any("later than" in note for note in report.notes)


def test_a_document_about_another_state_is_noted_in_one_line():
    old, new = documents()
    other = dataclasses.replace(old, state="Kyrgyzstan")
    report = link_report(other, new)
    notes = [n for n in report.notes if "Kyrgyzstan" in n and "Kazakhstan" in n]
    assert len(notes) == 1 and "\n" not in notes[0]
    assert report.items  # linking still ran


@pytest.mark.skipif(not UPR.is_dir(), reason="../shared/corpus/upr/ (the shared corpus) is absent")
def test_a_real_document_of_another_state_and_kind_is_noted():
    pytest.importorskip("rightstrack.documents.readers.pdf", reason="this build has no PDF reader")
    other = parse_file(UPR / "upr-norway-2014.pdf")
    _old, new = documents()
    report = link_report(other, new)
    assert any("Norway" in note and "Kazakhstan" in note for note in report.notes)
    assert all("\n" not in note for note in report.notes)


def test_the_gold_annotation_covers_every_question_and_cites_real_paragraphs():
    old, new = documents()
    assert [row["item"] for row in GOLD["items"]] == [unit.item for unit in question_units(new)]
    numbers = {p.number for p in old.paragraphs}
    for row in GOLD["items"]:
        assert set(row["paragraphs"]) <= numbers and row["why"]


def test_the_embedding_method_is_optional_and_says_how_to_install_it():
    from rightstrack.linking.embeddings import available
    from rightstrack.linking.errors import EmbeddingsUnavailable

    old, new = documents()
    if not available():
        with pytest.raises(EmbeddingsUnavailable) as error:
            link(old, new, method="embedding")
        assert "pip install" in str(error.value) and "\n" not in str(error.value)
        return
    results = {item.item: item for item in link(old, new, method="embedding")}
    assert results["8(d)"].candidates[0].explicit
    assert results["3"].candidates[0].paragraph in (16, 17)
