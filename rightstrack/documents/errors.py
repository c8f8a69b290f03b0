"""Errors a user can act on.

Each says what is wrong and where in one line (``str(error)``); the CLI and the web app
show that line and nothing else. They derive from ``DocumentError`` so callers can catch
one class.
"""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be read or is not one we can parse."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.message}"


class FileMissing(DocumentError):
    """The path does not exist or is not a file."""


class EmptyDocument(DocumentError):
    """The file has no text (a scanned PDF without a text layer is one)."""


class UnreadableDocument(DocumentError):
    """The file is damaged or is not what its extension says."""


class EncryptedDocument(DocumentError):
    """The file is password-protected."""


class UnsupportedFormat(DocumentError):
    """The file's format is not one we read."""


class NotAHumanRightsDocument(DocumentError):
    """The text reads, but it is not a treaty-body or UPR document."""
