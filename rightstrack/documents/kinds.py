"""What a paragraph is: a positive aspect, a concern, a recommendation, a question…

Treaty bodies mark each paragraph with the verb of its main clause ("welcomes", "is
concerned", "recommends", "please provide"); the verbs of each language are data
(``data/languages/xx.json``). When several appear, the stronger wins: a paragraph that
welcomes something and then states a concern is a concern; one that is concerned and
recommends is a recommendation.
"""

from __future__ import annotations

import re
from functools import cache

from .models import (
    CONCERN,
    LIST_OF_ISSUES,
    LIST_OF_ISSUES_PRIOR_TO_REPORTING,
    POSITIVE_ASPECT,
    PROCEDURAL,
    RECOMMENDATION,
    REQUEST_FOR_INFORMATION,
    UPR_REPORT,
    Paragraph,
)
from .vocabulary import language


class KindPatterns:
    def __init__(self, code: str):
        lang = language(code)
        kinds = lang.data["kinds"]
        self.procedural = lang.compile_all(kinds["procedural"])
        self.recommendation = lang.compile_all(kinds["recommendation"])
        self.urgent = lang.compile_all(kinds["urgent"])
        self.concern = lang.compile_all(kinds["concern"])
        self.repeated = lang.compile_all(kinds["repeated"])
        self.positive = lang.compile_all(kinds["positive"])
        self.request = lang.compile_all(kinds["request_for_information"])
        self.introduction = re.compile(lang.data["parts"]["introduction"], re.IGNORECASE)


@cache
def patterns(code: str) -> KindPatterns:
    return KindPatterns(code)


def classify(paragraph: Paragraph, document_type: str | None, language_code: str) -> None:
    """Set ``kind``, ``urgent`` and ``repeated`` of a paragraph."""
    p = patterns(language_code)
    text = paragraph.text
    full = paragraph.full_text() if paragraph.subparagraphs else text
    paragraph.kind = _kind(p, paragraph, text, full, document_type)
    paragraph.urgent = paragraph.kind == RECOMMENDATION and bool(p.urgent.search(full))
    paragraph.repeated = paragraph.kind in (CONCERN, RECOMMENDATION) and bool(p.repeated.search(full))


def _kind(p: KindPatterns, paragraph: Paragraph, text: str, full: str, document_type: str | None) -> str:
    part_title = (paragraph.part or "").split(". ", 1)[-1]
    if document_type == UPR_REPORT or p.introduction.search(part_title):
        return PROCEDURAL
    if p.procedural.search(text):
        return PROCEDURAL
    if document_type in (LIST_OF_ISSUES, LIST_OF_ISSUES_PRIOR_TO_REPORTING):
        if p.request.search(full) or p.recommendation.search(text):
            return REQUEST_FOR_INFORMATION
        return PROCEDURAL
    for candidate in (text, full):
        if p.recommendation.search(candidate):
            return RECOMMENDATION
        if p.concern.search(candidate):
            return CONCERN
        if p.positive.search(candidate):
            return POSITIVE_ASPECT
        if p.request.search(candidate):
            return REQUEST_FOR_INFORMATION
    return PROCEDURAL
