"""Errors a user of linking can act on; one line each, like the document core's."""

from __future__ import annotations

from rightstrack.documents.errors import DocumentError


class LinkingError(DocumentError):
    """The documents cannot be linked as asked."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class NoEarlierDocument(LinkingError):
    """No earlier document was given to link against."""


class UnknownMethod(LinkingError):
    """The similarity method asked for does not exist."""


class EmbeddingsUnavailable(LinkingError):
    """The embedding method was asked for, but its optional packages are not installed."""
