"""Commitments stay fast and linear on long plans (issue 17): a plan of 50,000 characters is
checked in under 0.3 s of CPU once jieba is loaded and the earlier stages have run.

The long inputs are the seed plan 000 and its review 001, each repeated (bench/run.py's
growth run does the same): every promise of the long plan is checked.
"""
from __future__ import annotations

import time

from reportdiff.align import align
from reportdiff.commitments import _parts, track
from reportdiff.document import Document, from_source
from reportdiff.load import Source, load
from reportdiff.numbers import match
from reportdiff.tokens import Tokens

from .conftest import seed_path

PLAN_CHARS = 50_000
BAR_SECONDS = 0.3


def repeated(prefix: str, times: int) -> Document:
    return from_source(Source(f"{prefix} x{times}", "\n\n".join([load(seed_path(prefix)).text] * times), "txt"))


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


def test_a_long_plan_is_checked_fast_and_in_linear_time():
    short, short_chars = seconds(2)
    long, long_chars = seconds(8)
    assert long_chars >= 0.95 * PLAN_CHARS
    assert long < BAR_SECONDS * long_chars / PLAN_CHARS, f"{long:.3f} s for a plan of {long_chars} characters"
    # Four times the plan, at most about four times the time (with room for a busy machine).
    assert long / short < 1.5 * long_chars / short_chars, f"{short:.3f} s → {long:.3f} s"
