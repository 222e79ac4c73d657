"""Every province of the corpus, 2025 → 2026 (issue 16's bar on reports not seen): every numeric
main target stated in both years is set beside its counterpart with the right values, and no pair
joins figures of different periods or scopes."""
from __future__ import annotations

import pytest

from reportdiff.numbers import match
from reportdiff.quantities import read

from .conftest import SHARED_CORPUS
from .test_numbers_readers import document

PROVINCES = SHARED_CORPUS / "provinces"


def regions() -> list[str]:
    if not PROVINCES.is_dir():
        return []
    return sorted(p.stem for p in (PROVINCES / "2025").glob("*.docx") if (PROVINCES / "2026" / f"{p.stem}.txt").is_file())


def comparison(region: str):
    return match(document(PROVINCES / "2025" / f"{region}.docx"), document(PROVINCES / "2026" / f"{region}.txt"))


@pytest.mark.skipif(not PROVINCES.is_dir(), reason="shared corpus absent")
@pytest.mark.parametrize("region", regions())
def test_main_targets_of_both_years_pair_with_their_figures(region):
    result = comparison(region)
    assert any(t.old for t in result.targets) and any(t.new for t in result.targets), "a year's list of main targets not found"
    wrong = []
    for row in result.targets:
        old, new = read(row.old or ""), read(row.new or "")
        if old and new:
            values = (row.pair.old.value, row.pair.new.value) if row.pair else None
            if values != (abs(old[0].value), abs(new[0].value)):
                wrong.append((row.old, row.new, values))
    assert not wrong


@pytest.mark.skipif(not PROVINCES.is_dir(), reason="shared corpus absent")
@pytest.mark.parametrize("region", regions())
def test_no_pair_joins_different_periods_or_scopes(region):
    mixed = [(p.indicator, p.old.text[-20:], p.new.text[-20:]) for p in comparison(region).pairs if (p.old.period, p.old.scope) != (p.new.period, p.new.scope)]
    assert not mixed
