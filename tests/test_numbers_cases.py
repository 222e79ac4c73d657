"""The mispairings of issue 16, each on a small written pair of reports."""
from __future__ import annotations

import pytest

from reportdiff.document import from_source
from reportdiff.load import Source
from reportdiff.numbers import extract, match

from .conftest import NO_CORPUS, SHARED_CORPUS


def report(year: int, review: str, plan: str = ""):
    text = f"{year}年政府工作报告\n\n一、{year - 1}年工作回顾\n\n{review}\n\n二、{year}年工作安排\n\n{plan or '做好各项工作。'}\n"
    return from_source(Source(f"{year}.txt", text, "txt"))


def pairs(old_review: str, new_review: str, old_plan: str = "", new_plan: str = ""):
    return match(report(2025, old_review, old_plan), report(2026, new_review, new_plan))


def shown(result) -> set[tuple[float, float]]:
    return {(p.old.signed, p.new.signed) for p in result.pairs}


def test_a_part_under_qizhong_is_not_the_whole():
    result = pairs(
        "新设外资企业2.6万户，增长10%。",
        "新登记经营主体320万户、增长13%，总量达2037.7万户，其中企业929.8万户。新设外资企业3.6万家、增长38.7%。",
    )
    assert (2.6, 929.8) not in shown(result)
    assert (2.6, 3.6) in shown(result)  # 万户 and 万家 both count registered entities


def test_an_annual_figure_never_meets_a_five_year_total():
    result = pairs(
        "提请省人大常委会审议地方性法规13项。新建和改造高标准农田298万亩。",
        "“十四五”时期，提请省人大常委会审议地方性法规70项，新建和改造高标准农田1739万亩。",
    )
    assert not result.pairs


def test_an_average_over_years_is_not_the_years_growth():
    result = pairs("居民人均可支配收入增长5.3%。", "五年来，居民人均可支配收入年均增长5.1%。")
    assert not result.pairs


def test_a_city_named_before_the_indicator_is_its_scope():
    result = pairs("宜昌经济总量突破6000亿元。全省生产总值5.8万亿元。", "武汉都市圈经济总量达到3.8万亿元。全省生产总值6.1万亿元。")
    assert shown(result) == {(5.8, 6.1)}
    (gdp,) = result.pairs
    assert gdp.indicator == "地区生产总值"


def test_a_rate_changes_by_points():
    result = pairs("", "", "主要预期目标是：居民消费价格涨幅3%左右。", "主要预期目标是：居民消费价格涨幅2%左右。")
    (cpi,) = result.pairs
    assert (cpi.change, cpi.change_pct, cpi.points) == (-1, None, True)


def test_a_range_target_stays_a_range():
    result = pairs("", "", "主要预期目标是：国内生产总值增长5%左右。", "主要预期目标是：国内生产总值增长4.5%—5%。")
    (gdp,) = result.pairs
    assert (gdp.new.value, gdp.new.high) == (4.5, 5)
    assert gdp.change is None and gdp.change_range == (-0.5, 0)


@pytest.mark.parametrize(
    "old, new, old_value, new_value, change",
    [
        ("信访总量下降40.4%。", "信访总量下降10.3%。", -40.4, -10.3, 30.1),
        ("细颗粒物(PM2.5)平均浓度下降2.7%。", "细颗粒物(PM2.5)平均浓度下降4.4%。", -2.7, -4.4, -1.7),
    ],
)
def test_a_decline_keeps_its_sign(old, new, old_value, new_value, change):
    (p,) = pairs(old, new).pairs
    assert (p.old.signed, p.new.signed, p.change) == (old_value, new_value, change)


def test_thousands_separators():
    (money, people) = pairs("完成投资1,234亿元。吸纳就业12,000人。", "完成投资1,300亿元。吸纳就业13,500人。").pairs
    assert (money.old.value, money.new.value) == (1234, 1300)
    assert (people.old.value, people.new.value) == (12000, 13500)


