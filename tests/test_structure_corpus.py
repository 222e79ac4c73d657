"""Structure and alignment on real reports of the shared corpus (issue 15).

The national 政府工作报告 state the year's targets in one paragraph
(今年发展主要预期目标是：…), the paragraph readers compare first: in every
consecutive pair of national reports that both have it, it must be one pair,
diffed word by word. Skips when the corpus is absent.
"""
from __future__ import annotations

import itertools
import re
from functools import cache

import pytest

from reportdiff import compare
from reportdiff.clean import clean
from reportdiff.document import read
from reportdiff.structure import parse

from .conftest import SHARED_CORPUS

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


@pytest.mark.skipif(not PAIRS, reason="shared corpus not available")
@pytest.mark.parametrize("old_year,new_year", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_targets_statement_is_one_pair_with_a_word_diff(old_year, new_year):
    found = _statement_pairs(old_year, new_year)
    assert len(found) == 1, [(p.status, [s.heading for s in p.old], [s.heading for s in p.new]) for p, _ in found]
    pair, diff = found[0]
    assert pair.status == "matched"
    assert STATEMENT.search(diff.old_text) and STATEMENT.search(diff.new_text)
    # a word diff keeps the wording the two years share, not one block replaced by another
    assert any(op.op == "=" and len(op.text) >= 4 for op in diff.ops)


@pytest.mark.skipif(("2023", "2024") not in PAIRS, reason="shared corpus not available")
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


def test_a_statement_that_is_all_of_its_part_stays_its_body():
    text = "一、回顾\n去年很好。\n二、今年主要目标\n主要预期目标是：地区生产总值增长5%左右。\n"
    assert parse(clean(text)).sections[1].children == []


def _units(text: str) -> list[str]:
    return [s.heading for s in parse(clean(text)).walk() if s.kind in {"lead", "item", "targets"}]


BODY = "这是一段较长的正文内容，说明有关工作的具体情况和做法，并列出若干数据。"


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


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("year,sentence", [("2016", "回顾过去一年，成绩来之不易"), ("2022", "过去一年是党和国家历史上具有里程碑意义的一年")])
def test_national_openings_and_summings_up_are_paragraphs(year, sentence):
    headings = [s.heading for s in national(year).outline.walk()]
    assert sentence not in headings
