"""`make bench`: run every benchmarks/bench_*.py and print its figures.

Each module has ``run() -> list[tuple[str, str]]`` returning (figure, value) rows; figures
are measured here, on this machine, never asserted: tests check behaviour, benchmarks
report numbers.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(selected: list[str]) -> int:
    modules = sorted(HERE.glob("bench_*.py"))
    for path in modules:
        name = path.stem.removeprefix("bench_")
        if selected and name not in selected:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        assert spec.loader
        spec.loader.exec_module(module)
        print(f"== {name}: {(module.__doc__ or '').strip().splitlines()[0]}")
        for figure, value in module.run():
            print(f"  {figure:<58} {value}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
