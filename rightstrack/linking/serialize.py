"""The JSON form of links: what ``rightstrack link --json`` prints and the web app reads.

Keys mirror ``models.py``; documented in docs/linking.md.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .models import ItemLinks, LinkReport


def links_to_json(items: list[ItemLinks]) -> list[dict[str, Any]]:
    """``[{"item": "8(d)", "candidates": [{"paragraph": 39, "score": 1.0, "why": "…", …}], …}]``."""
    return [asdict(item) for item in items]


def report_to_json(report: LinkReport) -> dict[str, Any]:
    """The threshold, method, documents and notes, with ``items`` as ``links_to_json`` gives them."""
    return {"threshold": report.threshold, "method": report.method, "old": report.old, "new": report.new,
            "notes": report.notes, "items": links_to_json(report.items)}
