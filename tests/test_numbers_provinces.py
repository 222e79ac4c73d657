"""Every province of the corpus, 2025 → 2026 (issue 16's bar on reports not seen): every numeric
main target stated in both years is set beside its counterpart with the right values, and no pair
joins figures of different periods or scopes."""
from __future__ import annotations

import pytest

from reportdiff.numbers import match
from reportdiff.quantities import read

from .conftest import NO_CORPUS, SHARED_CORPUS
from .test_numbers_readers import document

PROVINCES = SHARED_CORPUS / "provinces"


def regions() -> list[str]:
    if not PROVINCES.is_dir():
        return []
    return sorted(p.stem for p in (PROVINCES / "2025").glob("*.docx") if (PROVINCES / "2026" / f"{p.stem}.txt").is_file())


def comparison(region: str):
    return match(document(PROVINCES / "2025" / f"{region}.docx"), document(PROVINCES / "2026" / f"{region}.txt"))


def figures(text: str | None) -> dict[str, float]:
    """A target's figures by the item of a 分别 list each answers ("" for a target of one figure)."""
    readings = read(text or "")
    listed = {r.subject: abs(r.value) for r in readings if r.subject}
    return listed or ({"": abs(readings[0].value)} if readings else {})


def expected_values(old: dict[str, float], new: dict[str, float]) -> set[tuple[float, float]]:
    """The value pairs two numeric targets must show: item by item when both are lists
    (城镇、农村居民人均可支配收入分别增长…), else the one figure of each."""
    shared = old.keys() & new.keys()
    if shared:
        return {(old[k], new[k]) for k in shared}
    if len(old) > 1 or len(new) > 1:  # a list on one side only: its item is one of them
        return set()
    return {(next(iter(old.values())), next(iter(new.values())))}


@pytest.mark.skipif(not PROVINCES.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("region", regions())
def test_main_targets_of_both_years_pair_with_their_figures(region):
    result = comparison(region)
    assert any(t.old for t in result.targets) and any(t.new for t in result.targets), "a year's list of main targets not found"
    shown: dict[tuple[str, str], set] = {}
    for row in result.targets:
        if row.old and row.new:
            shown.setdefault((row.old, row.new), set()).add((row.pair.old.value, row.pair.new.value) if row.pair else None)
    wrong = []
    for (old_text, new_text), values in shown.items():
        old, new = figures(old_text), figures(new_text)
        if old and new:
            expected = expected_values(old, new)
            if expected and values != expected or not expected and not values <= {(a, b) for a in old.values() for b in new.values()}:
                wrong.append((old_text, new_text, values, expected))
    assert not wrong


@pytest.mark.skipif(not PROVINCES.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("region", regions())
def test_no_pair_joins_different_periods_or_scopes(region):
    mixed = [(p.indicator, p.old.text[-20:], p.new.text[-20:]) for p in comparison(region).pairs if (p.old.period, p.old.scope) != (p.new.period, p.new.scope)]
    assert not mixed


if __name__ == "__main__":  # python -m tests.test_numbers_provinces: each province's targets, to check by reading
    from reportdiff.numbers import target_lists

    def shown(q) -> str:
        return "-" if q is None else f"{q.signed}{'' if q.high is None else f'—{q.signed_high}'}{q.unit}{q.qualifier} [{q.measure}]"

    for region in regions():
        result = comparison(region)
        print(f"== {region}")
        for year, path in (("old", PROVINCES / "2025" / f"{region}.docx"), ("new", PROVINCES / "2026" / f"{region}.txt")):
            doc = document(path)
            for begin, stop in target_lists(doc)[:1]:
                print(f"   {year} list: {doc.clean.folded[begin:stop]}")
        for row in result.targets:
            change = "" if row.pair is None else f"  change {row.pair.change if row.pair.change is not None else row.pair.change_range}"
            print(f"   [{row.indicator}] {row.old!r} {shown(row.old_quantity)} | {row.new!r} {shown(row.new_quantity)}{change}")
