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
    """Steps of ``paragraph``'s chain; ``visible`` is the queryset of paragraphs the user may see.

    Earlier steps are followed through links out only, later ones through links in only, so
    the chain of a recommendation does not fan out to the other subjects its later question
    also covers.
    """
    found: dict[int, Link] = {}
    seen = {paragraph.pk}
    for forward in (False, True):
        frontier = {paragraph.pk}
        while frontier and len(seen) < MAX_STEPS:
            where = Q(target__in=frontier) if forward else Q(source__in=frontier)
            batch = (Link.objects.filter(where).exclude(decision=Decision.REJECTED)
                     .only("id", "source_id", "target_id", "source_item", "score", "decision"))
            frontier = set()
            for lk in batch:
                found[lk.pk] = lk
                step = lk.source_id if forward else lk.target_id
                if step not in seen:
                    seen.add(step)
                    frontier.add(step)
    paragraphs = {p.pk: p for p in visible.filter(pk__in=seen).select_related("document")}
    if len(paragraphs) <= 1:
        return []
    steps = {pk: Step(p, current=pk == paragraph.pk) for pk, p in paragraphs.items()}
    for lk in found.values():
        if lk.source_id in steps and lk.target_id in steps:
            steps[lk.source_id].follows.append(lk)
    return sorted(steps.values(), key=lambda s: (s.paragraph.document.date or s.paragraph.document.created.date(),
                                                 s.paragraph.document.symbol, s.paragraph.position))
