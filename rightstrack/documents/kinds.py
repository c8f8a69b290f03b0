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
    REPLIES_TO_LIST_OF_ISSUES,
    REQUEST_FOR_INFORMATION,
    STATE_REPORT,
    UPR_REPORT,
    Paragraph,
)
from .signals import Hits, compile_signals
from .vocabulary import language

# In these the committee neither recommends nor asks: the UPR Working Group's report
# carries its recommendations apart (upr.py); reports and replies are the State's.
_NOT_THE_COMMITTEES_VOICE = (UPR_REPORT, STATE_REPORT, REPLIES_TO_LIST_OF_ISSUES)


class KindSignals:
    def __init__(self, code: str):
        lang = language(code)
        kinds = lang.data["kinds"]
        self.procedural = compile_signals(kinds["procedural"])
        self.recommendation = compile_signals(kinds["recommendation"])
        self.urgent = compile_signals(kinds["urgent"])
        self.concern = compile_signals(kinds["concern"])
        self.repeated = compile_signals(kinds["repeated"])
        self.positive = compile_signals(kinds["positive"])
        self.request = compile_signals(kinds["request_for_information"])
        self.introduction = re.compile(lang.data["parts"]["introduction"], re.IGNORECASE)
        self._introductions: dict[str | None, bool] = {None: False}
        # Without any of these a paragraph is procedural, whatever the document.
        self.kind_triggers = frozenset().union(*(s.triggers for s in (
            self.procedural, self.recommendation, self.concern, self.positive, self.request)))

    def is_introduction(self, title: str | None) -> bool:
        """Whether a part or cluster title is the introduction (remembered per title)."""
        known = self._introductions.get(title)
        if known is None:
            known = self._introductions[title] = bool(self.introduction.search(title.split(". ", 1)[-1]))
        return known


@cache
def signals(code: str) -> KindSignals:
    return KindSignals(code)


def triggers(code: str) -> frozenset[str]:
    s = signals(code)
    return frozenset().union(*(getattr(s, name).triggers for name in (
        "procedural", "recommendation", "urgent", "concern", "repeated", "positive", "request")))


def classify(paragraph: Paragraph, low: str, hits: Hits, start: int, chapeau_end: int, end: int,
             document_type: str | None, s: KindSignals) -> None:
    """Set ``kind``, ``urgent`` and ``repeated``.

    ``low`` is the lower-cased text the paragraph sits in (from ``start`` to ``end``, its
    chapeau to ``chapeau_end``), ``hits`` its triggers and ``s`` the signals of its language.
    """
    kind = paragraph.kind = _kind(s, paragraph, low, hits, start, chapeau_end, end, document_type)
    paragraph.urgent = kind == RECOMMENDATION and s.urgent.found(low, hits, start, end)
    paragraph.repeated = ((kind == CONCERN or kind == RECOMMENDATION)
                          and s.repeated.found(low, hits, start, end))


def _kind(s: KindSignals, paragraph: Paragraph, low: str, hits: Hits, start: int, chapeau_end: int, end: int,
          document_type: str | None) -> str:
    if (s.kind_triggers.isdisjoint(hits) or document_type in _NOT_THE_COMMITTEES_VOICE
            or s.is_introduction(paragraph.part) or s.is_introduction(paragraph.cluster)):
        return PROCEDURAL
    if s.procedural.found(low, hits, start, chapeau_end):
        return PROCEDURAL
    if document_type in (LIST_OF_ISSUES, LIST_OF_ISSUES_PRIOR_TO_REPORTING):
        if s.request.found(low, hits, start, end) or s.recommendation.found(low, hits, start, chapeau_end):
            return REQUEST_FOR_INFORMATION
        return PROCEDURAL
    for limit in (chapeau_end, end) if end > chapeau_end else (end,):
        if s.recommendation.found(low, hits, start, limit):
            return RECOMMENDATION
        if s.concern.found(low, hits, start, limit):
            return CONCERN
        if s.positive.found(low, hits, start, limit):
            return POSITIVE_ASPECT
        if s.request.found(low, hits, start, limit):
            return REQUEST_FOR_INFORMATION
    return PROCEDURAL
