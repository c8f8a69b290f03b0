"""Tables of real passages and what each must yield.

Passages come from the Kazakhstan documents in examples/ and from the standard paragraphs
every committee repeats word for word (follow-up requests, reporting deadlines, UPR
recommendations).
"""

from __future__ import annotations

import pytest

from rightstrack.documents import parse_text
from rightstrack.documents.articles import expand, split_heading
from rightstrack.documents.references import ReferenceFinder, find_symbols, paragraph_list, treaties
from rightstrack.documents.upr import split_states
from rightstrack.documents.vocabulary import language


@pytest.mark.parametrize("heading, title, articles", [
    ("General measures of implementation (arts. 4, 42 and 44 (6))",
     "General measures of implementation", ["4", "42", "44(6)"]),
    ("Family environment and alternative care (arts. 5, 9-11, 18 (1 and 2), 20-21, 25 and 27 (4))",
     "Family environment and alternative care",
     ["5", "9", "10", "11", "18(1)", "18(2)", "20", "21", "25", "27(4)"]),
    ("Disability, basic health and welfare (arts. 6, 18 (3), 23, 24, 26, 27 (1-3) and 33)",
     "Disability, basic health and welfare", ["6", "18(3)", "23", "24", "26", "27(1)", "27(2)", "27(3)", "33"]),
    ("Special protection measures (arts. 22, 30, 32-33, 35-36, 37 (b)-(d) and 38-40)",
     "Special protection measures",
     ["22", "30", "32", "33", "35", "36", "37(b)", "37(c)", "37(d)", "38", "39", "40"]),
    ("Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)",
     "Violence against children", ["19", "24(3)", "28(2)", "34", "37(a)", "39"]),
    ("Education, leisure and cultural activities (arts. 28-31)",
     "Education, leisure and cultural activities", ["28", "29", "30", "31"]),
    ("Civil rights and freedoms (arts. 7, 8 and 13-17)", "Civil rights and freedoms",
     ["7", "8", "13", "14", "15", "16", "17"]),
    ("Principes généraux (art. 2, 3, 6 et 12)", "Principes généraux", ["2", "3", "6", "12"]),
    ("Mesures d’application générales (art. 4, 42 et 44 (par. 6))", "Mesures d’application générales",
     ["4", "42", "44(6)"]),
    ("Next report", "Next report", []),
])
def test_cluster_headings(heading, title, articles):
    assert split_heading(heading) == (title, articles)


def test_article_list_drops_duplicates_and_keeps_order():
    assert expand("3, 12, 3 and 2") == ["3", "12", "2"]


@pytest.mark.parametrize("text, symbols", [
    ("the written replies to the list of issues (CRC/C/KAZ/Q/4/Add.1), which", ["CRC/C/KAZ/Q/4/Add.1"]),
    ("guidelines adopted on 31 January 2014 (CRC/C/58/Rev.3) and should", ["CRC/C/58/Rev.3"]),
    ("(see HRI/GEN/2/Rev.6, chap. I)", ["HRI/GEN/2/Rev.6"]),
    ("CRC/C/OPSC/KAZ/CO/1.", ["CRC/C/OPSC/KAZ/CO/1"]),
    ("its concluding observations (E/C.12/KAZ/CO/2, para. 12) and", ["E/C.12/KAZ/CO/2"]),
    ("the Working Group (A/HRC/26/4) and the national report (A/HRC/WG.6/18/AFG/1 and Corr.1)",
     ["A/HRC/26/4", "A/HRC/WG.6/18/AFG/1"]),
    ("in accordance with children's and/or parents' wishes", []),
])
def test_symbols(text, symbols):
    assert [symbol for _s, _e, symbol in find_symbols(text)] == symbols


@pytest.mark.parametrize("spec, paragraphs", [
    ("39", ["39"]), ("98–104", ["98", "99", "100", "101", "102", "103", "104"]),
    ("55 (a)", ["55(a)"]), ("7 and 15", ["7", "15"]), ("12 (b) and 24 (a)", ["12(b)", "24(a)"]),
])
def test_paragraph_lists(spec, paragraphs):
    assert paragraph_list(spec) == paragraphs


@pytest.mark.parametrize("text, general_comments, references", [
    ("In the light of its general comment No. 5 (2003) on general measures of implementation, the Committee",
     [5], []),
    ("the Committee recalls its general comments No. 2 (2002) and No. 5 (2003)", [2, 5], []),
    ("In the light of the joint general recommendation No. 31 of the Committee on the Elimination of "
     "Discrimination against Women/general comment No. 18 of the Committee on the Rights of the Child on "
     "harmful practices (2014), take", [18], [("CEDAW/C/GC/31", [])]),
    ("(see CRC/C/KAZ/CO/3, para. 15). The Committee, referring to paragraph 20 of its general comment",
     [], [("CRC/C/KAZ/CO/3", ["15"])]),
    ("in the light of Human Rights Council resolutions 8/7 (para. 4 (d)) and 17/4 (para. 6 (f)).", [],
     [("A/HRC/RES/8/7", ["4(d)"]), ("A/HRC/RES/17/4", ["6(f)"])]),
    ("(see General Assembly resolution 68/268, para. 16).", [], [("A/RES/68/268", ["16"])]),
])
def test_citations(text, general_comments, references):
    finder = ReferenceFinder(language("en"), "CRC", "General Assembly")
    own, others = finder.general_comments(text)
    assert own == general_comments
    found = [(r.symbol, r.paragraphs) for r in finder.references(text) + others]
    assert found == references


