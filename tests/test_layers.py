"""The core libraries stand alone: parsing, linking and tagging import no web framework or
database driver, so scripts and other applications can use them without Django."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["rightstrack.documents", "rightstrack.linking", "rightstrack.tagging"])
def test_core_imports_no_web_or_database(package):
    probe = (f"import sys, {package}, pkgutil, importlib\n"
             f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
             "    if not m.name.endswith('embeddings'):\n"
             "        importlib.import_module(m.name)\n"
             "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
             "('django', 'rest_framework', 'psycopg', 'sqlite3') or n.startswith('rightstrack.web'))\n"
             "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
