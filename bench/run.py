"""Benchmark: each pipeline stage on the seed pairs and on growing runs of real reports,
against two baselines measured in the same run.

    python bench/run.py            # all of it (a few minutes: the growth runs reach 4 MB a side)
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
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cold import cold_start  # noqa: E402  (bench/cold.py, beside this file)
from diff_match_patch import diff_match_patch  # noqa: E402

from reportdiff import compare, tokens  # noqa: E402
from reportdiff.document import from_source  # noqa: E402
from reportdiff.load import Source, load  # noqa: E402
from reportdiff.render import html as render_html  # noqa: E402
from reportdiff.render import json as render_json  # noqa: E402
from reportdiff.render import text as render_text  # noqa: E402

SEEDS = ROOT / "seeds"
PAIRS = [("000", "001"), ("002", "000"), ("003", "001"), ("000", "004")]


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def timed(fn, *args):
    start = time.process_time()  # CPU time: comparable between runs on a busy machine
    value = fn(*args)
    return value, time.process_time() - start


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed pairs only")
    parser.add_argument("--growth", action="store_true", help="the growth runs only")
    parser.add_argument("--dmp-timeout", type=float, default=5.0)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2, 4], metavar="MB", help="input sizes for the growth runs (MB a side; 16× from the smallest to the largest)")
    args = parser.parse_args()

    _, jieba_load = timed(tokens.jieba_ready)
    print(f"jieba dictionary load: {jieba_load:.3f} s (once per process)\n")
    if args.growth:
        return growth(args.sizes)
    stages = ["load", "structure", "tokens", "align", "diff", "terms", "numbers", "commitments", "render"]
    print(f"{'pair':10} {'chars':>13} " + " ".join(f"{s:>9}" for s in stages) + f" {'total':>7} {'dmp-char':>9} {'htmldiff':>9}")
    for a, b in PAIRS:
        (sa, sb), load_time = timed(lambda a=a, b=b: (load(seed(a)), load(seed(b))))
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

    growth(args.sizes)


CORPUS = ROOT.parent / "shared" / "corpus"


def series(megabytes: float, offset: int, texts: list[str]) -> str:
    """Reports one after another until `megabytes` of UTF-8: a long input of real text."""
    out, size, i = [], 0, offset
    while size < megabytes * 2**20:
        out.append(texts[i % len(texts)])
        size += len(out[-1].encode("utf-8"))
        i += 1
    return "\n\n".join(out)


def growth(sizes: list[float]) -> None:
    """Each stage on inputs growing from 0.25 to 4 MB a side (16×), and its growth exponent.

    Two kinds of long input. A run of real reports (the shared corpus's national and
    provincial reports in turn when it is there, else the seeds) against the same run one
    report on, so that report N faces report N+1 as in a real comparison. And the plan
    and review seeds 000 → 001 each repeated, the case where every promise of a long plan
    is checked (the first kind has no plan of one year). The exponent of a stage is
    log(time ratio) / log(size ratio) between the smallest and largest size: 1 is linear,
    2 quadratic. jieba's own segmentation of the same text is the baseline. Times are CPU
    seconds, so a busy machine changes them little.
    """
    if CORPUS.is_dir():
        # National and provincial reports taken in turn, so that every size holds the same mix.
        national, provinces = sorted(CORPUS.glob("national/*.txt")), sorted(CORPUS.glob("provinces/2026/*.txt"))
        files = [f for pair in zip(national, provinces * 3) for f in pair]
    else:
        files = sorted(SEEDS.glob("*.txt"))
    texts = [load(f).text for f in files]
    plan, review = load(seed("000")).text, load(seed("001")).text
    runs = {
        f"runs of {'corpus' if CORPUS.is_dir() else 'seed'} reports, report N against N+1": lambda mb: (series(mb, 0, texts), series(mb, 1, texts)),
        "seed plan 000 and review 001, each repeated": lambda mb: (series(mb, 0, [plan]), series(mb, 0, [review])),
    }
    for name, make in runs.items():
        print(f"Growth: {name}")
        _growth_rows(sizes, make)


def _growth_rows(sizes, make) -> None:
    import jieba

    stages = ["structure", "tokens", "align", "diff", "terms", "numbers", "commitments", "render"]
    rows = []
    warm = make(min(sizes))  # the segmenter and the terms' tag table loaded: the first row times the stages alone
    pipeline(Source("warm old", warm[0], "txt"), Source("warm new", warm[1], "txt"))
    for mb in sizes:
        old_text, new_text = make(mb)
        old, new = Source(f"old {mb} MB", old_text, "txt"), Source(f"new {mb} MB", new_text, "txt")
        t = pipeline(old, new)
        _, t["jieba"] = timed(lambda old=old, new=new: (jieba.lcut(old.text), jieba.lcut(new.text)))
        rows.append((mb, len(old.text) + len(new.text), t))
        total = sum(t[s] for s in stages)
        print(f"  {mb:4g} MB a side ({len(old.text):>9,}+{len(new.text):<9,} chars): total {total:6.2f} s  "
              + " ".join(f"{s} {t[s]:.2f}" for s in stages) + f"  | jieba.lcut {t['jieba']:.2f}")
    (_, n0, t0), (_, n1, t1) = rows[0], rows[-1]
    ratio = math.log(n1 / n0)
    exponents = {s: math.log(max(t1[s], 1e-3) / max(t0[s], 1e-3)) / ratio for s in [*stages, "jieba"]}
    print("  growth exponent (1 = linear): " + " ".join(f"{s} {e:.2f}" for s, e in exponents.items()))


if __name__ == "__main__":
    main()
