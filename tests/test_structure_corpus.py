"""Structure and alignment on real reports of the shared corpus (issue 15).

The national 政府工作报告 state the year's targets in one paragraph
(今年发展主要预期目标是：…), the paragraph readers compare first: in every
consecutive pair of national reports that both have it, it must be one pair,
diffed word by word. Skips when the corpus is absent.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Container
from functools import cache

import pytest

from reportdiff import compare
from reportdiff.clean import clean
from reportdiff.document import read
from reportdiff.structure import parse

from .conftest import NO_CORPUS, SHARED_CORPUS

NATIONAL = SHARED_CORPUS / "national"
STATEMENT = re.compile(r"主要预期目标(?:是|为)[:：]")


def _consecutive_with_statement() -> list[tuple[str, str]]:
    files = sorted(NATIONAL.glob("*_gwr.txt")) if NATIONAL.is_dir() else []
    has = [f for f in files if STATEMENT.search(f.read_text(encoding="utf-8"))]
    return [(a.name[:4], b.name[:4]) for a, b in itertools.pairwise(files) if a in has and b in has]


PAIRS = _consecutive_with_statement()


@cache
def national(year: str):
    return read(NATIONAL / f"{year}_gwr.txt")


def _statement_pairs(old_year: str, new_year: str):
    result = compare(national(old_year), national(new_year))
    return [
        (pair, pair.diff)
        for pair in result.pairs
        if pair.relation == "same_topic" and (STATEMENT.search(pair.diff.old_text) or STATEMENT.search(pair.diff.new_text))
    ]


@pytest.mark.skipif(not PAIRS, reason=NO_CORPUS)
@pytest.mark.parametrize("old_year,new_year", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_targets_statement_is_one_pair_with_a_word_diff(old_year, new_year):
    found = _statement_pairs(old_year, new_year)
    assert len(found) == 1, [(p.status, [s.heading for s in p.old], [s.heading for s in p.new]) for p, _ in found]
    pair, diff = found[0]
    assert pair.status == "matched"
    assert STATEMENT.search(diff.old_text) and STATEMENT.search(diff.new_text)
    # a word diff keeps the wording the two years share, not one block replaced by another
    assert any(op.op == "=" and len(op.text) >= 4 for op in diff.ops)


@pytest.mark.skipif(("2023", "2024") not in PAIRS, reason=NO_CORPUS)
def test_targets_2023_to_2024_word_by_word():
    ((_pair, diff),) = _statement_pairs("2023", "2024")
    kept = "".join(op.text for op in diff.ops if op.op == "=")
    assert "国内生产总值增长5%左右" in kept
    changes = [(op.op, op.text) for op in diff.ops if op.op != "="]
    assert ("-", "左右") in changes and ("+", "以上") in changes
    at = next(i for i, op in enumerate(diff.ops) if op.op == "-" and op.text == "左右")
    assert diff.ops[at - 1].text.endswith("城镇新增就业1200万人")


def test_targets_statement_is_a_unit_beside_the_sections_it_precedes():
    text = (
        "二、今年工作安排\n"
        "今年是关键之年。做好今年工作，意义重大。\n"
        "今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业50万人以上。\n"
        "（一）扩大内需。促进消费。\n"
        "（二）推进改革。深化改革。\n"
    )
    part = parse(clean(text)).sections[0]
    assert next((s.kind, s.heading) for s in part.children) == ("targets", "今年发展主要预期目标是")


OTHER_SHAPES = [("2006", "2007"), ("2007", "2008"), ("2019", "2020"), ("2020", "2021")]


@pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("old_year,new_year", OTHER_SHAPES, ids=[f"{a}-{b}" for a, b in OTHER_SHAPES])
def test_targets_paragraph_of_other_wordings_is_one_pair(old_year, new_year):
    # 2007 reads 今年国民经济和社会发展的主要目标是：; 2020 states no such clause but lists
    # its bounded targets after 我们对疫情前考虑的预期目标作了适当调整
    result = compare(national(old_year), national(new_year))
    found = [
        pair
        for pair in result.pairs
        if pair.relation == "same_topic"
        and (any(s.kind == "targets" for s in pair.old) or any(s.kind == "targets" for s in pair.new))
    ]
    assert len(found) == 1, [(p.status, [s.heading for s in p.old], [s.heading for s in p.new]) for p in found]
    (pair,) = found
    assert pair.status == "matched"
    assert [s.kind for s in pair.old] == ["targets"] and [s.kind for s in pair.new] == ["targets"]
    assert any(op.op == "=" and len(op.text) >= 4 for op in pair.diff.ops)


def test_a_statement_that_is_all_of_its_part_stays_its_body():
    text = "一、回顾\n去年很好。\n二、今年主要目标\n主要预期目标是：地区生产总值增长5%左右。\n"
    assert parse(clean(text)).sections[1].children == []


def _units(text: str, kinds: Container[str] = frozenset({"lead", "item", "targets"})) -> list[str]:
    return [s.heading for s in parse(clean(text)).walk() if s.kind in kinds]


BODY = "这是一段较长的正文内容，说明有关工作的具体情况和做法，并列出若干数据。"


def _plan(paragraph: str) -> str:
    return f"二、今年工作安排\n{BODY}\n{paragraph}\n（一）扩大内需。促进消费。\n（二）推进改革。深化改革。\n"


def test_main_targets_of_the_year_are_its_targets_statement():
    text = _plan("今年经济社会发展主要目标是：地区生产总值增长5%左右；城镇新增就业50万人以上。")
    assert _units(text, {"targets"}) == ["今年经济社会发展主要目标是"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "今后五年经济社会发展的主要目标是：经济保持中高速增长；城镇新增就业5000万人以上。",
        "推进投资体制改革。主要目标是：确立企业的投资主体地位，规范政府投资行为。",
    ],
    ids=["five-years", "one-reform"],
)
def test_main_targets_of_five_years_or_of_a_reform_are_not_the_years(paragraph):
    assert _units(_plan(paragraph), {"targets"}) == []


def test_a_paragraph_naming_the_targets_and_listing_them_is_the_targets_statement():
    paragraph = (
        "我们对疫情前考虑的预期目标作了适当调整。今年要优先稳就业保民生，"
        "城镇新增就业900万人以上，城镇调查失业率6%左右，居民消费价格涨幅3.5%左右。"
    )
    assert _units(_plan(paragraph), {"targets"}) == ["我们对疫情前考虑的预期目标作了适当调整"]


def test_a_paragraph_naming_the_targets_with_one_figure_is_prose():
    assert _units(_plan("我们对预期目标作了适当调整。今年城镇新增就业900万人以上。"), {"targets"}) == []


def test_an_ordinal_heading_on_its_line_is_not_continued():
    text = clean("第三，继续加强和改善宏观调控\n要坚持扩大内需的方针，保持经济稳定增长。\n").text
    assert text.splitlines() == ["第三，继续加强和改善宏观调控", "要坚持扩大内需的方针，保持经济稳定增长。"]


def test_a_parts_opening_sentence_is_not_a_run_in_heading():
    text = (
        "二、今年工作总体要求\n"
        f"今年是承前启后之年。{BODY}\n"
        f"综合分析，今年发展面临的环境依然复杂。{BODY}\n"
        "今年发展主要预期目标是：地区生产总值增长5%左右。\n"
        f"积极的财政政策要加力提效。{BODY}\n"
        f"稳健的货币政策要精准有效。{BODY}\n"
    )
    assert _units(text) == ["今年发展主要预期目标是", "积极的财政政策要加力提效", "稳健的货币政策要精准有效"]


def test_a_summing_up_after_the_items_is_prose():
    text = (
        "一、去年工作回顾\n"
        f"一是扩大有效需求。{BODY}\n"
        f"二是推动产业升级。{BODY}\n"
        f"回顾过去一年，成绩来之不易。{BODY}\n"
        f"在肯定成绩的同时，也要看到困难。{BODY}\n"
    )
    assert _units(text) == ["一是扩大有效需求", "二是推动产业升级"]


def test_a_lead_whose_paragraph_opens_the_list_keeps_it():
    text = (
        "（一）加强宏观调控\n"
        f"实施积极的财政政策。一是增加政府支出。{BODY}\n"
        f"二是实行结构性减税。{BODY}\n"
        f"实施适度宽松的货币政策。{BODY}\n"
    )
    assert "实施积极的财政政策" in _units(text) and "实施适度宽松的货币政策" in _units(text)


@pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("year,sentence", [("2016", "回顾过去一年，成绩来之不易"), ("2022", "过去一年是党和国家历史上具有里程碑意义的一年")])
def test_national_openings_and_summings_up_are_paragraphs(year, sentence):
    headings = [s.heading for s in national(year).outline.walk()]
    assert sentence not in headings


LONG = "这一年，我们按照大会的决定，完成了国民经济计划规定的各项任务，工业和农业生产都有了新的增长，交通运输和商业继续发展，人民生活有所改善。"


def test_numerals_alone_on_their_lines_head_parts():
    text = f"各位代表：\n我向大会作报告。\n一\n{LONG}\n{LONG}\n二\n{LONG}\n三\n{LONG}\n"
    parts = parse(clean(text)).sections
    assert [(s.heading, s.level) for s in parts] == [("一", 1), ("二", 1), ("三", 1)]


def test_short_unnumbered_lines_between_paragraphs_head_parts():
    text = f"{LONG}\n国民经济的成就和今后的任务\n{LONG}\n{LONG}\n国际形势和我国对外工作\n总理报告的第三部分是关于对外工作。\n{LONG}\n"
    parts = parse(clean(text)).sections
    assert [s.heading for s in parts] == ["国民经济的成就和今后的任务", "国际形势和我国对外工作"]


def test_one_short_line_is_not_a_series_of_parts():
    text = f"各位代表：\n{LONG}\n团结起来争取更大的胜利\n{LONG}\n{LONG}\n"
    assert not [s for s in parse(clean(text)).sections if s.kind == "numbered"]


def test_a_report_that_heads_nothing_is_one_unit_of_paragraphs():
    text = "政府工作报告\n各位代表：\n" + "\n".join(f"{k}{LONG}" for k in "甲乙丙丁戊己") + "\n"
    (whole,) = parse(clean(text)).sections
    assert whole.kind == "whole" and whole.level == 1
    assert [s.kind for s in whole.children] == ["paragraph"] * 6
    assert clean(text).text[whole.start :].startswith("甲")  # the title and salutation stay front matter


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"{k}{LONG}" for k in "甲乙丙丁戊己"),  # paragraphs of prose, but nothing names or addresses a report
        "政府工作报告\n各位代表：\n" + LONG,  # a report's shape, too short to be one
        "report\n" + "\n".join("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor." for _ in range(8)),
    ],
)
def test_text_that_is_not_a_report_still_has_no_sections(text):
    assert parse(clean(text)).sections == []


@pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)
def test_old_national_reports_have_their_parts():
    assert [s.heading for s in national("1960").sections] == ["一", "二", "三", "四"]
    assert [s.heading for s in national("1964").sections] == [
        "国民经济的成就和今后的建设任务", "今后发展国民经济中应当注意的几个问题", "社会主义革命和人民民主统一战线", "国际形势和我国对外工作",
    ]
    assert national("1983").sections[0].heading == "过去五年的回顾"
    for year in ("1954", "1975"):
        (whole,) = national(year).sections
        assert whole.kind == "whole" and len(whole.children) >= 20


@pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("old_year,new_year", [("1954", "1955"), ("1959", "1960"), ("1960", "1964"), ("1964", "1975"), ("1975", "1978")])
def test_old_national_pairs_compare_paragraph_by_paragraph(old_year, new_year):
    result = compare(national(old_year), national(new_year))
    matched = [p for p in result.pairs if p.old and p.new and p.relation == "same_topic"]
    assert matched and any(p.diff.ops for p in matched)


@pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)
def test_outline_of_a_headingless_report_and_of_a_non_report(run_cli, tmp_path):
    code, out, _ = run_cli("outline", str(NATIONAL / "1975_gwr.txt"))
    assert code == 0 and "我们超额完成了第三个五年计划" in out
    noise = tmp_path / "notes.txt"
    noise.write_text("\n".join(f"{k}{LONG}" for k in "甲乙丙丁戊己"), encoding="utf-8")
    code, _, err = run_cli("outline", str(noise))
    assert code != 0 and "没有找到标题" in err


def test_a_list_after_a_run_of_one_paragraph_sections_belongs_to_their_part():
    sections = "".join(f"（{n}）{topic}成效显著。{LONG}\n" for n, topic in zip("一二三", ("产业", "科技", "民生")))
    text = f"一、去年工作回顾\n{sections}一年来，着重抓了以下工作：\n一是抓好政策落实。{LONG}\n二是抓好改革开放。{LONG}\n"
    (part,) = parse(clean(text)).sections
    assert [s.heading[:4] for s in part.children] == ["（一）产", "（二）科", "（三）民", "一是抓好", "二是抓好"]
    assert part.children[2].children == []


def test_a_list_after_sections_with_lists_stays_with_the_last():
    items = f"一是扩大消费。{LONG}\n二是扩大投资。{LONG}\n"
    sections = "".join(f"（{n}）{topic}。{LONG}\n{items}" for n, topic in zip("一二", ("加强宏观调控", "扩大国内需求")))
    text = f"三、今年主要任务\n{sections}（三）巩固农业基础。{LONG}\n今年重点抓好两件事：\n{items}"
    (part,) = parse(clean(text)).sections
    assert [len(s.children) for s in part.children] == [2, 2, 2]


def test_two_bare_parts_hold_the_numbered_parts_after_them():
    text = (
        f"各位代表：\n“十四五”时期工作回顾\n{LONG}\n“十五五”时期主要目标和2026年重点工作\n{LONG}\n"
        f"一、深化改革\n{LONG}\n二、扩大开放\n{LONG}\n"
    )
    parts = parse(clean(text)).sections
    assert [s.heading for s in parts] == ["“十四五”时期工作回顾", "“十五五”时期主要目标和2026年重点工作"]
    assert [(s.heading, s.level) for s in parts[1].children] == [("一、深化改革", 2), ("二、扩大开放", 2)]


def test_one_bare_part_before_the_numbered_parts_is_their_sibling():
    text = f"各位代表：\n“十四五”时期工作回顾\n{LONG}\n一、深化改革\n{LONG}\n二、扩大开放\n{LONG}\n"
    assert [s.level for s in parse(clean(text)).sections] == [1, 1, 1]


def test_the_paragraphs_closing_a_part_after_a_salutation_are_its_units():
    text = (
        "一、过去五年工作回顾\n"
        f"（一）创新宏观调控。{LONG}\n坚持实施积极的财政政策。{LONG}\n坚持实施稳健的货币政策。{LONG}\n"
        f"（二）深化改革开放。{LONG}\n推进财税体制改革。{LONG}\n推动进出口稳中提质。{LONG}\n"
        f"过去五年，民族、宗教、侨务等工作创新完善。{LONG}\n港澳台工作取得新进展。{LONG}\n"
        f"各位代表！\n这些年我国发展取得的成就，来之不易。{LONG}\n在看到发展成就的同时，我们也清醒认识到困难。{LONG}\n"
        f"二、今年工作建议\n{LONG}\n"
    )
    part = parse(clean(text)).sections[0]
    period = next(s for s in part.children if s.kind == "period")
    closing = [s for s in part.children if s.kind == "paragraph"]
    assert [s.heading[:6] for s in closing] == ["这些年我国发", "在看到发展成"]
    assert period.end <= closing[0].start


def test_what_stands_between_two_items_of_one_count_belongs_to_the_first():
    text = (
        "一、去年工作回顾\n"
        f"一是创新宏观调控方式。{LONG}\n"
        f"二是加大改革开放力度。{LONG}\n财税金融等重点改革深入推进。{LONG}\n坚持以开放促改革促发展。{LONG}\n"
        f"三是推动产业创新升级。{LONG}\n推进一批重大工程和重点项目，带动产业链上下游企业协同发展，投资结构继续优化。{LONG}\n"
        f"四是促进区域协调发展。{LONG}\n"
        "二、今年工作安排\n" f"{LONG}\n"
    )
    part = parse(clean(text)).sections[0]
    assert [s.heading for s in part.children] == ["一是创新宏观调控方式", "二是加大改革开放力度", "三是推动产业创新升级", "四是促进区域协调发展"]
    second, third = part.children[1], part.children[2]
    assert [(s.heading, s.level) for s in second.children] == [("财税金融等重点改革深入推进", 3), ("坚持以开放促改革促发展", 3)]
    # the headingless paragraph after 三是 is more of its text
    assert third.children == [] and third.end > text.index("推进一批重大工程")


def test_an_address_without_a_run_of_units_has_its_paragraphs_as_units():
    text = (
        f"三、今年重点工作\n（一）扩大内需。{LONG}\n促进消费。{LONG}\n扩大投资。{LONG}\n"
        f"各位代表！\n我国是统一的多民族国家。要坚持和完善民族区域自治制度。{LONG}\n"
        f"我们要认真落实侨务政策，保障海外侨胞和归侨侨眷合法权益。{LONG}\n各位代表！\n"
        f"过去一年，国防和军队改革取得重大突破，军队建设迈出新的步伐。{LONG}\n"
    )
    part = parse(clean(text)).sections[0]
    address = next(s for s in part.children if s.kind == "address")
    # the lead opening its first paragraph is the address's heading, not a unit of it
    assert [s.heading[:7] for s in address.children] == ["我们要认真落实", "过去一年，国防"]
    assert all(s.kind == "paragraph" and s.level == address.level + 1 for s in address.children)


def test_items_inside_a_paragraph_a_lead_opens_are_that_units_text():
    text = (
        f"（二）加强供给侧结构性改革\n推动简政放权向纵深发展。{LONG}\n"
        f"充分释放全社会创业创新潜能。{LONG}一是强化企业创新主体地位。{LONG}二是发挥科研机构作用。{LONG}三是深化科技管理体制改革。{LONG}\n"
        f"着力化解过剩产能和降本增效。{LONG}\n"
        f"（三）加强政府自身建设\n各级政府要勤勉履职。{LONG}一是忠诚履职、奋勇争先。{LONG}二是依法履职、廉洁奉公。{LONG}\n"
    )
    first, second = parse(clean(text)).sections
    assert [s.heading for s in first.children] == ["推动简政放权向纵深发展", "充分释放全社会创业创新潜能", "着力化解过剩产能和降本增效"]
    assert first.children[1].end > text.index("三是深化")
    # where no lead opens the paragraph, its short items are its units
    assert [s.heading for s in second.children] == ["一是忠诚履职、奋勇争先", "二是依法履职、廉洁奉公"]


def test_a_five_year_look_back_after_the_last_one_year_section_is_its_sibling():
    text = (
        f"一、2025年工作和“十四五”发展回顾\n（一）精准施策稳经济。{LONG}\n（二）用心用情办好民生实事。{LONG}\n"
        f"2025年是“十四五”收官之年。{LONG}\n——这五年，综合实力大幅跃升，实现争先进位新跨越。{LONG}\n"
        f"——这五年，创新动能更加强劲，站上并跑领跑新起点。{LONG}\n"
        f"二、2026年重点工作\n{LONG}\n"
    )
    part = parse(clean(text)).sections[0]
    assert [(s.heading[:6], s.level) for s in part.children] == [("（一）精准施", 2), ("（二）用心用", 2), ("这五年，综合", 2), ("这五年，创新", 2)]
    assert part.children[1].end <= part.children[2].start
