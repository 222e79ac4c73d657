"""Benchmark of `reportdiff batch`: 2 workers against 1, a rerun, throughput per core, memory per worker,
and where the serial part of a run is.

    python bench/batch.py [CORPUS] [--reports N] [--dask]

CORPUS defaults to the shared corpus's national series; N of its reports (default 21:
the last years of each series, so 20 pairs of the national series) are linked into a
temporary corpus. Each run is a fresh process with an empty cache of its own, as a user's
first run is (the runs share nothing: no parsed report, no series index, no template).
Every figure comes from this one run, so the ratios hold on a machine whose speed varies;
absolute times do not travel.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff import batch  # noqa: E402

# One batch in a fresh process: its result, the phases' wall seconds, and the CPU of the
# process itself (the parent's share: finding, planning, writing) and of its workers.
CHILD = """
import json, resource, sys
from reportdiff import batch
result = batch.run(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), dask=sys.argv[4] or None)
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
ok = [r for r in result.records if r.get("status") == "ok"]
print(json.dumps({
    "seconds": result.seconds, "phases": result.phases, "ran": result.ran, "kept": result.kept, "failed": result.failed,
    "pairs": sorted((r["pair"], r["status"]) for r in result.records if r["type"] == "pair"),
    "parent_cpu": own.ru_utime + own.ru_stime, "workers_cpu": workers.ru_utime + workers.ru_stime,
    "peak_mib": max((r["timing"]["worker_peak_mib"] or 0 for r in ok), default=0),
    "pair_cpu": sorted(r["timing"]["cpu"] for r in ok),
}))
"""


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


def batch_run(corpus: Path, out: Path, jobs: int, cache: Path, dask: str = "") -> dict:
    """One batch in a fresh process with the cache folder `cache`: its figures, wall and CPU seconds."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(out), str(jobs), dask], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = json.loads(done.stdout.splitlines()[-1])
    figures.update(wall=wall, cpu=after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return figures


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


def phases(figures: dict) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in figures["phases"].items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "national"))
    parser.add_argument("--reports", type=int, default=21)
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster of 2 workers")
    args = parser.parse_args()
    corpus = subset(Path(args.corpus), args.reports)
    work = Path(tempfile.mkdtemp(prefix="reportdiff-bench-"))

    load_before = os.getloadavg()[0]
    machine = parallelism()
    one = batch_run(corpus, work / "one", 1, work / "cache-one")
    two = batch_run(corpus, work / "two", 2, work / "cache-two")
    rerun = batch_run(corpus, work / "two", 2, work / "cache-two")
    dask = batch_run(corpus, work / "dask", 2, work / "cache-dask", "local") if args.dask else None
    pairs = len(one["pairs"])
    compared = sum(1 for _, status in one["pairs"] if status == "ok")
    print(f"{pairs} pairs ({compared} compared, {pairs - compared} failed) of the last {args.reports} reports of {args.corpus}")
    print(f"  this machine now gives 2 processes {machine:.2f}× the work of 1 (a pure-CPU loop); "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"  1 worker:  {one['wall']:6.1f} s wall, {one['cpu']:6.1f} s CPU = {compared / one['cpu'] * 60:5.1f} pairs a minute a core; phases (s): {phases(one)}")
    print(f"  2 workers: {two['wall']:6.1f} s wall, {two['cpu']:6.1f} s CPU: {one['wall'] / two['wall']:.2f}× faster than 1 (bar 1.6×), "
          f"CPU {two['cpu'] / one['cpu']:.2f}× that of 1 worker; phases (s): {phases(two)}")
    print(f"  serial part, 2 workers: the parent's own CPU {two['parent_cpu']:.1f} s of {two['cpu']:.1f} s; "
          f"a pair's CPU in its worker: median {two['pair_cpu'][len(two['pair_cpu']) // 2]:.2f} s, largest {two['pair_cpu'][-1]:.2f} s")
    print(f"  rerun over unchanged inputs: {rerun['wall']:.2f} s wall ({rerun['seconds']:.2f} s in batch.run) = {two['wall'] / rerun['wall']:.0f}× faster "
          f"than the first run (bar 5×), {rerun['ran']} pairs run again")
    if dask is not None:
        same = "the same pairs and statuses" if dask["pairs"] == two["pairs"] else "DIFFERENT pairs"
        print(f"  --dask local, 2 workers: {dask['wall']:6.1f} s wall, {same} as the process pool; phases (s): {phases(dask)}")
    print(f"  worker peak resident size: {two['peak_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
