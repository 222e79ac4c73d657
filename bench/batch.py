"""Benchmark of `reportdiff batch`: throughput per core, 2 workers against 1, a rerun, memory per worker.

    python bench/batch.py [CORPUS] [--reports N]

CORPUS defaults to the shared corpus's national series; N of its reports (default 21:
the last years of each series, so 20 pairs of the national series) are linked into a
temporary corpus. Every figure comes from this one
run, so the ratios hold on a machine whose speed varies; absolute times do not travel.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff import batch  # noqa: E402


def subset(corpus: Path, count: int) -> Path:
    """`count` reports linked into a temporary corpus: the last years of each series, series by series."""
    series: dict[str, list] = {}
    for report in batch.find_reports(corpus, corpus / ".none"):
        series.setdefault(report.series or report.name, []).append(report)
    chosen = []
    for key in sorted(series):
        room = count - len(chosen)
        if room <= 0:
            break
        chosen += sorted(series[key], key=lambda r: r.year or 0)[-room:]
    root = Path(tempfile.mkdtemp(prefix="reportdiff-bench-"))
    for report in chosen:
        target = root / report.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(report.path)
    return root


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), cpu_seconds()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - wall, cpu_seconds() - cpu


def spin(n: int) -> int:
    return sum(i * i for i in range(n))


def parallelism() -> float:
    """What two processes get from this machine right now: a pure-CPU loop, 2 workers against 1."""
    work = [3_000_000] * 4
    start = time.perf_counter()
    for n in work:
        spin(n)
    alone = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        start = time.perf_counter()
        list(pool.map(spin, work))
        return alone / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "national"))
    parser.add_argument("--reports", type=int, default=21)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="reportdiff-bench-cache-")  # an empty cache of its own
    corpus = subset(Path(args.corpus), args.reports)
    out = Path(tempfile.mkdtemp(prefix="reportdiff-bench-out-"))

    load_before = os.getloadavg()[0]
    machine = parallelism()
    one, one_wall, one_cpu = measured(batch.run, corpus, out / "one", jobs=1, use_cache=False)
    two, two_wall, two_cpu = measured(batch.run, corpus, out / "two", jobs=2, use_cache=False)
    filled = batch.run(corpus, out / "cached", jobs=2)
    rerun = batch.run(corpus, out / "cached", jobs=2)
    pairs = sum(1 for r in one.records if r["type"] == "pair")
    ok = [r for r in two.records if r.get("status") == "ok"]
    peak = max(r["timing"]["worker_peak_mib"] or 0 for r in ok)
    print(f"{pairs} pairs ({len(ok)} compared, {two.failed} failed) of the last {args.reports} reports of {args.corpus}")
    print(f"  this machine now gives 2 processes {machine:.2f}× the work of 1 (a pure-CPU loop); "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"  1 worker, no cache:  {one_wall:6.1f} s, {one_cpu:6.1f} s CPU = {pairs / one_cpu * 60:5.1f} pairs a minute a core")
    print(f"  2 workers, no cache: {two_wall:6.1f} s, {two_cpu:6.1f} s CPU: {one_wall / two_wall:.2f}× faster than 1 (bar 1.6×); "
          f"CPU {two_cpu / one_cpu:.2f}× that of 1 worker (the cost of parallel work)")
    print(f"  2 workers, cache filled: {filled.seconds:6.1f} s; rerun over unchanged inputs: {rerun.seconds:.2f} s = {filled.seconds / rerun.seconds:.0f}× faster (bar 5×)")
    print(f"  worker peak resident size: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
