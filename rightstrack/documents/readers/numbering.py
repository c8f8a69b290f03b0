"""Word's automatic numbering (``word/numbering.xml``), rendered as the reader would see it.

A UN paragraph number typed as text survives any conversion; one produced by a list
style lives only in numbering.xml, and a reader that ignores it loses "12." and "(a)".
Counters run per abstract list, as in Word, so two list instances of one style continue
each other unless a ``w:startOverride`` restarts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..articles import int_to_roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    start: int
    format: str
    text: str


class Numbering:
    """Labels for numbered paragraphs, in document order (``label`` advances the counters)."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for level in abstract.iter(_W + "lvl"):
                levels[_int(level.get(_W + "ilvl"), 0)] = _Level(
                    _int(_val(level, "start"), 1), _val(level, "numFmt") or "decimal", _val(level, "lvlText") or "")
            self.levels[abstract.get(_W + "abstractNumId") or ""] = levels
        for num in root.iter(_W + "num"):
            overrides = {
                _int(override.get(_W + "ilvl"), 0): _int(_val(override, "startOverride"), 1)
                for override in num.iter(_W + "lvlOverride") if override.find(_W + "startOverride") is not None
            }
            self.instances[num.get(_W + "numId") or ""] = (_val(num, "abstractNumId") or "", overrides)

    def label(self, num_id: str | None, level: int) -> str | None:
        """The label of the next paragraph of list ``num_id`` at ``level``; None for bullets."""
        if not num_id or num_id not in self.instances:
            return None
        abstract, overrides = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return None
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden, start in overrides.items():
                counters[overridden] = start - 1
                for deeper in [key for key in counters if key > overridden]:
                    del counters[deeper]
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        if levels[level].format in ("bullet", "none"):
            return None

        def number(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            described = levels.get(shown)
            if described is None:
                return ""
            return _format(counters.get(shown, described.start), described.format)

        return _PLACEHOLDER.sub(number, levels[level].text).strip() or None


def _format(value: int, style: str) -> str:
    if style in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman"):
        roman = int_to_roman(value)
        return roman.upper() if style == "upperRoman" else roman
    if style == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _val(element: etree._Element, child: str) -> str | None:
    found = element.find(_W + child)
    return None if found is None else found.get(_W + "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
