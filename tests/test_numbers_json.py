"""The number pairs and the main-targets table in the JSON (issue 16): period, scope, ranges."""
from __future__ import annotations

import json

from .test_numbers_cases import report
from .test_schema import validator


def comparison_json(run_cli, tmp_path, old: str, new: str) -> dict:
    paths = []
    for year, text in ((2025, old), (2026, new)):
        path = tmp_path / f"{year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    code, out, _ = run_cli(*paths, "--format", "json")
    assert code == 0
    data = json.loads(out)
    validator("comparison").validate(data)
    return data


def text(year: int, review: str, plan: str) -> str:
    return report(year, review, plan).text


def test_pairs_carry_period_and_scope_and_targets_are_side_by_side(run_cli, tmp_path):
    data = comparison_json(
        run_cli,
        tmp_path,
        text(2025, "全省生产总值5.8万亿元。年均增长5.1%。", "主要预期目标是：地区生产总值增长5%左右，居民收入增长和经济增长同步。"),
        text(2026, "全省生产总值6.1万亿元。", "主要预期目标是：地区生产总值增长4.5%—5%，居民收入增长和经济增长同步，城镇调查失业率5.5%左右。"),
    )
    gdp = next(n for n in data["numbers"] if n["kind"] == "actual")
    assert (gdp["period"], gdp["scope"], gdp["old"]["value"], gdp["new"]["value"]) == ("annual", "", 5.8, 6.1)
    target = next(n for n in data["numbers"] if n["kind"] == "target")
    assert (target["new"]["value"], target["new"]["high"], target["change"], target["change_range"], target["points"]) == (4.5, 5, None, [-0.5, 0], True)
    rows = {(r["old"], r["new"]) for r in data["targets"]}
    assert ("居民收入增长和经济增长同步", "居民收入增长和经济增长同步") in rows  # qualitative targets too
    assert (None, "城镇调查失业率5.5%左右") in rows


def test_a_target_moved_into_or_out_of_the_list_says_where_it_was_set(run_cli, tmp_path):
    data = comparison_json(
        run_cli,
        tmp_path,
        text(2025, "全省生产总值5.8万亿元。", "主要预期目标是：地区生产总值增长5%左右，固定资产投资增长6%左右。\n\n进出口总额预期增长7.5%左右。"),
        text(2026, "全省生产总值6.1万亿元。", "主要预期目标是：地区生产总值增长5%左右，进出口增长6%左右。\n\n扩大有效投资，固定资产投资增长3%左右。"),
    )
    rows = {r["indicator"]: r for r in data["targets"]}
    trade, investment = rows["外贸进出口总额"], rows["固定资产投资"]
    assert trade["old"] is None and trade["in_tasks"] is None and (trade["from_tasks"]["quantity"]["value"], trade["from_tasks"]["change"]) == (7.5, -1.5)
    assert investment["new"] is None and investment["from_tasks"] is None and investment["in_tasks"]["quantity"]["value"] == 3


def test_last_years_targets_against_outcomes_are_a_table_of_their_own(run_cli, tmp_path):
    """上年目标完成情况 in the JSON: each main target of the old plan with the new review's figure,
    the verdict, the gap in points for a rate and the share of the target, as the HTML shows them."""
    data = comparison_json(
        run_cli,
        tmp_path,
        text(2025, "全省经济稳中有进。", "主要预期目标是：地区生产总值增长6.5%左右，居民消费价格涨幅3%左右，粮食产量700亿斤以上。"),
        text(2026, "地区生产总值增长5.1%，居民消费价格上涨0.2%，粮食产量735亿斤。", "主要预期目标是：地区生产总值增长5%左右。"),
    )
    rows = {r["indicator"]: r for r in data["outcomes"]}
    assert set(rows) == {"地区生产总值", "居民消费价格", "粮食产量"}
    gdp = rows["地区生产总值"]
    assert (gdp["target"]["value"], gdp["outcome"]["value"], gdp["status"], gdp["points"]) == (6.5, 5.1, "missed", -1.4)
    assert gdp["plan_text"] in "".join(c["plan_text"] for c in data["commitments"] if c["status"] == "missed")
    prices = rows["居民消费价格"]
    assert (prices["ceiling"], prices["status"], prices["points"]) == (True, "met", -2.8)
    grain = rows["粮食产量"]
    assert (grain["status"], grain["points"], grain["share"]) == ("met", None, 1.05)
    assert data["outcomes"][0]["status"] == "missed"  # worst first, as the HTML lists them
