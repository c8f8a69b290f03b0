"""Tagging with the built-in vocabularies: themes, affected groups, SDGs and treaty articles.

Rules, not a model: a tag is given because one of its phrases is in the text, so every tag
can be explained and the vocabularies corrected by editing data. Articles start from the
ones the cluster heading names (the Committee's own choice) and are narrowed to those the
text speaks of.
"""

from __future__ import annotations

import re

from ..documents.models import CONCERN, RECOMMENDATION, REQUEST_FOR_INFORMATION, Document, Paragraph
from . import vocabulary
from .models import Tags
from .phrases import words

TAGGED_KINDS = (RECOMMENDATION, CONCERN, REQUEST_FOR_INFORMATION)

# "article 2 of the Convention", "articles 13, 17 and 29 of the Convention", "l'article 7 de la
# Convention", "artículo 3 de la Convención", "статьи 12 Конвенции": articles the text cites itself.
_CITED = re.compile(
    r"\b(?:articles?|arts?\.|artículos?|стать[яиюей])\s+"
    r"(?P<list>\d{1,2}(?:\s*\(\w+\))?(?:\s*(?:,|and|et|y|и)\s*\d{1,2}(?:\s*\(\w+\))?)*)\s+"
    r"(?:of the Convention|de la Convention|de la Convención|Конвенции)",
    re.IGNORECASE,
)


def tag_text(text: str, committee: str | None = None, articles: list[str] | None = None) -> Tags:
    """Themes, affected groups, SDGs and articles of one recommendation or question.

    ``committee`` ("CRC") adds the groups all its recommendations concern and lets the
    text choose among the treaty's articles; ``articles`` are those of the paragraph's
    cluster heading, narrowed by the text when the committee's articles are known.
    """
    text_words = words(text)
    group_names = _groups(text_words, committee)
    return Tags(
        themes=vocabulary.themes().ranked(vocabulary.themes().index.find(text_words)),
        groups=group_names,
        sdgs=_sdgs(text_words, set(group_names)),
        articles=_articles(text, text_words, committee, articles or []),
    )


def explain_text(text: str, committee: str | None = None) -> dict[str, dict[str, list[str]]]:
    """Why each tag was given: the words of ``text`` that found it, by kind of tag.

    {"themes": {"Right to education": ["schools"]}, "groups": {...}, "sdgs": {...}, "articles": {...}}.
    Tags that come from the committee or a narrower group name no words.
    """
    text_words = words(text)
    out: dict[str, dict[str, list[str]]] = {}
    vocabularies = {"themes": vocabulary.themes(), "groups": vocabulary.groups(), "sdgs": vocabulary.sdgs(),
                    "articles": vocabulary.articles(committee) if committee else None}
    for kind, vocab in vocabularies.items():
        evidence: dict[str, list[str]] = {}
        if vocab is not None:
            vocab.index.find(text_words, evidence)
        out[kind] = evidence
    return out


def tag_paragraph(paragraph: Paragraph, committee: str | None = None) -> Tags:
    """A paragraph with its sub-paragraphs and its topic heading ("Corporal punishment")."""
    text = paragraph.full_text()
    if paragraph.heading:
        text = f"{paragraph.heading}. {text}"
    return tag_text(text, committee=committee, articles=paragraph.articles)


def tag_document(document: Document) -> dict[int, Tags]:
    """Paragraph number -> tags, for the concerns, recommendations and questions of a document."""
    return {paragraph.number: tag_paragraph(paragraph, document.committee)
            for paragraph in document.paragraphs if paragraph.kind in TAGGED_KINDS}


def tag_upr_recommendations(document: Document) -> dict[str, Tags]:
    """Recommendation number ("136.12") -> tags, for a UPR Working Group report."""
    return {rec.number: tag_text(rec.text) for rec in document.recommendations}


def _groups(text_words: list[str], committee: str | None) -> list[str]:
    vocab = vocabulary.groups()
    counts = vocab.index.find(text_words)
    for name in vocabulary.committee_groups().get((committee or "").upper(), ()):
        counts.setdefault(name, 0)
    pending = list(counts)
    while pending:
        for wider in vocab.entries[pending.pop()].implies:
            if wider not in counts:
                counts[wider] = 0
                pending.append(wider)
    return vocab.ranked(counts)


def _sdgs(text_words: list[str], groups: set[str]) -> list[str]:
    vocab = vocabulary.sdgs()
    found = {code for code in vocab.index.find(text_words)
             if not vocab.entries[code].requires_group or groups.intersection(vocab.entries[code].requires_group)}
    found |= {vocab.entries[code].goal for code in found}
    return sorted(found, key=_code_order)


def _code_order(code: str) -> tuple[int, int, str]:
    goal, _, target = code.partition(".")
    return (int(goal), 0 if not target else 1, target.zfill(3) if target.isdigit() else target)


def _articles(text: str, text_words: list[str], committee: str | None, heading: list[str]) -> list[str]:
    vocab = vocabulary.articles(committee) if committee else None
    if vocab is None:
        return list(heading)
    named = set(vocab.index.find(text_words))
    cited = [number for match in _CITED.finditer(text) for number in re.findall(r"\d+(?![\w)])", match["list"])
             if number in vocab.entries]
    if heading:
        chosen = [article for article in heading if _base(article) in named] or list(heading)
    else:
        chosen = sorted(named, key=int)
    chosen += [number for number in cited if not any(_base(a) == number for a in chosen)]
    return sorted(dict.fromkeys(chosen), key=lambda article: (int(_base(article)), article))


def _base(article: str) -> str:
    return article.split("(")[0]
