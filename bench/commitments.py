"""Benchmark: the commitments stage on long plans, and its growth (issue 17).

    python bench/commitments.py

The bar: a plan of 50,000 characters checked in under 0.3 s of CPU once jieba is loaded
and the earlier stages have run, linear in length. The long inputs are the seed plan 000
and its review 001, each repeated (as bench/run.py's growth run does): every promise of the
long plan is checked. CPU seconds, the best of three.
"""
from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.align import align  # noqa: E402
from reportdiff.commitments import _parts, track  # noqa: E402
from reportdiff.document import Document, from_source  # noqa: E402
from reportdiff.load import Source, load  # noqa: E402
from reportdiff.numbers import match  # noqa: E402
from reportdiff.tokens import Tokens  # noqa: E402

SEEDS = ROOT / "seeds"
PLAN_CHARS = 50_000
BAR_SECONDS = 0.3


def repeated(prefix: str, times: int) -> Document:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return from_source(Source(f"{prefix} x{times}", "\n\n".join([load(path).text] * times), "txt"))


def seconds(times: int) -> tuple[float, int]:
    """CPU seconds of the commitments stage (the best of three) and the plan's length."""
    old, new = repeated("000", times), repeated("001", times)
    old_tokens, new_tokens = Tokens.of(old.text), Tokens.of(new.text)
    numbers = match(old, new)
    alignment = align(old, new, old_tokens, new_tokens)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        track(old, new, numbers.old, numbers.new, old_tokens, new_tokens, alignment)
        best = min(best, time.process_time() - start)
    return best, sum(s.end - s.start for s in _parts(old, "plan", old.meta.plans[0]))


def main() -> None:
    Tokens.of("预热")  # jieba's dictionary, loaded before anything is timed
    rows = [(times, *seconds(times)) for times in (1, 2, 4, 8)]
    print(f"{'repeats':>8} {'plan chars':>11} {'CPU s':>8}")
    for times, cpu, chars in rows:
        print(f"{times:>8} {chars:>11} {cpu:>8.3f}")
    (_, t0, c0), (_, t1, c1) = rows[0], rows[-1]
    print(f"growth exponent {math.log(t1 / t0) / math.log(c1 / c0):.2f} (1 = linear)")
    scaled = t1 * PLAN_CHARS / c1
    print(f"a {PLAN_CHARS}-character plan: {scaled:.3f} s (bar {BAR_SECONDS} s)")


if __name__ == "__main__":
    main()
