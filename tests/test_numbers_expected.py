"""Number pairs against lists made by reading the reports (issue 5).

tests/expected/numbers/OLD_NEW.tsv: indicator, kind, old value, old unit, new value, new unit, …
Bars from the issue: the tool finds ≥90% of the listed pairs, and ≥95% of the pairs it
makes are right. "Right" is judged where the reader spoke: a tool pair that uses a figure
from the list must be the listed pair.
"""
from __future__ import annotations

import pytest

from reportdiff.numbers import match

from .conftest import EXPECTED, read_tsv, seed

FILES = sorted((EXPECTED / "numbers").glob("*.tsv"))


def key(value, unit) -> tuple[float, str]:
    return (round(float(value), 4), unit)


def score(path):
    old_id, new_id = path.stem.split("_")
    pairs = match(seed(old_id), seed(new_id)).pairs
    expected = {(kind, key(ov, ou), key(nv, nu)) for _, kind, ov, ou, nv, nu, *_ in read_tsv(path)}
    made = {(p.kind, key(p.old.value, p.old.unit), key(p.new.value, p.new.unit)): p for p in pairs}
    found = expected & made.keys()
    olds = {(k, o) for k, o, _ in expected}
    news = {(k, n) for k, _, n in expected}
    judged = [m for m in made if (m[0], m[1]) in olds or (m[0], m[2]) in news]
    wrong = [made[m] for m in judged if m not in expected]
    missed = sorted(expected - made.keys())
    return found, expected, judged, wrong, missed


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_number_pairs_match_the_careful_reader(path):
    found, expected, judged, wrong, missed = score(path)
    recall = len(found) / len(expected)
    precision = 1 - len(wrong) / len(judged) if judged else 1.0
    wrong_shown = [(p.indicator, p.kind, p.old.text, p.new.text) for p in wrong]
    assert recall >= 0.90, (f"found {len(found)}/{len(expected)}", missed)
    assert precision >= 0.95, (f"{len(judged) - len(wrong)}/{len(judged)} right", wrong_shown)


if __name__ == "__main__":  # python -m tests.test_numbers_expected: the figures for the notes
    for path in FILES:
        found, expected, judged, wrong, missed = score(path)
        print(f"{path.stem}: found {len(found)}/{len(expected)}; right {len(judged) - len(wrong)}/{len(judged)}")
        for m in missed:
            print("   missed", m)
        for p in wrong:
            print("   wrong ", p.indicator, p.kind, p.old.text.replace("\n", ""), "→", p.new.text.replace("\n", ""))
