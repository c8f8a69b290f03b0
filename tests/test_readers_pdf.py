"""Real UN PDFs (the shared corpus): UPR Working Group reports on Afghanistan and Norway, 2014.

Every expected value below was read in the PDF itself (page and paragraph noted), not
copied from the parser's output.
"""

from __future__ import annotations

import csv
import re

import pytest

from rightstrack.documents import parse_file
from rightstrack.documents.models import NOTED, SUPPORTED, TO_BE_EXAMINED, Document
from rightstrack.documents.readers import read_path
from rightstrack.documents.upr import split_states

from .typeset import upr_file

AFGHANISTAN = "upr-afghanistan-2014.pdf"
NORWAY = "upr-norway-2014.pdf"
_parsed: dict[str, Document] = {}


def parsed(name: str) -> Document:
    path = upr_file(name)
    if name not in _parsed:
        _parsed[name] = parse_file(path)
    return _parsed[name]


# (document, number, text, recommending States, response): passages read in the PDFs.
RECOMMENDATIONS = [
    (AFGHANISTAN, "136.1", "To further build up on its effort to fully protect human rights in the country",
     ["Ethiopia"], SUPPORTED),
    (AFGHANISTAN, "136.8", "Take necessary measures to implement a national public awareness campaign on human "
     "rights, especially women and children’s rights", ["Iran (Islamic Republic of)"], SUPPORTED),
    (AFGHANISTAN, "136.13", "Attract aid and attention of the international community and donors for further "
     "strengthening and supporting human rights institutions working within the framework of the Afghan "
     "Government for protection, observance and realization of the human rights", ["Saudi Arabia"], SUPPORTED),
    # p. 14, right after the page break and the "**" footnote of p. 13.
    (AFGHANISTAN, "136.14", "Further empowerment of the Legislation Department of the Ministry of Justice in the "
     "area of specialized human resources, professional staff and other necessary facilities",
     ["Saudi Arabia"], SUPPORTED),
    (AFGHANISTAN, "136.17", "Strengthen the technical capabilities of the judicial and legal institutions",
     ["State of Palestine"], SUPPORTED),
    (AFGHANISTAN, "136.22", "Extend a standing invitation to all Special Rapporteurs of the Human Rights Council",
     ["the former Yugoslav Republic of Macedonia"], SUPPORTED),
    # Printed "137.1." with a stray full stop.
    (AFGHANISTAN, "137.1", "Consider ratifying the International Convention on the Protection of the Rights of "
     "All Migrant Workers and Members of Their Families", ["Egypt"], TO_BE_EXAMINED),
    (AFGHANISTAN, "137.14", "Repeal article 398 of the Penal Code which gives perpetrators of honour killings legal "
     "concessions", ["United Kingdom of Great Britain and Northern Ireland"], TO_BE_EXAMINED),
    # Runs from p. 25 onto p. 26.
    (AFGHANISTAN, "137.23", "Ratify the Agreement on the Privileges and Immunities of the International Criminal "
     "Court and take all necessary measures for their implementation as well as the preservation of the "
     "integrity of the Rome Statute", ["France"], TO_BE_EXAMINED),
    (AFGHANISTAN, "137.34", "Consider becoming a party to the Optional Protocol to the Convention on the Rights of "
     "the Child on a communications procedure", ["Thailand"], TO_BE_EXAMINED),
    # "did not enjoy the support of Afghanistan": noted. Runs from p. 26 onto p. 27.
    (AFGHANISTAN, "138.5", "Establish a moratorium on executions with a view to removing the death penalty from its "
     "criminal statutes and ratifying the Second Optional Protocol to the International Covenant on Civil and "
     "Political Rights", ["Australia"], NOTED),
    (AFGHANISTAN, "138.12", "Put an end to the practice of criminal prosecutions for moral crimes against women who "
     "have fled their home", ["France"], NOTED),
    (NORWAY, "131.1", "Ratify those conventions to which it is not yet a party, and accelerate the incorporation in "
     "its domestic legal order of the provisions of those conventions to which it is already a party to",
     ["Niger"], TO_BE_EXAMINED),
    # "Anti-" broken at the line end (PDFium's U+FFFE).
    (NORWAY, "131.65", "Continue its efforts to ensure that the Equality and Anti-Discrimination Ombudsperson’s "
     "office has adequate resources to promote its work", ["Montenegro"], TO_BE_EXAMINED),
    # Printed "(Iran (Islamic Republic of ))".
    (NORWAY, "131.101", "Develop a comprehensive strategy to prevent, prohibit and combat hate speech, as a matter "
     "of priority, including measures to effectively investigate and prosecute related offences",
     ["Iran (Islamic Republic of)"], TO_BE_EXAMINED),
    (NORWAY, "131.149", "Implement juvenile justice standards, in particular in regard to pre-trial detention of "
     "juveniles and the segregation of juveniles from adult prisoners", ["Austria"], TO_BE_EXAMINED),
    # Footnote 1 follows the semicolon; its mark is not part of the text.
    (NORWAY, "131.186", "Ensure that the activities of transnational corporations and other business enterprises "
     "do not have a negative impact on the enjoyment of rights of indigenous peoples, and other ethnic groups",
     ["South Africa"], TO_BE_EXAMINED),
    (NORWAY, "131.203", "Consider further strategies aimed at effectively addressing the situation of undocumented "
     "asylum seekers and the return of foreigners to States in internal armed or generalized violence on "
     "humanitarian grounds", ["Sierra Leone"], TO_BE_EXAMINED),
]


