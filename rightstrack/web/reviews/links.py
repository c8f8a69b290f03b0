"""Links across cycles: which earlier recommendation a new question or paragraph follows up.

``rightstrack.linking`` computes them when installed (imported lazily). Without it only
the links a document states itself are proposed: a paragraph citing "CRC/C/KAZ/CO/4,
para. 39" of an imported document. A re-run updates proposed links only: a link a
person confirmed, rejected or added is never changed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...documents import Document as Parsed
from ...documents import from_json
from .choices import Decision, Origin
from .models import Document, Link, Paragraph

EARLIER_DOCUMENTS = 4  # how many earlier documents of the same State and committee to link against


@dataclass
class Proposal:
    item: str  # "8(d)" or "8"
    paragraph: str  # number in the new document
    symbol: str  # target document
    target: str  # target paragraph number
    score: float
    why: str
    explicit: bool
    origin: str


def linker():
    try:
        from ...linking import link
    except ImportError:
        return None
    return link


def notes() -> list[str]:
    if linker() is None:
        return ["linking library (rightstrack.linking) not installed: only links the document cites "
                "explicitly (symbol and paragraph) are proposed"]
    return []


def _earlier(parsed: Parsed, exclude: Document | None) -> list[Document]:
    state_code = str(parsed.source.get("state_code") or "")
    from .importer import _date

    date = _date(parsed)
    queryset = Document.objects.filter(state_code=state_code, committee=parsed.committee or "UPR")
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    queryset = queryset.exclude(symbol=parsed.symbol)
    if date:
        queryset = queryset.filter(date__lt=date)
    return list(queryset.order_by("-date")[:EARLIER_DOCUMENTS])


def propose(parsed: Parsed, exclude: Document | None = None) -> list[Proposal]:
    """Links from ``parsed`` to earlier imported documents; reads, writes nothing."""
    earlier = _earlier(parsed, exclude)
    if not earlier:
        return []
    link = linker()
    if link is None:
        return _cited(parsed, earlier)
    olds = [from_json(d.versions.order_by("-number").first().parsed) for d in earlier]
    proposals = []
    for item in link(olds if len(olds) > 1 else olds[0], parsed):
        for candidate in item.candidates:
            symbol = candidate.symbol or (earlier[0].symbol if len(earlier) == 1 else None)
            if symbol is None:
                continue
            targets = [(candidate.paragraph, candidate.why or "")]
            if candidate.recommendation not in (None, candidate.paragraph):
                # A concern found: link also to the recommendation of its subject, what the State was asked.
                targets.append((candidate.recommendation,
                                f"recommendation on the subject of para. {candidate.paragraph}: {candidate.why}"))
            for number, why in targets:
                proposals.append(Proposal(item.item, str(item.paragraph), symbol, str(number), float(candidate.score),
                                          why, bool(candidate.explicit), Origin.LINKING))
    return proposals


def _cited(parsed: Parsed, earlier: list[Document]) -> list[Proposal]:
    symbols = {d.symbol for d in earlier}
    proposals = []
    for paragraph in parsed.paragraphs:
        for reference in paragraph.references:
            if reference.symbol in symbols:
                for cited in reference.paragraphs:
                    number = cited.split("(")[0]
                    proposals.append(Proposal(str(paragraph.number), str(paragraph.number), reference.symbol,
                                              number, 1.0, f"cites {reference.symbol}, para. {cited}", True,
                                              Origin.CITED))
    return proposals


def store(document: Document, proposals: list[Proposal]) -> int:
    """Write proposals for ``document``'s paragraphs; keep human decisions; return links written."""
    sources = {p.number: p for p in document.paragraphs.all()}
    targets: dict[tuple[str, str], Paragraph] = {
        (p.document.symbol, p.number): p
        for p in Paragraph.objects.filter(document__symbol__in={x.symbol for x in proposals}).select_related("document")
    }
    existing = {(lk.source_id, lk.source_item, lk.target_id): lk
                for lk in Link.objects.filter(source__document=document)}
    seen = set()
    written = 0
    for proposal in proposals:
        source, target = sources.get(proposal.paragraph), targets.get((proposal.symbol, proposal.target))
        if source is None or target is None:
            continue
        item = "" if proposal.item == proposal.paragraph else proposal.item
        key = (source.pk, item, target.pk)
        if key in seen:
            continue
        seen.add(key)
        current = existing.get(key)
        if current is None:
            Link.objects.create(source=source, source_item=item, target=target, score=proposal.score,
                                why=proposal.why, explicit=proposal.explicit, origin=proposal.origin)
            written += 1
        elif current.decision == Decision.PROPOSED and current.origin != Origin.MANUAL:
            current.score, current.why, current.explicit = proposal.score, proposal.why, proposal.explicit
            current.save()
    for key, current in existing.items():
        if key not in seen and current.decision == Decision.PROPOSED and current.origin != Origin.MANUAL:
            current.delete()
    return written


def relink(document: Document) -> int:
    """Recompute links of ``document`` and of later documents of the same State and committee."""
    written = 0
    later = Document.objects.filter(state_code=document.state_code, committee=document.committee)
    if document.date:
        later = later.filter(date__gt=document.date)
    for doc in [document, *later.exclude(pk=document.pk).order_by("date")]:
        version = doc.versions.order_by("-number").first()
        parsed = from_json(version.parsed) if version else None
        if parsed is not None:
            written += store(doc, propose(parsed, exclude=doc))
    return written
