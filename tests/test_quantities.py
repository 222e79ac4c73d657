"""How Chinese reports write quantities (issue 16): one table per feature of the grammar."""
from __future__ import annotations

import pytest

from reportdiff.quantities import factor, family, number, period, read


def figures(text: str) -> list[tuple]:
    return [(r.value, r.unit, r.high, r.qualifier) for r in read(text)]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("完成投资1,234亿元", 1234, "亿元"),
        ("吸纳就业12,000人", 12000, "人"),
        ("营业收入１２３．５亿元", 123.5, "亿元"),
        ("新建学校两所。", 2, "所"),
        ("建成示范点十二个。", 12, "个"),
        ("约三成", 30, "%"),
        ("占4成", 40, "%"),
        ("增长两倍", 2, "倍"),
        ("减少一半", 50, "%"),
        ("城乡居民收入比缩小到2.31:1", 2.31, ":1"),
        ("高于全国1.7个百分点", 1.7, "个百分点"),
        ("旅游收入超万亿元", 1, "万亿元"),  # a scale alone after a bound is one of it
        ("全员劳动生产率16.8万元/人左右", 16.8, "万元/人"),
        ("开行4000班次。", 4000, "班次"),
        ("日均新设企业1万6千多户", 1.6, "万户"),
        ("由5千多户", 5000, "户"),
        ("各类市场主体达到9800多万户", 9800, "万户"),
        ("农村贫困人口减少1000万以上，", 1000, "万"),  # a count whose noun is left out
    ],
)
def test_numbers_as_written(text, value, unit):
    ((v, u, _, _),) = figures(text)
    assert (abs(v), u) == (value, unit)


@pytest.mark.parametrize(
    "unit, base_family, to_base",
    [
        ("万亿斤", "斤", 1e12),
        ("亿斤", "斤", 1e8),
        ("万吨", "斤", 2e7),
        ("亿人次", "人次", 1e8),
        ("万人次", "人次", 1e4),
        ("万户", "户", 1e4),
        ("万家", "户", 1e4),
        ("万亿元", "元", 1e12),
        ("公顷", "亩", 15),
        ("%", "%", 1),
    ],
)
def test_scales_and_units(unit, base_family, to_base):
    assert family(unit) == base_family and factor(unit) == pytest.approx(to_base)


def test_one_point_four_trillion_jin_is_fourteen_thousand_yi_jin():
    (a,), (b,) = read("粮食产量1.4万亿斤"), read("粮食产量14000亿斤")
    assert a.base == pytest.approx(b.base) and a.family == b.family
    (c,), (d,) = read("接待游客1.32亿人次"), read("接待游客13200万人次")
    assert c.base == pytest.approx(d.base)


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("国内生产总值增长4.5%—5%", 4.5, 5, "%"),
        ("增长6%－6.5%", 6, 6.5, "%"),
        ("增长5%—5.5%", 5, 5.5, "%"),
        ("新建3-5个", 3, 5, "个"),
        ("增长6.5%-7%", 6.5, 7, "%"),
    ],
)
def test_ranges_stay_ranges(text, low, high, unit):
    ((v, u, h, _),) = figures(text)
    assert (v, h, u) == (low, high, unit)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("国内生产总值超过126万亿元", "超过"),
        ("超1.1万列", "超"),
        ("14亿多人", "多"),
        ("秸秆还田8万余亩", "余"),
        ("约6700万人受益", "约"),
        ("近100万辆", "近"),
        ("粮食产量1.3万亿斤以上", "以上"),
        ("增长5%左右", "左右"),
        ("突破1000家", "突破"),
    ],
)
def test_approximations_and_bounds(text, qualifier):
    ((_, _, _, q),) = figures(text)
    assert q == qualifier


@pytest.mark.parametrize(
    "text, value",
    [
        ("信访总量下降40.4%", -40.4),
        ("细颗粒物平均浓度下降2.7%", -2.7),
        ("单位国内生产总值能耗降低2.5%左右", -2.5),
        ("贫困人口减少1000万人", -1000),
        ("城镇调查失业率降到5.5%", 5.5),  # 降到 names the level reached
        ("增长5.2%", 5.2),
    ],
)
def test_a_decline_written_as_a_word_is_negative(text, value):
    ((v, _, _, _),) = figures(text)
    assert v == value