@pytest.mark.parametrize("name, number, text, states, response", RECOMMENDATIONS,
                         ids=[f"{r[0][4:-9]}-{r[1]}" for r in RECOMMENDATIONS])
def test_recommendation(name, number, text, states, response):
    found = {r.number: r for r in parsed(name).recommendations}
    assert number in found
    recommendation = found[number]
    assert (recommendation.text, recommendation.recommending_states, recommendation.response) == (
        text, states, response)


def test_afghanistan_counts():
    """Counted in the PDF: 136.1-136.178 supported, 137.1-137.34 examined, 138.1-138.12 not supported."""
    document = parsed(AFGHANISTAN)
    groups: dict[str, list[str]] = {}
    for recommendation in document.recommendations:
        groups.setdefault(recommendation.response, []).append(recommendation.number)
    assert groups[SUPPORTED] == [f"136.{n}" for n in range(1, 179)]
    assert groups[TO_BE_EXAMINED] == [f"137.{n}" for n in range(1, 35)]
    assert groups[NOTED] == [f"138.{n}" for n in range(1, 13)]
    assert all(r.recommending_states for r in document.recommendations)
    assert [p.number for p in document.paragraphs] == list(range(1, 140))
    assert document.warnings == []


def test_norway_counts():
    """Counted in the PDF: all 203 recommendations in paragraph 131, to be examined."""
    document = parsed(NORWAY)
    assert [r.number for r in document.recommendations] == [f"131.{n}" for n in range(1, 204)]
    assert {r.response for r in document.recommendations} == {TO_BE_EXAMINED}
    assert all(r.recommending_states for r in document.recommendations)
    assert [p.number for p in document.paragraphs] == list(range(1, 133))
    assert document.warnings == []


@pytest.mark.parametrize("name, symbol, state, issued, adopted, due, paragraph", [
    # Cover: "A/HRC/26/4", "4 April 2014"; para. 1: adopted "At its 10th meeting, held on 31 January 2014";
    # para. 137: "no later than the twenty-sixth session of the Human Rights Council in June 2014".
    (AFGHANISTAN, "A/HRC/26/4", "Afghanistan", "2014-04-04", "2014-01-31", "2014-06", 137),
    # Cover: "A/HRC/27/3", "7 July 2014"; para. 1: "held on 2 May 2014";
    # para. 131: "no later than the twenty-seventh session of the Human Rights Council, in September 2014".
    (NORWAY, "A/HRC/27/3", "Norway", "2014-07-07", "2014-05-02", "2014-09", 131),
])
def test_metadata_and_deadline(name, symbol, state, issued, adopted, due, paragraph):
    document = parsed(name)
    assert (document.symbol, document.source["symbol_source"]) == (symbol, "printed")
    assert (document.committee, document.state, document.type) == ("UPR", state, "upr_report")
    assert (document.dates["issued"], document.dates["adopted"]) == (issued, adopted)
    assert [(o.kind, o.due, o.paragraph) for o in document.obligations] == [("response", due, paragraph)]


