"""The thesaurus and the analysis of texts: one subject, however a committee words it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from rightstrack.linking.terms import analyzer

DATA = resources.files("rightstrack.linking") / "data"

SAME_SUBJECT = [  # (language, passage as committees write it, concept)
    ("en", "expeditiously establish the post of ombudsperson for children", "independent_monitoring"),
    ("en", "the Office of the Commissioner for Children's Rights and its regional entities", "independent_monitoring"),
    ("en", "girls continue to be subjected to early and forced marriages", "child_marriage"),
    ("en", "eliminating the marriage of girls and boys under the age of 18 without exception", "child_marriage"),
    ("en", "explicitly prohibit corporal punishment in all settings", "corporal_punishment"),
    ("en", "children deprived of a family environment", "alternative_care"),
    ("en", "cases of the sale of children in connection with intercountry adoptions", "adoption"),
    ("fr", "le Comité est préoccupé par les mariages précoces et forcés", "child_marriage"),
    ("fr", "renforcer le médiateur pour les enfants", "independent_monitoring"),
    ("es", "establecer un defensor del niño", "independent_monitoring"),
    ("es", "prohibir el castigo corporal en todos los entornos", "corporal_punishment"),
    ("ru", "учредить должность уполномоченного по правам ребенка", "independent_monitoring"),
    ("ru", "запретить телесные наказания", "corporal_punishment"),
]


@pytest.mark.parametrize(("language", "text", "concept"), SAME_SUBJECT)
def test_one_subject_in_any_wording_and_language(language, text, concept):
    found = analyzer(language).analyse(text).concepts
    assert concept in found
    assert found[concept] in text  # the phrase is reported as written, for the reason shown to people


def test_a_word_marked_exact_keeps_its_meaning():
    words = analyzer("en")
    assert "adoption" not in words.analyse("The Committee recommends that the State party adopt a law").concepts
    assert "adoption" in words.analyse("the secrecy of adoption").concepts


def test_generic_words_alone_name_no_subject():
    assert analyzer("en").analyse("children and their rights").concepts == {}


def test_the_follow_up_wording_is_recognised():
    assert analyzer("en").follow_up.search("a regulatory framework, as recommended by the Committee, in particular")
    assert analyzer("fr").follow_up.search("comme l’a recommandé le Comité")


def test_the_data_files_name_their_source_and_are_complete():
    thesaurus = json.loads((DATA / "thesaurus.json").read_text(encoding="utf-8"))
    assert thesaurus["_source"]
    ids = [row["id"] for row in thesaurus["concepts"]]
    assert len(ids) == len(set(ids))
    for row in thesaurus["concepts"]:
        assert row["label"] and len(row["en"]) >= 2, row["id"]
    for path in (DATA / "languages").iterdir():
        language = json.loads(path.read_text(encoding="utf-8"))
        assert {"_source", "language", "stemmer", "stopwords", "boilerplate", "follow_up_markers"} <= set(language)
        assert path.name == f"{language['language']}.json"
