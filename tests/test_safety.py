"""Never lose a file, never hang (issue 14): the installed command line, run in a subprocess.

Cases that need an ordinary user (a folder it cannot write, a cache file it does not
own) run the command without root's capabilities (setpriv drops them), so that they
run in CI, which runs as root, as well as on a developer's machine.
"""
from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from .conftest import NO_CORPUS, SHARED_CORPUS, seed_path

BIN = Path(sys.executable).parent / "reportdiff"
OLD, NEW = seed_path("000"), seed_path("001")
TIMEOUT = 120


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests read the messages in English (the interface speaks Chinese unless told)."""
    monkeypatch.setenv("REPORTDIFF_LANG", "en")


def run(*args, stdin=subprocess.DEVNULL, env=None, unprivileged=False, timeout=TIMEOUT, **kw):
    cmd = [str(BIN), *map(str, args)]
    if unprivileged and os.geteuid() == 0:
        cmd = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", *cmd]
    environment = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_NO_TUI"}
    environment.update(env or {})
    return subprocess.run(cmd, stdin=stdin, capture_output=True, text=True, env=environment, timeout=timeout, **kw)


def one_line(proc, code=None) -> str:
    """The error: exactly one line on stderr, a non-zero exit, no traceback."""
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("reportdiff: comparing")]
    assert proc.returncode != 0 and (code is None or proc.returncode == code), (proc.returncode, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("reportdiff: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def reports(tmp_path):
    """Copies of two seeds in a folder of their own."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    shutil.copy(OLD, old)
    shutil.copy(NEW, new)
    return old, new