def test_gdp_under_its_names_at_the_reports_level():
    result = pairs("全省生产总值增长5.2%。", "国内生产总值（GDP）增长5.5%。")
    (gdp,) = result.pairs
    assert gdp.indicator == "地区生产总值" and (gdp.old.value, gdp.new.value) == (5.2, 5.5)


def test_a_year_before_the_indicator_is_no_scope():
    result = pairs("全省地区生产总值增长5.2%。", "初步统计，2025年全省地区生产总值60199.45亿元、增长5%。")
    growth = [p for p in result.pairs if p.new.unit == "%"]
    assert [(p.indicator, p.new.scope, p.old.value, p.new.value) for p in growth] == [("地区生产总值", "", 5.2, 5.0)]


def test_guishang_is_guimoyishang():
    (p,) = pairs("规模以上工业增加值增长8.3%。", "规上工业增加值增长7.6%。").pairs
    assert (p.old.value, p.new.value) == (8.3, 7.6)


@pytest.mark.parametrize("change", ["提高到", "拓展到", "扩展至"])
def test_the_earlier_end_of_a_change_is_not_this_years_figure(change):
    # 跨部门综合监管事项从39个拓展到91个 (上海 2026): the year ends at 91, not at 39 (a trial's 持平).
    (p,) = pairs("常住人口城镇化率达到64.8%。", f"常住人口城镇化率从60.2%{change}66.2%。").pairs
    assert (p.old.value, p.new.value) == (64.8, 66.2)


def test_the_main_targets_table_lists_qualitative_targets_too():
    result = pairs(
        "",
        "",
        "今年主要预期目标是：地区生产总值增长5.5%左右；居民收入增长和经济增长同步；固定资产投资增长4.5%。",
        "今年主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；居民收入增长和经济增长同步；固定资产投资实现正增长。",
    )
    rows = [(t.old, t.new, t.pair.change if t.pair else None) for t in result.targets]
    assert rows == [
        ("地区生产总值增长5.5%左右", "地区生产总值增长5%左右，在实际工作中努力争取更好结果", -0.5),
        ("居民收入增长和经济增长同步", "居民收入增长和经济增长同步", None),
        ("固定资产投资增长4.5%", "固定资产投资实现正增长", None),
    ]


def test_an_amount_taken_away_is_one_amount_whichever_side_its_verb_stands():
    (p,) = pairs("", "", "今年再减少农村贫困人口1000万以上。", "农村贫困人口减少1000万以上。").pairs
    assert (p.indicator, p.old.signed, p.new.signed, p.change) == ("减少农村贫困人口", 1000, 1000, 0)


def test_residents_alone_are_all_residents_not_the_urban_ones():
    result = pairs("居民人均可支配收入增长4.9%。", "城镇和农村居民人均可支配收入分别增长4.3%、5.3%。")
    assert not result.pairs
    (p,) = pairs("居民收入增长7.3%。", "居民人均可支配收入实际增长6.5%。").pairs  # 居民收入 said shortly
    assert (p.old.value, p.new.value) == (7.3, 6.5)


def test_the_size_of_the_economy_in_a_review_of_five_years_is_the_last_years():
    old = report(2025, "全年生产总值6.36万亿元，增长5.1%。实际使用外资50亿美元。")
    new = from_source(
        Source(
            "2026.txt",
            "2026年政府工作报告\n\n一、“十四五”时期和2025年工作回顾\n\n过去的五年极不寻常。\n\n综合实力稳步提升。生产总值6.66万亿元，"
            "实际使用外资263亿美元。\n\n二、2026年工作安排\n\n做好各项工作。\n",
            "txt",
        )
    )
    assert {(p.old.value, p.new.value) for p in match(old, new).pairs} == {(6.36, 6.66)}  # 263亿美元 is five years' sum


def targets(old_list: str, new_list: str) -> list[tuple]:
    result = pairs("", "", f"今年主要预期目标是：{old_list}", f"今年主要预期目标是：{new_list}")
    return [(t.indicator, t.pair and (t.pair.old.signed, t.pair.new.signed)) for t in result.targets]


