"""The command line behaves like a standard one (issue 18): --version, python -m, exit 2."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "reportdiff"


def test_version():
    proc = subprocess.run([str(BIN), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"reportdiff {version('reportdiff')}"


def test_python_dash_m_gives_the_same_help():
    module = subprocess.run([sys.executable, "-m", "reportdiff", "--help"], capture_output=True, text=True, timeout=60)
    script = subprocess.run([str(BIN), "--help"], capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and "OLD" in module.stdout and module.stdout == script.stdout


def test_a_bad_flag_exits_2():
    proc = subprocess.run([str(BIN), "2024", "2025", "--no-such-flag"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--no-such-flag" in proc.stderr


def test_a_report_against_itself_is_refused():
    proc = subprocess.run([str(BIN), "2025", "2025"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "same report" in proc.stderr


def test_reports_out_of_order(run_cli):
    code, _, err = run_cli("2025", "2024", "--format", "json")
    assert code == 0 and "delivered after" in err
    code, out, err = run_cli("track", "2025", "2024", "--format", "json")
    assert code == 0 and "order they were delivered" in err
    import json

    assert [r["delivered"] for r in json.loads(out)["reports"]] == sorted(r["delivered"] for r in json.loads(out)["reports"])


def test_kind_picks_among_reports(run_cli):
    code, out, _ = run_cli("list", "--kind", "plan_report")
    assert code == 0 and "plan_report" in out and "work_report" not in out
    code, _, err = run_cli("2024", "2025", "--kind", "five_year_plan")
    assert code == 1 and "five_year_plan" in err


def test_the_run_names_its_reports_as_readers_do():
    proc = subprocess.run([str(BIN), "2024", "2025", "--format", "json"], capture_output=True, text=True, timeout=120)
    line = proc.stderr.splitlines()[0]
    assert "2026年政府工作报告 (001_" in line and "site-packages" not in line and "/" not in line.split("comparing", 1)[1]


def test_no_arguments_print_the_help_and_exit_2():
    proc = subprocess.run([str(BIN)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout.startswith("Usage: reportdiff") and "compare" in proc.stdout and proc.stderr == ""


def test_every_command_has_its_own_help_with_examples():
    for command in ("compare", "list", "outline", "track", "terms", "batch"):
        proc = subprocess.run([str(BIN), command, "--help"], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and f"Usage: reportdiff {command}" in proc.stdout and "Examples:" in proc.stdout, command


def test_options_before_the_reports_belong_to_compare(run_cli):
    code, out, _ = run_cli("--format", "json", "2024", "2025")
    assert code == 0 and out.lstrip().startswith("{")


def test_a_folder_that_refuses_files_is_told_before_any_work(run_cli):
    # /sys refuses new files even to root; the check must not wait for the comparison.
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this machine")
    code, _, err = run_cli("2024", "2025", "-o", "/sys/review.html")
    assert code == 1 and err == "reportdiff: cannot write /sys/review.html: Permission denied\n"