@pytest.fixture
def shared_dir():
    """A folder an unprivileged process can reach (pytest's tmp_path is root-only)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="rd-safety-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


# --- outputs never destroy anything ------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "relative"])
def test_output_equal_to_an_input_is_refused(reports, how, tmp_path):
    old, new = reports
    before = listing(tmp_path)
    target = {"same": old, "symlink": tmp_path / "link.txt", "relative": Path("old.txt")}[how]
    if how == "symlink":
        target.symlink_to(old)
        before = listing(tmp_path)
    line = one_line(run(old, new, "-o", target, cwd=tmp_path), code=2)
    assert "input report" in line and "old.txt" in line
    assert listing(tmp_path) == before


def test_email_and_output_naming_one_file_is_refused(reports, tmp_path):
    old, new = reports
    line = one_line(run(old, new, "-o", tmp_path / "x.html", "--email", tmp_path / "x.html"), code=2)
    assert "x.html" in line
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("command", ["outline", "track"])
def test_other_commands_refuse_to_overwrite_an_input(reports, tmp_path, command):
    old, new = reports
    args = ["outline", old] if command == "outline" else ["track", old, new]
    before = listing(tmp_path)
    one_line(run(*args, "-o", old), code=2)
    assert listing(tmp_path) == before


def test_device_output_stays_a_device(reports):
    old, new = reports
    proc = run(old, new, "-o", "/dev/null", "--format", "html")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_fifo_output_is_opened_and_written(reports, tmp_path):
    old, new = reports
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("data", fifo.read_bytes()))
    reader.start()
    proc = run(old, new, "-o", fifo)
    reader.join(TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got["data"])["schema"] == "reportdiff/1"


def test_symlink_output_replaces_its_target(reports, tmp_path):
    old, new = reports
    real = tmp_path / "real.json"
    real.write_text("old content")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run(old, new, "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text())["schema"] == "reportdiff/1"


def test_a_folder_as_output_is_refused_before_any_work(reports, tmp_path):
    old, new = reports
    start = time.perf_counter()
    assert "folder" in one_line(run(old, new, "-o", tmp_path, "--format", "html"), code=2)
    assert time.perf_counter() - start < 20


def test_dash_writes_to_standard_output(reports, tmp_path):
    old, new = reports
    proc = run(old, new, "-o", "-", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["schema"] == "reportdiff/1"
    assert not (tmp_path / "-").exists()


def test_replacement_keeps_the_mode_and_new_files_follow_the_umask(reports, tmp_path):
    old, new = reports
    kept = tmp_path / "kept.json"
    kept.write_text("{}")
    kept.chmod(0o600)
    assert run(old, new, "-o", kept).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.json"
    proc = subprocess.run(["sh", "-c", f'umask 027 && exec "{BIN}" "{old}" "{new}" -o "{fresh}"'], capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_leaves_no_temporary_file(reports, tmp_path, signum):
    """The e-mail goes to a FIFO nobody reads, so the run waits there with the HTML staged."""
    old, new = reports
    fifo = tmp_path / "mail.eml"
    os.mkfifo(fifo)
    proc = subprocess.Popen([str(BIN), old, new, "-o", tmp_path / "out.html", "--email", fifo], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + TIMEOUT
    while not [p for p in tmp_path.iterdir() if p.name.startswith(".out.html.")] and time.time() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 128 + signum and "Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mail.eml", "new.txt", "old.txt"]


def test_when_one_output_fails_no_other_is_left_behind(reports, shared_dir):
    old, new = reports
    locked = shared_dir / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    line = one_line(run(old, new, "-o", locked / "out.html", "--email", shared_dir / "mail.eml", unprivileged=True))
    assert "out.html" in line
    assert sorted(p.name for p in shared_dir.iterdir()) == ["locked"] and not list(locked.iterdir())


def test_unwritable_output_folder(reports, shared_dir):
    old, new = reports
    shared_dir.chmod(0o555)
    line = one_line(run(old, new, "-o", shared_dir / "out.html", unprivileged=True))
    assert "Permission denied" in line
    assert not list(shared_dir.iterdir())


# --- inputs are bounded before they are read ---------------------------------------------


def test_fifo_input_is_refused_at_once(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    line = one_line(run(fifo, NEW, timeout=20))
    assert "FIFO" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_device_input_is_refused_at_once(device):
    assert "device" in one_line(run(device, NEW, timeout=20))


def test_size_limit_applies_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 8 GB on paper, nothing on disk
        handle.truncate(8 * 2**30)
    start = time.perf_counter()
    assert "too large" in one_line(run(huge, NEW, timeout=20))
    assert time.perf_counter() - start < 15


def test_docx_that_unpacks_to_too_much_xml_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (200 * 2**20) + "</w:document>")
    assert bomb.stat().st_size < 2 * 2**20
    assert "unpacks to" in one_line(run(bomb, NEW, timeout=30))


def test_pdf_with_too_many_pages_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2001):
        pdf.drawString(72, 72, "x")
        pdf.showPage()
    pdf.save()
    assert "pages" in one_line(run(path, NEW, timeout=60))


def test_text_cut_inside_a_utf8_character(tmp_path):
    data = OLD.read_bytes()
    end = data.rindex("总值".encode()) + 1  # one byte into 总
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:end])
    line = one_line(run(cut, NEW))
    assert f"not valid UTF-8 at byte {end - 1}" in line and "binary" not in line


# --- the viewer and the terminal ------------------------------------------------------------


def in_terminal(args, *, keys: bytes = b"", wait_for: bytes | None = None, env=None, stdin_tty=True, timeout=TIMEOUT):
    """Run the command on a pseudo-terminal (Textual draws on stderr, so stderr is the terminal too).
    Returns (exit code, everything shown, what was shown after the viewer closed)."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    environment = {k: v for k, v in os.environ.items() if k not in ("REPORTDIFF_NO_TUI", "NO_COLOR", "REPORTDIFF_LANG")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40", **(env or {})})
    proc = subprocess.Popen([str(BIN), *map(str, args)], stdin=slave if stdin_tty else subprocess.DEVNULL, stdout=slave, stderr=slave, env=environment)
    os.close(slave)
    screen = b""
    sent = False
    deadline = time.time() + timeout
    while proc.poll() is None and time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                screen += os.read(master, 65536)
            except OSError:
                break
        if keys and not sent and (wait_for is None or wait_for in screen):
            time.sleep(0.5)
            os.write(master, keys)
            sent = True
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    os.close(master)
    after = screen.rsplit(b"\x1b[?1049l", 1)[-1].decode(errors="replace")  # the viewer leaves the alternate screen
    after = re.sub(r"\x1b\[[0-9;?<>=]*[A-Za-z~$]", "", after)  # the terminal modes it switches back
    return proc.returncode, screen, after


def test_viewer_error_is_one_line_and_non_zero(reports):
    old, new = reports
    code, screen, after = in_terminal([old, new, "--pair", "没有这个标题=也没有这个"])
    assert b"\x1b[?1049h" in screen  # the viewer did start
    messages = [line.strip() for line in after.splitlines() if line.strip()]
    assert code == 1 and len(messages) == 1 and messages[0].startswith("reportdiff: ") and "没有这个标题" in messages[0], after


