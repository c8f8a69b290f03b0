"""The chain of follow-up of a paragraph across cycles.

From one paragraph, walk its links both ways (earlier recommendations it follows up,
later questions and paragraphs that follow it up), leaving out rejected links, and
order what is found by date: 2007 recommendation -> 2015 "not implemented" -> 2025
question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from .choices import Decision
from .models import Link, Paragraph

MAX_STEPS = 40


@dataclass
class Step:
    paragraph: Paragraph
    follows: list[Link] = field(default_factory=list)  # links to earlier steps
    current: bool = False


def chain(paragraph: Paragraph, visible) -> list[Step]:
    """Steps of ``paragraph``'s chain; ``visible`` is the queryset of paragraphs the user may see."""
    seen = {paragraph.pk}
    frontier = {paragraph.pk}
    found: list[Link] = []
    while frontier and len(seen) < MAX_STEPS:
        batch = list(Link.objects.filter(Q(source__in=frontier) | Q(target__in=frontier))
                     .exclude(decision=Decision.REJECTED).only("id", "source_id", "target_id", "source_item",
                                                                 "score", "decision", "origin", "explicit"))
        frontier = set()
        for lk in batch:
            if lk.pk in {f.pk for f in found}:
                continue
            found.append(lk)
            for pk in (lk.source_id, lk.target_id):
                if pk not in seen:
                    seen.add(pk)
                    frontier.add(pk)
    paragraphs = {p.pk: p for p in visible.filter(pk__in=seen).select_related("document")}
    if len(paragraphs) <= 1:
        return []
    steps = {pk: Step(p, current=pk == paragraph.pk) for pk, p in paragraphs.items()}
    for lk in found:
        if lk.source_id in steps and lk.target_id in steps:
            steps[lk.source_id].follows.append(lk)
    return sorted(steps.values(), key=lambda s: (s.paragraph.document.date or s.paragraph.document.created.date(),
                                                 s.paragraph.document.symbol, s.paragraph.position))
