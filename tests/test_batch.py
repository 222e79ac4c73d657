"""reportdiff batch: pairs found, compared, written, resumed; failures reported, never fatal."""
from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff import batch
from reportdiff.batch import Report, Summary, plan

from .conftest import NO_CORPUS, SHARED_CORPUS, seed_path


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test starts with an empty cache of its own (workers inherit the environment)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    batch._MEMO.clear()


def _next_year(text: str) -> str:
    """A report one year on, as far as its years go: enough to make a third report of a series."""
    return re.sub(r"20(2\d)", lambda m: f"20{int(m.group(1)) + 1}", text)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Seeds laid out by year (a series of plan reports with a broken year among them) and unnamed seeds placed by their text."""
    root = tmp_path / "corpus"
    series = root / "湛河区"
    series.mkdir(parents=True)
    shutil.copy(seed_path("002"), series / "2023_plan.txt")
    (series / "2024_plan.txt").write_bytes(b"\x00\x01\x02 not a report \xff\xfe" * 50)
    shutil.copy(seed_path("000"), series / "2025_plan.txt")
    (series / "2026_plan.txt").write_text(_next_year(seed_path("000").read_text(encoding="utf-8")), encoding="utf-8")
    flat = root / "unnamed"
    flat.mkdir()
    for prefix in ("000", "001", "002", "004"):
        shutil.copy(seed_path(prefix), flat / seed_path(prefix).name)
    (root / "README.md").write_text("# A collection\n\nNot a report.\n", encoding="utf-8")
    return root


def _pairs(result) -> dict[str, dict]:
    return {r["pair"]: r for r in result.records if r["type"] == "pair"}


EXPECTED_PAIRS = {
    # series by path: 2024 is broken, so both of its pairs fail and 2023 is not paired across it
    ("湛河区/plan", 2023, 2024): "failed",
    ("湛河区/plan", 2024, 2025): "failed",
    ("湛河区/plan", 2025, 2026): "ok",
    # placed by their text: the two plan reports of 湛河区 (delivered 2023 and 2025); the work reports
    # of 湛河区 and 郾城区 are of other series and stay alone
    ("湛河区 plan_report", 2023, 2025): "ok",
}


def test_batch_pairs_failures_index_and_rerun(corpus, tmp_path):
    out = tmp_path / "site"
    first = batch.run(corpus, out, jobs=1)
    pairs = _pairs(first)
    assert {(r["series"], *r["years"]): r["status"] for r in pairs.values()} == EXPECTED_PAIRS
    assert first.failed == 2 and first.ran == 2  # the two failed pairs are not counted as compared
    broken = [r for r in pairs.values() if r["status"] == "failed"]
    assert all("2024_plan.txt" in r["error"] for r in broken)
    left = {r["report"]: r["status"] for r in first.records if r["type"] == "report"}
    assert left == {"unnamed/001_ce1c9eea1a55d054.txt": "alone", "unnamed/004_ef7576812fe255fc.txt": "alone"}

    ok = [r for r in pairs.values() if r["status"] == "ok"]
    for r in ok:
        data = json.loads((out / r["json"]).read_text(encoding="utf-8"))
        assert data["schema"] == "reportdiff/1" and data["sections"]
        assert (out / r["html"]).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert r["headline"]["growth_target"]["new"] is not None  # every seed plan states its growth target
        assert r["counts"]["sections"]["matched"] > 0
    gap = pairs["湛河区_plan_report_2023-2025"]
    assert gap["gap"] == 2 and gap["headline"]["commitments"] is None  # 2023's plan is for 2023, the next reviews 2024

    index = (out / "index.html").read_text(encoding="utf-8")
    assert {r["html"] for r in ok} <= set(re.findall(r'href="([^"]+)"', index))
    assert "2024_plan.txt" in index  # the broken report is listed with its error
    # in Chinese, as the pair pages, and counting as results.jsonl does: 4 pairs, 2 done, 2 failed
    assert '<html lang="zh-CN">' in index and "相邻年份的报告共 4 对，已比较 2 对" in index and "2 项失败" in index
    assert "这一系列只有这一份报告" in index and " met " not in index and "看来是二进制文件" in index
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(first.records) and all(json.loads(line)["type"] in ("pair", "report") for line in lines)

    again = batch.run(corpus, out, jobs=1)
    assert again.ran == 0 and again.kept == 2 and again.failed == 2  # a failure kept is a failure, not a result
    assert _pairs(again) == pairs
    # how much faster a rerun is, is bench/batch.py's to measure (not a timed test)

    # One input changed: only its pairs are compared again.
    (corpus / "湛河区" / "2026_plan.txt").write_text(_next_year(seed_path("000").read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    third = batch.run(corpus, out, jobs=1)
    assert third.ran == 1 and third.kept == 1


def test_each_report_is_read_once(corpus, tmp_path, monkeypatch):
    import reportdiff.document

    reads: list[str] = []
    real = reportdiff.document.read
    monkeypatch.setattr(reportdiff.document, "read", lambda path: reads.append(Path(path).name) or real(path))
    batch.run(corpus, tmp_path / "site", jobs=1)
    assert reads and len(reads) == len(set(reads)), reads
    batch._MEMO.clear()
    reads.clear()
    batch.run(corpus, tmp_path / "other", jobs=1)  # a new folder, the same reports: all from the cache
    assert reads == []  # the unreadable one too: the same bytes fail the same way


def test_two_workers_and_dask_give_the_same_pairs(corpus, tmp_path):
    pytest.importorskip("dask.distributed")
    alone = batch.run(corpus, tmp_path / "one", jobs=1, use_cache=False)
    pool = batch.run(corpus, tmp_path / "pool", jobs=2, use_cache=False)
    dask = batch.run(corpus, tmp_path / "dask", jobs=2, dask="local")

    def essence(result):
        return {name: (r["status"], r.get("headline"), r.get("counts")) for name, r in _pairs(result).items()}

    assert essence(pool) == essence(alone)
    assert essence(dask) == essence(alone)
    for _name, r in _pairs(alone).items():
        if r["status"] == "ok":
            assert (tmp_path / "dask" / r["json"]).read_bytes() == (tmp_path / "one" / r["json"]).read_bytes()


def test_a_pair_page_is_the_single_report(corpus, tmp_path, run_cli):
    """A pair of a folder that holds its series (formulations ranked in the series, its reports
    read into the cache by the workers beforehand) gives what `reportdiff OLD NEW` gives."""
    series = corpus / "湛河区"
    assert batch.series_members(plan(batch.find_reports(corpus, tmp_path), {}).tasks) == [str(p.resolve()) for p in sorted(series.iterdir())]
    result = batch.run(corpus, tmp_path / "site", jobs=2)
    record = _pairs(result)["湛河区_plan_2025-2026"]
    code, _, _ = run_cli(str(series / "2025_plan.txt"), str(series / "2026_plan.txt"), "--format", "json", "-o", str(tmp_path / "single.json"), "-q")
    assert code == 0
    assert (tmp_path / "site" / record["json"]).read_bytes() == (tmp_path / "single.json").read_bytes()


def test_cli_exit_status_and_refusals(corpus, tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("REPORTDIFF_LANG", "en")  # the messages read in English (the interface speaks Chinese unless told)
    code, _, err = run_cli("batch", str(corpus), "-o", str(tmp_path / "site"), "--jobs", "1")
    assert code == 1 and "4 pairs: 2 done (2 compared in this run, 0 kept from the last run), 2 failed" in err
    code, _, err = run_cli("batch", str(corpus), "-o", str(tmp_path / "site"), "--jobs", "1")
    assert code == 1 and "4 pairs: 2 done (0 compared in this run, 2 kept from the last run), 2 failed" in err
    (corpus / "湛河区" / "2024_plan.txt").unlink()
    code, _, err = run_cli("batch", str(corpus / "湛河区"), "-o", str(tmp_path / "site2"), "--jobs", "1")
    assert code == 0 and "2 pairs" in err and "0 failed" in err
    code, _, err = run_cli("batch", str(corpus), "-o", str(corpus), "--jobs", "1")
    assert code == 2 and "corpus folder" in err
    code, _, err = run_cli("batch", str(corpus), "-o", str(corpus / "README.md"))
    assert code == 2 and "is a file" in err
    code, _, err = run_cli("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "site3"))
    assert code == 1 and "not a folder" in err


def _report(name: str, series: str | None, year: int | None) -> Report:
    return Report(f"/c/{name}", name, "d" + name, series, year)


def test_plan_pairs_consecutive_reports_of_one_series_only():
    reports = [
        _report("2019/甲.txt", "{year}/甲", 2019),
        _report("2021/甲.txt", "{year}/甲", 2021),
        _report("2020/乙.txt", "{year}/乙", 2020),
        _report("2020/甲.docx", "{year}/甲", 2020),
        _report("2020/甲.txt", "{year}/甲", 2020),
        _report("x.txt", None, None),
        _report("y.txt", None, None),
        _report("z.txt", None, None),
    ]
    summaries = {
        "x.txt": Summary("x.txt", "丙区", "plan_report", 2024),
        "y.txt": Summary("y.txt", "丙区", "work_report", 2025),
        "z.txt": Summary("z.txt", "丙区", "plan_report", 2025),
    }
    found = plan(reports, summaries)
    assert [(t.old.name, t.new.name) for t in found.tasks] == [
        ("2019/甲.txt", "2020/甲.docx"),
        ("2020/甲.docx", "2021/甲.txt"),
        ("x.txt", "z.txt"),
    ]
    assert {n["report"]: n["status"] for n in found.notes} == {"2020/乙.txt": "alone", "2020/甲.txt": "duplicate", "y.txt": "alone"}
    assert len({t.name for t in found.tasks}) == len(found.tasks)


def test_provinces_word_and_web_text(tmp_path):
    """A few provinces of the shared corpus (2025 Word files, 2026 web text), one Word file cut short."""
    provinces = SHARED_CORPUS / "provinces"
    if not provinces.is_dir():
        pytest.skip(NO_CORPUS)
    regions = ["山东省", "湖南省", "上海市"]
    root = tmp_path / "provinces"
    for year in ("2025", "2026"):
        (root / year).mkdir(parents=True)
        for region in regions:
            (match,) = (provinces / year).glob(f"{region}.*")
            (root / year / match.name).symlink_to(match)
    damaged = root / "2025" / "上海市.docx"
    data = damaged.read_bytes()
    damaged.unlink()
    damaged.write_bytes(data[: len(data) // 2])
    result = batch.run(root, tmp_path / "site", jobs=2)
    pairs = _pairs(result)
    assert {r["series"]: r["status"] for r in pairs.values()} == {"山东省": "ok", "湖南省": "ok", "上海市": "failed"}
    for name in ("山东省", "湖南省"):
        r = pairs[f"{name}_2025-2026"]
        assert (r["old"]["kind"], r["new"]["kind"]) == ("work_report", "work_report")
        assert r["counts"]["sections"]["matched"] >= 20  # the Word file's sections are found like the text file's
    targets = [pairs[f"{name}_2025-2026"]["headline"]["growth_target"] for name in ("山东省", "湖南省")]
    assert any(t["old"] and t["new"] for t in targets)  # the headline is the numbers stage's reading of the targets
    assert "上海市.docx" in pairs["上海市_2025-2026"]["error"]


COLD = """
import sys
from reportdiff.cli import main
heavy = ("textual", "pypdf", "docx", "cn2an", "jinja2", "css_inline")
print(sorted(m for m in heavy if m in sys.modules))
main(["000", "001", "--format", "json", "-o", sys.argv[1]])
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_cold_start_imports_only_what_the_run_needs(tmp_path):
    run = subprocess.run([sys.executable, "-c", COLD, str(tmp_path / "r.json")], capture_output=True, text=True, check=True)
    after_import, after_json = run.stdout.splitlines()
    assert after_import == "[]"
    assert after_json == "[]"


