"""The document core: UN treaty-body and UPR documents to structured data.

A pure library: no web framework, no database. ``parse_file`` reads a file of any
supported format; ``to_json`` / ``from_json`` give the stable JSON form.
"""

from .errors import DocumentError
from .models import Document
from .parse import parse_bytes, parse_file, parse_source, parse_text
from .serialize import from_json, to_json

__all__ = ["Document", "DocumentError", "from_json", "parse_bytes", "parse_file", "parse_source",
           "parse_text", "to_json"]
