"""Metadata of real reports: region, kind, delivery date, years reviewed and planned (issue 15).

Every provincial report of the shared corpus (2025 as Word files, 2026 as web-page text)
and the recent national reports; small written cases for the forms the corpus lacks
(an NDRC plan report's title, a date in Chinese numerals). Skips without the corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.clean import clean
from reportdiff.document import read
from reportdiff.metadata import describe
from reportdiff.structure import parse

from .conftest import NO_CORPUS, SHARED_CORPUS

PROVINCES = sorted((SHARED_CORPUS / "provinces").glob("20*/*.*")) if SHARED_CORPUS.is_dir() else []
NATIONAL = [SHARED_CORPUS / "national" / f"{y}_gwr.txt" for y in range(2014, 2025)]


def meta_of(text: str):
    cleaned = clean(text)
    return describe(cleaned, parse(cleaned))


@pytest.mark.skipif(not PROVINCES, reason=NO_CORPUS)
@pytest.mark.parametrize("path", PROVINCES, ids=[f"{p.parent.name}/{p.stem}" for p in PROVINCES])
def test_a_provincial_report(path: Path):
    year = int(path.parent.name)
    m = read(path).meta
    assert (m.region, m.kind, m.reviews, m.plans) == (path.stem, "work_report", (year - 1,), (year,))
    assert m.delivered.startswith(f"{year}-0")
    assert "各位代表" not in m.title


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("path", NATIONAL, ids=[p.stem for p in NATIONAL])
def test_a_national_report(path: Path):
    year = int(path.stem[:4])
    m = read(path).meta
    assert (m.region, m.kind, m.reviews, m.plans) == ("全国", "work_report", (year - 1,), (year,))


def test_an_ndrc_plan_report_is_a_plan_report_dated_in_chinese_numerals():
    m = meta_of(
        "关于2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n"
        "——二〇二六年三月五日在第十四届全国人民代表大会第四次会议上\n"
        "国家发展和改革委员会\n"
        "各位代表：\n"
        "受国务院委托，现将2025年国民经济和社会发展计划执行情况与2026年计划草案提请审议。“十五五”规划纲要草案另行提请。\n"
        "一、2025年国民经济和社会发展计划执行情况\n"
        "经济运行总体平稳。\n"
        "二、2026年经济社会发展的总体要求和主要目标\n"
        "主要预期目标是：国内生产总值增长5%左右。\n"
    )
    assert (m.kind, m.region, m.delivered, m.reviews, m.plans) == ("plan_report", "全国", "2026-03-05", (2025,), (2026,))


def test_title_date_and_speaker_on_one_line():
    m = meta_of("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强各位代表：\n一、2023年工作回顾\n过去一年很好。\n")
    assert (m.title, m.delivered, m.region) == ("政府工作报告", "2024-03-05", "全国")


def test_years_of_parts_named_otherwise():
    m = meta_of(
        "2026年某某省政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第四次会议上\n各位代表：\n"
        "一、2025年主要工作和“十四五”发展成就\n经济运行稳中有进。\n"
        "二、“十五五”时期主要目标任务\n到2030年，经济总量迈上新台阶。\n"
        "三、关于今年工作\n今年要抓好八件事。\n"
    )
    assert (m.region, m.reviews, m.plans) == ("某某省", (2025,), (2026,))


def test_unnumbered_parts_get_their_years_from_the_report():
    m = meta_of(
        "2025年某某省政府工作报告\n——2025年1月19日在某某省第十二届人民代表大会第三次会议上\n各位代表：\n"
        "过去一年工作回顾\n经济运行稳中有进，发展质量不断提升。\n"
        "今年工作安排\n今年要抓好八件事，推动高质量发展。\n"
        "（一）扩大内需\n促进消费。\n"
    )
    assert [(p.role, p.years) for p in m.parts][:2] == [("review", (2024,)), ("tasks", (2025,))]
    assert (m.reviews, m.plans) == ((2024,), (2025,))


@pytest.mark.skipif(not PROVINCES, reason=NO_CORPUS)
@pytest.mark.parametrize("path", PROVINCES, ids=[f"{p.parent.name}/{p.stem}" for p in PROVINCES])
def test_a_provincial_report_has_a_review_of_last_year_and_a_plan_of_this_year(path: Path):
    # What commitments and plan → review links stand on, whatever the headings call the parts.
    year = int(path.parent.name)
    parts = read(path).meta.parts
    assert any(p.role == "review" and p.years == (year - 1,) for p in parts)
    assert any(p.role in {"targets", "tasks"} and p.years == (year,) for p in parts)


def test_a_review_of_the_five_years_ending_last_year_is_last_years_review():
    m = meta_of(
        "2026年某某省政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第四次会议上\n各位代表：\n"
        "一、“十四五”时期工作回顾\n五年来经济总量迈上新台阶。刚刚过去的一年，经济运行稳中有进。\n"
        "二、“十五五”主要目标任务\n到2030年，经济总量再上新台阶。\n"
        "三、2026年重点工作\n今年要抓好八件事。\n"
    )
    assert [(p.role, p.years) for p in m.parts] == [
        ("review", (2025,)), ("targets", tuple(range(2026, 2031))), ("tasks", (2026,))
    ]


def test_a_part_under_a_slogan_that_sets_the_years_targets_is_the_plan():
    m = meta_of(
        "2025年某某省政府工作报告\n——2025年1月13日在某某省第十四届人民代表大会第三次会议上\n各位代表：\n"
        "一、牢记嘱托，在接续奋斗中取得新成效\n过去一年，经济运行稳中有进。\n"
        "二、牢记使命，在现代化建设中奋勇争先\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n"
        "（一）坚持自立自强\n推进科技创新。\n"
        "三、牢记人民至上，建设服务型政府\n政府要转作风。\n"
    )
    assert [(p.role, p.years) for p in m.parts][:2] == [("review", (2024,)), ("tasks", (2025,))]


def test_parts_that_name_only_their_year_are_review_and_plan():
    m = meta_of(
        "各位代表：\n我代表国务院作报告。\n"
        "（一）一九五七年经济战线上的胜利\n一九五七年，工业总产值增长。\n"
        "（二）争取一九五八年国民经济的新跃进\n一九五八年要实现新跃进。\n"
    )
    assert (m.reviews, m.plans) == ((1957,), (1958,))
