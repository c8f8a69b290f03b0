"""Tagging: what each recommendation and question is about and whom it concerns.

A pure library: no web framework, no database. ``tag_text`` and ``tag_document`` use the
built-in vocabularies (UHRI themes and affected persons, SDGs, CRC articles);
``train_tagger`` learns a user's own taxonomy from a labelled spreadsheet and
``load_tagger`` reads it back.
"""

from .errors import SpreadsheetError, TaggerFileError, TaggingError, TrainingError
from .models import Tags
from .rules import explain_text, tag_document, tag_paragraph, tag_text, tag_upr_recommendations
from .spreadsheet import read_examples

_TRAINED = ("Tagger", "load_tagger", "train_tagger")


def __getattr__(name: str):
    """The trained tagger brings NumPy and SciPy: imported when first asked for, so that the
    rule tags and the CLI start fast."""
    if name in _TRAINED:
        from . import tagger

        return getattr(tagger, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["SpreadsheetError", "Tagger", "Tags", "TaggerFileError", "TaggingError", "TrainingError", "explain_text",
           "load_tagger",
           "read_examples", "tag_document", "tag_paragraph", "tag_text", "tag_upr_recommendations", "train_tagger"]
