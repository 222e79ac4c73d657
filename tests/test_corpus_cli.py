"""Metadata, year resolution and the CLI's handling of bad input (issue 2)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportdiff.corpus import readable, resolve, scan

from .conftest import NO_CORPUS, SEEDS, SHARED_CORPUS, seed, seed_path

# What `reportdiff list` must say of each seed, read off the reports' title pages.
EXPECTED_LIST = {
    "000": ("湛河区", "plan_report", "2025-02-25", (2024,), (2025,)),
    "001": ("湛河区", "work_report", "2026-02-26", (2025,), (2026,)),
    "002": ("湛河区", "plan_report", "2023-10-17", (2022,), (2023,)),
    "003": ("湛河区", "five_year_plan", "", (), (2021, 2022, 2023, 2024, 2025)),
    "004": ("郾城区", "work_report", "2025-04-17", (), (2025,)),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_LIST))
def test_seed_metadata(prefix):
    m = seed(prefix).meta
    assert (m.region, m.kind, m.delivered, m.reviews, m.plans) == EXPECTED_LIST[prefix]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
def test_metadata_of_reports_from_elsewhere():
    from reportdiff.document import read

    national = read(SHARED_CORPUS / "national_2024_gwr.txt").meta
    assert (national.region, national.kind, national.delivered, national.reviews, national.plans) == (
        "全国", "work_report", "2024-03-05", (2023,), (2024,)
    )
    guangdong = read(SHARED_CORPUS / "guangdong_2026_gwr.txt").meta
    assert (guangdong.region, guangdong.kind, guangdong.reviews, guangdong.plans) == ("广东省", "work_report", (2025,), (2026,))


def test_part_roles_of_a_plan_report():
    roles = [(p.role, p.years) for p in seed("000").meta.parts]
    assert roles == [("review", (2024,)), ("targets", (2025,)), ("tasks", (2025,))]


@pytest.mark.parametrize("year, prefix", [("2024", "000"), ("2025", "001"), ("2022", "002")])
def test_a_year_names_the_report_reviewing_it(year, prefix):
    assert resolve(year).id.startswith(prefix)


def test_ids_and_paths_resolve():
    assert resolve("004").id.startswith("004")
    assert resolve(str(seed_path("003"))).id.startswith("003")


def test_list_shows_the_corpus(run_cli):
    code, out, _ = run_cli("list", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:6] == ["id", "region", "kind", "delivered", "reviews", "plans"]
    row = {line.split()[0][:3]: line.split()[1:6] for line in lines[1:]}
    assert row["000"] == ["湛河区", "plan_report", "2025-02-25", "2024", "2025"]
    assert row["003"] == ["湛河区", "five_year_plan", "-", "-", "2021–2025"]
    assert row["004"] == ["郾城区", "work_report", "2025-04-17", "-", "2025"]


def test_outline_json(run_cli):
    code, out, _ = run_cli("outline", "2024", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["document"]["region"] == "湛河区"
    assert data["sections"][0]["heading"] == "一、2024年国民经济和社会发展规划执行情况"


def test_ambiguous_year_lists_the_candidates(tmp_path, run_cli):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path("000"), corpus / "a.txt")
    text = seed_path("000").read_text(encoding="utf-8").replace("湛河区", "卫东区")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    code, _, err = run_cli("outline", "2024", "--corpus", str(corpus), "--lang", "en")
    assert code != 0 and "several" in err and "a (湛河区" in err and "b (卫东区" in err and "--region" in err
    code, out, _ = run_cli("outline", "2024", "--corpus", str(corpus), "--region", "卫东区")
    assert code == 0 and "卫东区" in out


def _one_line_error(code, out, err):
    assert code != 0
    assert err.count("\n") <= 2 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("reportdiff: ")


@pytest.mark.parametrize(
    "args",
    [
        ["2019", "2025"],  # no report reviews 2019
        ["outline", "2031"],
        ["outline", "/nonexistent/report.txt"],
        ["nosuchid", "2025"],
        ["2024", "2025", "--pair", "no equals sign"],
        ["2024", "2025", "--pair", "不存在的标题=（一）"],
        ["2024", "2025", "-o", "/nonexistent-dir/out.json"],
        ["2024", "2025", "-o", "out.unknown"],
        ["2024"],  # a usage mistake is one line too
        ["2024", "2025", "--format", "xml"],
        ["outline"],
    ],
)
def test_bad_arguments_give_one_clear_line(run_cli, args):
    _one_line_error(*run_cli(*args))


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff\xfe\x00" * 50, "没有任何标题的一段普通文字。".encode()])
def test_bad_files_give_one_clear_line(tmp_path, run_cli, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    _one_line_error(*run_cli(str(bad), str(seed_path("001"))))


def test_empty_corpus_directory(tmp_path, run_cli):
    _one_line_error(*run_cli("list", "--corpus", str(tmp_path)))


def test_failed_run_leaves_no_output_file(tmp_path, run_cli):
    out = tmp_path / "result.json"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    _one_line_error(*run_cli(str(bad), "2025", "-o", str(out)))
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_seed_folder_is_shipped_unchanged():
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared seeds not present")
    for path in shared.iterdir():
        assert (SEEDS / path.name).read_bytes() == path.read_bytes()
    assert len(readable(scan(SEEDS))) == 5


def test_a_corpus_laid_out_in_folders_is_read_as_batch_reads_it(tmp_path):
    """`list` and a year look in the corpus's folders (2025/, 2026/ …) as `batch` does;
    a README beside the reports is no report."""
    for prefix, folder in (("000", "2025"), ("001", "2026")):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_path(prefix), tmp_path / folder / f"{prefix}.txt")
    (tmp_path / "README.md").write_text("# 说明\n\n这里是报告。\n", encoding="utf-8")
    assert [Path(e.path).relative_to(tmp_path).as_posix() for e in scan(tmp_path)] == ["2025/000.txt", "2026/001.txt"]
    assert Path(resolve("2024", corpus=tmp_path).path) == tmp_path / "2025" / "000.txt"


def test_an_empty_corpus_names_every_kind_of_file_it_reads(tmp_path):
    from reportdiff.errors import ReportdiffError

    with pytest.raises(ReportdiffError, match=r"\.docx"):
        scan(tmp_path)


def test_a_report_compared_before_is_read_from_the_cache(run_cli, monkeypatch, tmp_path):
    """The second comparison of the same reports reads them from the cache of parsed reports
    (nothing is parsed again), says the same, and names the files it was given this time."""

    from reportdiff import corpus

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    old, new = seed_path("000"), seed_path("001")
    code, first, _ = run_cli(str(old), str(new), "--format", "json")
    assert code == 0
    assert len(list((tmp_path / "cache" / "reportdiff" / "documents").glob("*.pickle.z"))) == 2

    def parsed_again(path):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(corpus, "read", parsed_again)
    moved = tmp_path / "elsewhere.txt"
    shutil.copyfile(old, moved)
    code, second, _ = run_cli(str(moved), str(new), "--format", "json")
    assert code == 0
    a, b = json.loads(first), json.loads(second)
    assert b["old"]["path"] == str(moved) and a["old"]["path"] == str(old)
    assert a["sections"] == b["sections"] and a["numbers"] == b["numbers"] and a["commitments"] == b["commitments"]


@pytest.mark.skipif(not (SHARED_CORPUS / "national").is_dir(), reason=NO_CORPUS)
def test_a_delivery_year_given_for_a_reviewed_year_is_explained(run_cli):
    """`reportdiff 2023 2024` on the national series: the 2024 report reviews 2023; the message says which year to name."""
    code, _, err = run_cli("2023", "2024", "--corpus", str(SHARED_CORPUS / "national"), "--format", "json")
    assert code == 1 and "2024年发布的报告回顾的是2023年，请写 2023" in err and len(err.strip().splitlines()) == 1
