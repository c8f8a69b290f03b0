"""Follow-up links across reporting cycles: which earlier recommendations each new question follows up.

A pure library: no web framework, no database. ``link`` takes the earlier document(s) and
the new one, parsed by ``rightstrack.documents``; ``link_report`` adds the threshold used
and notes on documents that do not fit together; ``links_to_json`` gives the stable JSON.
"""

from .errors import LinkingError
from .models import Candidate, ItemLinks, LinkReport
from .pipeline import METHODS, link, link_report
from .serialize import links_to_json, report_to_json

__all__ = ["METHODS", "Candidate", "ItemLinks", "LinkReport", "LinkingError", "link", "link_report",
           "links_to_json", "report_to_json"]
