"""The built-in vocabularies on real passages of the Kazakhstan documents.

Each expected tag was checked by reading the passage; a row lists tags that must be there
and, where a careless rule would add one, a tag that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rightstrack import parse_file
from rightstrack.tagging import Tags, tag_document, tag_text
from rightstrack.tagging.phrases import PhraseIndex, words

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "crc-kaz"
CO = EXAMPLES / "kaz-concluding-observations-2015.txt"  # CRC/C/KAZ/CO/4
LOI = EXAMPLES / "kaz-list-of-issues-2025.md"  # CRC/C/KAZ/Q/5-6


@pytest.fixture(scope="module")
def co_tags() -> dict[int, Tags]:
    return tag_document(parse_file(CO))


@pytest.fixture(scope="module")
def loi_tags() -> dict[int, Tags]:
    return tag_document(parse_file(LOI))


# (passage of CRC/C/KAZ/CO/4 or CRC/C/KAZ/Q/5-6, committee, themes, groups, SDGs, articles that must be found)
PASSAGES = [
    ("The Committee urges the State party to ensure that the minimum age of marriage, set at 18 years of age for "
     "both girls and boys, is enforced throughout the country.",
     "CRC", ["Rights related to marriage & family"], ["Girls", "Children"], ["5.3"], ["1"]),
    ("To end childhood statelessness and ensure universal registration of birth and delivery of identity documents "
     "and access to nationality, particularly with regard to children born to unmarried and/or non-citizen parents",
     "CRC", ["Rights related to name, identity & nationality"], ["Stateless persons", "Children"], ["16.9"], ["7"]),
    ("The efforts made to eliminate and strengthen the monitoring of child labour, including in cotton harvesting "
     "and among unaccompanied migrant children, and their outcome;",
     "CRC", ["Children: protection against exploitation", "Labour rights and right to work"], ["Migrants"],
     ["8.7"], ["32"]),
    ("Explicitly prohibiting corporal punishment in all settings and promoting positive parenting and non-violent "
     "forms of discipline;",
     "CRC", ["Children: definition; general principles; protection"], ["Children"], ["16.2"], ["19"]),
    ("To address discrimination against children with disabilities, children from low-income families, children "
     "living in rural areas, lesbian, gay, bisexual and transgender children",
     "CRC", ["Equality & non-discrimination"],
     ["Children with disabilities", "Persons with disabilities", "Persons living in rural areas",
      "Persons living in poverty", "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)"],
     ["10"], ["2", "23"]),
    ("Whether detention of refugee, asylum-seeking and unaccompanied and separated migrant children is legal and, "
     "if so, in which circumstances;",
     "CRC", ["Refugees & asylum seekers", "Liberty & security of the person"],
     ["Refugees & asylum seekers", "Migrants"], ["10.7"], ["22", "37"]),
    ("To ensure access to safe drinking water and sanitation and to menstrual hygiene management",
     "CRC", ["Safe drinking water & sanitation"], ["Children"], ["6.1", "6.2"], []),
    ("The Committee urges the State party to immediately take measures to identify the victims of trafficking "
     "within and outside the country and take measures to prosecute and punish perpetrators",
     "CRC", ["Human trafficking & contemporary forms of slavery", "Rule of law & impunity"],
     ["Victims of trafficking"], ["8.7", "16.2"], ["35"]),
]


@pytest.mark.parametrize(("text", "committee", "themes", "groups", "sdgs", "articles"), PASSAGES)
def test_real_passage(text, committee, themes, groups, sdgs, articles):
    tags = tag_text(text, committee=committee)
    assert set(themes) <= set(tags.themes), tags.themes
    assert set(groups) <= set(tags.groups), tags.groups
    assert set(sdgs) <= set(tags.sdgs), tags.sdgs
    assert set(articles) <= set(tags.articles), tags.articles


def test_a_target_comes_with_its_goal():
    tags = tag_text("Prohibit child marriage and ensure birth registration.")
    assert {"5", "5.3", "16", "16.9"} <= set(tags.sdgs)
    assert tags.sdgs == sorted(tags.sdgs, key=lambda code: [int(p) if p.isdigit() else p for p in code.split(".")])


def test_violence_is_target_16_2_only_when_it_concerns_children():
    assert "16.2" in tag_text("Prevent violence in schools against children.").sdgs
    assert "16.2" in tag_text("Prevent violence in all settings.", committee="CRC").sdgs
    assert "16.2" not in tag_text("Prevent violence against journalists.").sdgs


def test_committee_adds_the_group_all_its_recommendations_concern():
    assert "Children" in tag_text("Strengthen the national human rights institution.", committee="CRC").groups
    assert "Children" not in tag_text("Strengthen the national human rights institution.").groups


def test_narrower_group_implies_the_wider_ones():
    tags = tag_text("Ensure that children with disabilities are enrolled in schools.")
    assert {"Children with disabilities", "Children", "Persons with disabilities"} <= set(tags.groups)


def test_cluster_articles_are_narrowed_by_the_text(co_tags):
    # CO para. 29, "Corporal punishment" under cluster C (arts. 19, 24(3), 28(2), 34, 37(a), 39):
    # the Committee asks to prohibit corporal punishment in the family and at school.
    assert "19" in co_tags[29].articles
    assert "34" not in co_tags[29].articles  # sexual exploitation: not this paragraph's subject
    # CO para. 41, "Children with disabilities" under cluster E.
    assert "23" in co_tags[41].articles
    assert "33" not in co_tags[41].articles  # drugs: not named


def test_cluster_articles_are_kept_when_the_text_names_none():
    assert tag_text("The Committee recommends that the State party act.", committee="CRC",
                    articles=["4", "42", "44(6)"]).articles == ["4", "42", "44(6)"]


def test_articles_the_text_cites_itself():
    tags = tag_text("comply with articles 13, 17 and 29 of the Convention", committee="CRC")
    assert {"13", "17", "29"} <= set(tags.articles)


def test_no_articles_without_a_committee_whose_treaty_we_know():
    assert tag_text("birth registration").articles == []
    assert tag_text("birth registration", committee="CCPR", articles=["24"]).articles == ["24"]


def test_list_of_issues_questions_get_articles_from_their_text(loi_tags):
    # LOI para. 5(f) asks about birth registration and statelessness: article 7.
    assert "7" in loi_tags[5].articles
    # LOI para. 12 asks about refugee children, child labour and trafficking.
    assert {"22", "32", "35"} <= set(loi_tags[12].articles)


def test_document_tags_cover_the_kinds_users_follow_up(co_tags, loi_tags):
    document = parse_file(CO)
    wanted = {p.number for p in document.paragraphs if p.kind in ("recommendation", "concern")}
    assert set(co_tags) == wanted
    assert 1 not in co_tags  # procedural introduction
    assert len(loi_tags) == 21  # every request for information of the list of issues


def test_every_child_rights_paragraph_concerns_children(co_tags):
    assert all("Children" in tags.groups for tags in co_tags.values())


def test_phrases_match_across_spelling_hyphens_and_accents():
    index = PhraseIndex([("ngo", ["non-governmental organi?ation*"]), ("refugees", ["réfugié*"]),
                         ("ill", ["ill-treatment"])])
    assert index.find(words("Non-governmental organisations and non governmental organizations")) == {"ngo": 2}
    assert index.find(words("les Réfugiés")) == {"refugees": 1}
    assert index.find(words("ill treatment")) == {"ill": 1}


def test_overlapping_phrases_are_all_found():
    index = PhraseIndex([("cwd", ["children with disabilities"]), ("disability", ["disabilit*"])])
    assert index.find(words("children with disabilities")) == {"cwd": 1, "disability": 1}


@pytest.mark.parametrize(("text", "group"), [
    ("Veiller à ce que les enfants handicapés aient accès à l'éducation inclusive.", "Children with disabilities"),
    ("Garantizar el acceso a la educación de los niños refugiados y solicitantes de asilo.",
     "Refugees & asylum seekers"),
    ("Обеспечить регистрацию рождения всех детей, включая детей-инвалидов.", "Children with disabilities"),
])
def test_other_languages_are_data(text, group):
    assert group in tag_text(text).groups


def test_russian_detailed_is_not_children():
    assert "Children" not in tag_text("Просьба представить детальную информацию о бюджете.").groups


def test_explain_names_the_words_behind_each_tag():
    from rightstrack.tagging import explain_text

    evidence = explain_text("Ensure that all births are registered and that children attend school.", committee="CRC")
    assert evidence["sdgs"]["16.9"] == ["births are registered"]
    assert evidence["articles"]["7"] == ["births are registered"]
    assert evidence["themes"]["Right to education"] == ["school"]
    assert explain_text("birth registration")["articles"] == {}
