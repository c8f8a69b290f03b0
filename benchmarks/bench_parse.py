"""Text parsing throughput (MB/s, one core) of the shipped documents, end to end.

End to end means ``parse_file``: read the file, decode, split into structure, classify
every paragraph, find references and obligations. Best of several rounds, so that another
process briefly taking the core does not count against us. Target: >= 20 MB/s.
"""

from __future__ import annotations

import time
from pathlib import Path

from rightstrack.documents import parse_file
from rightstrack.documents.readers import read_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "crc-kaz"


def _best(function, rounds: int = 7, repeat: int = 30) -> float:
    function()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def run() -> list[tuple[str, str]]:
    rows = []
    total_bytes = 0
    total_seconds = 0.0
    for path in sorted(EXAMPLES.glob("kaz-*")):
        size = path.stat().st_size
        seconds = _best(lambda path=path: parse_file(path))
        reading = _best(lambda path=path: read_path(path))
        total_bytes += size
        total_seconds += seconds
        rows.append((f"{path.name} ({size / 1000:.1f} kB) parse", f"{size / seconds / 1e6:6.1f} MB/s"
                     f"  ({seconds * 1000:.2f} ms; reading alone {reading * 1000:.2f} ms)"))
    rows.append(("all shipped text documents", f"{total_bytes / total_seconds / 1e6:6.1f} MB/s  (target >= 20)"))
    return rows
