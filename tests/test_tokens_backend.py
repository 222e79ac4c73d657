"""The segmenter (rjieba, jieba-rs) cuts exactly as jieba does: jieba's tokens are the reference."""
from __future__ import annotations

import pytest

from reportdiff import tokens
from reportdiff.document import read

from .conftest import NO_CORPUS, SEEDS, SHARED_CORPUS


def _reports() -> list:
    found = sorted(SEEDS.glob("*.txt"))
    if SHARED_CORPUS.is_dir():
        found += sorted(p for p in SHARED_CORPUS.rglob("*") if p.is_file() and p.suffix in (".txt", ".docx") and p.name != "README.md")
    return found


def test_tokens_identical_to_jieba_on_the_whole_corpus():
    jieba = tokens.jieba_ready()
    reports = _reports()
    if len(reports) < 100:
        pytest.skip(f"{NO_CORPUS}: the seeds alone are checked by the cases below")
    differ, lines = [], 0
    for path in reports:
        for line in read(path).text.split("\n"):
            lines += 1
            if tokens._segment(line) != list(jieba.cut(line)):
                differ.append((path.name, line[:60]))
    assert lines > 10000
    assert differ == []


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-09 发布",  # a date: jieba splits the run at its signs
        "PM_2.5浓度下降到30微克",
        "5G-A基站和AR-E3000",
        "增长4.5-5%，2021-2025年",
        "23.GEP核算",
        "“十五五”规划建议，新质生产力，以旧换新",  # the policy words added to the dictionary
        "  全角　空格\t和制表符 ",
    ],
)
def test_cases_where_jieba_rs_differs_by_itself(text):
    assert tokens._segment(text) == list(tokens.jieba_ready().cut(text))