@pytest.mark.parametrize(
    "old_list, new_list, rows",
    [
        # each item of a 分别 list is a target of its own; 城乡 names 城镇 and 农村
        (
            "城乡居民人均可支配收入分别增长8%和10%。",
            "城镇、农村居民人均可支配收入分别增长7%左右和8%左右。",
            [("城镇居民人均可支配收入", (8, 7)), ("农村居民人均可支配收入", (10, 8))],
        ),
        (
            "其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上。",
            "其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。",
            [("一产增加值", (3.5, 3.5)), ("二产增加值", (7, 6)), ("三产增加值", (5, 5))],
        ),
        # the energy used per unit of GDP and the CO2 emitted per unit of GDP are two targets
        (
            "单位地区生产总值能耗下降2.5%。",
            "单位地区生产总值二氧化碳排放下降3.8%。",
            [("单位地区生产总值二氧化碳排放", None), ("单位地区生产总值能耗", None)],
        ),
        # a target after a semicolon is its own, not a rider of the one before
        (
            "居民消费价格涨幅2%左右；确保完成国家下达的能耗强度下降目标。",
            "居民消费价格涨幅2%左右，根据实际情况争取更好的结果。",
            [("居民消费价格", (2, 2)), ("完成国家下达的能耗强度下降目标", None)],
        ),
        # 努力实现… reaches for a target of its own, and the sentence after the list that 加强s
        # their balance is a task (national 2014, a trial's joined row and a listed non-target)
        (
            "城镇登记失业率控制在4.6%以内，国际收支基本平衡，努力实现居民收入增长和经济发展同步。加强对增长、就业、物价、国际收支等主要目标的统筹平衡。",
            "城镇登记失业率4.5%以内，国际收支基本平衡，居民收入增长与经济发展同步。",
            [("城镇登记失业率", (4.6, 4.5)), ("国际收支基本平衡", None), ("居民收入增长与经济发展同步", None)],
        ),
        # one subject's qualitative target reworded is one row (national 2021→2022, a trial's 取消 + 新增)
        (
            "居民收入稳步增长，进出口量稳质升。",
            "居民收入增长与经济增长基本同步，进出口保稳提质。",
            [("居民收入增长与经济增长基本同步", None), ("进出口保稳提质", None)],
        ),
    ],
)
def test_main_targets_row_by_row(old_list, new_list, rows):
    assert targets(old_list, new_list) == rows


def test_a_qualitative_target_beside_the_figure_it_names():
    rows = targets("进出口总额保持正增长；单位地区生产总值能耗降低3%以上。", "进出口总值增长5%；单位地区生产总值二氧化碳排放完成目标任务。")
    assert [r[0] for r in rows] == ["外贸进出口总额", "单位地区生产总值二氧化碳排放完成目标任务", "单位地区生产总值能耗"]


def test_the_text_report_shows_points_ranges_and_signs():
    from reportdiff import compare
    from reportdiff.render.text import numbers_table, targets_table

    old = report(2025, "信访总量下降40.4%。", "主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。")
    new = report(2026, "信访总量下降10.3%。", "主要预期目标是：国内生产总值增长4.5%—5%；居民消费价格涨幅2%左右。")
    result = compare(old, new)
    shown = numbers_table(result)
    assert "-40.4%" in shown and "-10.3%" in shown and "+30.1个百分点" in shown
    assert "4.5—5%" in shown and "-0.5～+0个百分点" in shown and "-1个百分点" in shown
    assert "(-33.33%)" not in shown  # a rate changes by points, not by a percentage of itself
    assert "国内生产总值增长4.5%—5%" in targets_table(result)


@pytest.mark.parametrize(
    "label, indicator, scope",
    [
        ("全省生产总值", "地区生产总值", ""),
        ("全市生产总值", "地区生产总值", ""),
        ("国内生产总值(GDP)", "地区生产总值", ""),
        ("经济总量", "地区生产总值", ""),
        ("宜昌经济总量", "地区生产总值", "宜昌"),
        ("武汉都市圈经济总量", "地区生产总值", "武汉都市圈"),
        ("海洋生产总值", "地区生产总值", "海洋"),
        ("规模以上工业增加值", "规上工业增加值", ""),
        ("全社会研发投入强度", "研发投入强度", ""),
    ],
)
def test_indicator_and_scope_of_a_name(label, indicator, scope):
    from reportdiff.numbers import identify

    assert identify(label) == (indicator, scope)


