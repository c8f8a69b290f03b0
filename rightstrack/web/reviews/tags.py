"""Tags of paragraphs: articles printed in the document, and what ``rightstrack.tagging`` finds.

The tagging library is imported lazily: without it only the printed articles are stored,
and the import preview says so. A re-run replaces proposed tags only; a tag a person
confirmed, rejected or added stays as it is.
"""

from __future__ import annotations

from .choices import Decision, Origin, Vocabulary
from .models import Document, Tag


def tagger():
    try:
        from ...tagging import tag_text
    except ImportError:
        return None
    return tag_text


def notes() -> list[str]:
    if tagger() is None:
        return ["tagging library (rightstrack.tagging) not installed: only the articles printed in the "
                "document are tagged; themes, affected groups and SDGs are not"]
    return []


def tag_document(document: Document) -> int:
    """(Re)compute the tags of every paragraph of ``document``; returns how many are proposed."""
    tag_text = tagger()
    wanted: dict[tuple[int, str, str], str] = {}
    for paragraph in document.paragraphs.all():
        for article in paragraph.articles:
            wanted[(paragraph.pk, Vocabulary.ARTICLE, article)] = Origin.DOCUMENT
        if tag_text is None:
            continue
        found = tag_text(paragraph.full_text, committee=document.committee, articles=paragraph.articles or None)
        for vocabulary, values in ((Vocabulary.THEME, found.themes), (Vocabulary.GROUP, found.groups),
                                   (Vocabulary.SDG, found.sdgs), (Vocabulary.ARTICLE, found.articles)):
            for value in values:
                wanted.setdefault((paragraph.pk, vocabulary, str(value)[:100]), Origin.TAGGING)
    existing = {(t.paragraph_id, t.vocabulary, t.value): t for t in Tag.objects.filter(paragraph__document=document)}
    for key, tag in existing.items():
        if key not in wanted and tag.decision == Decision.PROPOSED and tag.origin != Origin.MANUAL:
            tag.delete()
    new = [Tag(paragraph_id=key[0], vocabulary=key[1], value=key[2], origin=origin,
               decision=Decision.CONFIRMED if origin == Origin.DOCUMENT else Decision.PROPOSED)
           for key, origin in wanted.items() if key not in existing]
    Tag.objects.bulk_create(new)
    return len(new)