@pytest.mark.parametrize("text, codes", [
    ("ratify the Optional Protocol on a communications procedure.", ["OPIC"]),
    ("the Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
     "prostitution and child pornography and the Convention on the Rights of the Child", ["OPSC", "CRC"]),
    ("in line with the 1951 Convention on the Status of Refugees;", ["REFUGEES-1951"]),
    ("the Worst Forms of Child Labour Convention, 1999 (No. 182)", ["ILO-182"]),
    ("the provisions of the Convention", []),
])
def test_treaties(text, codes):
    assert treaties(text) == codes


@pytest.mark.parametrize("item, text, states", [
    ("To further build up on its effort to fully protect human rights in the country (Ethiopia);",
     "To further build up on its effort to fully protect human rights in the country", ["Ethiopia"]),
    ("Take necessary measures to implement a national public awareness campaign on human rights, especially "
     "women and children’s rights (Iran (Islamic Republic of));",
     "Take necessary measures to implement a national public awareness campaign on human rights, especially "
     "women and children’s rights", ["Iran (Islamic Republic of)"]),
    ("Extend a standing invitation to all Special Rapporteurs of the Human Rights Council (the former "
     "Yugoslav Republic of Macedonia);", "Extend a standing invitation to all Special Rapporteurs of the "
     "Human Rights Council", ["the former Yugoslav Republic of Macedonia"]),
    ("Ratify the Optional Protocol to the Convention against Torture (OPCAT) (Chile, Mexico);",
     "Ratify the Optional Protocol to the Convention against Torture (OPCAT)", ["Chile", "Mexico"]),
    ("Withdraw its Declaration from Articles 12 and 14 of the Convention on the Rights of Persons with "
     "Disabilities (CRPD) (Pakistan);", "Withdraw its Declaration from Articles 12 and 14 of the Convention "
     "on the Rights of Persons with Disabilities (CRPD)", ["Pakistan"]),
    ("Consider ratifying the Convention (CRPD);", "Consider ratifying the Convention (CRPD)", []),
])
def test_upr_recommending_states(item, text, states):
    assert split_states(item) == (text, states)


FOLLOW_UP = """Committee on the Elimination of Discrimination against Women
Concluding observations on the eighth periodic report of Kazakhstan*
* Adopted by the Committee at its seventy-third session (1-19 July 2019).
A. Introduction
1. The Committee appreciates the submission by the State party of its eighth periodic report.
B. Positive aspects
2. The Committee welcomes the progress achieved since the consideration in 2014 of the State party's report.
C. Principal areas of concern and recommendations
3. The Committee recommends that the State party adopt a comprehensive definition of discrimination.
4. The Committee requests the State party to provide, within two years, written information on the steps \
taken to implement the recommendations contained in paragraphs 12 (b) and 24 (a) above.
5. The Committee invites the State party to submit its ninth periodic report in July 2023. The report should \
be submitted on time and should not exceed 21,200 words.
"""


def test_follow_up_request_is_dated_from_adoption():
    document = parse_text(FOLLOW_UP)
    assert (document.committee, document.cycle, document.session) == ("CEDAW", "8", 73)
    assert document.dates["session_end"] == "2019-07-19"
    kinds = [p.kind for p in document.paragraphs]
    assert kinds == ["procedural", "positive_aspect", "recommendation", "recommendation", "procedural"]
    follow_up = document.obligations[0]
    assert (follow_up.kind, follow_up.paragraph) == ("follow_up", 4)
    assert follow_up.description == "Follow-up information on paragraphs 12(b), 24(a)"
    assert follow_up.due == "2021-07-19"  # two years from the end of the adopting session
    report = document.obligations[1]
    assert (report.kind, report.due, report.max_words, report.paragraph) == ("periodic_report", "2023-07", 21200, 5)
    assert report.description == "Ninth periodic report"


