"""Benchmark: number extraction (reportdiff.numbers.extract) on the five seeds, and its growth.

    python bench/extract.py

The bar (issue 16): all five seeds extracted in under 0.1 s, linear in length. Times are CPU
seconds (a busy machine changes them little): the first run, with the label caches empty, and
the best of five; parsing the documents is not counted, only the extraction.
"""
from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.document import from_source  # noqa: E402
from reportdiff.load import Source, load  # noqa: E402
from reportdiff.numbers import extract  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    docs = [from_source(load(path)) for path in SEEDS]
    cold = best(lambda: [extract(d) for d in docs], runs=1)  # the label caches empty
    seconds = best(lambda: [extract(d) for d in docs])
    chars = sum(len(d.text) for d in docs)
    found = sum(len(extract(d)) for d in docs)
    print(f"five seeds: {chars:,} chars, {found} quantities, extracted in {cold:.3f} s cold, {seconds:.3f} s warm (bar 0.1 s)")

    text = load(SEEDS[0]).text
    rows = []
    for times in (1, 2, 4, 8):
        doc = from_source(Source(f"seed ×{times}", "\n\n".join([text] * times), "txt"))
        rows.append((len(doc.text), best(lambda doc=doc: extract(doc), runs=3)))
        print(f"  seed 000 ×{times}: {rows[-1][0]:>8,} chars  {rows[-1][1]:.3f} s")
    (n0, t0), (n1, t1) = rows[0], rows[-1]
    print(f"  growth exponent (1 = linear): {math.log(t1 / t0) / math.log(n1 / n0):.2f}")


if __name__ == "__main__":
    main()
