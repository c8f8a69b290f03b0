"""The pipeline: read, split into structure, then read each paragraph's meaning."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import kinds, metadata, obligations, references, upr
from .errors import NotAHumanRightsDocument
from .models import UPR_REPORT, Document, Obligation, Paragraph, ParseWarning
from .readers import Source, read_bytes, read_path
from .readers.text import read_markdown, read_text
from .signals import Scanner, lower_joined
from .structure import build
from .vocabulary import language


def parse_source(source: Source, symbol: str | None = None) -> Document:
    """Parse what a reader produced. ``symbol`` overrides the document symbol."""
    skeleton = build(source)
    sample = metadata.language_sample(source.blocks)
    language_code = metadata.detect_language(sample)
    lang = language(language_code)
    meta = metadata.detect(skeleton.front, skeleton.document_footnotes, skeleton.paragraphs, lang)
    if not skeleton.paragraphs or (meta.committee is None and meta.type is None):
        what = ("no numbered paragraphs" if not skeleton.paragraphs
                else "no committee, UPR Working Group or document type")
        raise NotAHumanRightsDocument(
            f"not a UN treaty-body or UPR document ({what} found)", source.path)
    warnings: list[ParseWarning] = list(skeleton.warnings)
    if symbol:
        meta.symbol, meta.symbol_source = symbol, "given"
    elif meta.symbol is None:
        meta.symbol = metadata.infer_symbol(meta)
        if meta.symbol:
            meta.symbol_source = "inferred"
            warnings.append(ParseWarning(meta.title_line, f"symbol not printed; inferred as {meta.symbol} "
                                         "(give --symbol to set it)"))
    default_body = "Human Rights Council" if meta.type == UPR_REPORT else "General Assembly"
    finder = references.ReferenceFinder(lang, meta.committee, default_body)
    finder.footnote_references(source.footnotes)
    recommendations = []
    if meta.type == UPR_REPORT:
        recommendations = upr.recommendations(skeleton.paragraphs, language_code, warnings)
    # Follow-up deadlines run from adoption; when only the session is dated, from its end.
    adopted = meta.dates.get("adopted") or meta.dates.get("session_end")
    found_obligations = _analyse(skeleton.paragraphs, meta.type, language_code, adopted, finder)
    warnings.sort(key=lambda warning: warning.line)
    return Document(
        symbol=meta.symbol,
        committee=meta.committee,
        state=meta.state,
        type=meta.type,
        cycle=meta.cycle,
        language=language_code,
        session=meta.session,
        dates=meta.dates,
        title=meta.title,
        obligations=found_obligations,
        paragraphs=skeleton.paragraphs,
        recommendations=recommendations,
        sections=skeleton.sections,
        footnotes=list(source.footnotes),
        warnings=warnings,
        source={
            "path": source.path,
            "format": source.format,
            "sha256": source.sha256,
            "pages": source.pages,
            "symbol_source": meta.symbol_source,
            "state_code": meta.state_code,
        },
    )


@cache
def _scanner(language_code: str) -> Scanner:
    return Scanner(kinds.triggers(language_code) | obligations.triggers(language_code) | references.TRIGGERS)


def _analyse(paragraphs: list[Paragraph], document_type: str | None, language_code: str, adopted: str | None,
             finder: references.ReferenceFinder) -> list[Obligation]:
    """Kinds, references and obligations of every paragraph, from one scan of their text."""
    texts = [paragraph.full_text() for paragraph in paragraphs]
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    low = lower_joined(texts)
    kind_signals = kinds.signals(language_code)
    obligation_patterns = obligations.patterns(language_code)
    found: list[Obligation] = []
    for paragraph, text, start, hits in zip(paragraphs, texts, starts, _scanner(language_code).scan(low, starts),
                                            strict=True):
        end = start + len(text)
        kinds.classify(paragraph, low, hits, start, start + len(paragraph.text), end, document_type, kind_signals)
        references.annotate(paragraph, text, low, hits, start, end, finder)
        obligation = obligations.find(paragraph, low, hits, start, end, document_type, obligation_patterns, adopted)
        if obligation:
            found.append(obligation)
    return found


def parse_file(path: str | Path, symbol: str | None = None) -> Document:
    """Parse a .txt, .md, .docx, .pdf or .html file."""
    return parse_source(read_path(path), symbol)


def parse_bytes(data: bytes, name: str | None = None, symbol: str | None = None) -> Document:
    """Parse an upload; ``name`` (its file name) picks the format and appears in errors."""
    return parse_source(read_bytes(data, name), symbol)


def parse_text(text: str, symbol: str | None = None, markdown: bool = False) -> Document:
    """Parse text held in memory."""
    source = read_markdown(text) if markdown else read_text(text)
    return parse_source(source, symbol)
