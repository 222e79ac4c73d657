"""Precision: the wrong pairs found by reading every pair the tool made on report pairs not seen
before (河北省, 福建省, 安徽省, 江西省, 北京市 2025→2026; national 2016→2017, 2019→2020), each as a small
written case of the general cause. Counts judged (right/wrong/unjudged) are in the commit message
that added this file; the texts here are written for the test, in the reports' manner.
"""
from __future__ import annotations

import pytest

from reportdiff.document import from_source
from reportdiff.load import Source
from reportdiff.numbers import match
from reportdiff.quantities import read

from .test_numbers_cases import pairs, shown


def test_a_distance_that_bounds_a_share_is_part_of_its_name():
    result = pairs("公交与轨道50米内换乘比例达到88%。", "公交与轨道50米内换乘比例达91%。")
    assert shown(result) == {(88, 91)}


def test_started_and_finished_are_different_counts():
    assert not pairs("农村危房改造开工率达100%。", "农村危房改造竣工率达100%。").pairs


def test_a_bound_before_a_noun_is_a_class_not_a_figure():
    result = pairs("引进落地总投资10亿元以上项目50个。", "新引进落地总投资超10亿元项目50个以上。")
    assert all(p.old.unit != "亿元" for p in result.pairs)
    assert (50, 50) in shown(result)


def test_classes_of_different_bounds_are_different_things():
    result = pairs("实施500万元以上技改项目1.2万个左右。", "实施投资2000万元以上的技改项目3000个。")
    assert not result.pairs


@pytest.mark.parametrize(
    "old, new",
    [
        # alike in characters, but 收入 and 经费 are different heads
        ("一般公共预算总收入5955.6亿元、增长0.8%。", "全省一般公共预算教育经费1326亿元，增长3.6%。"),
        # one head, but what narrows it shares nothing
        ("口岸外贸货物吞吐量增长12.7%。", "港口货物吞吐量增长5.7%。"),
        ("消费对经济增长的贡献率达到66.4%。", "对全球经济增长的贡献率超过30%。"),
        # a list's head is 贷款余额, not the 投资 of an item alike in its first word
        ("制造业投资增长13.3%。", "制造业、普惠小微贷款余额分别增长10.7%、13.3%。"),
    ],
)
def test_names_alike_but_for_what_they_measure(old, new):
    assert not pairs(old, new).pairs


@pytest.mark.parametrize(
    "old, new",
    [
        ("新开通2个高速公路出入口。", "新开通28个高速服务区出入口。"),
        ("首批10个零碳产业园区启动建设。", "首批10个未来产业先导区集聚发展。"),
    ],
)
def test_a_count_before_its_noun_is_named_by_the_noun_not_the_verb(old, new):
    assert not pairs(old, new).pairs


def test_a_rank_is_named_by_what_is_ranked():
    result = pairs(
        "光储产业综合竞争力评价居全国第3位，人工智能产业发展评价居全国第6位。汽车、新能源汽车产量均居全国第2位。",
        "光储产业综合竞争力居全国第3位，人工智能产业发展评价居全国第5位。整车出口稳居全国第1位。",
    )
    assert shown(result) == {(3, 3), (6, 5)}
    assert {p.measure for p in result.pairs} == {"rank"}


def test_a_rank_without_a_name_takes_the_figure_before():
    result = pairs("快递业务量突破60亿件、升至全国第7位。", "创建国家级中小企业特色产业集群7个、居全国第1位。")
    assert not result.pairs


def test_a_count_before_the_name_is_not_part_of_the_name():
    result = pairs("1593个省重点项目完成投资7295亿元。", "1550个省重点项目完成投资7398亿元。")
    invest = next(p for p in result.pairs if p.old.unit == "亿元")
    assert (invest.old.value, invest.new.value) == (7295, 7398)
    assert not any(c.isdigit() for c in invest.indicator)


def test_every_item_of_a_list_after_xinzeng_is_an_addition():
    result = pairs("新增高新技术企业3500家以上、专精特新“小巨人”企业113家。", "专精特新“小巨人”企业从80户增加到810户。")
    assert (113, 810) not in shown(result)


def test_a_rate_at_the_years_end_is_not_the_years_mean():
    assert not pairs("年末城镇调查失业率降到5.5%。", "城镇调查失业率平均为5.2%。").pairs


def test_a_margin_over_the_national_mean_is_still_a_margin():
    result = pairs("规模工业增加值增长7.3%、高于全国1.5个百分点。", "全省生产总值增长4.8%，其中规模工业增加值增长6.2%、高于全国平均0.3个百分点。")
    assert {(7.3, 6.2), (1.5, 0.3)} <= shown(result)


def test_projects_a_fund_supports_belong_to_that_fund():
    result = pairs("争取超长期特别国债资金383亿元、支持项目512个。", "新争取国家政策性资金4700多亿元，支持项目4200余个。")
    assert (512, 4200) not in shown(result)


def test_a_count_without_its_noun_is_shown_in_the_others_unit():
    (p,) = pairs("脱贫人口务工规模超过3200万人。", "脱贫人口务工规模超过3300万。").pairs
    assert (p.old.unit, p.new.unit, p.change) == ("万人", "万人", 100)


def test_an_increment_over_last_year_is_the_increment_of_the_figure_before():
    result = pairs("", "", "今年拟安排财政赤字2.18万亿元，比去年增加5600亿元。", "今年拟安排财政赤字2.38万亿元，比去年增加2000亿元。")
    increment = next(p for p in result.pairs if p.measure == "increment")
    assert (increment.indicator, increment.old.value, increment.new.value) == ("财政赤字", 5600, 2000)


def test_from_a_to_b_with_words_between_from_and_a():
    readings = read("财政补助由每人每年420元提高到450元")
    assert [(r.value, r.role) for r in readings] == [(420, "from"), (450, "to")]


def test_items_of_a_list_that_end_alike_take_the_whole_tail():
    readings = read("城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%")
    assert [r.subject for r in readings] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def national(year: int, review: str):
    text = f"{year}年政府工作报告\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、{year - 1}年工作回顾\n\n{review}\n\n二、{year}年工作安排\n\n做好各项工作。\n"
    return from_source(Source(f"{year}.txt", text, "txt"))


def test_the_countrys_product_is_called_so():
    result = match(national(2019, "国内生产总值增长6.6%。"), national(2020, "国内生产总值增长6.1%。"))
    assert [p.indicator for p in result.pairs] == ["国内生产总值"]


@pytest.mark.xfail(strict=False, reason="公路投资 / 公路水运投资: a word inserted inside a name (national 2016→2017) still pairs; 研发投入 / 研发经费投入 is the same thing, so insertion alone cannot tell")
def test_a_word_inserted_inside_a_name_widens_it():
    result = pairs("", "", "完成公路投资1.65万亿元。", "完成公路水运投资1.8万亿元。")
    assert not result.pairs
