"""Number pairs on corpus reports against independent readers' lists (issue 16).

tests/expected/numbers/{national,provinces}/OLD_NEW.tsv were written by readers who never ran
the tool: indicator, kind, old value, old unit, new value, new unit, old snippet, new snippet,
confidence. A listed figure is identified by where it stands (inside its snippet) and its value,
so a tool pair is judged on the indicator, not on value and unit alone:
right = it is a listed pair; wrong = it uses a listed figure but not with its listed partner;
unjudged = it uses no listed figure (printed by ``python -m tests.test_numbers_readers``).
Bars: high-confidence recall ≥ 90% overall and ≥ 80% per pair; precision ≥ 97%.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from reportdiff.clean import fold
from reportdiff.document import Document, read
from reportdiff.numbers import NumberPair, Quantity, match
from reportdiff.quantities import factor

from .conftest import EXPECTED, NO_CORPUS, SHARED_CORPUS, read_tsv

FILES = sorted((EXPECTED / "numbers").glob("*/*_*.tsv"))
PAIR_FILES = [p for p in FILES if not p.name.endswith(".targets.tsv")]
needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
# Below the bar today (measured with python -m tests.test_numbers_readers); the bar stays the test.
BELOW_BAR: dict[str, str] = {
    "provinces/安徽省_2025_2026.targets": "below the 90% bar (held-out reader, session 5): 15/18 main targets side by side; "
    "a target dropped or new in one year (研发投入强度, 规上工业增加值) and a joint clause for several indicators are not rows of their own",
}


def _ident(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _params(paths: list[Path]) -> list:
    return [
        pytest.param(p, id=_ident(p), marks=[pytest.mark.xfail(strict=False, reason=BELOW_BAR[_ident(p)])] if _ident(p) in BELOW_BAR else [])
        for p in paths
    ]


def report_paths(path: Path) -> tuple[Path, Path]:
    """national/2023_2024.tsv → national/2023_gwr.txt, 2024_gwr.txt;
    provinces/山东省_2025_2026.tsv → provinces/2025/山东省.docx, 2026/山东省.txt."""
    stem = path.name.split(".")[0]
    if path.parent.name == "national":
        old, new = stem.split("_")
        return SHARED_CORPUS / "national" / f"{old}_gwr.txt", SHARED_CORPUS / "national" / f"{new}_gwr.txt"
    region, old, new = stem.split("_")
    return SHARED_CORPUS / "provinces" / old / f"{region}.docx", SHARED_CORPUS / "provinces" / new / f"{region}.txt"


@cache
def document(path: Path) -> Document:
    return read(path)


def _squeezed(text: str) -> tuple[str, list[int]]:
    """Folded text without whitespace, and each kept character's offset."""
    kept = [(c, i) for i, c in enumerate(fold(text)) if not c.isspace()]
    return "".join(c for c, _ in kept), [i for _, i in kept]


@cache
def _index(path: Path) -> tuple[str, tuple[int, ...]]:
    text, offsets = _squeezed(document(path).text)
    return text, tuple(offsets)


def spans(path: Path, snippet: str) -> list[tuple[int, int]]:
    """Every place a snippet stands in the report's cleaned text."""
    text, offsets = _index(path)
    needle = _squeezed(snippet)[0]
    out = []
    for m in re.finditer(re.escape(needle), text) if needle else ():
        out.append((offsets[m.start()], offsets[m.end() - 1] + 1))
    return out


def unit_factor(unit: str) -> float:
    return {"万": 1e4, "亿": 1e8}.get(unit, factor(unit))


@dataclass
class Row:
    indicator: str
    kind: str
    old: tuple[float, list[tuple[int, int]]]  # base value, where the snippet stands
    new: tuple[float, list[tuple[int, int]]]
    confidence: str


def is_figure(q: Quantity, figure: tuple[float, list[tuple[int, int]]]) -> bool:
    value, where = figure
    same = abs(abs(q.base) - abs(value)) <= 1e-6 * max(1.0, abs(value))
    return same and any(a <= q.start < b for a, b in where)


