"""Alignment against pairings made by reading the reports (issues 3 and 15).

tests/expected/align/OLD_NEW.tsv: level, relation, old heading, new heading ("-" = none),
made by the first reader of the seeds; tests/expected/align/reader-b/ by a second reader working
independently; tests/expected/align/national/ and provinces/ by readers of the shared corpus
(national 2016→2017, 2018→2019, 2021→2022 and 2023→2024, 山东省, 湖南省, 河南省, 安徽省 and 江西省 2025→2026) who never ran the tool. Bars from the issues:
≥95% of level-1/2 pairs, ≥85% of level-3 pairs and ≥80% of plan→review links found, and at
most 10% of the sections a reader leaves unpaired paired by the tool (none on the seeds' lists).
Where the tool is below a bar the test is an expected failure whose reason gives the figure
measured when it was written; the test itself always states the bar.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from reportdiff import compare
from reportdiff.clean import fold
from reportdiff.document import read

from .align_measure import measure, report
from .conftest import EXPECTED, NO_CORPUS, SHARED_CORPUS, read_tsv, seed

ALIGN = EXPECTED / "align"
FILES = sorted(ALIGN.glob("*.tsv")) + sorted((ALIGN / "reader-b").glob("*.tsv"))
IDS = [str(p.relative_to(ALIGN).with_suffix("")) for p in FILES]
BARS = {"1-2": 0.95, "3": 0.85, "plan_to_review": 0.80}
UNPAIRED_BAR = 0.10

# Measured when these tests were written, where below the bar.
BELOW = {
    ("reader-b/000_001", "1-2"): "32/35 = 91%",
    ("reader-b/000_004", "3"): "21/26 = 81%",
    ("reader-b/002_000", "3"): "36/43 = 84%",
}


def norm(heading: str) -> str:
    return "".join(fold(heading).replace("*", "").split())[:20]


@dataclass
class Score:
    found: int = 0
    total: int = 0
    wrong: list = None

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


@cache
def score(path) -> dict[str, Score]:
    old_id, new_id = path.stem.split("_")[:2]
    result = compare(seed(old_id), seed(new_id))
    made = {}
    for pair in result.pairs:
        for o in pair.old:
            for n in pair.new:
                made.setdefault((pair.relation, norm(o.heading)), set()).add(norm(n.heading))
    made_new = {}
    for (relation, o), ns in made.items():
        for n in ns:
            made_new.setdefault((relation, n), set()).add(o)
    scores = {"1-2": Score(wrong=[]), "3": Score(wrong=[])}
    for level, relation, old, new, *_ in read_tsv(path):
        group = "3" if int(level) >= 3 else "1-2"
        s = scores[group]
        if old != "-" and new != "-":
            s.total += 1
            if norm(new) in made.get((relation, norm(old)), set()):
                s.found += 1
            else:
                s.wrong.append(f"missed L{level} {old} → {new} (tool: {made.get((relation, norm(old)))})")
        elif old != "-" and made.get((relation, norm(old))):
            s.wrong.append(f"forced L{level} {old} → {made[(relation, norm(old))]}")
        elif new != "-" and made_new.get((relation, norm(new))):
            s.wrong.append(f"forced L{level} {made_new[(relation, norm(new))]} → {new}")
    return scores


def _below(name: str, group: str):
    figure = BELOW.get((name, group))
    return [pytest.mark.xfail(strict=False, reason=f"below the bar: measured {figure}")] if figure else []


SEED_CASES = [
    pytest.param(path, name, group, id=f"{name}-L{group}", marks=_below(name, group))
    for path, name in zip(FILES, IDS)
    for group in ("1-2", "3")
]


@pytest.mark.parametrize("path,name,group", SEED_CASES)
def test_alignment_finds_the_careful_readers_pairs(path, name, group):
    s = score(path)[group]
    problems = [w for w in s.wrong if w.startswith("missed")]
    assert s.rate >= BARS[group] - 1e-9, (f"{s.found}/{s.total}", problems)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_no_pair_where_the_reader_sees_none(path):
    forced = [w for s in score(path).values() for w in s.wrong if w.startswith("forced")]
    assert not forced


# Corpus pairs: (list, old report, new report), found relative to the shared corpus.
def _corpus_entry(path: Path) -> tuple[str, str, str]:
    """national/2023_2024.tsv → national/2023_gwr.txt, national/2024_gwr.txt;
    provinces/山东省_2025_2026.tsv → provinces/2025/山东省.docx, provinces/2026/山东省.txt."""
    name = f"{path.parent.name}/{path.stem}"
    if path.parent.name == "national":
        old, new = path.stem.split("_")
        return name, f"national/{old}_gwr.txt", f"national/{new}_gwr.txt"
    region, old, new = path.stem.split("_")
    return name, f"provinces/{old}/{region}.docx", f"provinces/{new}/{region}.txt"


# Every reader's list of corpus reports; national/2016_2017, 2018_2019, 河南省 and 安徽省 were never used to tune,
# nor national/2021_2022 and 江西省, whose lists came in session 10.
CORPUS_LISTS = [_corpus_entry(p) for folder in ("national", "provinces") for p in sorted((ALIGN / folder).glob("*.tsv"))]
# Measured when these tests were written (tests/align_measure.py), where below the bar.
CORPUS_BELOW = {
    ("national/2016_2017", "1-2"): "37/45 = 82%",
    ("national/2016_2017", "3"): "63/93 = 68%",
    ("national/2016_2017", "plan_to_review"): "52/98 = 53%, 49/63 of its links right",
    ("national/2016_2017", "unpaired"): "1/9 = 11%",
    ("provinces/安徽省_2025_2026", "1-2"): "26/31 = 84%",
    ("provinces/安徽省_2025_2026", "3"): "70/121 = 58%",
    ("provinces/安徽省_2025_2026", "plan_to_review"): "64/95 = 67%, 56/63 of its links right",
    ("provinces/安徽省_2025_2026", "unpaired"): "2/10 = 20%",
    ("national/2023_2024", "1-2"): "37/41 = 90%",
    ("national/2023_2024", "3"): "54/93 = 58%",
    ("national/2023_2024", "unpaired"): "4/8 = 50%",
    ("national/2018_2019", "1-2"): "42/49 = 86%",
    ("national/2018_2019", "3"): "62/100 = 62%",
    ("national/2018_2019", "plan_to_review"): "68/104 = 65%, 67/84 of its links right",
    ("national/2018_2019", "unpaired"): "1/6 = 17%",
    ("provinces/山东省_2025_2026", "1-2"): "27/30 = 90%",
    ("provinces/山东省_2025_2026", "unpaired"): "1/2 = 50%: ——经济综合实力实现新跃升 paired",
    ("provinces/湖南省_2025_2026", "1-2"): "31/35 = 89%",
    ("provinces/河南省_2025_2026", "1-2"): "23/30 = 77%",
    ("provinces/河南省_2025_2026", "3"): "54/71 = 76%",
    ("provinces/河南省_2025_2026", "plan_to_review"): "49/78 = 63%, 46/59 of its links right",
    ("provinces/河南省_2025_2026", "unpaired"): "3/13 = 23%",
    ("national/2021_2022", "1-2"): "38/51 = 75%",
    ("national/2021_2022", "3"): "40/69 = 58%",
    ("national/2021_2022", "plan_to_review"): "54/98 = 55%, 52/62 of its links right",
    ("provinces/江西省_2025_2026", "1-2"): "27/34 = 79%",
    ("provinces/江西省_2025_2026", "3"): "43/58 = 74%",
    ("provinces/江西省_2025_2026", "plan_to_review"): "33/81 = 41%, 31/34 of its links right",
    ("provinces/江西省_2025_2026", "unpaired"): "1/7 = 14%",
}


@cache
def corpus_measure(name: str, old: str, new: str):
    old_doc, new_doc = read(SHARED_CORPUS / old), read(SHARED_CORPUS / new)
    return measure(read_tsv(ALIGN / f"{name}.tsv"), old_doc, new_doc, compare(old_doc, new_doc))


def _corpus_case(name, old, new, group):
    marks = [pytest.mark.skipif(not (SHARED_CORPUS / old).is_file(), reason=NO_CORPUS)]
    figure = CORPUS_BELOW.get((name, group))
    if figure:
        marks.append(pytest.mark.xfail(strict=False, reason=f"below the bar: measured {figure}"))
    return pytest.param(name, old, new, group, id=f"{name}-{group}", marks=marks)


@pytest.mark.parametrize(
    "name,old,new,group",
    [_corpus_case(*entry, group) for entry in CORPUS_LISTS for group in BARS],
)
def test_corpus_alignment_finds_the_readers_pairs(name, old, new, group):
    m = corpus_measure(name, old, new)
    s = m.groups[group]
    assert s.rate >= BARS[group] - 1e-9, (report(m), s.misses[:20])


@pytest.mark.parametrize("name,old,new,group", [_corpus_case(*entry, "unpaired") for entry in CORPUS_LISTS])
def test_corpus_alignment_leaves_unpaired_what_the_reader_leaves_unpaired(name, old, new, group):
    m = corpus_measure(name, old, new)
    assert m.forced_rate <= UNPAIRED_BAR, (report(m), m.unpaired_paired)


if __name__ == "__main__":  # python -m tests.test_align_expected: the figures for the notes
    for path in FILES:
        for group, s in score(path).items():
            print(f"{path.relative_to(ALIGN).with_suffix('')} level {group}: {s.found}/{s.total} = {s.rate:.0%}")
    for entry in CORPUS_LISTS:
        if (SHARED_CORPUS / entry[1]).is_file():
            print(entry[0])
            print(report(corpus_measure(*entry)))
