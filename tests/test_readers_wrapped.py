"""Wrapped text: lines rejoined into blocks, and text copied out of a real UN PDF.

The passages are real: lines as PDFium gives them for the UPR reports on Afghanistan and
Norway (2014) and the Kazakhstan list of issues (2025).
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from rightstrack.documents import parse_file, parse_text
from rightstrack.documents.readers.reflow import reflow

from .typeset import upr_file


def _blocks(text: str) -> list[str]:
    return [block.text for block in reflow([(line, n, None) for n, line in enumerate(text.split("\n"), 1)])]


@pytest.mark.parametrize("text, blocks", [
    # Afghanistan, para. 3: "(b)" follows a point that cites "paragraph 15 (a)" inside it.
    ("3. In accordance with paragraph 15 of the annex to resolution 5/1 and paragraph 5 of\n"
     "the annex to resolution 16/21, the following documents were issued for the review of\n"
     "Afghanistan:\n"
     " (a) A national report submitted/written presentation made in accordance with\n"
     "paragraph 15 (a) (A/HRC/WG.6/18/AFG/1 and Corr.1);\n"
     " (b) A compilation prepared by the Office of the United Nations High\n"
     "Commissioner for Human Rights (OHCHR) in accordance with paragraph 15 (b)\n"
     "(A/HRC/WG.6/18/AFG/2);",
     ["3. In accordance with paragraph 15 of the annex to resolution 5/1 and paragraph 5 of the annex to "
      "resolution 16/21, the following documents were issued for the review of Afghanistan:",
      "(a) A national report submitted/written presentation made in accordance with paragraph 15 (a) "
      "(A/HRC/WG.6/18/AFG/1 and Corr.1);",
      "(b) A compilation prepared by the Office of the United Nations High Commissioner for Human Rights "
      "(OHCHR) in accordance with paragraph 15 (b) (A/HRC/WG.6/18/AFG/2);"]),
    # Kazakhstan LOI, para. 6 (a): the roman points run on inside the point; "(iii)" at a line start too.
    ("(a) To investigate, prosecute and bring the perpetrators to justice in relation to the reports of:\n"
     "(i) the death, torture and ill-treatment of children in connection with the January 2022 events;\n"
     "(ii) the ill-treatment and torture of a group of children in police custody on 10 June 2024 in\n"
     "Uralsk; (iii) the death of children from Ayagoz special services centre reportedly admitted to\n"
     "hospital with measles in April 2020; and (iv) the ill-treatment of children by teachers in Pavlodar;",
     ["(a) To investigate, prosecute and bring the perpetrators to justice in relation to the reports of: (i) the "
      "death, torture and ill-treatment of children in connection with the January 2022 events; (ii) the "
      "ill-treatment and torture of a group of children in police custody on 10 June 2024 in Uralsk; (iii) the "
      "death of children from Ayagoz special services centre reportedly admitted to hospital with measles in "
      "April 2020; and (iv) the ill-treatment of children by teachers in Pavlodar;"]),
    # Afghanistan, para. 9: numbers at line starts that are not paragraph numbers.
    ("9. Afghanistan was currently preparing for the presidential and provincial council\n"
     "elections. According to the Independent Election Commission, in 2013 3,305,799\n"
     "citizens had received voting cards. There were 59 registered political parties in\n"
     "2. Afghanistan.\n"
     "10. Afghan citizens had access to health care, education, employment and trade unions.",
     ["9. Afghanistan was currently preparing for the presidential and provincial council elections. According "
      "to the Independent Election Commission, in 2013 3,305,799 citizens had received voting cards. There were "
      "59 registered political parties in 2. Afghanistan.",
      "10. Afghan citizens had access to health care, education, employment and trade unions."]),
    # Afghanistan, para. 12 and annex: bullets are layout; a word broken at a hyphen is one word.
    ("• The number of students enrolled in vocational schools had increased from 18,296 in\n"
     "2009 to 71,625 in 2013; 11 per cent of those were female\n"
     "• Mr. Wasil Noor Mohmand, Deputy Minister Social Affairs, Martyrs and Disabled, asylum-\n"
     "seeking children",
     ["The number of students enrolled in vocational schools had increased from 18,296 in 2009 to 71,625 in 2013; "
      "11 per cent of those were female",
      "Mr. Wasil Noor Mohmand, Deputy Minister Social Affairs, Martyrs and Disabled, asylum-seeking children"]),
    # Norway: the recommendations' chapeau, then its dotted items.
    ("131. The following recommendations will be examined by Norway, which will\n"
     "respond to them in due course, but no later than the twenty-seventh session of the\n"
     "Human Rights Council, in September 2014:\n"
     "131.1 Ratify those conventions to which it is not yet a party, and accelerate\n"
     "the incorporation in its domestic legal order of the provisions of those\n"
     "conventions to which it is already a party to (Niger);\n"
     "131.2 Ratify the Council of Europe Convention on Preventing and\n"
     "Combating Violence against Women and Domestic Violence (Italy);",
     ["131. The following recommendations will be examined by Norway, which will respond to them in due course, "
      "but no later than the twenty-seventh session of the Human Rights Council, in September 2014:",
      "131.1 Ratify those conventions to which it is not yet a party, and accelerate the incorporation in its "
      "domestic legal order of the provisions of those conventions to which it is already a party to (Niger);",
      "131.2 Ratify the Council of Europe Convention on Preventing and Combating Violence against Women and "
      "Domestic Violence (Italy);"]),
])
def test_reflow(text, blocks):
    assert _blocks(text) == blocks


def _copied(name: str, separator: str) -> str:
    """The PDF's text as a viewer copies it: lines as printed, pages after one another."""
    document = pdfium.PdfDocument(upr_file(name))
    return separator.join(page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document)


@pytest.mark.parametrize("separator", ["\n\f", "\n"], ids=["form-feeds", "no-page-breaks"])
@pytest.mark.parametrize("name", ["upr-afghanistan-2014.pdf", "upr-norway-2014.pdf"])
def test_text_copied_from_a_pdf_parses_as_the_pdf(name, separator):
    """Running headers, page numbers and foot-of-page notes are taken out of the copy too."""
    pdf = parse_file(upr_file(name))
    copied = parse_text(_copied(name, separator))
    assert copied.warnings == []
    assert [(r.number, r.text, r.recommending_states, r.response) for r in copied.recommendations] == [
        (r.number, r.text, r.recommending_states, r.response) for r in pdf.recommendations]
    assert [(p.number, p.text, p.part, p.cluster, [(s.label, s.text) for s in p.subparagraphs])
            for p in copied.paragraphs] == [
        (p.number, p.text, p.part, p.cluster, [(s.label, s.text) for s in p.subparagraphs]) for p in pdf.paragraphs]


def test_notes_at_the_foot_of_copied_pages():
    """Norway p. 13: "**" on the heading; p. 25: the mark "1" alone on its line, then the note."""
    copied = parse_text(_copied("upr-norway-2014.pdf", "\n\f"))
    assert [(f.mark, f.text) for f in copied.footnotes] == [
        ("**", "The conclusions and recommendations have not been edited."),
        ("1", "The recommendation originally made was “Ensure that the activities of transnational corporations "
              "and other business enterprises do not have a negative impact on the enjoyment of rights of "
              "indigenous peoples (South Africa)”.")]
    assert copied.sections[-1].title == "II. Conclusions and/or recommendations"
