from django.contrib import admin

from .models import Document, DocumentVersion, Link, Paragraph, Tag

admin.site.register(Document, list_display=("symbol", "committee", "state", "type", "date"), search_fields=("symbol",))
admin.site.register(DocumentVersion, list_display=("document", "number", "imported", "imported_by"))
admin.site.register(Paragraph, list_display=("__str__", "kind", "status", "lead_agency", "published"),
                    list_filter=("committee", "kind", "status"), raw_id_fields=("document",))
admin.site.register(Link, list_display=("__str__", "score", "origin", "decision"), raw_id_fields=("source", "target"))
admin.site.register(Tag, list_display=("paragraph", "vocabulary", "value", "decision"), raw_id_fields=("paragraph",))
