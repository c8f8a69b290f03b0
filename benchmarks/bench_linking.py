"""Follow-up links: precision@1 and abstention on the Kazakhstan gold links, and speed.

Gold: tests/data/links-kaz.json, every question unit of the 2025 list of issues annotated
by hand with the paragraphs of the 2015 concluding observations it follows up, or none.
Speed: a 100-question list against 400 earlier paragraphs, both made of the real
paragraphs of the shipped documents, renumbered; timed on one core.
Thesaurus: how far its concepts agree with the issue labels of 6,094 real UPR
recommendations (../shared/corpus/upr/, skipped when absent), texts it was not built on.
"""

from __future__ import annotations

import copy
import csv
import json
import math
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from rightstrack.documents import parse_file
from rightstrack.documents.models import Document
from rightstrack.linking import link_report
from rightstrack.linking.terms import _load, analyzer
from rightstrack.linking.topics import targets as find_targets
from rightstrack.linking.units import question_units

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "crc-kaz"
GOLD = ROOT / "tests" / "data" / "links-kaz.json"
UPR_CSV = ROOT.parent / "shared" / "corpus" / "upr" / "upr-recommendations-sessions-1-5.csv"


def load() -> tuple[Document, Document, dict[str, dict]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    old = parse_file(ROOT / gold["old"])
    new = parse_file(ROOT / gold["new"])
    return old, new, {row["item"]: row for row in gold["items"]}


def evaluate(top: dict[str, int | None], gold: dict[str, dict], strong_only: bool = False) -> dict[str, float]:
    """Figures for the first candidate of each item (None: the item abstained)."""
    rows = [(item, row) for item, row in gold.items() if not (strong_only and row.get("weak"))]
    linked = [(item, row) for item, row in rows if row["paragraphs"]]
    none = [(item, row) for item, row in rows if not row["paragraphs"]]
    answered = [(item, row) for item, row in linked if top.get(item) is not None]
    right = sum(1 for item, row in answered if top[item] in row["paragraphs"])
    return {
        "p_at_1": right / len(answered) if answered else 0.0,
        "top1_of_linked": right / len(linked) if linked else 0.0,
        "answered": len(answered), "linked": len(linked),
        "abstained_none": sum(1 for item, _row in none if top.get(item) is None) / len(none) if none else 0.0,
        "none": len(none),
        "abstained_all": sum(1 for item, _row in rows if top.get(item) is None) / len(rows),
        "correct_overall": (right + sum(1 for item, _ in none if top.get(item) is None)) / len(rows),
    }


def tops(old: Document, new: Document, **options) -> dict[str, int | None]:
    report = link_report(old, new, **options)
    return {item.item: (item.candidates[0].paragraph if item.candidates else None) for item in report.items}


def plain_tfidf(old: Document, new: Document) -> dict[str, int]:
    """The baseline: cosine of stem tf-idf vectors, unit text against paragraph text, no thesaurus."""
    words = analyzer(new.language)
    targets = find_targets([old])
    units = question_units(new)
    texts = [Counter(words.analyse(t.paragraph.full_text()).stems) for t in targets]
    queries = [Counter(words.analyse(u.full_text).stems) for u in units]
    df = Counter(f for counts in texts + queries for f in counts)
    n = len(texts) + len(queries)

    def vector(counts: Counter) -> dict[str, float]:
        v = {f: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[f])) + 1) for f, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {f: x / norm for f, x in v.items()}

    vectors = [vector(t) for t in texts]
    out = {}
    for unit, query in zip(units, queries, strict=True):
        q = vector(query)
        scores = [sum(w * v.get(f, 0.0) for f, w in q.items()) for v in vectors]
        out[unit.item] = targets[max(range(len(scores)), key=scores.__getitem__)].paragraph.number
    return out


def synthetic(old: Document, new: Document, paragraphs: int = 400, questions: int = 100) -> tuple[Document, Document]:
    """Documents of the benchmark's size made of real paragraphs, renumbered."""
    big_old = copy.deepcopy(old)
    source = [p for p in old.paragraphs]
    big_old.paragraphs = []
    for number in range(1, paragraphs + 1):
        paragraph = copy.deepcopy(source[(number - 1) % len(source)])
        copy_number = (number - 1) // len(source) + 1
        paragraph.number = number
        paragraph.text = f"{paragraph.text} (copy {copy_number})"  # distinct texts: no cache serves a copy
        paragraph.heading = f"{paragraph.heading} ({copy_number})" if paragraph.heading else None
        big_old.paragraphs.append(paragraph)
    big_new = copy.deepcopy(new)
    units = 0
    big_new.paragraphs = []
    cycle = [p for p in new.paragraphs if p.kind == "request_for_information"]
    number = 0
    while units < questions:
        paragraph = copy.deepcopy(cycle[number % len(cycle)])
        number += 1
        paragraph.number = number
        paragraph.text = f"{paragraph.text} (copy {number})"
        take = max(1, len(paragraph.subparagraphs))
        if units + take > questions:
            paragraph.subparagraphs = paragraph.subparagraphs[:questions - units]
            take = max(1, len(paragraph.subparagraphs))
        units += take
        big_new.paragraphs.append(paragraph)
    return big_old, big_new


