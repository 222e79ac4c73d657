"""Extraction of the five seeds stays under 0.1 s and grows linearly with length (issue 16;
the figures come from ``python bench/extract.py``). CPU time, the best of a few runs, so that a
busy machine does not decide the result."""
from __future__ import annotations

import time

from reportdiff.document import from_source
from reportdiff.load import Source
from reportdiff.numbers import extract

from .conftest import SEEDS, seed


def cpu(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def test_the_five_seeds_are_read_in_a_tenth_of_a_second():
    docs = [seed(path.name[:3]) for path in sorted(SEEDS.glob("*.txt"))]
    assert len(docs) == 5
    assert cpu(lambda: [extract(d) for d in docs]) < 0.1


def test_extraction_grows_linearly_with_length():
    text = seed("000").text
    one, eight = (from_source(Source(f"×{n}", "\n\n".join([text] * n), "txt")) for n in (1, 8))
    assert cpu(lambda: extract(eight)) < 8 * 1.5 * cpu(lambda: extract(one))
