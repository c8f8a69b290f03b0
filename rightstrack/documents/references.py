"""Citations: general comments, earlier UN documents and their paragraphs, treaties.

Follow-up rests on these: a list of issues that cites "CRC/C/KAZ/CO/4, para. 39" in a
footnote is an explicit link to paragraph 39 of the earlier observations. "Ibid." in a
footnote repeats the symbol of the footnote before it, and is resolved here.
"""

from __future__ import annotations

import re
from functools import cache

from .models import Footnote, Paragraph, Reference, Subparagraph
from .vocabulary import Language, _load, committee_names, committees

_SYMBOL = re.compile(
    r"(?<![\w/])(?:"
    r"(?:CRC|CEDAW|CCPR|CAT|CERD|CRPD|CMW|CED)/(?:C|OP|SP|SPT)"
    r"|HRI/(?:GEN|CORE|MC)"
    r"|E/C\.12"
    r"|A/HRC|A/RES|A/CONF\.\d+|A/\d{2,3}"
    r"|E/CN\.4"
    r")(?:/[A-Za-z0-9][A-Za-z0-9.()\-–]*)+"
)
_PARA_LIST_ITEM = re.compile(r"(\d{1,4})((?:\s*\([a-z0-9]{1,4}\))*)")
_SENTENCE_END = re.compile(r"(\w+)\.\s+(?=[A-Z“\"])")
_ABBREVIATIONS = {"para", "paras", "No", "Nos", "art", "arts", "chap", "Rev", "Add", "Corr", "p", "pp", "e", "vol"}
_RESOLUTION_NUMBER = re.compile(r"\d{1,4}/\d{1,4}(?:\.\d+)?|\d{1,4}/[A-Z]{1,3}\.\d{1,4}")
# Between two numbers of one list of resolutions: separators and "(para. 4 (d))" only.
_RESOLUTION_GAP = re.compile(r"\s*(?:\((?:para|paras|paragraph)[^()]*(?:\([^()]*\)[^()]*)*\)\s*)?(?:,|and|et|y|и)?\s*")
_BODIES = {
    "general assembly": "A/RES/{n}",
    "human rights council": "A/HRC/RES/{n}",
    "commission on human rights": "E/CN.4/RES/{n}",
    "economic and social council": "E/RES/{n}",
}


def clean_symbol(symbol: str) -> str:
    symbol = symbol.rstrip(".,;:–-")
    while symbol.endswith(")") and symbol.count("(") < symbol.count(")"):
        symbol = symbol[:-1].rstrip(".,;:")
    return symbol


def paragraph_list(spec: str) -> list[str]:
    """"98–104" -> 98 … 104; "55 (a)" -> "55(a)"; "7 and 15" -> 7, 15."""
    out: list[str] = []
    items = list(_PARA_LIST_ITEM.finditer(spec))
    for index, item in enumerate(items):
        label = item.group(1) + re.sub(r"\s+", "", item.group(2))
        between = spec[items[index - 1].end():item.start()] if index else ""
        if index and re.search(r"[-–—]|\bto\b", between) and not item.group(2) and out and out[-1].isdigit():
            first, last = int(out[-1]), int(item.group(1))
            if first < last <= first + 200:
                out.extend(str(n) for n in range(first + 1, last + 1))
                continue
        out.append(label)
    return out