@dataclass
class Score:
    rows: list[Row]
    found: list[Row] = field(default_factory=list)
    right: list[NumberPair] = field(default_factory=list)
    wrong: list[NumberPair] = field(default_factory=list)
    unjudged: list[NumberPair] = field(default_factory=list)

    def recall(self, confidence: str = "high") -> float:
        rows = [r for r in self.rows if r.confidence == confidence]
        return sum(1 for r in self.found if r.confidence == confidence) / len(rows) if rows else 1.0

    @property
    def precision(self) -> float:
        judged = len(self.right) + len(self.wrong)
        return len(self.right) / judged if judged else 1.0


def rows_of(path: Path) -> list[Row]:
    old_path, new_path = report_paths(path)
    out = []
    for cells in read_tsv(path):
        if cells[0] == "indicator" or len(cells) < 9:
            continue
        name, kind, ov, ou, nv, nu, os_, ns, confidence = cells[:9]
        try:
            old = float(ov) * unit_factor(ou), spans(old_path, os_)
            new = float(nv) * unit_factor(nu), spans(new_path, ns)
        except ValueError:
            continue  # a range or a qualitative entry: the targets table's business
        out.append(Row(name, kind, old, new, confidence.strip()))
    return out


@cache
def score(path: Path) -> Score:
    old_path, new_path = report_paths(path)
    pairs = match(document(old_path), document(new_path)).pairs
    result = Score(rows_of(path))
    for pair in pairs:
        rows = [r for r in result.rows if r.kind == pair.kind and is_figure(pair.old, r.old) and is_figure(pair.new, r.new)]
        if rows:
            result.right.append(pair)
            result.found += [r for r in rows if r not in result.found]
        elif any(is_figure(pair.old, r.old) or is_figure(pair.new, r.new) for r in result.rows):
            result.wrong.append(pair)
        else:
            result.unjudged.append(pair)
    return result


@needs_corpus
@pytest.mark.parametrize("path", _params(PAIR_FILES))
def test_each_pair_of_reports_recall(path):
    s = score(path)
    missed = [(r.indicator, r.kind) for r in s.rows if r.confidence == "high" and r not in s.found]
    assert s.recall() >= 0.80, (f"high-confidence recall {s.recall():.0%}", missed)


@needs_corpus
def test_overall_recall_and_precision():
    scores = [score(p) for p in PAIR_FILES]
    high = [r for s in scores for r in s.rows if r.confidence == "high"]
    found = [r for s in scores for r in s.found if r.confidence == "high"]
    right = sum(len(s.right) for s in scores)
    wrong = [(p.indicator, p.old.text[-30:], p.new.text[-30:]) for s in scores for p in s.wrong]
    assert len(found) / len(high) >= 0.90, f"high-confidence recall {len(found)}/{len(high)}"
    assert right / (right + len(wrong)) >= 0.97, (f"right {right}, wrong {len(wrong)}", wrong)


def alt_years() -> list[int]:
    """The years whose report both national/ and national_alt/ hold."""
    if not SHARED_CORPUS.is_dir():
        return []
    return sorted(int(p.name[:4]) for p in (SHARED_CORPUS / "national_alt").glob("*_gwr.txt") if (SHARED_CORPUS / "national" / p.name).is_file())


# Where the structure stage reads the two copies differently, few figures get a kind to compare.
FEW_COMPARED = {
    2002: "measured 0/23: the report is arranged by topic, no part is found as review or plan in either copy (issue 15)",
    2013: "measured 7/121: national_alt/2013 finds no review, targets or tasks part (issue 15)",
}


@cache
def same_report(year: int):
    return match(document(SHARED_CORPUS / "national" / f"{year}_gwr.txt"), document(SHARED_CORPUS / "national_alt" / f"{year}_gwr.txt"))


@needs_corpus
@pytest.mark.parametrize("year", alt_years())
def test_the_same_report_from_two_sources_changes_no_figure(year):
    """national/Y and national_alt/Y are one report copied twice: every pair is a figure
    beside itself (in either unit: 223万公顷 = 3345万亩), and so is every main target."""
    result = same_report(year)
    changed = [(p.indicator, p.old.text[-25:], p.new.text[-25:]) for p in result.pairs if not unchanged(p)]
    assert not changed
    moved = [(t.old, t.new) for t in result.targets if plain(t.old) != plain(t.new)]
    assert not moved