def test_viewer_honours_email(reports, tmp_path):
    old, new = reports
    mail = tmp_path / "review.eml"
    code, _, after = in_terminal([old, new, "--email", mail], keys=b"q", wait_for="对应".encode())  # the viewer's status line, in Chinese
    assert code == 0, after
    assert mail.read_bytes().startswith(b"Subject:") or b"Content-Type" in mail.read_bytes()


@pytest.mark.parametrize("case", ["stdin not a terminal", "TERM=dumb"])
def test_viewer_only_with_a_real_terminal(reports, case):
    old, new = reports
    code, screen, _ = in_terminal([old, new], stdin_tty=case != "stdin not a terminal", env={"TERM": "dumb"} if case == "TERM=dumb" else None, timeout=60)
    assert code == 0, screen[-500:]
    assert b"\x1b[?1049h" not in screen  # the viewer would switch to the alternate screen
    assert "（一）".encode() in screen or "一、".encode() in screen  # the text report instead


def test_control_characters_in_a_report_never_reach_the_terminal(tmp_path):
    text = OLD.read_text(encoding="utf-8").replace("地区生产总值", "地区\x1b]0;pwned\x07生产\x1b[2J总值", 1)
    evil = tmp_path / "evil.txt"
    evil.write_text(text, encoding="utf-8")
    proc = run(evil, NEW)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "pwned" in proc.stdout
    code, screen, _ = in_terminal([evil, NEW], env={"REPORTDIFF_NO_TUI": "1"}, timeout=60)
    assert code == 0 and b"\x1b]0;" not in screen and b"\x1b[2J" not in screen


# --- no shared caches, no tracebacks ------------------------------------------------------------


def test_jieba_cache_is_private_and_a_planted_one_is_ignored(reports, tmp_path):
    old, new = reports
    cache, planted = tmp_path / "cache", tmp_path / "tmp"
    planted.mkdir()
    import marshal

    (planted / "jieba.cache").write_bytes(marshal.dumps(({"地区": 1, "生": 1}, 2)))  # a hostile dictionary
    clean = run(old, new, "--format", "json", env={"XDG_CACHE_HOME": str(cache)})
    poisoned = run(old, new, "--format", "json", env={"XDG_CACHE_HOME": str(cache), "TMPDIR": str(planted)})
    assert clean.returncode == poisoned.returncode == 0
    assert clean.stdout == poisoned.stdout
    assert [p.name for p in planted.iterdir()] == ["jieba.cache"]  # nothing else read or written there
    # The segmenter (jieba-rs) keeps no cache file; jieba itself, the reference, only in the private folder.
    code = "from reportdiff import tokens; print(tokens.jieba_ready().dt.tmp_dir)"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TMPDIR": str(planted)}
    folder = Path(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip())
    assert folder == cache / "reportdiff" and stat.S_IMODE(folder.stat().st_mode) == 0o700 and (folder / "jieba.cache").is_file()


def test_another_users_cache_file_gives_no_traceback(reports, shared_dir):
    old, new = reports
    foreign = shared_dir / "jieba.cache"
    foreign.write_bytes(b"not yours")
    foreign.chmod(0o644)
    proc = run(old, new, "--format", "json", unprivileged=True, env={"TMPDIR": str(shared_dir), "HOME": "/nonexistent", "XDG_CACHE_HOME": str(shared_dir / "nope")})
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)["schema"] == "reportdiff/1"
    assert foreign.read_bytes() == b"not yours"


@pytest.mark.parametrize("flag", ["--to", "--subject", "-o", "--email"])
def test_a_newline_in_a_header_or_file_name_is_refused(reports, tmp_path, flag):
    old, new = reports
    value = "a@b.c\nBcc: x@y.z" if flag in ("--to", "--subject") else str(tmp_path / "a\nb.html")
    extra = ["--email", tmp_path / "m.eml"] if flag in ("--to", "--subject") else []
    one_line(run(old, new, flag, value, *extra), code=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "old.txt"]