@pytest.mark.parametrize(
    "old, new",
    [
        ("实际利用内资增长33.8%。", "实际利用外资增长6.1%。"),  # opposites
        ("省级领军人才947人。", "新引育省级以上领军人才1480多人。"),  # 省级 vs 省级以上
        ("发电总装机达7582万千瓦。", "新增发电装机4178万千瓦。"),  # a stock vs the year's addition
        ("自贸试验区累计15项创新成果在全国推广。", "自贸试验区3项创新成果在全国推广。"),  # a running total vs the year's
        ("全年完成水利建设投资654.7亿元。", "完成投资4608亿元。"),  # a narrower thing
    ],
)
def test_names_alike_that_measure_different_things(old, new):
    assert not pairs(old, new).pairs


def test_a_plan_reports_chain_of_level_increment_and_growth():
    review = (
        "全年粮食产量69541万吨，比上年增加888万吨，增长1.3%。城镇新增就业1244万人，比上年多增38万人。"
        "全国居民人均可支配收入39218元，实际增长6.1%。"
    )
    named = [(q.indicator, q.measure) for q in extract(report(2024, review))]
    assert named == [
        ("粮食产量", "level"),
        ("粮食产量", "increment"),
        ("粮食产量", "growth"),
        ("城镇新增就业", "level"),
        ("城镇新增就业", "increment"),
        ("居民人均可支配收入", "level"),
        ("居民人均可支配收入", "growth"),
    ]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
def test_a_firmer_qualifier_is_a_change_of_the_target():
    """城镇新增就业1200万人左右 → 1200万人以上: the same figure, a firmer promise, shown as such."""
    from reportdiff import compare
    from reportdiff.render.text import targets_table

    result = compare(SHARED_CORPUS / "national" / "2023_gwr.txt", SHARED_CORPUS / "national" / "2024_gwr.txt")
    row = next(line for line in targets_table(result).split("\n") if "城镇新增就业" in line)
    assert "左右 → 以上" in row


def test_the_year_reviewed_inside_a_review_of_five_years():
    five_years = "五年来，经济实力跃上新台阶。全省生产总值年均增长5.5%。\n\n刚刚过去的2025年，全省生产总值增长5.6%，规上工业增加值增长7.9%。"
    text = f"2026年政府工作报告\n\n一、过去五年工作回顾\n\n{five_years}\n\n二、2026年工作安排\n\n做好各项工作。\n"
    new = from_source(Source("2026.txt", text, "txt"))
    result = match(report(2025, "全省生产总值增长5.4%，规上工业增加值增长7.5%。"), new)
    assert {(p.old.signed, p.new.signed) for p in result.pairs if p.kind == "actual"} == {(5.4, 5.6), (7.5, 7.9)}


def test_the_dash_items_of_a_review_of_five_years_are_the_periods():
    """过去五年极不寻常。 and the ——items that follow it list what five years achieved: a
    fall of 27.5% there is not the year's (national 2023's PM2.5 beside 2022's one-year 9.1%)."""
    five_years = "过去五年极不寻常、极不平凡。我们经受了多重考验。\n\n——生态环境明显改善。细颗粒物平均浓度下降27.5%。\n\n——人民生活水平不断提高。"
    result = pairs("细颗粒物平均浓度下降9.1%。", f"去年细颗粒物平均浓度下降3.3%。\n\n{five_years}")
    assert (-9.1, -27.5) not in shown(result) and (-9.1, -3.3) in shown(result)


