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
from .vocabulary import Language, language


class ObligationPatterns:
    def __init__(self, lang: Language):
        data = lang.data["obligations"]
        self.lang = lang
        self.words = lang.compile(data["words"])
        self.pages = lang.compile(data["pages"])
        self.due = lang.compile(data["due"])
        self.due_month = lang.compile(data["due_month"])
        self.within = lang.compile(data["within"])
        self.periodic_report = lang.compile(data["periodic_report"])
        self.core_document = lang.compile(data["core_document"])
        self.reply = lang.compile(data["reply"])
        self.update = lang.compile(data["update"])
        self.follow_up = lang.compile(data["follow_up"])
        self.follow_up_paragraphs = lang.compile(data["follow_up_paragraphs"])
        self.descriptions = lang.data["descriptions"]


@cache
def patterns(code: str) -> ObligationPatterns:
    return ObligationPatterns(language(code))


def find(paragraphs: list[Paragraph], document_type: str | None, language_code: str,
         adopted: str | None) -> list[Obligation]:
    """Every obligation set by the document's paragraphs, in document order."""
    p = patterns(language_code)
    found: list[Obligation] = []
    for paragraph in paragraphs:
        text = paragraph.full_text()
        obligation = _obligation(p, paragraph, text, document_type, adopted)
        if obligation:
            found.append(obligation)
    return found


def _obligation(p: ObligationPatterns, paragraph: Paragraph, text: str, document_type: str | None,
                adopted: str | None) -> Obligation | None:
    lang = p.lang
    max_words = _count(p.words, text, lang)
    max_pages = _count(p.pages, text, lang)
    due_match = p.due.search(text)
    due = lang.date(due_match.group("date")) if due_match else None
    within = p.within.search(text)
    if document_type == UPR_REPORT:
        month = p.due_month.search(text)
        if month:
            return Obligation("response", p.descriptions["response"], lang.date(month.group("date")),
                              paragraph=paragraph.number)
        return None
    if within:
        amount = lang.number(within.group("n")) or 0
        months = amount * 12 if within.group("unit").lower().startswith("year") else amount
        listed = p.follow_up_paragraphs.search(text, within.end())
        numbers = ", ".join(paragraph_list(listed.group("list"))) if listed else ""
        description = (p.descriptions["follow_up"].format(paragraphs=numbers) if numbers
                       else p.descriptions["follow_up_no_paragraphs"])
        return Obligation("follow_up", description, _add_months(adopted, months) if adopted else None,
                          max_words, max_pages, paragraph.number)
    if max_words is None and max_pages is None and due is None:
        return None
    if p.core_document.search(text):
        return Obligation("core_document", p.descriptions["core_document"], due, max_words, max_pages,
                          paragraph.number)
    if document_type in (LIST_OF_ISSUES, LIST_OF_ISSUES_PRIOR_TO_REPORTING):
        if p.update.search(text):
            return Obligation("update", p.descriptions["update"], due, max_words, max_pages, paragraph.number)
        if p.reply.search(text):
            return Obligation("reply", p.descriptions["reply"], due, max_words, max_pages, paragraph.number)
    report = p.periodic_report.search(text)
    if report and (due or max_words):
        what = re.sub(r"^(?:its|their|the)\s+", "", report.group("what").strip())
        return Obligation("periodic_report", what[:1].upper() + what[1:], due, max_words, max_pages,
                          paragraph.number)
    return None


def _count(pattern: re.Pattern[str], text: str, lang: Language) -> int | None:
    match = pattern.search(text)
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
