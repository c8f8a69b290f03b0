"""``python -m rightstrack.web …``: Django's manage.py, for administrators."""

import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.web.settings")
execute_from_command_line([f"{sys.executable} -m rightstrack.web", *sys.argv[1:]])
