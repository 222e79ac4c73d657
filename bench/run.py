"""Benchmark: each pipeline stage on the seed pairs and on growing synthetic reports,
against two baselines measured in the same run.

    python bench/run.py            # all of it (about a minute)
    python bench/run.py --quick    # seed pairs only

Baselines: diff-match-patch over the two whole documents at character level
(what a generic diff website does; capped at --dmp-timeout seconds, after
which dmp returns a coarse partial diff), and difflib.HtmlDiff over lines
(what Python's standard library offers).
"""
from __future__ import annotations

import argparse
import asyncio
import difflib
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff_match_patch import diff_match_patch  # noqa: E402

from reportdiff import compare, tokens  # noqa: E402
from reportdiff.document import from_source  # noqa: E402
from reportdiff.load import Source, load  # noqa: E402
from reportdiff.render import html as render_html  # noqa: E402
from reportdiff.render import json as render_json  # noqa: E402
from reportdiff.render import text as render_text  # noqa: E402

from cold import cold_start  # noqa: E402  (bench/cold.py, beside this file)

SEEDS = ROOT / "seeds"
PAIRS = [("000", "001"), ("002", "000"), ("003", "001"), ("000", "004")]


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def pipeline(old_source: Source, new_source: Source) -> dict[str, float]:
    """Stage times (seconds) for one comparison; loading is timed by the caller."""
    t: dict[str, float] = {}
    (old, new), t["structure"] = timed(lambda: (from_source(old_source), from_source(new_source)))
    result = compare(old, new)
    t.update(result.timings)
    _, t["render"] = timed(
        lambda: (
            render_json.dumps(render_json.comparison(result)),
            render_text.report(result, render_text.Style(False)),
            render_html.render(result),
        )
    )
    return t


def dmp_baseline(a: str, b: str, timeout: float) -> float:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    _, seconds = timed(dmp.diff_main, a, b)
    return seconds


def htmldiff_baseline(a: str, b: str) -> float:
    _, seconds = timed(lambda: difflib.HtmlDiff().make_file(a.splitlines(), b.splitlines()))
    return seconds


async def tui_first_screen() -> float:
    """Seconds from starting the TUI to the first screen showing the comparison."""
    from reportdiff.tui import ReportdiffApp

    start = time.perf_counter()
    app = ReportdiffApp(lambda: compare(seed("000"), seed("001")))
    async with app.run_test(size=(160, 48)) as pilot:
        while app.result is None:
            await pilot.pause(0.01)
        await pilot.pause()
        return time.perf_counter() - start


def synthetic(source: Source, times: int) -> Source:
    """A report `times` as long: the chapters repeated, renumbered as new chapters."""
    text = source.text
    return Source(f"{source.path}×{times}", "\n\n".join([text] * times), source.format)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed pairs only")
    parser.add_argument("--dmp-timeout", type=float, default=5.0)
    args = parser.parse_args()

    _, jieba_load = timed(tokens.jieba_ready)
    print(f"jieba dictionary load: {jieba_load:.3f} s (once per process)\n")
    stages = ["load", "structure", "tokens", "align", "diff", "numbers", "commitments", "render"]
    print(f"{'pair':10} {'chars':>13} " + " ".join(f"{s:>9}" for s in stages) + f" {'total':>7} {'dmp-char':>9} {'htmldiff':>9}")
    for a, b in PAIRS:
        (sa, sb), load_time = timed(lambda: (load(seed(a)), load(seed(b))))
        t = {"load": load_time, **pipeline(sa, sb)}
        total = sum(t.values())
        dmp = dmp_baseline(sa.text, sb.text, args.dmp_timeout)
        html = htmldiff_baseline(sa.text, sb.text)
        dmp_note = f"{dmp:8.2f}s" + ("*" if dmp >= args.dmp_timeout * 0.95 else " ")
        print(f"{a}→{b:6} {len(sa.text):>6}+{len(sb.text):<6} " + " ".join(f"{t[s]:8.3f}s" for s in stages) + f" {total:6.2f}s {dmp_note} {html:8.2f}s")
    print(f"\n* diff-match-patch hit its {args.dmp_timeout:g} s limit and returned a coarse partial diff.")
    print(f"  Totals exclude the jieba load: add {jieba_load:.2f} s for a fresh process.\n")

    cold_start()
    print(f"  TUI start to first screen (000→001, headless): {asyncio.run(tui_first_screen()):.2f} s\n")
    if args.quick:
        return

    print("Growth: 003 (the five-year plan) repeated n times, compared with 001")
    base = load(seed("003"))
    new = load(seed("001"))
    rows = []
    for n in (1, 2, 4, 8):
        big = synthetic(base, n)
        t = pipeline(big, new)
        tracemalloc.start()  # a second, traced run for memory: tracing slows everything
        pipeline(big, new)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        total = sum(t.values())
        per_10k = total / ((len(big.text) + len(new.text)) / 10000)
        rows.append((n, len(big.text), total, per_10k, peak))
        print(f"  {n}×: {len(big.text):>7} chars  total {total:6.2f} s  " + " ".join(f"{s} {t[s]:.2f}" for s in stages[1:]) + f"  {per_10k:.3f} s/10k chars  peak {peak / 2**20:.0f} MiB")
    first, last = rows[0][3], rows[-1][3]
    print(f"  time per 10k characters at 8× is {last / first:.2f}× that at 1×")


if __name__ == "__main__":
    main()
