"""Tables as units of their own (issue 15): paired with the other report's tables, never
below the similarity floor, shown as tables in HTML and text; a section standing in several
pairs says where else it is paired."""
from __future__ import annotations

from reportdiff import compare
from reportdiff.align import FLOOR
from reportdiff.present import also_paired
from reportdiff.render import html
from reportdiff.render.text import Style, report

from .conftest import seed


def _result():
    return compare(seed("002"), seed("000"))


def test_indicator_tables_pair_with_each_other():
    result = _result()
    tables = [p for p in result.pairs if any(s.kind == "table" for s in p.old + p.new)]
    matched = [p for p in tables if p.old and p.new]
    assert len(matched) == 1 and matched[0].old[0].kind == matched[0].new[0].kind == "table"
    assert "主要指标" in matched[0].old[0].heading and "主要指标" in matched[0].new[0].heading


def test_no_pair_below_the_floor_is_shown_as_matched():
    for prefix_old, prefix_new in (("002", "000"), ("000", "001"), ("003", "001")):
        result = compare(seed(prefix_old), seed(prefix_new))
        for pair in result.pairs:
            if pair.old and pair.new and not pair.forced and pair.relation == "same_topic" and pair.level > 1:
                assert pair.similarity >= FLOOR - 1e-9, (pair.old[0].heading, pair.new[0].heading, pair.similarity)


def test_tables_render_as_tables():
    result = _result()
    page = html.render(result)
    assert page.count('<table class="data"') >= 2
    assert "<td>全区生产总值增速</td>" in page.replace("1.", "") or "全区生产总值增速</td>" in page
    text = report(result, Style(color=False))
    assert any(line.strip().startswith("指标名称") and "2025年计划" in line for line in text.split("\n"))


def test_a_section_in_several_pairs_says_so():
    result = compare(seed("000"), seed("001"))
    also = also_paired(result)
    several = [i for i, others in enumerate(also) if others]
    assert several
    assert "另见" in html.render(result)
    assert "also paired with" in html.render(result, lang="en")