def test_closed_or_full_standard_output(reports):
    old, new = reports
    full = subprocess.run(f'"{BIN}" "{old}" "{new}" > /dev/full', shell=True, capture_output=True, text=True, timeout=TIMEOUT)
    assert "No space left" in one_line(full)
    closed = subprocess.run(f'"{BIN}" "{old}" "{new}" >&-', shell=True, capture_output=True, text=True, timeout=TIMEOUT)
    assert "standard output" in one_line(closed)
    piped = subprocess.run(["bash", "-c", f'"{BIN}" "{old}" "{new}" --format html | head -c 100 > /dev/null; echo "${{PIPESTATUS[0]}}" >&2'], capture_output=True, text=True, timeout=TIMEOUT)
    status = int(piped.stderr.strip().splitlines()[-1])
    # `| head` is how one peeks at a report: like other tools, silent, with SIGPIPE's status
    messages = [line for line in piped.stderr.splitlines()[:-1] if "comparing" not in line]
    assert status == 141 and messages == []


@pytest.mark.parametrize(
    "args, says",
    [
        (["--unpair", ""], "--unpair"),
        (["--bogus-flag"], "--bogus-flag"),
    ],
)
def test_usage_mistakes_exit_2(reports, args, says):
    old, new = reports
    assert says in one_line(run(old, new, *args), code=2)


@pytest.mark.parametrize("command", [["outline", "2024"], ["list"]])
def test_html_is_refused_where_it_is_not_offered(command):
    assert "html" in one_line(run(*command, "--format", "html"), code=2)


def test_a_long_argument_is_shortened_in_the_message():
    line = one_line(run("x" * 5000 + ".txt", NEW))
    assert len(line) < 300 and "…" in line


def test_a_corpus_that_is_a_file_says_so():
    assert "is a file" in one_line(run("list", "--corpus", OLD))


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=NO_CORPUS)
def test_a_corpus_docx_reads_within_the_limits():
    docx = next((SHARED_CORPUS / "provinces" / "2025").glob("*.docx"))
    proc = run("outline", docx)
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr


# --- the viewer, driven by its pilot ----------------------------------------------------------


async def test_report_text_and_search_are_never_read_as_markup(tmp_path):
    """A report holding "[/]" and "[reverse]" crashed or restyled the viewer (issue 14)."""
    from reportdiff import compare
    from reportdiff.document import read
    from reportdiff.tui import ReportdiffApp

    text = OLD.read_text(encoding="utf-8")
    text = text.replace("地区生产总值", "地区生产总值[/][reverse]x[/reverse][bold", 3)
    evil = tmp_path / "evil.txt"
    evil.write_text(text, encoding="utf-8")
    app = ReportdiffApp(lambda: compare(read(evil), read(NEW)), str(tmp_path / "x.html"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(400):
            if app.result is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        for key in ("t", "escape", "c", "escape", "slash", *"[/]", "enter", "slash", *"[reverse]", "enter"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.error is None
        assert any("[/][reverse]x[/reverse]" in app.result.pairs[i].diff.old_text for i in app.matches)


async def test_export_never_replaces_an_existing_file(tmp_path):
    from reportdiff import compare
    from reportdiff.document import read
    from reportdiff.tui import ReportdiffApp

    target = tmp_path / "review.html"
    target.write_text("mine")
    app = ReportdiffApp(lambda: compare(read(OLD), read(NEW)), str(target))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(400):
            if app.result is not None:
                break
            await pilot.pause(0.05)
        await pilot.press("e")
        await pilot.press("e")
        await pilot.pause()
    assert target.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.glob("review*.html")) == ["review-2.html", "review-3.html", "review.html"]


@pytest.mark.skipif(not (SHARED_CORPUS / "provinces" / "2026" / "安徽省.txt").is_file(), reason=NO_CORPUS)
def test_the_same_reports_give_the_same_result_in_every_process(tmp_path):
    """Python salts string hashes per process: nothing may hang on the order of a set
    (安徽 2025→2026 once picked another repeat sentence for two promises, run to run)."""
    old, new = SHARED_CORPUS / "provinces" / "2025" / "安徽省.docx", SHARED_CORPUS / "provinces" / "2026" / "安徽省.txt"
    outputs = []
    for salt in ("1", "2"):
        out = tmp_path / f"run{salt}.json"
        env = {**os.environ, "PYTHONHASHSEED": salt}
        subprocess.run([str(BIN), str(old), str(new), "--format", "json", "-q", "-o", str(out)], env=env, check=True, timeout=TIMEOUT)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
