"""Progress on stderr (issue 19): a bar only in a terminal and only for runs over a second,
the line naming what was written, nothing at all with --quiet."""
from __future__ import annotations

import io

from reportdiff.compare import STAGES, compare
from reportdiff.progress import Progress

from .conftest import seed_path


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_is_drawn_in_a_terminal_once_the_delay_has_passed():
    quick, slow, piped = Terminal(), Terminal(), io.StringIO()
    for stream, delay in ((quick, 60.0), (slow, 0.0), (piped, 0.0)):
        bar = Progress("aligning", 2, stream, delay=delay)
        bar.step(label="diffing")
        bar.step()
        bar.close()
    assert quick.getvalue() == "" and piped.getvalue() == ""
    assert "diffing [###############...............] 1/2" in slow.getvalue() and slow.getvalue().endswith("\n")


def test_an_unfinished_bar_is_cleared():
    stream = Terminal()
    bar = Progress("x", 5, stream)
    bar.step()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")


def test_compare_names_each_stage_as_it_starts():
    started: list[str] = []
    compare(seed_path("000"), seed_path("004"), progress=started.append)
    assert list(dict.fromkeys(started)) == list(STAGES)


def test_the_run_says_which_file_it_wrote_and_quiet_says_nothing(run_cli, tmp_path):
    out = tmp_path / "review.html"
    code, _, err = run_cli(str(seed_path("000")), str(seed_path("004")), "-o", str(out))
    assert code == 0 and err.splitlines()[-1] == f"reportdiff: 已写入 {out}"
    code, _, err = run_cli(str(seed_path("000")), str(seed_path("004")), "-o", str(out), "--lang", "en")
    assert code == 0 and err.splitlines()[-1] == f"reportdiff: wrote {out}"
    code, _, err = run_cli(str(seed_path("000")), str(seed_path("004")), "-o", str(out), "--quiet")
    assert code == 0 and err == "" and out.stat().st_size > 0


def test_the_bar_speaks_the_callers_language():
    stream = Terminal()
    bar = Progress("对齐", 2, stream, left="还需约 {s:.0f} 秒")
    bar.step(label="逐句比较")
    assert "逐句比较 [" in stream.getvalue() and "秒" in stream.getvalue() and "s left" not in stream.getvalue()
