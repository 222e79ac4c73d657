"""Picking among reports of one year and region by kind, and naming reports the way
readers do (issue 15)."""
from __future__ import annotations

import shutil

import pytest

from reportdiff.corpus import reader_name, resolve, resolve_pair, scan
from reportdiff.errors import ReportdiffError

from .conftest import NO_CORPUS, SHARED_CORPUS, seed, seed_path

WORK_REPORT = (
    "湛河区人民政府工作报告\n"
    "——2025年2月24日在湛河区第六届人民代表大会第五次会议上\n"
    "各位代表：\n现在，我代表区人民政府，向大会报告政府工作。\n"
    "一、2024年工作回顾\n过去一年，全区经济运行稳中有进，湛河区各项事业取得新进展。\n"
    "二、2025年重点工作\n今年要抓好以下工作，推动湛河区高质量发展。\n"
)


@pytest.fixture
def two_kinds(tmp_path):
    shutil.copy(seed_path("000"), tmp_path / "plan.txt")  # plan report reviewing 2024
    (tmp_path / "work.txt").write_text(WORK_REPORT, encoding="utf-8")
    return tmp_path


def test_kind_picks_among_reports_of_one_year_and_region(two_kinds):
    entries = scan(two_kinds)
    with pytest.raises(ReportdiffError, match="--kind"):
        resolve("2024", entries)
    assert resolve("2024", entries, kind="plan_report").id == "plan"
    assert resolve("2024", entries, kind="work_report").id == "work"


def test_a_corpus_in_folders_gives_each_report_its_own_id(tmp_path):
    for year in ("2025", "2026"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "湛河区.txt").write_text(WORK_REPORT.replace("2025年2月24日", f"{year}年2月24日"), encoding="utf-8")
    entries = scan(tmp_path)
    assert [e.id for e in entries] == ["2025_湛河区", "2026_湛河区"]
    assert resolve("2026_湛河区", entries).path == str(tmp_path / "2026" / "湛河区.txt")


def test_reports_are_named_by_their_delivery_year():
    assert reader_name(seed("001").meta) == "2026年政府工作报告"
    # A plan report by the two years its title names, in its own words (关于…2024年…规划执行情况与2025年…计划（草案）的报告).
    assert reader_name(seed("000").meta) == "2024年规划执行情况与2025年计划草案的报告"
    assert reader_name(seed("002").meta) == "2022年计划执行情况与2023年计划草案的报告"
    assert reader_name(seed("003").meta) == "2021–2025年五年规划纲要"


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
def test_the_national_report_of_2024_is_named_as_readers_name_it():
    from reportdiff.document import read

    meta = read(SHARED_CORPUS / "national" / "2024_gwr.txt").meta
    assert (reader_name(meta), meta.delivered) == ("2024年政府工作报告", "2024-03-05")


def test_resolve_pair_passes_the_kind_on(two_kinds):
    old, _ = resolve_pair("2024", str(seed_path("001")), corpus=two_kinds, kind="work_report")
    assert old.id == "work"