@pytest.mark.parametrize(
    "text, old, new",
    [
        ("常住人口城镇化率从60.2%提高到66.2%", 60.2, 66.2),
        ("由2.5%降至2%", 2.5, 2.0),
        ("农产品加工转化率从2020年的51%提升到2025年的70%", 51, 70),
        ("从1.5万亿元增加到2万亿元", 1.5, 2.0),
    ],
)
def test_from_a_to_b_keeps_both_ends(text, old, new):
    a, b = read(text)
    assert (a.role, a.value, b.role, b.value) == ("from", old, "to", new)


def test_from_a_list_to_a_list_each_end_with_its_own():
    found = read("城乡低保平均标准分别从2020年的645元/月、4318元/年提高到778元/月、6818元/年。")
    assert [(r.role, r.value, r.unit, r.subject) for r in found] == [
        ("from", 645, "元/月", "城镇低保平均标准"),
        ("from", 4318, "元/年", "农村低保平均标准"),
        ("to", 778, "元/月", "城镇低保平均标准"),
        ("to", 6818, "元/年", "农村低保平均标准"),
    ]


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("高技术制造业、装备制造业增加值分别增长9.4%、9.2%。", [("高技术制造业增加值", 9.4), ("装备制造业增加值", 9.2)]),
        (
            "基本养老、基本医疗、失业保险参保人数分别达到10.76亿人、13.3亿人、2.4亿人。",
            [("基本养老参保人数", 10.76), ("基本医疗参保人数", 13.3), ("失业保险参保人数", 2.4)],
        ),
        ("“保交楼”“保交房”交付率分别达100%、98%", [("“保交楼”交付率", 100), ("“保交房”交付率", 98)]),
        ("制造业贷款余额、科技贷款余额均增长11.7%。", [("制造业贷款余额", 11.7), ("科技贷款余额", 11.7)]),
        ("城乡居民人均可支配收入分别增长5%和7%左右。", [("城镇居民人均可支配收入", 5), ("农村居民人均可支配收入", 7)]),
        ("城镇和农村常住居民人均可支配收入分别增长5%左右、7%左右", [("城镇常住居民人均可支配收入", 5), ("农村常住居民人均可支配收入", 7)]),
        ("其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上", [("一产增加值", 3.5), ("二产增加值", 7), ("三产增加值", 5)]),
        ("一二三产增加值分别增长3.5%左右、6%左右、5%左右", [("一产增加值", 3.5), ("二产增加值", 6), ("三产增加值", 5)]),
        ("城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内", [("城镇调查失业率", 5), ("居民消费价格涨幅", 3)]),
    ],
)
def test_lists_answered_by_fenbie_or_jun(text, subjects):
    assert [(r.subject, r.value) for r in read(text)] == subjects


def test_per_capita_and_annual_average_are_not_lists():
    assert [r.subject for r in read("居民人均可支配收入增长5%，年均增长6%")] == ["", ""]


@pytest.mark.parametrize(
    "before, covers",
    [
        ("全年国内生产总值增长", "annual"),
        ("五年来,累计新增", "cumulative"),
        ("过去五年,", "cumulative"),
        ('"十四五"时期,', "cumulative"),
        ("“十四五”以来", "cumulative"),
        ("2021年以来", "cumulative"),
        ("今年以来,", "annual"),
        ("全年累计新增授信", "annual"),  # the year's running total
        ("居民人均可支配收入年均增长", "average"),
    ],
)
def test_period(before, covers):
    assert period(before) == covers


@pytest.mark.parametrize("text, value", [("1,234", 1234), ("十二", 12), ("两", 2), ("二〇三五", 2035), ("一万二千", 12000), ("３．５", 3.5)])
def test_number(text, value):
    assert number(text) == value


@pytest.mark.parametrize("text", ["3人制篮球场", "2024年", "5G基站", "第十四届", "“十四五”规划", "C919投入商业运营"])
def test_not_quantities(text):
    assert read(text) == []
