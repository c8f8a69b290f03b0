from django.contrib import admin

from .models import Agency

admin.site.register(Agency, list_display=("name", "acronym", "kind", "active"), search_fields=("name", "acronym"))
