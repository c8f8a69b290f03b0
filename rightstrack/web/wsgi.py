"""WSGI entry point for a server: ``gunicorn rightstrack.web.wsgi`` (docs/deployment.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.web.settings")
application = get_wsgi_application()
