"""Notes on documents that do not fit together: linking still runs, and says so in one line.

A list of issues linked against another State's observations, against a document with no
recommendations, or against a later document, is most likely a mistake of the user; the
links are still computed (someone comparing two States may want them) and the notes say
what is odd.
"""

from __future__ import annotations

from rightstrack.documents.models import Document

from .topics import Target
from .units import Unit


def _name(document: Document) -> str:
    return document.symbol or str(document.source.get("path") or "a document")


def notes(old: list[Document], new: Document, targets: list[Target], units: list[Unit]) -> list[str]:
    out: list[str] = []
    if not units:
        out.append(f"{_name(new)} has no questions or recommendations to link")
    for index, document in enumerate(old):
        name = _name(document)
        if document.state and new.state and document.state != new.state:
            out.append(f"{name} is about {document.state} and {_name(new)} about {new.state}: "
                       "links across States are not follow-up")
        if not any(t.document == index for t in targets):
            out.append(f"{name} has no concerns or recommendations to follow up"
                       + (f" (it is a {document.type.replace('_', ' ')})" if document.type else ""))
        if document.language != new.language:
            out.append(f"{name} is in {document.language} and {_name(new)} in {new.language}: "
                       "across languages only the thesaurus subjects match, so fewer links are found")
        if document.symbol and document.symbol == new.symbol:
            out.append(f"{name} is linked against itself")
        old_date, new_date = _date(document), _date(new)
        if old_date and new_date and old_date > new_date:
            out.append(f"{name} ({old_date}) is later than {_name(new)} ({new_date}): "
                       "a question can only follow up what came before it")
    return out


def unrelated(old: list[Document], new: Document, linked: int, total: int) -> str | None:
    """A note when almost no question found an earlier paragraph: the documents may be unrelated."""
    if total >= 5 and linked < 0.1 * total:
        symbols = ", ".join(_name(d) for d in old)
        return f"only {linked} of {total} questions of {_name(new)} follow up {symbols}: the documents look unrelated"
    return None


def _date(document: Document) -> str | None:
    return document.dates.get("adopted") or document.dates.get("issued")