def test_words_of_the_sentence_are_not_the_indicator_s_name():
    """把增长预期目标定在7.5%左右 restates the growth target; 将达 is a tense; 预期 an expectation."""
    old = report(2025, "做好各项工作。", "把增长预期目标定在7.5%左右。今年高校毕业生将达727万人。广义货币M2预期增长13%左右。")
    names = {q.indicator for q in extract(old) if q.kind == "target"}
    assert "高校毕业生" in names and "广义货币M2" in names
    assert "服务业对经济增长贡献率" in {q.indicator for q in extract(report(2025, "服务业对经济增长贡献率接近60%。"))}
    assert not any(n.startswith("把") or n.endswith(("定", "将", "预期")) for n in names), names


def test_an_increment_row_says_it_is_one():
    from reportdiff.present import Presenter

    result = pairs("做好各项工作。", "做好各项工作。", "今年拟安排财政赤字13500亿元，比上年增加1500亿元。", "今年拟安排财政赤字1.62万亿元，比去年增加2700亿元。")
    p = Presenter("zh")
    rows = {p.indicator(pair): (p.figure(pair.old), p.figure(pair.new)) for pair in result.pairs}
    assert rows == {"财政赤字": ("13500亿元", "1.62万亿元"), "财政赤字 比上年增加": ("1500亿元", "2700亿元")}


def test_a_rank_moves_up_as_its_number_falls():
    from reportdiff.present import Presenter

    result = pairs("人工智能产业发展评价居全国第6位。", "人工智能产业发展评价居全国第5位。")
    [pair] = result.pairs
    assert (pair.measure, pair.direction, Presenter("zh").change(pair)) == ("rank", "↑", "上升1位")


def test_how_fast_a_figure_grew_is_not_part_of_its_name():
    """入境游客大幅增长186.8% and 入境游客增长39% are one indicator, 入境游客."""
    result = pairs("入境游客大幅增长186.8%，外贸进出口稳步增长6.1%。", "入境游客增长39%，外贸进出口增长5.2%。")
    assert {p.indicator for p in result.pairs} == {"入境游客", "外贸进出口"}


def test_exports_are_not_all_trade():
    """出口 and 进口 are parts of 进出口, not the whole."""
    assert not pairs("外贸进出口总额增长4.1%。", "外贸出口总额增长8%。").pairs
    assert not pairs("进出口总额增长4.1%。", "进口总额增长2%。").pairs


def test_a_target_moved_from_the_list_into_the_tasks_is_not_dropped():
    """辽宁 2026 no longer lists 固定资产投资 among its main targets but sets it in its tasks:
    moved out of the list, with its change; a target set nowhere is dropped."""
    result = pairs(
        "",
        "",
        "今年主要预期目标是：地区生产总值增长5%以上；固定资产投资增长8%左右；粮食产量500亿斤左右。",
        "今年主要预期目标是：地区生产总值增长4.5%左右。\n\n扩大有效投资，固定资产投资增长3%左右。",
    )
    rows = {t.indicator: t for t in result.targets}
    investment = rows["固定资产投资"]
    assert investment.new is None and investment.moved is not None
    assert (investment.moved.new.value, investment.moved.change) == (3, -5)
    assert rows["粮食产量"].moved is None


def test_a_target_set_among_last_years_tasks_and_now_listed_is_not_new():
    """2014 set 今年进出口总额预期增长7.5%左右 and 今年能源消耗强度要降低3.9%以上 in its tasks, 2015 lists
    进出口增长6%左右 and 能耗强度下降3.1%以上 among its main targets: moved into the list, with
    their change (a trial read them as 新增); a target set nowhere before is new."""
    result = pairs(
        "",
        "",
        "今年主要预期目标是：国内生产总值增长7.5%左右。\n\n今年进出口总额预期增长7.5%左右。今年能源消耗强度要降低3.9%以上。",
        "今年主要预期目标是：国内生产总值增长7%左右，进出口增长6%左右，能耗强度下降3.1%以上，粮食产量500亿斤左右。",
    )
    rows = {t.indicator: t for t in result.targets}
    trade, energy = rows["外贸进出口总额"], rows["单位地区生产总值能耗"]
    assert trade.old is None and trade.moved_in and (trade.moved.old.value, trade.moved.change) == (7.5, -1.5)
    assert energy.moved_in and energy.moved.old.value == 3.9
    assert rows["粮食产量"].moved is None


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
def test_the_targets_of_years_whose_lists_lead_otherwise():
    """2011 states the five-year goals first (今后五年，…预期目标是…年均增长7%): the year's list is
    the next; 2020 lists its targets without 主要预期目标是 (今年要优先稳就业保民生…；城镇新增就业900万人以上…)."""
    from reportdiff import compare

    def side_by_side(old: int, new: int) -> dict:
        result = compare(SHARED_CORPUS / "national" / f"{old}_gwr.txt", SHARED_CORPUS / "national" / f"{new}_gwr.txt")
        return {t.indicator: (t.pair.old.value, t.pair.new.value) for t in result.numbers.targets if t.pair}

    assert side_by_side(2010, 2011)["国内生产总值"] == (8, 8)
    assert side_by_side(2019, 2020)["城镇新增就业"] == (1100, 900)
    assert side_by_side(2020, 2021)["居民消费价格"] == (3.5, 3)