@needs_corpus
@pytest.mark.parametrize(
    "year", [pytest.param(y, marks=[pytest.mark.xfail(strict=False, reason=FEW_COMPARED[y])] if y in FEW_COMPARED else []) for y in alt_years()]
)
def test_the_same_report_from_two_sources_pairs_its_figures(year):
    result = same_report(year)
    assert result.pairs and len(result.pairs) >= 0.5 * min(len(result.old), len(result.new))


def unchanged(p: NumberPair) -> bool:
    """Equal, or equal up to the rounding of a unit conversion (588万公顷 ≈ 8827万亩)."""
    if p.old.unit == p.new.unit:
        return (p.old.signed, p.old.high) == (p.new.signed, p.new.high)
    return abs(p.old.base - p.new.base) <= 0.01 * max(p.old.base, p.new.base) and p.old.sign == p.new.sign


def plain(text: str | None) -> str:
    """Text without the differences of two copies: widths, spaces, the dash of a range."""
    return re.sub("[－—–~-]+", "-", "".join(fold(text or "").split()))


TARGET_FILES = [p for p in FILES if p.name.endswith(".targets.tsv")]


def same_text(ours: str | None, theirs: str) -> bool:
    """A reader's target text and ours name one item: one holds the other (a rider may be joined)."""
    if theirs.strip() in {"", "-", "—"}:  # the reader's mark for none
        return ours is None
    a, b = plain(ours), plain(theirs)
    return bool(a) and (a in b or b in a)


def target_agreement(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(agreed, disagreed) reader rows: each side of the reader's row found on one row of ours."""
    old_path, new_path = report_paths(path)
    rows = match(document(old_path), document(new_path)).targets
    agreed: list[tuple[str, str]] = []
    disagreed: list[tuple[str, str]] = []
    for cells in read_tsv(path):
        if cells[0] == "indicator" or len(cells) < 3:
            continue
        _, old_text, new_text = ([*cells, ""])[:3]
        ok = any(same_text(r.old, old_text) and same_text(r.new, new_text) for r in rows)
        (agreed if ok else disagreed).append((old_text, new_text))
    return agreed, disagreed


@needs_corpus
@pytest.mark.parametrize("path", _params(TARGET_FILES))
def test_main_targets_side_by_side(path):
    """Every main target of both years, qualitative ones too, beside its counterpart as the reader set them."""
    agreed, disagreed = target_agreement(path)
    assert len(agreed) / (len(agreed) + len(disagreed)) >= 0.9, disagreed


if __name__ == "__main__":  # python -m tests.test_numbers_readers: the figures for the notes
    for path in PAIR_FILES:
        s = score(path)
        high = [r for r in s.rows if r.confidence == "high"]
        print(
            f"{_ident(path)}: high found {sum(r in s.found for r in high)}/{len(high)}, "
            f"all found {len(s.found)}/{len(s.rows)}; pairs right {len(s.right)} wrong {len(s.wrong)} unjudged {len(s.unjudged)}"
        )
        for r in s.rows:
            if r not in s.found:
                print(f"   missed[{r.confidence}] {r.kind} {r.indicator}" + ("" if r.old[1] and r.new[1] else "  (snippet not found)"))
        for label, pairs in (("wrong", s.wrong), ("unjudged", s.unjudged)):
            for p in pairs:
                print(f"   {label:8} {p.kind} {p.indicator}: {p.old.text[-28:]!r} → {p.new.text[-28:]!r}".replace("\\n", ""))
    for path in TARGET_FILES:
        agreed, disagreed = target_agreement(path)
        print(f"{_ident(path)}: main targets side by side as the reader set them {len(agreed)}/{len(agreed) + len(disagreed)}")
        for old_text, new_text in disagreed:
            print(f"   differs: {old_text!r} | {new_text!r}")
