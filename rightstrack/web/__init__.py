"""The tracking web application (Django): one app per business area.

Apps: ``core`` (tracked-model base, change log, permissions in querysets), ``agencies``,
``accounts`` (roles), ``reviews`` (imported documents and their paragraphs, links, tags),
``tracking`` (status, actions, evidence, indicators, comments), ``portal`` (public pages)
and ``api`` (REST). The document core (``rightstrack.documents``) knows nothing of it.
"""
