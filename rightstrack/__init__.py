"""rightstrack: follow-up of UN human-rights recommendations."""

from .documents import from_json, parse_file, parse_text, to_json

__all__ = ["from_json", "parse_file", "parse_text", "to_json"]
__version__ = "0.1.0"
