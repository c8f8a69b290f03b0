"""What tagging says about a recommendation or question."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Tags:
    """What a text is about and whom it concerns.

    ``themes`` and ``groups`` are names from the Universal Human Rights Index ("Right to
    education", "Children with disabilities"), the most often named first; ``sdgs`` are
    goals and targets ("5", "5.3", "16", "16.2"), a target always with its goal;
    ``articles`` are articles of the committee's treaty ("7", "24(3)").
    """

    themes: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    sdgs: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, list[str]]:
        return asdict(self)
