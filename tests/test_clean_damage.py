"""Extraction damage undone (issue 15): page numbers, width variants, web-page wrappers,
paragraphs and figures cut by line breaks. Small written cases, then the corpus's web pages."""
from __future__ import annotations

import pytest

from reportdiff.clean import clean, fold
from reportdiff.load import strip_web_boilerplate

from .conftest import NO_CORPUS, SHARED_CORPUS

BODY = "全区完成地区生产总值263.06亿元，同比增长4.8%，规模以上工业增加值增长"


@pytest.mark.parametrize("footer", ["- 3 -", "— 12 —", "第 3 页", "第3页 共20页", "－ ３ －"])
def test_a_page_number_is_dropped_and_the_paragraph_rejoined(footer):
    text = clean(f"{BODY}\n\n{footer}\n\n6.2%，固定资产投资增长5%。\n").text
    assert text == f"{BODY}6.2%，固定资产投资增长5%。"


def test_a_figure_cut_by_a_line_break_is_one_figure():
    assert clean("地区生产总值增长5.\n5%左右。\n").text == "地区生产总值增长5.5%左右。"


def test_full_width_digits_and_letters_fold_for_matching():
    cleaned = clean("增长５．３％，ＰＭ２．５浓度下降。\n")
    assert "增长5.3%,PM2.5浓度下降" in cleaned.folded
    assert cleaned.text == "增长５．３％，ＰＭ２．５浓度下降。"  # display keeps the original
    assert fold("５．３％") == "5.3%"


PAGE = """下载
打印
全屏
收藏
【字号：
加大
还原
减小
】
2026年某某省政府工作报告
——2026年1月27日在某某省第十四届人民代表大会第四次会议上
来源：某某日报
时间：2026-02-10
某某省省长 某某某
某某某作政府工作报告。某某日报记者 张三 摄
各位代表：
现在，我代表省人民政府，向大会报告工作。
一、2025年工作回顾
经济运行稳中有进。
各位代表！让我们更加紧密地团结起来。
2026年某某省政府工作报告
相关报道：
某某省政府工作报告解读
"""


def test_a_news_pages_wrapper_is_removed():
    lines = [line for line in strip_web_boilerplate(PAGE).split("\n") if line]
    assert lines == [
        "2026年某某省政府工作报告",
        "——2026年1月27日在某某省第十四届人民代表大会第四次会议上",
        "某某省省长 某某某",
        "各位代表：",
        "现在，我代表省人民政府，向大会报告工作。",
        "一、2025年工作回顾",
        "经济运行稳中有进。",
        "各位代表！让我们更加紧密地团结起来。",
    ]


def test_a_report_without_wrapper_is_left_alone():
    text = "政府工作报告\n各位代表：\n现在，我代表国务院向大会报告政府工作。\n一、2023年工作回顾\n经济回升向好。\n"
    assert strip_web_boilerplate(text) == text


PAGES_2026 = sorted((SHARED_CORPUS / "provinces" / "2026").glob("*.txt")) if SHARED_CORPUS.is_dir() else []


@pytest.mark.skipif(not PAGES_2026, reason=NO_CORPUS)
@pytest.mark.parametrize("path", PAGES_2026, ids=[p.stem for p in PAGES_2026])
def test_corpus_web_pages_lose_their_wrapper(path):
    from reportdiff.load import load

    lines = [line.strip() for line in load(path).text.split("\n") if line.strip()]
    chrome = {"下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "【", "】", "相关报道：", "分享到:", "×"}
    assert not chrome & set(lines)
    assert not any(line.startswith(("来源：", "时间：")) for line in lines)
    assert lines[-1].startswith("各位代表") or "各位代表" not in lines[-1] and len(lines[-1]) > 12


def test_a_heading_broken_across_lines_is_one_heading():
    text = clean("三、持续提升政府\n\n治理效能和服务水平\n各位代表，我们要持续提升政府治理效能。\n").text
    assert text.split("\n")[0] == "三、持续提升政府治理效能和服务水平"


def test_a_heading_and_the_short_line_after_it_stay_apart_when_either_has_a_stop():
    for source in ("一、2024年工作回顾\n过去一年，极不平凡\n", "一、过去一年，我们砥砺前行\n主要做了以下工作\n"):
        assert len(clean(source).text.split("\n")) == 2
