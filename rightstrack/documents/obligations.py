"""Deadlines and limits the document sets for the State.

The next periodic report (due date, word limit), the common core document (word limit),
the written reply to a list of issues (due date, word limit), a brief update (page limit),
follow-up information requested "within one year of the adoption", and a UPR State's
responses "no later than" a Council session.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from .models import LIST_OF_ISSUES, LIST_OF_ISSUES_PRIOR_TO_REPORTING, UPR_REPORT, Obligation, Paragraph
from .references import paragraph_list
from .signals import Hits, SignalSet, compile_signals
from .vocabulary import Language, language


class ObligationPatterns:
    def __init__(self, lang: Language):
        data = lang.data["obligations"]
        self.lang = lang

        def signals(name: str) -> SignalSet:
            return compile_signals(data[name], expand=lang.expand)

        self.words = signals("words")
        self.pages = signals("pages")
        self.due = signals("due")
        self.due_month = signals("due_month")
        self.within = signals("within")
        self.periodic_report = signals("periodic_report")
        self.core_document = signals("core_document")
        self.reply = signals("reply")
        self.update = signals("update")
        self.follow_up = signals("follow_up")
        self.follow_up_paragraphs = re.compile(data["follow_up_paragraphs"])
        self.year_unit = data["year_unit"]
        self.descriptions = lang.data["descriptions"]
        self.triggers = frozenset().union(*(s.triggers for s in (
            self.words, self.pages, self.within, self.periodic_report, self.due_month, self.follow_up)))


@cache
def patterns(code: str) -> ObligationPatterns:
    return ObligationPatterns(language(code))


def triggers(code: str) -> frozenset[str]:
    p = patterns(code)
    return frozenset().union(*(s.triggers for s in (
        p.words, p.pages, p.due, p.due_month, p.within, p.periodic_report, p.core_document, p.reply, p.update,
        p.follow_up)))


def find(paragraph: Paragraph, low: str, hits: Hits, start: int, end: int, document_type: str | None,
         p: ObligationPatterns, adopted: str | None) -> Obligation | None:
    """The obligation a paragraph sets, if any (``low[start:end]``: the paragraph lower-cased;
    ``p``: the patterns of its language)."""
    if p.triggers.isdisjoint(hits):
        return None
    return _obligation(p, paragraph, low, hits, start, end, document_type, adopted)


def _obligation(p: ObligationPatterns, paragraph: Paragraph, low: str, hits: Hits, start: int, end: int,
                document_type: str | None, adopted: str | None) -> Obligation | None:
    lang = p.lang

    def search(signals: SignalSet) -> re.Match[str] | None:
        return signals.search(low, hits, start, end)

    max_words = _count(search(p.words), lang)
    max_pages = _count(search(p.pages), lang)
    within = search(p.within)
    follow_up = search(p.follow_up)
    due = None
    if max_words or max_pages or follow_up or search(p.periodic_report):
        due_match = search(p.due)
        due = lang.date(due_match.group("date")) if due_match else None
    if document_type == UPR_REPORT:
        month = search(p.due_month)
        if month:
            return Obligation("response", p.descriptions["response"], lang.date(month.group("date")),
                              paragraph=paragraph.number)
        return None
    if within or (follow_up and due):
        if within:
            amount = lang.number(within.group("n")) or 0
            months = amount * 12 if within.group("unit").startswith(p.year_unit) else amount
            due = _add_months(adopted, months) if adopted else None
        listed = p.follow_up_paragraphs.search(low, (within or follow_up).start(), end)
        numbers = ", ".join(paragraph_list(listed.group("list"))) if listed else ""
        description = (p.descriptions["follow_up"].format(paragraphs=numbers) if numbers
                       else p.descriptions["follow_up_no_paragraphs"])
        return Obligation("follow_up", description, due, max_words, max_pages, paragraph.number)
    if max_words is None and max_pages is None and due is None:
        return None
    if search(p.core_document):
        return Obligation("core_document", p.descriptions["core_document"], due, max_words, max_pages,
                          paragraph.number)
    if document_type in (LIST_OF_ISSUES, LIST_OF_ISSUES_PRIOR_TO_REPORTING):
        if search(p.update):
            return Obligation("update", p.descriptions["update"], due, max_words, max_pages, paragraph.number)
        if search(p.reply):
            return Obligation("reply", p.descriptions["reply"], due, max_words, max_pages, paragraph.number)
    report = search(p.periodic_report)
    if report and (due or max_words):
        what = report.group("what").strip()
        return Obligation("periodic_report", what[:1].upper() + what[1:], due, max_words, max_pages,
                          paragraph.number)
    return None


def _count(match: re.Match[str] | None, lang: Language) -> int | None:
    if not match:
        return None
    value = match.group("n") or match.group("n2")
    return lang.number(value) if value else None


def _add_months(iso: str, months: int) -> str | None:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate).isoformat()
        except ValueError:
            continue
    return None