@pytest.mark.parametrize("name, pages, symbol, job", [
    (AFGHANISTAN, 28, "A/HRC/26/4", "GE.14-12952"),
    (NORWAY, 27, "A/HRC/27/3", "GE.14-07536"),
])
def test_page_furniture_is_removed(name, pages, symbol, job):
    source = read_path(upr_file(name))
    assert source.pages == pages
    texts = [block.text for block in source.blocks]
    assert symbol not in texts  # the running header of every page
    assert not [text for text in texts if text.isdigit()]  # page numbers
    assert not [text for text in texts if job in text or re.fullmatch(r"\*\d{7}\*", text)]
    assert f"United Nations {symbol}" in texts  # the cover's own line stays: it names the document
    assert [b.page for b in source.blocks] == sorted(b.page for b in source.blocks)


@pytest.mark.parametrize("name", [AFGHANISTAN, NORWAY])
def test_footnotes_leave_the_flow(name):
    """Page 1: "Periodic Review*" / "* The annex…"; the recommendations heading "**" / "** The conclusions…"."""
    source = read_path(upr_file(name))
    notes = [(f.mark, f.text) for f in source.footnotes]
    assert notes[:2] == [("*", "The annex to the present report is circulated as received."),
                         ("**", "The conclusions and recommendations have not been edited.")]
    title = next(b for b in source.blocks if b.text.startswith("Report of the Working Group"))
    assert (title.text, title.marks) == ("Report of the Working Group on the Universal Periodic Review",
                                         [(len(title.text), "*")])
    heading = next(b for b in source.blocks if b.text.startswith("II. Conclusions") and "..." not in b.text)
    assert (heading.text, heading.marks, heading.heading) == (
        "II. Conclusions and/or recommendations", [(len("II. Conclusions and/or recommendations"), "**")], True)
    assert not any("have not been edited" in b.text for b in source.blocks)


def test_numbered_footnote_in_norway():
    """P. 25: mark "1" after "(South Africa);", footnote "1 The recommendation originally made was…"."""
    document = parsed(NORWAY)
    assert [(f.mark, f.text) for f in document.footnotes][2] == (
        "1", "The recommendation originally made was “Ensure that the activities of transnational corporations "
        "and other business enterprises do not have a negative impact on the enjoyment of rights of indigenous "
        "peoples (South Africa)”.")


def test_words_broken_at_line_ends_are_joined():
    """Para. 7: "anti-" at a line end, "discrimination act" on the next line."""
    paragraph = parsed(NORWAY).paragraph(7)
    assert "a new comprehensive equality and anti-discrimination act. The delegation" in paragraph.text


def test_parentheses_that_are_not_states():
    """6,094 real recommendations (UPR Info, sessions 1-5) printed without their States: none is found.

    Their parentheses name treaties ("(CAT, CERD, CCPR and CESCR)"), not recommending States.
    """
    path = upr_file("upr-recommendations-sessions-1-5.csv")
    with path.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6094
    assert [row["Text"] for row in rows if split_states(row["Text"])[1]] == []


def test_lines_without_geometry_are_reflowed_as_text():
    """When PDFium's text and its characters disagree the reader keeps the text, without boxes."""
    from rightstrack.documents.readers.pdf import _layout, _PdfLine
    from rightstrack.documents.readers.reflow import reflow

    lines = [_PdfLine("1. The Committee welcomes the adoption of the", 1, 1), _PdfLine("Act.", 2, 1),
             _PdfLine("2. The Committee recommends that the State party:", 3, 2), _PdfLine("(a) Act;", 4, 2)]
    assert [b.text for b in reflow(_layout(lines, 0.0))] == [
        "1. The Committee welcomes the adoption of the Act.", "2. The Committee recommends that the State party:",
        "(a) Act;"]
