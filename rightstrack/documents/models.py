"""What a parsed UN document is made of.

Plain dataclasses, so that the web app, the CLI and scripts share one vocabulary and the
JSON form (``serialize.py``) is a mechanical mirror of these classes. Every element found
in a document carries ``line`` (1-based, in the reader's numbering: a line of a text file,
a paragraph of a Word file, a line of a PDF page) so that users can check it against the
original.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of paragraph. Values are stable: they appear in JSON and in databases.
POSITIVE_ASPECT = "positive_aspect"
CONCERN = "concern"
RECOMMENDATION = "recommendation"
REQUEST_FOR_INFORMATION = "request_for_information"
PROCEDURAL = "procedural"
KINDS = (POSITIVE_ASPECT, CONCERN, RECOMMENDATION, REQUEST_FOR_INFORMATION, PROCEDURAL)

# Types of document.
CONCLUDING_OBSERVATIONS = "concluding_observations"
LIST_OF_ISSUES = "list_of_issues"
LIST_OF_ISSUES_PRIOR_TO_REPORTING = "list_of_issues_prior_to_reporting"
UPR_REPORT = "upr_report"
STATE_REPORT = "state_report"
REPLIES_TO_LIST_OF_ISSUES = "replies_to_list_of_issues"
DOCUMENT_TYPES = (
    CONCLUDING_OBSERVATIONS,
    LIST_OF_ISSUES,
    LIST_OF_ISSUES_PRIOR_TO_REPORTING,
    UPR_REPORT,
    STATE_REPORT,
    REPLIES_TO_LIST_OF_ISSUES,
)

# Responses of the State under review to a UPR recommendation.
SUPPORTED = "supported"
TO_BE_EXAMINED = "to_be_examined"
NOTED = "noted"
UPR_RESPONSES = (SUPPORTED, TO_BE_EXAMINED, NOTED)


@dataclass(slots=True)
class Footnote:
    """A footnote as printed: its mark ("1", "*") and text, with the references it holds."""

    mark: str
    text: str
    line: int = 0
    references: list[Reference] = field(default_factory=list)


@dataclass(slots=True)
class Reference:
    """A citation of another UN document, optionally of some of its paragraphs.

    ``paragraphs`` are strings ("39", "55(a)") because sub-paragraphs are cited too.
    ``via`` says how it was found: "text", "footnote" or "ibid" (an "Ibid." footnote
    resolved to the symbol it repeats).
    """

    symbol: str
    paragraphs: list[str] = field(default_factory=list)
    via: str = "text"


@dataclass(slots=True)
class Subparagraph:
    """A lettered (a), (b)… or roman (i), (ii)… point of a paragraph."""

    label: str
    text: str
    line: int = 0
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    """A numbered paragraph: a concern, a recommendation, a question of a list of issues…

    ``text`` is the paragraph's own text (its chapeau when it has sub-paragraphs);
    ``part``, ``cluster`` and ``heading`` are the headings it stands under; ``articles``
    the Convention articles its cluster names, expanded ("18(1)", "37(b)").
    """

    number: int
    kind: str
    text: str
    urgent: bool = False
    repeated: bool = False
    part: str | None = None
    cluster: str | None = None
    heading: str | None = None
    articles: list[str] = field(default_factory=list)
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    general_comments: list[int] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    treaties: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    line: int = 0

    def full_text(self) -> str:
        """The paragraph with its sub-paragraphs, as one string (for search and linking)."""
        if not self.subparagraphs:  # most paragraphs
            return self.text
        parts = [self.text]
        _add_subparagraph_texts(parts, self.subparagraphs)
        return " ".join(parts)


# The parser builds hundreds of paragraphs and points per document: calling a class goes
# through type.__call__ and the generated __init__, which cost as much as setting the slots
# from a plain function. These build the same objects, every field set, in the class's order.
_new = object.__new__


def new_subparagraph(label: str, text: str, line: int) -> Subparagraph:
    """``Subparagraph(label, text, line)``, built the cheap way."""
    sub = _new(Subparagraph)
    sub.label = label
    sub.text = text
    sub.line = line
    sub.subparagraphs = []
    sub.footnotes = []
    sub.references = []
    return sub


def new_paragraph(
    number: int, text: str, part: str | None, cluster: str | None, heading: str | None,
    articles: list[str], line: int,
) -> Paragraph:
    """``Paragraph(number, "", text, part=…, cluster=…, heading=…, articles=…, line=…)``,
    built the cheap way."""
    paragraph = _new(Paragraph)
    paragraph.number = number
    paragraph.kind = ""
    paragraph.text = text
    paragraph.urgent = False
    paragraph.repeated = False
    paragraph.part = part
    paragraph.cluster = cluster
    paragraph.heading = heading
    paragraph.articles = articles
    paragraph.subparagraphs = []
    paragraph.general_comments = []
    paragraph.references = []
    paragraph.treaties = []
    paragraph.footnotes = []
    paragraph.line = line
    return paragraph


def _add_subparagraph_texts(parts: list[str], subs: list[Subparagraph]) -> None:
    """Each sub-paragraph as "(a) text", followed by its own sub-paragraphs, depth first."""
    for sub in subs:
        parts.append(f"({sub.label}) {sub.text}")
        if sub.subparagraphs:
            _add_subparagraph_texts(parts, sub.subparagraphs)


@dataclass(slots=True)
class Section:
    """A heading: a part (I., II.), a thematic cluster (A., B.) or a topic sub-heading."""

    level: str  # "part" | "cluster" | "heading"
    title: str
    label: str | None = None
    articles: list[str] = field(default_factory=list)
    line: int = 0


@dataclass(slots=True)
class Obligation:
    """A deadline or limit the document sets for the State: a report, a reply, an update."""

    kind: str  # "periodic_report" | "core_document" | "reply" | "update" | "follow_up" | "response"
    description: str
    due: str | None = None  # ISO date; "2014-09" when only the month is given
    max_words: int | None = None
    max_pages: int | None = None
    paragraph: int | None = None


@dataclass(slots=True)
class UPRRecommendation:
    """A recommendation of a UPR Working Group report: "136.12 … (Recommending State);"."""

    number: str
    text: str
    recommending_states: list[str]
    response: str
    line: int = 0


@dataclass(slots=True)
class ParseWarning:
    """A gap or oddity the parser worked around; the document still parsed."""

    line: int
    message: str


@dataclass(slots=True)
class Document:
    """A parsed UN human-rights document."""

    symbol: str | None
    committee: str | None
    state: str | None
    type: str | None
    cycle: str | None
    language: str
    session: int | None = None
    dates: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    obligations: list[Obligation] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    recommendations: list[UPRRecommendation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    source: dict[str, object] = field(default_factory=dict)

    def paragraph(self, number: int) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        return None
