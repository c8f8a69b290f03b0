"""Errors a user can act on, each one line saying what is wrong and where."""

from __future__ import annotations


class TaggingError(Exception):
    """A tagger could not be trained, saved or loaded, or its input was unusable.

    ``str(error)`` is "<file>, row <n>: <what is wrong>" (row of a spreadsheet, header = 1).
    """

    def __init__(self, message: str, path: str | None = None, row: int | None = None):
        self.message, self.path, self.row = message, path, row
        super().__init__(f"{path or '<input>'}{f', row {row}' if row else ''}: {message}")


class SpreadsheetError(TaggingError):
    """The labelled spreadsheet is missing, unreadable or lacks a column we need."""


class TrainingError(TaggingError):
    """The examples cannot train a tagger (too few, or no label seen twice)."""


class TaggerFileError(TaggingError):
    """The tagger file is missing, damaged or not a rightstrack tagger."""