@pytest.mark.parametrize("title, document_type, cycle", [
    ("Combined fifth and sixth periodic reports submitted by Kazakhstan under article 44 of the Convention, "
     "due in 2021*", "state_report", "5-6"),
    ("Replies of Kazakhstan to the list of issues in relation to its combined fifth and sixth periodic reports*",
     "replies_to_list_of_issues", "5-6"),
    ("List of issues prior to submission of the combined fifth and sixth periodic reports of Kazakhstan*",
     "list_of_issues_prior_to_reporting", "5-6"),
    ("Concluding observations on the combined second to fourth periodic reports of Kazakhstan*",
     "concluding_observations", "2-4"),
    ("Concluding observations on the initial report of Kazakhstan*", "concluding_observations", "1"),
])
def test_document_types_and_cycles(title, document_type, cycle):
    text = (f"Committee on the Rights of the Child\n{title}\n"
            "1. The Committee recommends that the State party adopt a law.\n")
    document = parse_text(text)
    assert (document.type, document.cycle, document.state) == (document_type, cycle, "Kazakhstan")
    # The committee recommends and asks; in a State's report or replies nobody does.
    expected = {"concluding_observations": "recommendation", "list_of_issues_prior_to_reporting":
                "request_for_information"}.get(document_type, "procedural")
    assert document.paragraphs[0].kind == expected


@pytest.mark.parametrize("paragraph, kind, description, due", [
    # Human Rights Committee, the standard follow-up paragraph.
    ("In accordance with rule 75, paragraph 1, of the Committee’s rules of procedure, the State party is "
     "requested to provide, by 27 July 2025, information on the implementation of the recommendations made by "
     "the Committee in paragraphs 12 (non-discrimination), 26 (violence against women) and 36 (torture and "
     "ill-treatment) above.", "follow_up", "Follow-up information on paragraphs 12, 26, 36", "2025-07-27"),
    # Committee against Torture.
    ("The Committee requests the State party to provide, by 12 May 2023, information on follow-up to the "
     "Committee’s recommendations on the investigation of complaints (see paras. 11 (a), 17 (b) and 29 (c) "
     "above).", "follow_up", "Follow-up information on paragraphs 11(a), 17(b), 29(c)", "2023-05-12"),
    # Committee on Economic, Social and Cultural Rights.
    ("The Committee requests the State party to submit its fourth periodic report, to be prepared in "
     "accordance with the reporting guidelines adopted by the Committee in 2008 (E/C.12/2008/2), by 31 March "
     "2026.", "periodic_report", "Fourth periodic report", "2026-03-31"),
    ("The Committee requests the State party to provide, within 24 months of the adoption of the present "
     "concluding observations, information on the implementation of the recommendations contained in "
     "paragraphs 12 (a) and 36 above.", "follow_up", "Follow-up information on paragraphs 12(a), 36",
     "2024-10-02"),
])
def test_obligations_of_other_committees(paragraph, kind, description, due):
    text = ("Committee against Torture\nConcluding observations on the fourth periodic report of Kazakhstan\n"
            "1. The Committee considered the fourth periodic report of Kazakhstan and adopted the present "
            "concluding observations at its meeting held on 2 October 2022.\n"
            f"2. {paragraph}\n")
    (obligation,) = parse_text(text).obligations
    assert (obligation.kind, obligation.description, obligation.due, obligation.paragraph) == (
        kind, description, due, 2)


CCPR = """Human Rights Committee
Concluding observations on the third periodic report of Kazakhstan*
* Adopted by the Committee at its one hundred and thirty-sixth session (10 October-4 November 2022).
1. The Committee considered the third periodic report of Kazakhstan at its 3912th and 3913th meetings, \
held on 13 and 14 October 2022. At its 3936th meeting, held on 31 October 2022, it adopted the present \
concluding observations.
A. Introduction
2. The Committee is grateful to the State party for having accepted the simplified reporting procedure.
B. Positive aspects
3. The Committee welcomes the adoption by the State party of the Law on the abolition of the death penalty.
C. Principal matters of concern and recommendations
National human rights institution
4. While noting the reaccreditation of the Commissioner for Human Rights with B status, the Committee \
remains concerned about the lack of independence of the institution.
5. The State party should:
(a) Ensure that the Commissioner for Human Rights fully complies with the Paris Principles;
(b) Allocate adequate financial and human resources to the institution.
Torture and ill-treatment
6. The Committee is concerned about reports of torture during the events of January 2022.
7. The State party should take immediate measures to eradicate torture, as a matter of urgency.
D. Dissemination and follow-up
8. The State party should widely disseminate the Covenant and the present concluding observations.
"""


def test_human_rights_committee_layout():
    document = parse_text(CCPR)
    assert (document.committee, document.cycle, document.session) == ("CCPR", "3", 136)
    assert document.dates["adopted"] == "2022-10-31"
    assert [(p.number, p.kind) for p in document.paragraphs] == [
        (1, "procedural"), (2, "procedural"), (3, "positive_aspect"), (4, "concern"), (5, "recommendation"),
        (6, "concern"), (7, "recommendation"), (8, "recommendation")]
    assert document.paragraph(4).repeated  # "remains concerned"
    five = document.paragraph(5)
    assert (five.cluster, five.heading) == ("C. Principal matters of concern and recommendations",
                                            "National human rights institution")
    assert [s.label for s in five.subparagraphs] == ["a", "b"]
    assert document.paragraph(8).heading is None
    assert document.symbol == "CCPR/C/KAZ/CO/3"