def timing(old: Document, new: Document, method: str = "lexical", repeat: int = 3) -> float:
    """Median seconds of ``link_report``, the model loaded but nothing of these texts cached."""
    link_report(old, new, method=method)  # loads the embedding model, if any
    runs = []
    for _ in range(repeat):
        fresh_old, fresh_new = copy.deepcopy(old), copy.deepcopy(new)
        analyzer.cache_clear()  # a fresh analyzer: no word or text of the run is cached
        start = time.perf_counter()
        link_report(fresh_old, fresh_new, method=method)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def thesaurus_agreement() -> tuple[float, float, int] | None:
    """Micro precision and recall of concepts against UPR Info issue labels ("upr" in the thesaurus)."""
    if not UPR_CSV.is_file():
        return None
    words = analyzer("en")
    mapping: dict[str, set[str]] = {}
    for row in _load("thesaurus.json")["concepts"]:
        if row.get("upr"):
            mapping.setdefault(row["upr"], set()).add(row["id"])
    with UPR_CSV.open(encoding="latin-1", newline="") as handle:
        rows = [(set(words.analyse(r["Text"]).concepts), {x.strip() for x in r["Issue"].split(",")})
                for r in csv.DictReader(handle)]
    hit = false = missed = 0
    for label, concepts in mapping.items():
        for found, labels in rows:
            fired, labelled = bool(concepts & found), label in labels
            hit += fired and labelled
            false += fired and not labelled
            missed += labelled and not fired
    return hit / (hit + false), hit / (hit + missed), len(rows)


def _rows(name: str, figures: dict[str, float]) -> list[tuple[str, str]]:
    return [
        (f"{name}: precision@1 where a link is given", f"{figures['p_at_1']:.3f} ({figures['answered']} items)"),
        (f"{name}: first candidate right, of items with a gold link", f"{figures['top1_of_linked']:.3f} "
                                                                     f"(of {figures['linked']})"),
        (f"{name}: abstained on items with no gold link", f"{figures['abstained_none']:.3f} (of {figures['none']})"),
        (f"{name}: abstention rate, all items", f"{figures['abstained_all']:.3f}"),
        (f"{name}: right overall (link or abstention)", f"{figures['correct_overall']:.3f}"),
    ]


def run() -> list[tuple[str, str]]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    old, new, gold = load()
    rows: list[tuple[str, str]] = []
    lexical = tops(old, new)
    rows += _rows("lexical", evaluate(lexical, gold))
    strong = evaluate(lexical, gold, strong_only=True)
    rows.append(("lexical, items not marked weak: precision@1 / abstained on none",
                 f"{strong['p_at_1']:.3f} / {strong['abstained_none']:.3f}"))
    no_threshold = evaluate(tops(old, new, threshold=0.0), gold)
    rows.append(("lexical without threshold: first candidate right, of linked",
                 f"{no_threshold['top1_of_linked']:.3f}"))
    baseline = evaluate(plain_tfidf(old, new), gold)
    rows.append(("plain tf-idf cosine (baseline): first candidate right, of linked",
                 f"{baseline['top1_of_linked']:.3f}"))
    big_old, big_new = synthetic(old, new)
    units = len(question_units(big_new))
    rows.append((f"lexical: seconds to link {units} questions against {len(big_old.paragraphs)} paragraphs",
                 f"{timing(big_old, big_new):.3f} s (one core, median of 3)"))
    agreement = thesaurus_agreement()
    rows.append(("thesaurus vs UPR Info issue labels: precision / recall",
                 f"{agreement[0]:.2f} / {agreement[1]:.2f} ({agreement[2]:,} recommendations)" if agreement
                 else "skipped: ../shared/corpus/upr/ is absent"))
    rows += _embedding_rows(old, new, gold, big_old, big_new)
    return rows


def _embedding_rows(old, new, gold, big_old, big_new) -> list[tuple[str, str]]:
    from rightstrack.linking.embeddings import available

    if not available():
        return [("embedding method", "not installed (pip install -e '.[embeddings]' after torch==2.13.0)")]
    start = time.perf_counter()
    embedded = tops(old, new, method="embedding")
    loaded = time.perf_counter() - start
    rows = _rows("embedding", evaluate(embedded, gold))
    rows.append(("embedding: first run, model load included", f"{loaded:.1f} s"))
    rows.append((f"embedding: seconds to link {len(question_units(big_new))} questions against "
                 f"{len(big_old.paragraphs)} paragraphs", f"{timing(big_old, big_new, 'embedding'):.3f} s"))
    return rows
