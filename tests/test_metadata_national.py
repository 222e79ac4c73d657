"""What a national report is, when its text carries no title, date or speaker (issue 15).

The corpus README says national/YYYY_gwr.txt is the report delivered in YYYY: an annual
report of that year reviews YYYY-1 and plans YYYY. The text alone must say so: the
file name is never read.
"""
from __future__ import annotations

import pytest

from reportdiff.document import read

from .conftest import NO_CORPUS, SHARED_CORPUS

NATIONAL = SHARED_CORPUS / "national"
needs_corpus = pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)


@needs_corpus
@pytest.mark.xfail(strict=False, reason="below the bar: measured 49/51 annual national reports (1964, a 摘要 now read as of no named kind, and 1981 name no year often enough: both were delivered late in the year, and their 今年 is the year delivered)")
def test_every_annual_national_report_reviews_the_year_before_it_was_delivered():
    wrong = []
    for path in sorted(NATIONAL.glob("*_gwr.txt")):
        year, meta = int(path.name[:4]), read(path).meta
        if meta.kind == "five_year_plan":
            continue
        if not (meta.region == "全国" and meta.reviews[-1:] == (year - 1,) and year in meta.plans):
            wrong.append((year, meta.kind, meta.reviews, meta.plans, meta.region))
    assert not wrong


@needs_corpus
@pytest.mark.parametrize(
    "year, region, kind, reviews, plans",
    [
        # 新世纪第一个五年计划 is the tenth plan, 2001–2005, not the first (1953–1957).
        (2001, "全国", "five_year_plan", (), tuple(range(2001, 2006))),
        # No 国务院 formula at the top, but the country as its scope.
        (1985, "全国", "work_report", (1984,), (1985,)),
        # 向第十届全国人民代表大会第一次会议报告过去五年政府工作: a work report; its five-year review ends in 2002.
        (2003, "全国", "work_report", (2002,), (2003,)),
        # 一、过去五年工作回顾 / 二、今年…: the review writes 2012 as its last year again and again.
        (2013, "全国", "work_report", (2012,), (2013,)),
        # 首先报告２００１年的工作: full-width digits, the review not a numbered part.
        (2002, "全国", "work_report", (2001,), (2002,)),
        # Parts numbered 一 / 二 alone, none dated: 一九五九年 is written three times as often as any other year.
        (1960, "全国", "other", (1959,), (1960,)),
        # No heading at all; 一九七四年…预计 estimates the year just ended.
        (1975, "全国", "work_report", (1974,), (1975,)),
        # 关于1980、1981年国民经济计划安排的报告: the title names both years planned.
        (1980, "全国", "plan_report", (1979,), (1980, 1981)),
        # 过去五年的回顾, an unnumbered part, reviews the five years to 一九八二年.
        (1983, "全国", "work_report", (1982,), (1983,)),
        # No title, no date, no numbered year: 我代表国务院，就当前的经济形势…向大会作以下报告 is the work
        # report; delivered late in 1981 (从去年９月…到现在，已经过去了一年零两个月), it reviews 今年 and plans 明年.
        (1981, "全国", "work_report", (1981,), (1982,)),
        # 一九七七年 is never written (去年召开的党的第十一次全国代表大会); the plan runs 从一九七八年到一九八五年.
        (1978, "全国", "work_report", (1977,), (1978,)),
        # １９８６年是开始执行第七个五年计划…的一年 opens the review; 去年 elsewhere.
        (1987, "全国", "work_report", (1986,), (1987,)),
    ],
)
def test_reports_that_name_no_year_in_their_headings(year, region, kind, reviews, plans):
    meta = read(NATIONAL / f"{year}_gwr.txt").meta
    assert (meta.region, meta.kind, meta.reviews, meta.plans) == (region, kind, reviews, plans)


@needs_corpus
def test_a_year_names_the_report_in_the_national_corpus(run_cli):
    # Found by its years, not its file name: 2004 is the report on 2004's work, delivered in 2005.
    code, _, err = run_cli("2003", "2004", "--corpus", str(NATIONAL), "--format", "json")
    assert code == 0 and "2004_gwr.txt" in err and "2005_gwr.txt" in err


@needs_corpus
@pytest.mark.parametrize("year, first, last", [(2020, "二、今年发展主要目标", "八、围绕保障和改善民生"), (2015, "二、2015年工作总体部署", "六、切实加强政府自身建设")])
def test_the_parts_after_the_first_plan_part_plan_the_year_too(year, first, last):
    """2020's 三、加大宏观政策实施力度… to 八、… name no year, but follow 二、今年发展主要目标…:
    they are the year's tasks, and their promises are checked (新开工改造城镇老旧小区3.9万个)."""
    meta = read(NATIONAL / f"{year}_gwr.txt").meta
    planning = [p.heading for p in meta.parts if p.role in {"targets", "tasks"} and p.years == (year,)]
    assert planning[0].startswith(first) and planning[-1].startswith(last)
    assert [p.heading for p in meta.parts if p.role == "other" and p.section.kind == "numbered"] == []
