"""Cold start: fresh processes end to end, against jieba's own dictionary load in the same run.

    python bench/cold.py     # also the cold-start part of bench/run.py

Medians of interleaved runs, and their ratio: on a machine whose speed varies the ratio
is what holds. Each run is timed twice: wall clock, and the CPU time (user + system) the
fresh process used, which is what a run costs when other work shares the cores. The warm
compare is the same comparison again in one process (CPU time).

The package is byte-compiled first, as an installed package is (pip compiles it at install
time): a source checkout run with PYTHONDONTWRITEBYTECODE set, as on this machine, would
otherwise compile every module again in every run and measure the compiler. A cold run
meets the private cache folder filled by the runs before it (the normal case: the compiled
page template, the terms' cached series); the first run ever, with an empty cache folder,
is timed too.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff import compare, terms  # noqa: E402
from reportdiff.document import read  # noqa: E402

# jieba's own load: importing jieba and reading its dictionary (from its cache file), timed after reportdiff's imports.
JIEBA_LOAD = (
    "import time; from reportdiff import tokens; t, c = time.perf_counter(), time.process_time(); tokens.jieba_ready(); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)

# Where a cold 003 → 001 to HTML spends its CPU, in the order it spends it (a fresh process).
PARTS = """
import json, sys, time
marks = [("interpreter", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
from reportdiff import cli  # noqa: F401  (the command line's imports)
mark("imports")
from reportdiff import corpus
from reportdiff.compare import compare
from reportdiff.render import html
old, new = corpus.resolve_pair(sys.argv[1], sys.argv[2], None, None, None)
old.document, new.document
mark("read (the cache of parsed reports)")
cut = old.tokens, new.tokens
mark("tokens (the same cache)")
result = compare(old.document, new.document, tokens=cut)
mark("compare")
page = html.render(result)
mark("render HTML")
parts = {name: round(t - marks[i][1], 4) for i, (name, t) in enumerate(marks[1:])}
parts["interpreter"] = round(marks[0][1], 4)
parts.update({f"  {stage}": round(t, 4) for stage, t in result.timings.items()})
print(json.dumps(parts))
"""


def seed(prefix: str) -> Path:
    return next((ROOT / "seeds").glob(f"{prefix}_*.txt"))


def run(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds of a fresh process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, check=True, cwd=ROOT, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout


def byte_compile() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reportdiff")], check=True, capture_output=True)


def cold_start(runs: int = 5) -> None:
    print(f"Cold start: fresh processes, median of {runs}, against jieba's dictionary load (import and initialize) in the same run")
    byte_compile()
    out = Path(tempfile.mkdtemp()) / "review.html"
    subprocess.run([sys.executable, "-c", JIEBA_LOAD], check=True, cwd=ROOT, capture_output=True)  # jieba's own cache file in place
    loads: list[tuple[float, float]] = []
    cases: dict[str, list[str]] = {
        "reportdiff 000 001 -o review.html": ["000", "001", "-o", str(out)],
        "reportdiff 003 001 -o review.html": ["003", "001", "-o", str(out)],
        "reportdiff 003 001 -o review.html, empty cache folder": ["003", "001", "-o", str(out)],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    run([sys.executable, "-m", "reportdiff.cli", *cases["reportdiff 003 001 -o review.html"]])  # the cache folder filled
    parts: list[dict] = []
    for _ in range(runs):
        _, _, timed = run([sys.executable, "-c", JIEBA_LOAD])
        wall, cpu = map(float, timed.split())
        loads.append((wall, cpu))
        for name, args in cases.items():
            env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp()} if "empty" in name else None
            wall, cpu, _ = run([sys.executable, "-m", "reportdiff.cli", *args], env)
            times[name].append((wall, cpu))
        parts.append(json.loads(run([sys.executable, "-c", PARTS, "003", "001"])[2]))
    load_wall, load_cpu = (statistics.median(t[k] for t in loads) for k in (0, 1))
    print(f"  jieba dictionary load (import and initialize, timed inside a fresh process): median wall {load_wall:.2f} s, CPU {load_cpu:.2f} s")
    for name, measured in times.items():
        wall, cpu = (statistics.median(t[k] for t in measured) for k in (0, 1))
        print(f"  {name}: median wall {wall:.2f} s = {wall / load_wall:.2f}×, CPU {cpu:.2f} s = {cpu / load_cpu:.2f}× jieba's load (goal 1.3×, bar 1.5×)")
    print("  where a cold 003 → 001 to HTML spends its CPU (median s, and as a share of jieba's load):")
    for name in parts[0]:
        value = statistics.median(p[name] for p in parts)
        print(f"    {name:42} {value:6.3f} s  {value / load_cpu:5.2f}×")
    imports()
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
    # What each document holds by itself (its figures, its index for ranking formulations) is kept
    # for the last few documents, as a report stands in the pair before and the pair after: the
    # same comparison with those found afresh, as for two reports the process has not seen.
    fresh = []
    for _ in range(runs):
        old, new = read(seed("000")), read(seed("001"))
        terms._report.cache_clear()  # the ranking index of a report's text (kept by text, not by document)
        terms.grams.cache_clear()
        start = time.process_time()
        compare(old, new)
        fresh.append(time.process_time() - start)
    print(f"  the same, with documents new to the process (nothing of them kept): median CPU {statistics.median(fresh):.3f} s")


def imports(runs: int = 5, top: int = 12) -> None:
    """The command line's imports by module: each module's own time (python -X importtime), median of fresh processes."""
    own: dict[str, list[int]] = {}
    for _ in range(runs):
        report = subprocess.run([sys.executable, "-X", "importtime", "-c", "import reportdiff.cli"], cwd=ROOT, capture_output=True, text=True).stderr
        for line in report.splitlines():
            fields = line.removeprefix("import time:").split("|")
            if len(fields) == 3 and fields[0].strip().isdigit():
                own.setdefault(fields[2].strip(), []).append(int(fields[0]))
    median = {name: statistics.median(us) / 1e6 for name, us in own.items()}
    ranked = sorted(median.items(), key=lambda item: -item[1])
    print(f"  the command line's imports, {sum(median.values()):.3f} s wall in all; the largest by their own time:")
    print("    " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in ranked[:top]))


if __name__ == "__main__":
    cold_start()