def test_names_of_a_means_of_a_share_of_plan_and_no_figures_from_a_glossary():
    """以办好10件民生实事为牵引 counts 民生实事; 完成年计划的256.1% is the share of the plan of the
    figure before; a glossary's 到2030年…实施100个左右重大项目 explains a word and sets nothing."""
    text = (
        "2026年政府工作报告\n\n一、2025年工作回顾\n\n发放创业担保贷款35亿元，完成年计划的256.1%。\n\n二、2026年工作安排\n\n"
        "以办好10件民生实事为牵引，让发展成果更多惠及全体人民。\n\n附件\n\n《政府工作报告》有关内容名词注释\n\n"
        "“2030先锋工程”：到2030年，布局20个左右重大专项，实施100个左右重大项目。\n"
    )
    found = extract(from_source(Source("2026.txt", text, "txt")))
    assert {("民生实事", 10), ("发放创业担保贷款完成年计划", 256.1)} <= {(q.indicator, q.value) for q in found}
    assert not [q for q in found if q.value in (20, 100) and q.kind == "target"]


def test_a_count_followed_by_what_it_counts_names_its_own_thing():
    """…完成投资1865.7亿元、增长4%，243个重点项目建成投产 (黑龙江 2026): the 243 projects are those
    built, not the 1000 projects the sentence opened with (a trial's 未完成 of 实施1000个重点产业项目)."""
    quantities = extract(report(2026, "1000个省级重点产业项目完成投资1865.7亿元、增长4%，243个重点项目建成投产。"))
    named = {q.value: q.indicator for q in quantities if q.unit == "个"}
    assert named[243.0] == "重点项目建成投产" and named[1000.0].startswith("省级重点产业项目")


def test_a_count_after_its_verb_is_quoted_with_what_it_counts():
    """整体提升100所学校 (重庆 2025) is quoted whole, not as the fragment 整体提升100所 (a trial's
    complaint); it keeps the name its words before give it, as a count of 学校 alone would be
    answered by any schools the review counts (10所学校…入选“双高计划”)."""
    (school,) = [q for q in extract(report(2026, "", "整体提升100所学校。")) if q.kind == "target"]
    assert (school.indicator, school.text) == ("整体提升", "整体提升100所学校")


def test_counts_named_by_one_verb_are_of_one_thing_only_when_what_they_count_is():
    """滚动推进163个项目 (安置房) and 滚动推进15个片区更新项目 (重庆 2025→2026) are two programmes:
    no 163 → 15 pair; …等2个项目 on both sides stays a pair."""
    assert not pairs("", "", "滚动推进163个项目。", "滚动推进15个片区更新项目。").pairs
    assert shown(pairs("", "", "建成临沂至滕州等15个项目。", "建成济南至宁津等5个项目。")) == {(15, 5)}


