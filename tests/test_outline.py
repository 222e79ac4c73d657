"""The section tree matches the headings a careful reader sees (issue 2).

Expected outlines in tests/expected/outline/ were written by reading each seed.
"""
from __future__ import annotations

import pytest

from reportdiff.clean import fold

from .conftest import EXPECTED, NO_CORPUS, SHARED_CORPUS, read_tsv, seed

SEEDS = sorted(p.stem for p in (EXPECTED / "outline").glob("*.tsv") if "." not in p.stem)


def norm(heading: str) -> str:
    return "".join(fold(heading).replace("*", "").replace("#", "").split())[:20]


@pytest.mark.parametrize("prefix", SEEDS)
def test_outline_matches_the_hand_made_one(prefix):
    # A paragraph standing among one-paragraph units is a unit without a heading
    # of its own (named by its opening words): not one of the headings listed.
    expected = [(int(level), norm(heading)) for level, heading, *_ in read_tsv(EXPECTED / "outline" / f"{prefix}.tsv")]
    actual = [(s.level, norm(s.heading)) for s in seed(prefix).outline.walk() if s.kind != "paragraph"]
    missing = [e for e in expected if e not in actual]
    invented = [a for a in actual if a not in expected]
    assert not missing and not invented, f"missing {missing[:8]} … invented {invented[:8]}"
    assert actual == expected  # same order too


def test_levels_come_from_numbering_not_markdown():
    # 001 writes （二） under ## and （四） under ####; both are level 2.
    levels = {s.heading[:3]: s.level for s in seed("001").outline.walk() if s.kind == "numbered"}
    assert levels["（二）"] == levels["（四）"] == 2


def test_glossary_is_its_own_part():
    parts = [s for s in seed("002").sections if s.kind == "appendix"]
    assert len(parts) == 1 and "名词" in parts[0].heading


def test_tables_merge_repeated_headers():
    (table,) = seed("002").outline.tables
    assert table.columns[:3] == ["指标名称", "计量单位", "2022年计划 绝对值"]
    names = [row[0] for row in table.rows]
    assert names.count("指标名称") == 0 and names.count("指 标 名 称") == 0
    assert any(n.endswith("生产总值") for n in names) and any("参加城乡居民基本养老保险人数" in n for n in names)


def test_five_year_plan_numbered_headings_and_boxes():
    expected = [(int(level), norm(heading)) for level, heading, *_ in read_tsv(EXPECTED / "outline" / "003.numbered.tsv")]
    actual = [(s.level, norm(s.heading)) for s in seed("003").outline.walk() if s.kind in {"numbered", "box", "preface"}]
    assert actual == expected


@pytest.mark.skipif(not (SHARED_CORPUS).is_dir(), reason=NO_CORPUS)
def test_a_report_from_elsewhere_parses_the_same_way():
    """The national 2024 政府工作报告 (not a seed): its numbered skeleton, typed from the file."""
    from reportdiff.document import read

    doc = read(SHARED_CORPUS / "national_2024_gwr.txt")
    typed = [(1, "一、2023年工作回顾"), (1, "二、2024年经济社会发展总体要求和政策取向"), (1, "三、2024年政府工作任务")] + [
        (2, f"（{n}）{t}")
        for n, t in zip("一二三四五六七八九十", ["大力推进", "深入实施", "着力扩大", "坚定不移", "扩大高水平", "更好统筹", "坚持不懈", "推动城乡", "加强生态", "切实保障"])
    ]
    expected = [(level, norm(h)[:7]) for level, h in typed]
    actual = [(s.level, norm(s.heading)[:7]) for s in doc.outline.walk() if s.kind == "numbered"]
    assert actual == expected


def test_the_outline_marks_a_paragraph_unit_as_one(run_cli):
    """总的来看，2024年… is a paragraph, not a heading: shown by its first words, marked ¶."""
    code, out, _ = run_cli("outline", "2024")
    lines = [line.strip() for line in out.splitlines()]
    assert code == 0 and "3 ¶ 总的来看，2024年全区经济社会发展继续保持稳中向好的态势…" in lines
    assert "3 农业基础更加稳固" in lines
