"""Cold start: fresh processes end to end, against jieba's own dictionary load in the same run.

    python bench/cold.py     # also the cold-start part of bench/run.py

Medians of interleaved runs, and their ratio: on a machine whose speed varies the ratio
is what holds. The warm compare is the same comparison again in one process.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff import compare  # noqa: E402
from reportdiff.document import read  # noqa: E402

# jieba's own load: importing jieba and reading its dictionary (from its cache file), timed after reportdiff's imports.
JIEBA_LOAD = "import time; from reportdiff import tokens; t = time.perf_counter(); tokens.jieba_ready(); print(time.perf_counter() - t)"


def seed(prefix: str) -> Path:
    return next((ROOT / "seeds").glob(f"{prefix}_*.txt"))


def cold_start(runs: int = 5) -> None:
    print(f"Cold start: fresh processes, median of {runs}, against jieba's dictionary load (import and initialize) in the same run")
    out = Path(tempfile.mkdtemp()) / "review.html"
    subprocess.run([sys.executable, "-c", JIEBA_LOAD], check=True, cwd=ROOT, capture_output=True)  # jieba's own cache file in place
    loads, cases = [], {("000", "001"): [], ("003", "001"): []}
    for _ in range(runs):
        loads.append(float(subprocess.run([sys.executable, "-c", JIEBA_LOAD], check=True, cwd=ROOT, capture_output=True, text=True).stdout))
        for (a, b), times in cases.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reportdiff.cli", a, b, "-o", str(out)], check=True, cwd=ROOT, capture_output=True)
            times.append(time.perf_counter() - start)
    load = statistics.median(loads)
    print(f"  jieba dictionary load: median {load:.2f} s")
    for (a, b), times in cases.items():
        median = statistics.median(times)
        print(f"  reportdiff {a} {b} -o review.html: median {median:.2f} s = {median / load:.2f}× jieba's load (goal 1.3×, bar 1.5×)")
    old, new = read(seed("000")), read(seed("001"))
    compare(old, new)  # warm: the segmenter and the imports in place
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        compare(old, new)
        warm.append(time.perf_counter() - start)
    print(f"  warm compare 000→001 (documents read): median {statistics.median(warm):.3f} s (bar 0.25 s)")


if __name__ == "__main__":
    cold_start()