@pytest.mark.parametrize(
    "review, indicator, value",
    [
        ("居民消费价格微降0.1%。", "居民消费价格", -0.1),  # 海南 2026, a trial's 未提及
        ("年末城镇调查失业率从上半年5.5%降到5.3%。", "城镇调查失业率", 5.3),  # 广西 2026: 降到 ends a change, 从上半年 names nothing
    ],
)
def test_a_slight_fall_and_a_fall_to_a_level_are_read(review, indicator, value):
    last = [q for q in extract(report(2026, review)) if q.role != "from"][-1]
    assert (last.indicator, last.signed) == (indicator, value)


def test_a_plan_sentence_on_last_year_tells_what_was_and_setting_a_target_is_no_scope():
    """去年全国财政比年度预算超收7239亿元，其中中央财政超收4168亿元 stands in 2008's plan but tells of
    2007 (a trial's 未完成 promise); 提出国内生产总值增长8%左右 restates the target, 提出 no place of it."""
    found = extract(report(2026, "经济增长。", "去年全国财政比年度预算超收7239亿元，其中中央财政超收4168亿元。去年增长5%，今年要力争增长6%。提出国内生产总值增长8%左右，主要是综合考虑了多种因素。"))
    kinds = {q.value: (q.kind, q.year) for q in found}
    assert kinds[7239.0] == kinds[4168.0] == kinds[5.0] == ("actual", 2025) and kinds[6.0] == ("target", 2026)
    gdp = next(q for q in found if q.value == 8.0)
    assert (gdp.indicator, gdp.scope) == ("地区生产总值", "")


def test_net_income_and_disposable_income_are_two_statistics():
    """农民人均纯收入 (reported until 2013) and 农村居民人均可支配收入 (from 2014) are defined apart:
    their growth rates never stand side by side as one indicator's (national 2014→2015)."""
    result = pairs(
        "城镇居民人均可支配收入实际增长7%，农村居民人均纯收入实际增长9.3%。",
        "城镇居民人均可支配收入实际增长6.8%，农村居民人均可支配收入实际增长9.2%。",
    )
    assert shown(result) == {(7, 6.8)}
    assert not pairs("规模以上工业增加值增长8%。", "规模以上工业总产值增长9%。").pairs


def _five_year_report(year: int, review: str, plan: str):
    text = f"{year}年政府工作报告\n\n一、过去五年工作回顾\n\n{review}\n\n二、{year}年工作建议\n\n{plan}\n"
    return from_source(Source(f"{year}.txt", text, "txt"))


def test_a_part_reviewing_five_years_holds_totals_but_for_sentences_on_the_year():
    """一、过去五年工作回顾 (national 2008, 2013): its figures are the period's (关停小火电2157万千瓦 in
    five years), but for a sentence that opens on the year reviewed (2012年，…国内生产总值增长7.8%)."""
    old = _five_year_report(
        2013,
        "五年来，关停小火电2157万千瓦，单位国内生产总值能耗下降17.2%。2012年，我们全面实现年初确定的主要目标，国内生产总值增长7.8%。",
        "今年主要预期目标是：国内生产总值增长7.5%左右。",
    )
    new = report(2014, "关停小火电1669万千瓦，单位国内生产总值能耗下降3.7%，国内生产总值增长7.7%。")
    assert {(p.old.value, p.new.value) for p in match(old, new).pairs if p.kind == "actual"} == {(7.8, 7.7)}


def test_a_change_against_a_year_further_back_covers_the_years_between():
    """2007年,国内生产总值达到24.66万亿元,比2002年增长65.5%: five years' growth, not the year's."""
    result = pairs("2024年，地区生产总值达到5.8万亿元，比2019年增长30.5%。", "地区生产总值6.1万亿元，增长5.2%。")
    assert shown(result) == {(5.8, 6.1)}
    assert shown(pairs("2024年，地区生产总值比2023年增长5.5%。", "地区生产总值增长5.2%。")) == {(5.5, 5.2)}


def test_a_cut_is_not_the_level_it_cuts():
    """削减财政赤字450亿元 (national 2008's plan) is a cut; 全国财政赤字合计9500亿元 the deficit."""
    result = pairs("", "", "今年主要预期目标是：国内生产总值增长8%左右。同时，削减财政赤字450亿元。", "今年主要预期目标是：国内生产总值增长8%左右。全国财政赤字合计9500亿元。")
    assert (450, 9500) not in shown(result)


