"""Recommendations of a UPR Working Group report.

"136.12 Continue … (Philippines);" each under a paragraph whose chapeau states the State
under review's response for the whole group: "enjoy its support", "will be examined",
"did not enjoy the support" / "noted".
"""

from __future__ import annotations

import re

from .models import NOTED, Paragraph, ParseWarning, UPRRecommendation
from .vocabulary import language, state_pattern

_TRAILING = re.compile(r"[\s;.,]+$")


def recommendations(paragraphs: list[Paragraph], language_code: str,
                    warnings: list[ParseWarning]) -> list[UPRRecommendation]:
    """Take the numbered items out of the recommendation paragraphs, with their response."""
    groups = [(response, re.compile(pattern, re.IGNORECASE))
              for response, pattern in language(language_code).data["upr"]["groups"]]
    found: list[UPRRecommendation] = []
    for paragraph in paragraphs:
        items = [sub for sub in paragraph.subparagraphs if sub.label.isdigit()]
        if not items:
            continue
        response = next((name for name, pattern in groups if pattern.search(paragraph.text)), None)
        if response is None:
            warnings.append(ParseWarning(paragraph.line,
                                         f"paragraph {paragraph.number}: no response found for its recommendations"))
            response = NOTED
        for item in items:
            text, states = split_states(item.text)
            if not states:
                warnings.append(ParseWarning(item.line,
                                             f"recommendation {paragraph.number}.{item.label}: no recommending State"))
            found.append(UPRRecommendation(f"{paragraph.number}.{item.label}", text, states, response, item.line))
        paragraph.subparagraphs = [sub for sub in paragraph.subparagraphs if not sub.label.isdigit()]
    return found


def split_states(text: str) -> tuple[str, list[str]]:
    """"Ratify X (Iran (Islamic Republic of), Chile);" -> ("Ratify X", [Iran (…), Chile])."""
    body = _TRAILING.sub("", text)
    if not body.endswith(")"):
        return body, []
    depth = 0
    for index in range(len(body) - 1, -1, -1):
        char = body[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                inside = body[index + 1:-1]
                states = _states(inside)
                if states:
                    return body[:index].rstrip(), states
                return body, []
    return body, []


def _states(inside: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(inside):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char in ",;":
            parts.append(inside[start:index])
            start = index + 1
    parts.append(inside[start:])
    # "Iran (Islamic Republic of )" is printed so in some reports.
    names = [re.sub(r"\s+\)", ")", re.sub(r"\s+", " ", part)).strip() for part in parts if part.strip()]
    pattern, _lookup = state_pattern()
    known = [name for name in names if pattern.fullmatch(name)]
    # A parenthesis of recommending States names States; "(CRPD)" or "(2014)" does not.
    return names if known and len(known) >= len(names) / 2 else []
