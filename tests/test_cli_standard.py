"""The command line behaves like a standard one (issue 18): --version, python -m, exit 2; it
speaks the interface language, Chinese unless --lang en (issue 19)."""
from __future__ import annotations

import ast
import inspect
import itertools
import os
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
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--no-such-flag" in proc.stderr and "没有这个选项" in proc.stderr
    proc = subprocess.run([str(BIN), "2024", "2025", "--no-such-flag", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "No such option" in proc.stderr


def test_a_report_against_itself_is_refused():
    proc = subprocess.run([str(BIN), "2025", "2025"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr == "reportdiff: 新旧两份是同一份报告（001_ce1c9eea1a55d054.txt），请给出两份报告\n"
    proc = subprocess.run([str(BIN), "2025", "2025", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "same report (001_ce1c9eea1a55d054.txt)" in proc.stderr


def test_reports_out_of_order(run_cli):
    code, _, err = run_cli("2025", "2024", "--format", "json")
    assert code == 0 and "旧报告的发布晚于新报告" in err
    code, _, err = run_cli("2025", "2024", "--format", "json", "--lang", "en")
    assert code == 0 and "delivered after" in err
    code, out, err = run_cli("track", "2025", "2024", "--format", "json", "--lang", "en")
    assert code == 0 and "order they were delivered" in err
    import json

    assert [r["delivered"] for r in json.loads(out)["reports"]] == sorted(r["delivered"] for r in json.loads(out)["reports"])


def test_kind_picks_among_reports(run_cli):
    code, out, _ = run_cli("list", "--kind", "plan_report", "--lang", "en")
    assert code == 0 and "plan_report" in out and "work_report" not in out
    code, _, err = run_cli("2024", "2025", "--kind", "five_year_plan")
    assert code == 1 and err == "reportdiff: 没有回顾2024年的报告（类别：五年规划纲要）；语料中有回顾这些年份的报告：2022, 2024, 2025（见 reportdiff list）\n"
    code, _, err = run_cli("2024", "2025", "--kind", "five_year_plan", "--lang", "en")
    assert code == 1 and "five_year_plan" in err


def test_the_run_names_its_reports_as_readers_do():
    proc = subprocess.run([str(BIN), "2024", "2025", "--format", "json"], capture_output=True, text=True, timeout=120)
    line = proc.stderr.splitlines()[0]
    assert "2026年政府工作报告（2026-02-26，001_" in line and "site-packages" not in line and "/" not in line.split("正在比较", 1)[1]


def test_no_arguments_print_the_help_and_exit_2():
    proc = subprocess.run([str(BIN)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout.startswith("用法：reportdiff") and "compare" in proc.stdout and proc.stderr == ""


COMMANDS = ("compare", "list", "outline", "track", "terms", "batch")


def test_every_command_has_its_own_help_with_examples_in_the_interface_language():
    for command in COMMANDS:
        proc = subprocess.run([str(BIN), command, "--help"], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and f"用法：reportdiff {command}" in proc.stdout and "示例：" in proc.stdout and "选项：" in proc.stdout, command
        assert "Show this message" not in proc.stdout and "default:" not in proc.stdout, command
        english = subprocess.run([str(BIN), command, "--help"], capture_output=True, text=True, timeout=60, env=os.environ | {"REPORTDIFF_LANG": "en"})
        assert english.returncode == 0 and f"Usage: reportdiff {command}" in english.stdout and "Examples:" in english.stdout, command


def test_every_help_text_has_its_chinese_wording_and_fits_a_terminal():
    from reportdiff.cli import cli
    from reportdiff.clihelp import _ZH, Context
    from reportdiff.render.text import width

    texts = [inspect.cleandoc(cli.help or "")]
    for name in COMMANDS:
        command = cli.commands[name]
        texts += [inspect.cleandoc(command.help or ""), inspect.cleandoc(command.short_help or "")]
        texts += [inspect.cleandoc(p.help) for p in command.params if getattr(p, "help", None)]
        with Context(command, info_name=name, obj="zh") as ctx:
            widest = max(command.get_help(ctx).splitlines(), key=width)
        assert width(widest) <= 80, widest
    assert [t for t in texts if t not in _ZH] == []


def test_options_before_the_reports_belong_to_compare(run_cli):
    code, out, _ = run_cli("--format", "json", "2024", "2025")
    assert code == 0 and out.lstrip().startswith("{")


def test_a_folder_that_refuses_files_is_told_before_any_work(run_cli):
    # /sys refuses new files even to root; the check must not wait for the comparison.
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this machine")
    code, _, err = run_cli("2024", "2025", "-o", "/sys/review.html")
    assert code == 1 and err == "reportdiff: 无法写入 /sys/review.html：没有权限\n"
    code, _, err = run_cli("2024", "2025", "-o", "/sys/review.html", "--lang", "en")
    assert code == 1 and err == "reportdiff: cannot write /sys/review.html: Permission denied\n"


@pytest.mark.parametrize(
    "args, zh, en",
    [
        (["nosuchid", "2025"], "“nosuchid”不是文件、年份或报告编号；见 reportdiff list", "'nosuchid' is not a file, a year or a report id; see 'reportdiff list'"),
        (["/nonexistent/report.txt", "2025"], "/nonexistent/report.txt：文件不存在", "/nonexistent/report.txt: no such file"),
        (["2024", "2025", "-o", "out.unknown"], "无法从“out.unknown”看出输出格式（请用 .html、.json 或 .txt 扩展名，或 --format）", "cannot tell the format of 'out.unknown'"),
        (["2024", "2025", "--pair", "no equals sign"], "--pair 的写法是 旧标题=新标题", "--pair expects OLD_HEADING=NEW_HEADING"),
        (["2024", "2025", "--format", "xml"], "--format 的值“xml”无效", "Invalid value for '--format'"),
        (["track", "2024"], "track 至少需要两份报告", "track needs at least two reports"),
        (["outline", "2031"], "没有回顾2031年的报告", "no report reviews 2031"),
    ],
)
def test_errors_speak_the_interface_language_in_one_line(run_cli, args, zh, en):
    for lang, words in (([], zh), (["--lang", "en"], en)):
        code, _, err = run_cli(*args, *lang)
        assert code in (1, 2) and err.count("\n") == 1 and err.startswith("reportdiff: ") and words in err and "Traceback" not in err, err


def test_the_language_can_come_from_the_environment(run_cli, monkeypatch):
    monkeypatch.setenv("REPORTDIFF_LANG", "en")
    assert "no such file" in run_cli("/nonexistent/a.txt", "2025")[2]
    assert "文件不存在" in run_cli("/nonexistent/a.txt", "2025", "--lang", "zh")[2]


def _samples(node: ast.expr) -> list[str]:
    """The messages a raise's first argument can give, each formatted slot filled with a
    word or left empty (an optional clause such as ' for region X' may be either)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        pieces = [[v.value] if isinstance(v, ast.Constant) else ["1", ""] for v in node.values]
        return ["".join(p) for p in itertools.product(*pieces)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _samples(node.left) for b in _samples(node.right)]
    if isinstance(node, ast.IfExp):
        return _samples(node.body) + _samples(node.orelse)
    return []


def test_every_message_the_pipeline_raises_has_its_chinese_wording():
    from reportdiff.errors import worded

    package = Path(__file__).resolve().parents[1] / "reportdiff"
    missing = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", "") in ("ReportdiffError", "UsageError") and node.exc.args:
                samples = _samples(node.exc.args[0])
                if samples and not any(worded(s, "zh") != s for s in samples):
                    missing.append(f"{path.name}:{node.lineno}: {samples[0]}")
    assert not missing, missing


def test_list_outline_and_track_speak_chinese_unless_asked_for_english(run_cli):
    _, out, _ = run_cli("list")
    assert out.split()[:7] == ["编号", "地区", "类别", "发布日期", "回顾", "计划", "标题"] and "计划报告" in out and "plan_report" not in out
    # 000's title is longer than the column: cut, and saying so.
    assert next(line for line in out.splitlines() if line.startswith("000_")).endswith("规划计…")
    _, out, _ = run_cli("outline", "2024")
    assert out.splitlines()[0].startswith("湛河区 2024年规划执行情况与2025年计划草案的报告（2025-02-25，000_") and "plan_report" not in out and "delivered" not in out
    _, out, _ = run_cli("outline", "2024", "--lang", "en")
    assert "reviews 2024" in out.splitlines()[0]
    code, out, err = run_cli("track", "2022", "2024", "2025")
    assert code == 0 and "跟踪" in err and "2023年计划（湛河区 2022年计划执行情况与2023年计划草案的报告）：后面没有回顾2023年的报告" in out
    assert "2025年计划（湛河区 2024年规划执行情况与2025年计划草案的报告）中的承诺：未完成" in out and "2025年回顾（湛河区 2026年政府工作报告）：未完成" in out
    assert not any(word in out for word in ("missed", "not_reported", "carried", "Promised", "report 2"))


def test_the_viewer_exports_under_the_whole_ids():
    # 2023_gwr and 2024_gwr: ids cut to three characters would both read 202
    import inspect

    from reportdiff import cli

    assert "id[:3]" not in inspect.getsource(cli._view)


def test_quiet_leaves_stderr_empty_for_every_command_that_reports_progress(run_cli):
    for args in (("track", "2022", "2024", "2025"), ("terms", "--corpus", str(Path(__file__).resolve().parents[1] / "seeds")), ("2024", "2025", "--format", "json")):
        code, out, err = run_cli(*args, "-q")
        assert code == 0 and out and err == "", args


def test_the_list_fits_the_terminal_it_is_shown_in():
    from reportdiff.corpus import scan
    from reportdiff.present import Presenter
    from reportdiff.render.text import corpus, width

    narrow, wide = (corpus(scan(), Presenter("zh"), columns=n) for n in (80, 120))
    assert max(width(line) for line in narrow.splitlines()) <= 80 and "标题" not in narrow
    assert max(width(line) for line in wide.splitlines()) <= 120 and "标题" in wide and "…" in wide