class _Terminal:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal(tty):
    stream = _Terminal(tty)
    bar = batch.Progress("comparing", 3, stream)
    for failed in (False, True, False):
        bar.step(failed)
    if tty:
        assert "3/3, 1 failed" in stream.text and stream.text.endswith("\n") and "\r" in stream.text
    else:
        assert stream.text == ""


def test_years_and_series_from_paths(tmp_path):
    for name in ("2025/上海市.docx", "2026/上海市.txt", "national/1999_gwr.txt", "hash/a2019bc7f.txt", "2025年湖南省.txt", ".hidden/2020.txt", "LICENSE.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("一、总体\n内容。\n", encoding="utf-8")
    found = {r.name: (r.series, r.year) for r in batch.find_reports(tmp_path, tmp_path / "site")}
    assert found == {
        "2025/上海市.docx": ("{year}/上海市", 2025),
        "2026/上海市.txt": ("{year}/上海市", 2026),  # another format, the same series
        "national/1999_gwr.txt": ("national/{year}_gwr", 1999),
        "hash/a2019bc7f.txt": (None, None),  # four digits inside a code are no year: its text places it
        "2025年湖南省.txt": ("{year}年湖南省", 2025),
    }
    labels = [batch.series_label(s) for s in ("national/{year}_gwr", "{year}/上海市", "{year}年湖南省")]
    assert labels == ["national/gwr", "上海市", "湖南省"]


def test_an_interrupted_batch_goes_on_where_it_stopped(corpus, tmp_path, monkeypatch):
    out = tmp_path / "site"
    real, calls = batch.run_pair, []

    def interrupted(task, use_cache=True):
        calls.append(task.name)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(task, use_cache)

    monkeypatch.setattr(batch, "run_pair", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.run(corpus, out, jobs=1)
    recorded = [json.loads(line)["pair"] for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines() if '"type": "pair"' in line]
    assert recorded == calls[:2]  # what was done before the interruption is on record
    rerun: list[str] = []
    monkeypatch.setattr(batch, "run_pair", lambda task, use_cache=True: rerun.append(task.name) or real(task, use_cache))
    again = batch.run(corpus, out, jobs=1)
    assert sorted(rerun) == sorted(set(_pairs(again)) - set(recorded))  # only the pairs not on record run again
    # the broken report fails two of the four pairs; the other two are done, kept or compared now
    assert again.failed == 2 and again.kept + again.ran == 2


@pytest.mark.skipif(not (SHARED_CORPUS / "provinces" / "2026" / "江西省.txt").is_file(), reason=NO_CORPUS)
def test_the_index_shows_the_years_growth_target_not_the_periods():
    """江西 2026 states the 十五五 average (年均增长5%左右) before the year's target (5%-5.5%):
    the index's headline is the year's, as in the pair's own brief."""
    from reportdiff import compare

    corpus = SHARED_CORPUS / "provinces"
    result = compare(corpus / "2025" / "江西省.docx", corpus / "2026" / "江西省.txt")
    growth = batch.headline(result)["growth_target"]
    assert growth["old"]["text"] == "地区生产总值增长5%左右" and growth["new"]["text"] == "地区生产总值增长5%-5.5%"


def test_the_bars_speak_the_callers_words(corpus, tmp_path):
    """On a terminal the batch's bars use the words it is given (the command line gives the interface language's)."""
    stream = _Terminal(True)
    words = {"reading": "读取报告", "indexing": "建立提法索引", "comparing": "比较", "left": "还需约 {s:.0f} 秒", "failed": "，{n} 项失败"}
    batch.run(corpus, tmp_path / "site", jobs=1, stream=stream, words=words)
    assert "读取报告 [" in stream.text and "比较 [" in stream.text and "项失败" in stream.text and "还需约" in stream.text
    assert not any(w in stream.text for w in ("reading", "comparing", "failed", "s left"))


def test_quiet_says_only_what_failed(corpus, tmp_path, run_cli):
    code, out, err = run_cli("batch", str(corpus), "-o", str(tmp_path / "site"), "-q", "--jobs", "1")
    lines = err.strip().splitlines()
    assert code == 1 and out == "" and lines and all(line.startswith("reportdiff: 失败") for line in lines), err
    code, _, err = run_cli("batch", str(corpus), "-o", str(tmp_path / "site"), "--jobs", "1")
    assert "对报告" in err.strip().splitlines()[-1]


def test_pairs_that_share_a_report_run_in_one_worker_in_short_chains():
    """Consecutive pairs of a series (…→N, N→…) go to one worker together, as chains short
    enough that each worker gets several; with one worker each pair stands alone."""
    years = [_report(f"甲/{y}.txt", "甲/{year}", y) for y in range(2010, 2027)]
    other = [_report(f"乙/{y}.txt", "乙/{year}", y) for y in (2024, 2025, 2026)]
    tasks = plan(years + other, {}).tasks
    assert len(tasks) == 18
    made = batch.chains(tasks, 2)
    assert [t for chain in made for t in chain] == tasks  # all, once, in order
    assert all(a.new.name == b.old.name for chain in made for a, b in itertools.pairwise(chain))
    assert max(map(len, made)) == 3 and len(made) >= 3 * 2  # at most 18 / (2 × 4) rounded up: several a worker
    assert {len(chain) for chain in made if chain[0].series == "乙/{year}"} == {2}
    assert batch.chains(tasks, 1) == [[t] for t in tasks]
