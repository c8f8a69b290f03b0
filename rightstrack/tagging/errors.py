"""Errors a user can act on, each one line saying what is wrong and where."""

from __future__ import annotations


class TaggingError(Exception):
    """A tagger could not be trained, saved or loaded."""

    def __init__(self, message: str, path: str | None = None, row: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.row = row

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.row:
            where = f"{where}, row {self.row}"
        return f"{where}: {self.message}"


class SpreadsheetError(TaggingError):
    """The labelled spreadsheet is missing, unreadable or lacks a column we need."""


class TrainingError(TaggingError):
    """The examples cannot train a tagger (too few, or no label seen twice)."""


class TaggerFileError(TaggingError):
    """The tagger file is missing, damaged or not a rightstrack tagger."""