class ReferenceFinder:
    """Finds citations in one language's wording."""

    def __init__(self, language: Language, committee: str | None, default_body: str):
        patterns = language.data["references"]
        self.language = language
        self.committee = committee
        self.default_body = default_body
        self.general_comment = re.compile(patterns["general_comment"], re.IGNORECASE)
        self.general_comment_owner = re.compile(patterns["general_comment_owner"], re.IGNORECASE)
        self.paragraph = re.compile(patterns["paragraph"], re.IGNORECASE)
        self.resolution = re.compile(patterns["resolution"], re.IGNORECASE)
        self.paragraph_of = re.compile(patterns["paragraph_of"], re.IGNORECASE)
        self.ibid = re.compile(patterns["ibid"], re.IGNORECASE)

    # -- general comments ---------------------------------------------------------------
    def general_comments(self, text: str) -> tuple[list[int], list[Reference]]:
        """Numbers of the own committee's general comments, and references to others'."""
        own: list[int] = []
        others: list[Reference] = []
        if "general" not in text.lower():
            return own, others
        for match in self.general_comment.finditer(text):
            numbers = [int(n) for n in re.findall(r"\d+", match.group("numbers"))]
            owner = self._owner(text, match.end())
            # "joint general recommendation No. 31 of CEDAW/general comment No. 18 of the CRC"
            if owner and owner != self.committee:
                committee = committees().get(owner)
                for number in numbers:
                    symbol = committee.general_comment_symbol(number) if committee else None
                    if symbol:
                        others.append(Reference(symbol))
                continue
            own.extend(n for n in numbers if n not in own)
        return own, others

    def _owner(self, text: str, position: int) -> str | None:
        """The committee named right after a general comment ("… of the Committee on …")."""
        lead = self.general_comment_owner.match(text, position)
        if not lead:
            return None
        for pattern, code in committee_names():
            if pattern.match(text, lead.end()):
                return code
        return None

    # -- document symbols and their paragraphs ------------------------------------------
    def references(self, text: str, via: str = "text") -> list[Reference]:
        """Symbols and resolutions cited in ``text``, each with the paragraphs cited of it."""
        if "/" not in text:
            return []
        tokens: list[tuple[int, int, Reference]] = []
        for match in _SYMBOL.finditer(text):
            tokens.append((match.start(), match.end(), Reference(clean_symbol(match.group(0)), via=via)))
        if "esolution" in text:
            for match in self.resolution.finditer(text):
                body = (match.group("body") or self.default_body).lower()
                pattern = _BODIES.get(body, _BODIES[self.default_body.lower()])
                for start, end, number in _resolution_numbers(text, match.end()):
                    tokens.append((start, end, Reference(pattern.format(n=number), via=via)))
        if not tokens:
            return []
        tokens.sort(key=lambda token: token[0])
        claimed: set[int] = set()
        for match in self.paragraph_of.finditer(text):
            for start, _end, reference in tokens:
                if start >= match.start("resolution") and reference.symbol.endswith("/" + match.group("resolution")):
                    reference.paragraphs.extend(paragraph_list(match.group("list")))
                    claimed.add(match.start())
                    break
        boundaries = [m.end() for m in _SENTENCE_END.finditer(text) if m.group(1) not in _ABBREVIATIONS]
        for match in self.paragraph.finditer(text):
            if match.start() in claimed:
                continue
            owner = None
            for _start, end, reference in tokens:
                if end <= match.start():
                    owner = (end, reference)
            if owner is None:
                continue
            if any(owner[0] <= boundary <= match.start() for boundary in boundaries):
                continue
            for label in paragraph_list(match.group("list")):
                if label not in owner[1].paragraphs:
                    owner[1].paragraphs.append(label)
        return _merge([reference for _s, _e, reference in tokens])

    def footnote_references(self, footnotes: list[Footnote]) -> None:
        """Fill each footnote's references, resolving "Ibid." to the previous symbol."""
        previous: Reference | None = None
        for footnote in footnotes:
            found = self.references(footnote.text, via="footnote")
            if not found and self.ibid.search(footnote.text) and previous is not None:
                paragraphs: list[str] = []
                for match in self.paragraph.finditer(footnote.text):
                    paragraphs.extend(paragraph_list(match.group("list")))
                found = [Reference(previous.symbol, paragraphs, via="ibid")]
            footnote.references = found
            if found:
                previous = found[-1]


def _resolution_numbers(text: str, position: int) -> list[tuple[int, int, str]]:
    """The numbers of "resolutions 8/7 (para. 4 (d)) and 17/4" starting at ``position``."""
    found: list[tuple[int, int, str]] = []
    while True:
        number = _RESOLUTION_NUMBER.match(text, position)
        if not number:
            return found
        found.append((number.start(), number.end(), number.group(0)))
        gap = _RESOLUTION_GAP.match(text, number.end())
        if not gap or gap.end() == number.end():
            return found
        position = gap.end()


def _merge(references: list[Reference]) -> list[Reference]:
    merged: dict[str, Reference] = {}
    for reference in references:
        if reference.symbol in merged:
            target = merged[reference.symbol]
            target.paragraphs.extend(p for p in reference.paragraphs if p not in target.paragraphs)
        else:
            merged[reference.symbol] = reference
    return list(merged.values())


@cache
def _treaty_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for treaty in _load("treaties.json")["treaties"]:
        for name in treaty["names"]:
            lookup[name.lower()] = treaty["code"]
    alternation = "|".join(re.escape(name) for name in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), lookup


def treaties(text: str) -> list[str]:
    """Codes of the treaties named in ``text`` ("OPSC", "HCCH-1993"), in order of mention."""
    if "onvention" not in text and "rotocol" not in text and "ovenant" not in text \
            and "reaty" not in text and "tatute" not in text and "greement" not in text:
        return []
    pattern, lookup = _treaty_pattern()
    found: list[str] = []
    for match in pattern.finditer(text):
        code = lookup[match.group(0).lower()]
        if code not in found:
            found.append(code)
    return found


def annotate(paragraph: Paragraph, finder: ReferenceFinder) -> None:
    """Fill a paragraph's general comments, references and treaties, with its footnotes'."""
    text = paragraph.full_text()
    own, others = finder.general_comments(text)
    paragraph.general_comments = own
    references = finder.references(paragraph.text) + others
    for sub in _all_subparagraphs(paragraph.subparagraphs):
        sub.references = finder.references(sub.text)
        for footnote in sub.footnotes:
            sub.references = _merge(sub.references + [_copy(r) for r in footnote.references])
        references.extend(_copy(r) for r in sub.references)
    for footnote in paragraph.footnotes:
        references.extend(_copy(r) for r in footnote.references)
    paragraph.references = _merge(references)
    paragraph.treaties = treaties(text + " " + " ".join(f.text for f in paragraph.footnotes))


def _copy(reference: Reference) -> Reference:
    return Reference(reference.symbol, list(reference.paragraphs), reference.via)


def _all_subparagraphs(subs: list[Subparagraph]) -> list[Subparagraph]:
    out: list[Subparagraph] = []
    for sub in subs:
        out.append(sub)
        out.extend(_all_subparagraphs(sub.subparagraphs))
    return out
