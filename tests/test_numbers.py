"""Stage 6: quantities, their indicators, and pairs across reports (issue 5)."""
from __future__ import annotations

import pytest

from reportdiff.document import from_source
from reportdiff.load import Source
from reportdiff.numbers import canonical, extract, match

from .conftest import seed


def doc(text: str):
    return from_source(Source("t.txt", text, "txt"))


def quantities(text: str):
    return extract(doc("一、2024年工作回顾\n\n" + text))


def one(text: str):
    (q,) = quantities(text)
    return q


@pytest.mark.parametrize(
    "text",
    [
        "2024年全区经济运行平稳。",
        "湛河区第六届人民代表大会第五次会议。",
        "谋划“十四五”规划目标任务。",
        "发挥5G产业创新中心资源优势。",
        "构建“7+28+N”产业链群。",
        "姚电公司5#、6#机组设备改造。",
        "落实“四个一批”和“三大改造”。",
        "推进一批重点项目。",
    ],
)
def test_dates_ordinals_and_names_are_not_quantities(text):
    assert quantities(text) == []


def test_indicator_value_unit_from_the_words_before():
    q = one("全区完成地区生产总值263.06亿元。")
    assert (q.indicator, q.value, q.unit, q.measure, q.kind) == ("地区生产总值", 263.06, "亿元", "level", "actual")


def test_growth_after_a_level_belongs_to_its_indicator():
    _level, growth = quantities("全区完成地区生产总值263.06亿元，同比增长4.8%；")
    assert (growth.indicator, growth.measure, growth.value, growth.unit) == ("地区生产总值", "growth", 4.8, "%")
    assert growth.text == "地区生产总值263.06亿元，同比增长4.8%" or growth.text.endswith("同比增长4.8%")


def test_scaling_converts_wan_to_units():
    q = one("新增技能人才5.79万人。")
    assert q.value == 5.79 and q.unit == "万人" and q.base == pytest.approx(57900)


@pytest.mark.parametrize(
    "text, value, unit",
    [("新建学校两所。", 2, "所"), ("引进龙头企业三家，", 3, "家"), ("建成示范点十二个。", 12, "个")],
)
def test_chinese_numerals(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("新增停车位 2000 个以上，", "以上"),
        ("粮食作物种植面积稳定在7.9万亩左右。", "左右"),
        ("营业收入突破20亿元。", "突破"),
        ("力争全年融资授信突破10亿元。", "突破"),
        ("夏秋两季秸秆还田8万余亩。", "余"),
    ],
)
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_a_number_split_by_a_page_break_is_one_quantity():
    level, growth = quantities("固定资产投资60.41亿元，增长\n\n8.7%；")
    assert level.value == 60.41 and growth.value == 8.7 and growth.indicator == "固定资产投资"
    assert growth.text == "固定资产投资60.41亿元，增长\n\n8.7%"  # exact source, page break and all


def test_targets_in_a_plan_part():
    d = doc("一、2025年经济社会发展的主要目标\n\n经济社会发展主要预期目标是：地区生产总值增长 6.5%，规模以上工业增加值增长 8%。")
    gdp, industry = extract(d)
    assert (gdp.indicator, gdp.kind, gdp.measure, gdp.value) == ("地区生产总值", "target", "growth", 6.5)
    assert (industry.indicator, industry.value) == ("规上工业增加值", 8)


def test_synonyms():
    assert canonical("全区生产总值") == canonical("地区生产总值") == canonical("经济") == "地区生产总值"
    assert canonical("规模以上工业增加值") == "规上工业增加值"
    assert canonical("新增城镇就业") == canonical("城镇新增就业") == "城镇新增就业"
    assert canonical("数字经济") == "数字经济"


def test_indicator_table_rows_columns_and_estimates():
    table = [q for q in extract(seed("000")) if q.source == "table"]
    gdp = {(q.kind, q.year): q.value for q in table if q.indicator == "地区生产总值"}
    assert gdp == {("target", 2024): 7, ("actual", 2024): 4.8, ("target", 2025): 6.5}
    assert all(q.measure == "growth" for q in table if q.indicator == "地区生产总值")
    forest = {(q.kind, q.year): (q.value, q.unit) for q in table if q.indicator == "营造林面积"}
    assert forest[("actual", 2024)] == (120, "亩")
    assert not [q for q in table if "能耗" in q.indicator and q.kind == "actual"]  # "[2]" alone is a footnote, not a value


def test_table_text_is_exact_source():
    source = seed("002").clean.source
    for q in extract(seed("002")):
        assert q.text in source


def test_pairs_convert_units_and_compute_change():
    result = match(seed("000"), seed("001"))
    gdp = next(p for p in result.pairs if p.indicator == "地区生产总值" and p.kind == "actual" and p.measure == "level")
    assert (gdp.old.value, gdp.new.value, gdp.change, gdp.change_pct) == (263.06, 272.45, 9.39, 3.57)
    jobs = next(p for p in result.pairs if p.indicator == "城镇新增就业")
    assert (jobs.old.value, jobs.new.value) == (12278, 15461)  # 城镇新增就业 (000) = 新增城镇就业 (001)


def test_a_document_is_searched_for_figures_once_and_each_caller_gets_its_own_list():
    """A report in the pair before and the pair after is read for figures once (per_document);
    a caller that changes its list does not change what the next one gets, and the same
    text read again (another Document) is searched afresh."""
    from reportdiff import document

    calls: list[str] = []

    @document.per_document
    def figures(d):
        calls.append(d.text)
        return tuple(extract(d))

    first = doc("地区生产总值增长5%左右。城镇新增就业1200万人以上。")
    assert figures(first) == figures(first) and len(calls) == 1
    again = doc(first.text)
    assert figures(again) == figures(first) and len(calls) == 2
    for k in range(document._KEPT):  # the earliest kept gives way to later ones
        figures(doc(f"粮食产量{k + 1}万吨。"))
    figures(first)
    assert len(calls) == 3 + document._KEPT
    mine = extract(first)
    mine.clear()
    assert extract(first) and extract(first) == extract(doc(first.text))
