"""Cold start: fresh processes end to end, against jieba's own dictionary load in the same run.

    python bench/cold.py     # also the cold-start part of bench/run.py

Medians of interleaved runs, and their ratio: on a machine whose speed varies the ratio
is what holds. Each run is timed twice: wall clock, and the CPU time (user + system) the
fresh process used, which is what a run costs when other work shares the cores. The warm
compare is the same comparison again in one process (CPU time).
"""
from __future__ import annotations

import resource
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
JIEBA_LOAD = (
    "import time; from reportdiff import tokens; t, c = time.perf_counter(), time.process_time(); tokens.jieba_ready(); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)


def seed(prefix: str) -> Path:
    return next((ROOT / "seeds").glob(f"{prefix}_*.txt"))


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of a fresh process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, check=True, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def cold_start(runs: int = 5) -> None:
    print(f"Cold start: fresh processes, median of {runs}, against jieba's dictionary load (import and initialize) in the same run")
    out = Path(tempfile.mkdtemp()) / "review.html"
    subprocess.run([sys.executable, "-c", JIEBA_LOAD], check=True, cwd=ROOT, capture_output=True)  # jieba's own cache file in place
    loads: list[tuple[float, float]] = []
    cases: dict[tuple[str, str], list[tuple[float, float]]] = {("000", "001"): [], ("003", "001"): []}
    for _ in range(runs):
        _, _, timed = run([sys.executable, "-c", JIEBA_LOAD])
        wall, cpu = map(float, timed.split())
        loads.append((wall, cpu))
        for (a, b), times in cases.items():
            wall, cpu, _ = run([sys.executable, "-m", "reportdiff.cli", a, b, "-o", str(out)])
            times.append((wall, cpu))
    load_wall, load_cpu = (statistics.median(t[k] for t in loads) for k in (0, 1))
    print(f"  jieba dictionary load (import and initialize, timed inside a fresh process): median wall {load_wall:.2f} s, CPU {load_cpu:.2f} s")
    for (a, b), times in cases.items():
        wall, cpu = (statistics.median(t[k] for t in times) for k in (0, 1))
        print(
            f"  reportdiff {a} {b} -o review.html: median wall {wall:.2f} s = {wall / load_wall:.2f}×, "
            f"CPU {cpu:.2f} s = {cpu / load_cpu:.2f}× jieba's load (goal 1.3×, bar 1.5×)"
        )
    old, new = read(seed("000")), read(seed("001"))
    compare(old, new)  # warm: the segmenter and the imports in place
    warm, stages = [], []
    for _ in range(runs):
        start = time.process_time()
        result = compare(old, new)
        warm.append(time.process_time() - start)
        stages.append(result.timings)
    print(f"  warm compare 000→001 (documents read): median CPU {statistics.median(warm):.3f} s (bar 0.25 s); by stage: "
          + ", ".join(f"{k} {statistics.median(t[k] for t in stages):.3f}" for k in stages[0]))


if __name__ == "__main__":
    cold_start()