@pytest.mark.parametrize(
    "listed, targets",
    [
        # 2011: the sentence after the list says why (总的考虑是…): no target of its own
        ("国内生产总值增长8%左右；城镇新增就业900万人以上；国际收支状况继续改善。总的考虑是，为转变经济发展方式创造良好环境，引导各方面把工作着力点放在提高发展质量和效益上。",
         ["地区生产总值", "城镇新增就业", "国际收支状况继续改善"]),
        # 2003: a clause that comments on the target (这是必要的) ends the list, within its sentence
        ("7%左右，这是必要的，经过努力也是可以实现的。关键要注重调整和优化结构，着力提高经济增长质量和效益。", ["地区生产总值"]),
        # 2007: 在…的基础上 frames the target after it; 2012: 同时 leads the clause after it
        ("在优化结构、提高效益和降低消耗的基础上，国内生产总值增长8%左右；国际收支状况继续改善。同时，要在节能减排等方面取得新进展。",
         ["地区生产总值", "国际收支状况继续改善", "同时,要在节能减排等方面取得新进展"]),
    ],
)
def test_a_targets_list_holds_targets_not_what_is_said_of_them(listed, targets):
    from reportdiff.numbers import target_clauses

    doc = report(2026, "经济增长。", f"今年经济增长预期目标为{listed}" if listed.startswith("7%") else f"今年主要预期目标是：{listed}")
    clauses = target_clauses(doc, list(extract(doc)))
    assert [name for name, _, _ in clauses] == targets
    assert clauses[0][1].startswith("在优化结构") or not listed.startswith("在")


def test_a_plan_sentence_after_a_look_back_without_figures_is_last_years():
    """2011年的工作 opens 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…: the only
    figures for 2010 of a report whose review is of five years, and no targets."""
    found = extract(report(2026, "经济增长。", "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。这为做好今年的工作打下了良好基础。今年国内生产总值增长8%左右。"))
    kinds = {q.value: (q.kind, q.year) for q in found}
    assert kinds[10.3] == kinds[1168.0] == ("actual", 2025) and kinds[8.0][0] == "target"
    # a look back that gives its own figure leads nothing: the next sentence plans (同时，削减财政赤字450亿元)
    found = extract(report(2026, "经济增长。", "去年全国财政超收7239亿元。同时，削减财政赤字450亿元。"))
    assert {q.value: q.kind for q in found}[450.0] == "target"


def test_a_bound_before_a_figure_is_no_part_of_its_name_and_is_quoted():
    """城镇登记失业率低于4.6% (national 2013), 城镇新增就业不少于26万人 (北京 2025): the indicator is
    城镇登记失业率, and the figure is quoted with its bound."""
    from reportdiff.present import figure

    found = extract(report(2026, "经济增长。", "城镇登记失业率低于4.6%，城镇新增就业不少于26万人。"))
    assert [(q.indicator, figure(q)) for q in found] == [("城镇登记失业率", "低于4.6%"), ("城镇新增就业", "不少于26万人")]


@pytest.mark.parametrize(
    ("review", "figure"),
    [
        # 与上年持平 says a change of none: the price level rose 0% (福建 2026).
        ("城镇调查失业率4.7%，居民消费价格与上年持平。", ("居民消费价格", "growth", 0.0)),
        ("货币发行和新增信贷规模与去年大体持平。", ("货币发行和新增信贷规模", "growth", 0.0)),
        # … but of a rate or a rise, the same rate as the year before, whatever it was.
        ("居民消费价格涨幅与上年持平。", None),
        ("城镇调查失业率与上年持平。", None),
    ],
    ids=["level flat", "roughly flat", "rise flat", "rate flat"],
)
def test_a_figure_said_unchanged_from_last_year(review, figure):
    said = [(q.indicator, q.measure, q.value) for q in extract(report(2026, review)) if q.value == 0]
    assert said == ([figure] if figure else [])
