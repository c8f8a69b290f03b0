"""The web commands of the ``rightstrack`` CLI: thin, one-line errors, exit status 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rightstrack.cli import main
from rightstrack.web.conftest import CO, LOI

pytestmark = pytest.mark.django_db(transaction=True)


def test_import_twice_changes_nothing_the_second_time():
    runner = CliRunner()
    first = runner.invoke(main, ["import", str(CO), str(LOI)])
    assert first.exit_code == 0, first.output
    assert "CRC/C/KAZ/CO/4: new, 69 paragraphs" in first.output
    assert "CRC/C/KAZ/Q/5-6: new, 23 paragraphs" in first.output
    second = runner.invoke(main, ["import", str(CO)])
    assert second.exit_code == 0
    assert "CRC/C/KAZ/CO/4: unchanged" in second.output and "nothing saved" in second.output


def test_import_of_a_missing_file_is_one_line_and_status_2(tmp_path):
    result = CliRunner().invoke(main, ["import", str(tmp_path / "nowhere.docx")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"rightstrack: error: {tmp_path / 'nowhere.docx'}: no such file"]


def test_import_of_a_document_that_is_not_one(tmp_path):
    path = tmp_path / "shopping.txt"
    path.write_text("1. Milk\n2. Bread\n")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith("rightstrack: error: ") and "not a UN treaty-body or UPR document" in result.output
    assert "Traceback" not in result.output
