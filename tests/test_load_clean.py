"""Stage 1–2: decoding, web boilerplate, page-break repair, the map back to the source."""
from __future__ import annotations

import re

import pytest

from reportdiff.clean import clean, fold
from reportdiff.errors import ReportdiffError
from reportdiff.load import load

from .conftest import seed_path

REPORT = "一、2024年工作回顾\n\n全区完成地区生产总值263.06亿元，同比增长4.8%。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_decode_to_the_same_text(tmp_path, encoding):
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert load(path).text.replace("\r", "") == REPORT


def test_a_longer_gb18030_seed_round_trips(tmp_path):
    text = seed_path("000").read_text(encoding="utf-8")
    path = tmp_path / "000-gb.txt"
    path.write_bytes(text.encode("gb18030"))
    assert load(path).text == text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"only latin text here", "no Chinese"),
    ],
)
def test_unreadable_input_is_one_clear_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReportdiffError, match=message):
        load(path)


def test_truncated_utf16_is_reported_as_damaged(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(REPORT.encode("utf-16")[:-1])
    with pytest.raises(ReportdiffError, match=r"damaged|truncated"):
        load(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReportdiffError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(ReportdiffError, match="directory"):
        load(tmp_path)


def test_web_page_navigation_and_footer_are_dropped():
    text = load(seed_path("004")).text
    assert "导航菜单" not in text
    assert "本文地址" not in text and "本文仅代表作者观点" not in text and "验证码" not in text
    assert text.lstrip().startswith("(河南省)漯河市郾城区人民政府工作报告")
    assert text.rstrip().endswith("2025年4月16日印")


def test_html_page_gives_the_report_body(tmp_path):
    page = (
        "<html><head><style>p{}</style><script>var x='<p>脚本</p>';</script></head><body>"
        "<nav>首页 &gt; 政府工作报告</nav><h1>政府工作报告</h1>"
        "<p>一、2024年工作回顾</p><p>全区生产总值增长4.8%&amp;稳定。</p>"
        "<footer>版权所有 某某网站</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = load(path).text
    assert "一、2024年工作回顾" in text and "全区生产总值增长4.8%&稳定。" in text
    assert "脚本" not in text and "版权所有" not in text and "首页" not in text


@pytest.mark.parametrize(
    "broken, joined",
    [
        ("沉着应变、综合施策，经济\n\n社会发展呈现稳中向好的良好态势。", "沉着应变、综合施策，经济社会发展呈现稳中向好的良好态势。"),
        ("全区实现地区生产总值272.45亿元，增长4.7%；固定资产投资60.41亿元，增长\n\n8.7%；社会消费品零售总额 106.19 亿元。", "全区实现地区生产总值272.45亿元，增长4.7%；固定资产投资60.41亿元，增长8.7%；社会消费品零售总额106.19亿元。"),
        ("深入推进新型工业化，完成规上工业产值\n\n274.6 亿元、工业投资 13.45 亿元。", "深入推进新型工业化，完成规上工业产值274.6亿元、工业投资13.45亿元。"),
    ],
)
def test_page_breaks_inside_sentences_and_numbers_are_rejoined(broken, joined):
    assert clean(broken).text == joined


def test_headings_are_not_glued_to_the_next_paragraph():
    text = clean("一、2024 年国民经济和社会发展规划执行情况\n\n2024 年是中华人民共和国成立 75 周年。\n\n（一）聚焦强实体、促转型，产业质态韧性更足\n\n农业基础更加稳固。").text
    assert text.split("\n") == [
        "一、2024年国民经济和社会发展规划执行情况",
        "2024年是中华人民共和国成立75周年。",
        "（一）聚焦强实体、促转型，产业质态韧性更足",
        "农业基础更加稳固。",
    ]


def test_markdown_markers_are_stripped_and_bold_remembered():
    c = clean("### （一）聚力产业培育\n\n**强化科技创新战略支撑。**扎实推进PM<sub>2.5</sub>治理。")
    assert c.text == "（一）聚力产业培育\n强化科技创新战略支撑。扎实推进PM2.5治理。"
    (start, end), = c.bold
    assert c.text[start:end] == "强化科技创新战略支撑。"


def test_cleaned_spans_map_back_to_the_exact_source():
    source = "完成规上工业产值\n\n274.6 亿元、工业投资 13.45 亿元。"
    c = clean(source)
    start = c.text.index("274.6亿元")
    assert c.original(start, start + len("274.6亿元")) == "274.6 亿元"
    assert c.original(0, len(c.text)) == source


def test_fold_keeps_length_and_unifies_widths():
    assert fold("（一）聚焦，促转型：１２３") == "(一)聚焦,促转型:123"
    assert len(fold("（一）")) == len("（一）")


@pytest.mark.parametrize("name, data", [("fake.docx", b"PK\x03\x04not a zip"), ("fake.pdf", b"%PDF-1.4 not a pdf")])
def test_a_damaged_word_file_or_pdf_is_said_in_the_reader_s_words(run_cli, tmp_path, name, data):
    """One Chinese line, with no library's exception name in it (BadZipFile, PdfStreamError)."""
    (tmp_path / name).write_bytes(data)
    code, _, err = run_cli(str(tmp_path / name), str(seed_path("001")), "--format", "json")
    assert code == 1 and err.count("\n") == 1 and ("已损坏" in err or "无法读取" in err)
    assert not re.search(r"[A-Z][a-z]+[A-Z][a-z]+", err), err


def test_a_text_with_no_headings_is_refused_in_one_line(run_cli, tmp_path):
    (tmp_path / "short.txt").write_text("这是一段很短的文字，不是报告。\n", encoding="utf-8")
    code, _, err = run_cli(str(tmp_path / "short.txt"), str(seed_path("001")), "--format", "json")
    assert code == 1 and err.count("\n") == 1 and "没有找到标题" in err
