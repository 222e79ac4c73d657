"""The command line: a thin layer over ``reportdiff.compare`` and the corpus.

A click group whose default command is ``compare`` (as sqlite-utils does it):

    reportdiff 2024 2025                 # a terminal: the TUI; piped: the text report
    reportdiff 2024 2025 -o review.html  # format from the extension
    reportdiff list | outline DOC | track Y1 Y2 … | terms | batch CORPUS -o DIR

Every mistake, of usage (exit 2) or of input (exit 1), is one line on stderr.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import click
from click_default_group import DefaultGroup

from . import corpus as corpus_mod
from .align import Overrides
from .clihelp import Context, in_chinese, said
from .compare import STAGES, compare
from .errors import ReaderGone, ReportdiffError, UsageError, shown, worded
from .output import STDOUT, Outputs
from .output import check as check_outputs
from .present import LANGS, Presenter
from .progress import Progress
from .render import html as render_html
from .render import json as render_json
from .render import text as render_text

FORMATS = ("text", "json", "html")
EXTENSIONS = {".json": "json", ".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
KINDS = ("work_report", "plan_report", "five_year_plan")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportdiff")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _lang_option(command):
    return click.option("--lang", type=click.Choice(LANGS), default=None, help=said("Language of the words: zh (the default, or $REPORTDIFF_LANG) or en.", "界面语言：zh（默认，或 $REPORTDIFF_LANG 所设）或 en。"))(command)


def _language(lang: str | None) -> str:
    """The interface language: --lang, else $REPORTDIFF_LANG, else Chinese."""
    chosen = lang or os.environ.get("REPORTDIFF_LANG", "zh")
    return chosen if chosen in LANGS else "zh"


def _lang_in(argv: list[str]) -> str:
    """The language asked for on a command line that may not parse (its errors are worded in it)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return _language(argv[i + 1])
        if arg.startswith("--lang="):
            return _language(arg.partition("=")[2])
    return _language(None)


def _quiet_option(command):
    return click.option(
        "-q", "--quiet", is_flag=True,
        help=said("Say nothing on stderr but errors (no progress bar, no line saying what is read or written).", "标准错误只输出错误（不显示进度条和读写了什么）。"),
    )(command)


def _corpus_options(command):
    """--corpus, --region and --kind: how a year names one report of a corpus."""
    command = click.option("--kind", type=click.Choice(KINDS), help=said("Pick reports of this kind when a year matches several.", "一个年份对应多份报告时，取这一类别的报告。"))(command)
    command = click.option("--region", help=said("Pick reports of this region when a year matches several.", "一个年份对应多份报告时，取这一地区的报告。"))(command)
    return click.option("--corpus", metavar="DIR", help=said("Folder of reports (default: $REPORTDIFF_CORPUS or the bundled seeds).", "报告所在的文件夹（默认：$REPORTDIFF_CORPUS，或随附的示例报告）。"))(command)


class _Command(click.Command):
    context_class = Context


class _Group(DefaultGroup):
    """Options before OLD NEW (reportdiff --format json 2024 2025) belong to the default command."""

    context_class = Context
    command_class = _Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("context_settings", {}).update(ignore_unknown_options=True, allow_interspersed_args=False)
        super().__init__(*args, **kwargs)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # Looked up only when asked: reading the installed packages' metadata costs every run otherwise.
    if value and not ctx.resilient_parsing:
        click.echo(f"reportdiff {_version()}")
        ctx.exit()


@click.group(cls=_Group, default="compare")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version, help=said("Show the version and exit.", "显示版本并退出。"))
@in_chinese("""比较不同年份的政府报告（政府工作报告、计划执行情况报告、五年规划纲要）：逐节对照措辞、数字和承诺。

\b
reportdiff OLD NEW [选项]        比较两份报告（默认命令）
reportdiff 命令 --help           某个命令的选项和示例

OLD、NEW 是年份（2024 指回顾2024年工作、2025年初所作的报告）、reportdiff list 列出的编号，或文件路径（.txt、.md、.docx、.pdf、.html）。""")
def cli() -> None:
    """Compare Chinese government reports (政府工作报告, 计划执行情况报告, 五年规划纲要) across years.

    \b
    reportdiff OLD NEW [OPTIONS]     compare two reports (the default command)
    reportdiff COMMAND --help        the options and examples of one command

    OLD and NEW are years (2024 = the report delivered on 2024's work), ids
    from 'reportdiff list', or file paths (.txt, .md, .docx, .pdf, .html).
    """


@cli.command("compare", short_help=said("compare two reports (the default command)", "比较两份报告（默认命令）"), epilog=said("""\b
Examples:
  reportdiff 2024 2025                      the viewer in a terminal; the text report when piped
  reportdiff 2024 2025 -o review.html       an HTML report to attach (format from the extension)
  reportdiff old.docx new.txt --format json the JSON contract (schema reportdiff/1) on stdout
  reportdiff 2024 2025 -o r.html --email r.eml --to desk@example.org
""", """\b
示例：
  reportdiff 2024 2025                       终端里为查看器，管道里为文本报告
  reportdiff 2024 2025 -o review.html        写 HTML 报告，可作邮件附件
  reportdiff old.docx new.txt --format json  JSON（reportdiff/1）写到标准输出
  reportdiff 2024 2025 -o r.html --email r.eml --to desk@example.org
"""))
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=said("Output format (default: from -o's extension, else text).", "输出格式（默认看 -o 的扩展名，否则为 text）。"))
@click.option("-o", "--output", metavar="FILE", help=said("Write the result to FILE ('-' for standard output).", "把结果写入 FILE（- 为标准输出）。"))
@click.option("--pair", "pairs", multiple=True, metavar="OLD_HEADING=NEW_HEADING", help=said("Force a pairing (heading prefixes; repeatable).", "指定两节对应（标题开头几个字；可重复）。"))
@click.option("--unpair", multiple=True, metavar="HEADING", help=said("Leave a section unpaired (repeatable).", "不为这一节找对应（可重复）。"))
@click.option("--strict", is_flag=True, help=said("Show year roll-overs (2024年→2025年) as changes too.", "年份顺延（2024年→2025年）也标为改动。"))
@click.option("--email", metavar="FILE.eml", help=said("Also write an e-mail (the brief as its body, the full HTML report attached).", "另写一封邮件（正文为要点，附完整 HTML 报告）。"))
@click.option("--to", help=said("Recipient of --email.", "--email 的收件人。"))
@click.option("--subject", help=said("Subject of --email.", "--email 的主题。"))
@_lang_option
@_quiet_option
@_corpus_options
@in_chinese("逐节比较两份报告：措辞、数字、承诺。")
def compare_command(**options) -> int:
    """Compare two reports section by section: wording, numbers, commitments."""
    return _compare(**options)


@cli.command("list", short_help=said("the reports of the corpus", "语料中的报告"), epilog="""\b
Examples:
  reportdiff list
  reportdiff list --corpus ../reports --format json
""")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@_lang_option
@_corpus_options
@in_chinese("列出语料中的报告：编号、地区、类别、发布日期、回顾和计划的年份。")
def list_command(fmt: str, lang: str | None, corpus: str | None, region: str | None, kind: str | None) -> int:
    """List the reports of the corpus: id, region, kind, delivery date, years."""
    check_outputs({"stdout": STDOUT}, [])
    entries = corpus_mod.readable(corpus_mod.scan(corpus))
    if region:
        entries = [e for e in entries if region in e.document.meta.region]
    if kind:
        entries = [e for e in entries if e.document.meta.kind == kind]
    columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else None  # piped: titles of 80 columns
    _emit(render_json.dumps(render_json.corpus(entries)) if fmt == "json" else render_text.corpus(entries, Presenter(_language(lang)), columns), None)
    return 0


@cli.command("outline", short_help=said("one report's section tree", "一份报告的章节结构"), epilog="""\b
Examples:
  reportdiff outline 2025
  reportdiff outline report.docx --format json -o outline.json
""")
@click.argument("doc", metavar="DOC")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help=said("Write the outline to FILE.", "把章节结构写入 FILE。"))
@_lang_option
@_corpus_options
@in_chinese("显示解析出的一份报告的章节结构（DOC：年份、编号或文件路径）。")
def outline_command(doc: str, fmt: str, output: str | None, lang: str | None, corpus: str | None, region: str | None, kind: str | None) -> int:
    """Show the section tree the parser found in one report (DOC: a year, an id or a path)."""
    check_outputs({"-o": output or STDOUT}, _inputs(doc))
    entry = corpus_mod.resolve(doc, region=region, corpus=corpus, kind=kind)
    check_outputs({"-o": output or STDOUT}, [entry.path])
    _require_headings(entry)
    _emit(render_json.dumps(render_json.outline(entry.document)) if fmt == "json" else render_text.outline(entry.document, Presenter(_language(lang))), output)
    return 0


@cli.command("track", short_help=said("commitments across several reports", "跨多份报告跟踪承诺"), epilog="""\b
Examples:
  reportdiff track 2023 2024 2025
  reportdiff track a.docx b.docx c.txt --format json -o lives.json
""")
@click.argument("docs", metavar="DOC…", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help=said("Write the result to FILE.", "把结果写入 FILE。"))
@_lang_option
@_quiet_option
@_corpus_options
@in_chinese("跨多份报告跟踪承诺：首次提出、再次提出、已完成或不再提及。")
def track_command(
    docs: tuple[str, ...], fmt: str, output: str | None, lang: str | None, quiet: bool, corpus: str | None, region: str | None, kind: str | None,
) -> int:
    """Follow commitments across several reports: first promised, repeated, done or dropped."""
    from .commitments import lives

    p = Presenter(_language(lang))
    if len(docs) < 2:
        raise ReportdiffError("track needs at least two reports, oldest first (e.g. reportdiff track 2022 2024 2025)")
    check_outputs({"-o": output or STDOUT}, _inputs(*docs))
    entries = corpus_mod.scan(corpus) if not all(corpus_mod.names_file(d) for d in docs) else []
    resolved = [corpus_mod.resolve(d, entries, region, kind=kind) for d in docs]
    check_outputs({"-o": output or STDOUT}, [e.path for e in resolved])
    ordered = sorted(resolved, key=_when)
    if ordered != resolved:
        # Promises are followed forward in time: taken in the order given, they would all stay open.
        if not quiet:
            print(f"reportdiff: {p('reordered')}", file=sys.stderr)
        resolved = ordered
    if not quiet:
        print(f"reportdiff: {p('tracking', reports=' → '.join(_named(e, p) for e in resolved))}", file=sys.stderr)
    documents = [e.document for e in resolved]
    found, gaps = lives(documents)
    if fmt == "json":
        _emit(render_json.dumps(render_json.lives(documents, found, gaps)), output)
    else:
        _emit(render_text.lives(found, gaps, [p.doc(d).label for d in documents], p), output)
    return 0


@cli.command("terms", short_help=said("new, dropped and stronger formulations over a series", "一组报告中的新提法、不再提的提法和力度变化"), epilog="""\b
Examples:
  reportdiff terms --corpus ../shared/corpus/national 2015 2024
  reportdiff terms --corpus ../shared/corpus/national -o terms.html
""")
@click.argument("years", metavar="[YEAR]…", nargs=-1, type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=said("Output format (default: from -o's extension, else text).", "输出格式（默认看 -o 的扩展名，否则为 text）。"))
@click.option("-o", "--output", metavar="FILE", help=said("Write the ledger to FILE.", "把提法台账写入 FILE。"))
@click.option("--top", type=int, default=50, show_default=True, help=said("Formulations listed per report.", "每份报告列出的提法数。"))
@_lang_option
@_quiet_option
@_corpus_options
@in_chinese("一组报告的提法台账：新提法、不再提的提法、力度变化（YEAR：要显示的发布年份）。")
def terms_command(
    years: tuple[int, ...], fmt: str | None, output: str | None, top: int, lang: str | None, quiet: bool, corpus: str | None, region: str | None, kind: str | None,
) -> int:
    """The ledger of formulations over a series of reports: new, dropped, stronger (YEAR: delivery years to show)."""
    from . import terms
    from .cache import user_cache_dir
    from .render import terms as render_terms

    fmt = fmt or (EXTENSIONS.get(Path(output).suffix.lower(), "text") if output else "text")
    entries = corpus_mod.scan(corpus)
    check_outputs({"-o": output or STDOUT}, [e.path for e in entries])
    folder = user_cache_dir()
    members = terms.series([e.path for e in entries], region, folder, kind)
    p = Presenter(_language(lang))
    if not quiet:
        print(f"reportdiff: {p('t_series', n=len(members), first=members[0].report.year, last=members[-1].report.year)}", file=sys.stderr)
    ledger = terms.ledger(members, max(top, 1), folder)
    missing = sorted(set(years) - {e.year for e in ledger.reports})
    if missing:
        raise ReportdiffError(f"no report delivered in {', '.join(map(str, missing))} in this series")
    shown = list(years) or None
    if fmt == "json":
        _emit(render_terms.json_text(ledger, shown), output)
    else:
        _emit((render_terms.html if fmt == "html" else render_terms.text)(ledger, shown, p), output)
    return 0


@cli.command("batch", short_help=said("every consecutive pair of a corpus into a folder", "把语料中每两份相邻的报告比较后写入文件夹"), epilog="""\b
Examples:
  reportdiff batch ../shared/corpus/provinces -o site
  reportdiff batch corpus -o site --jobs 4
  reportdiff batch corpus -o site --dask local      (pip install '.[dask]')
""")
@click.argument("corpus", metavar="CORPUS")
@click.option("-o", "--output", metavar="DIR", required=True, help=said("Folder for the pages (created if needed).", "写入网页的文件夹（不存在时新建）。"))
@click.option("-j", "--jobs", type=int, metavar="N", help=said("Worker processes (default: the number of cores).", "并行进程数（默认：CPU 核数）。"))
@click.option("--dask", metavar="ADDRESS", help=said("Run on a dask.distributed scheduler at ADDRESS, or 'local' for a LocalCluster of --jobs workers.", "在 ADDRESS 处的 dask.distributed 调度器上运行；local 为本机 --jobs 个进程的 LocalCluster。"))
@click.option("--no-cache", is_flag=True, help=said("Read every report afresh (the cache of parsed reports is neither read nor written).", "每份报告都重新读取（不读也不写解析缓存）。"))
@click.option("-q", "--quiet", is_flag=True, help=said("Say nothing on stderr but what failed (no progress bars, no summary line).", "标准错误只输出失败项（不显示进度条和汇总行）。"))
@in_chinese("把语料中每两份相邻的报告（同一地区、同一类别，逐年）比较后写入一个文件夹。\n\n每对报告一个网页和一个 JSON 文件，另有 results.jsonl 和 index.html。报告未变时重跑只做变了的部分。")
def batch_command(corpus: str, output: str, jobs: int | None, dask: str | None, no_cache: bool, quiet: bool) -> int:
    """Compare every consecutive pair of a corpus (one region and kind, year by year) into a folder.

    A page and a JSON file per pair, results.jsonl and index.html. A rerun over
    unchanged reports only redoes what changed.
    """
    from . import batch

    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    lang = _language(None)
    p = Presenter(lang)
    words = {phase: p(f"b_p_{phase}") for phase in ("reading", "indexing", "comparing", "failed")} | {"left": p("left")}
    with open(os.devnull, "w", encoding="utf-8") if quiet else contextlib.nullcontext(sys.stderr) as bars:  # not a terminal: no bar
        done = batch.run(corpus, output, jobs, dask, use_cache=not no_cache, stream=bars, words=words)
    pairs = [r for r in done.records if r["type"] == "pair"]
    failures = [r for r in done.records if r["status"] == "failed"]
    for r in failures[:10]:
        print(f"reportdiff: {p('b_failed_line', what=r.get('pair') or r.get('report'), error=worded(r['error'], lang))}", file=sys.stderr)
    if len(failures) > 10:
        print(f"reportdiff: {p('b_more', n=len(failures) - 10, file=batch.RESULTS)}", file=sys.stderr)
    ok = sum(1 for r in pairs if r["status"] == "ok")
    index = shown(Path(output) / batch.INDEX)
    if not quiet:
        print(f"reportdiff: {p('b_done', pairs=len(pairs), ok=ok, ran=done.ran, kept=done.kept, failed=done.failed, s=done.seconds, index=index)}", file=sys.stderr)
    return 1 if done.failed else 0


def _on_signal(signum, frame):
    # SIGTERM and SIGHUP unwind like Ctrl-C, so that no temporary output file stays behind.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_signal)
    lang = _lang_in(argv)
    if not argv:  # nothing asked: say what can be asked (on stdout, like --help), as a usage mistake
        with Context(cli, info_name="reportdiff", obj=lang) as ctx:
            click.echo(cli.get_help(ctx))
        return 2
    p = Presenter(lang)
    try:
        # The context's obj is the language its help is written in.
        code = cli.main(argv, prog_name="reportdiff", standalone_mode=False, obj=lang)
        return code if isinstance(code, int) else 0
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "reportdiff"
        print(f"reportdiff: {p('usage', message=shown(worded(exc.format_message().rstrip('.'), lang)), help=f'{where} --help')}", file=sys.stderr)
        return 2
    except ReaderGone as exc:
        return exc.exit_code
    except ReportdiffError as exc:
        print(f"reportdiff: {worded(str(exc), lang)}", file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, click.Abort):
        print(f"reportdiff: {p('interrupted')}", file=sys.stderr)
        return 130
    except SystemExit as exc:
        if isinstance(exc.code, int) and exc.code > 128:
            print(f"reportdiff: {p('signalled', n=exc.code - 128)}", file=sys.stderr)
        raise


def _emit(text: str, output: str | None) -> None:
    outputs = Outputs()
    outputs.add(output or STDOUT, text)
    outputs.commit()


def _inputs(*specs: str) -> list[Path]:
    """The arguments that name files: checked against the outputs before anything is read."""
    return [Path(s) for s in specs if corpus_mod.names_file(s)]


def _parse_pairs(values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        old, sep, new = value.partition("=")
        value = shown(value)
        if not sep or not old.strip() or not new.strip():
            raise ReportdiffError(f"--pair expects OLD_HEADING=NEW_HEADING, got '{value}'")
        pairs.append((old.strip(), new.strip()))
    return pairs


def _format(fmt: str | None, output: str | None) -> str:
    if fmt:
        return fmt
    if output and output != STDOUT:
        suffix = Path(output).suffix.lower()
        if suffix not in EXTENSIONS:
            raise UsageError(f"cannot tell the format of '{shown(output)}' (use .html, .json or .txt, or --format)")
        return EXTENSIONS[suffix]
    if output is None and _interactive():
        return "tui"
    return "text"


def _interactive() -> bool:
    """The viewer needs a terminal to read keys from and to draw on (Textual draws on stderr)."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    return (
        all(s is not None and s.isatty() for s in streams)
        and os.environ.get("TERM", "") not in ("", "dumb")
        and not os.environ.get("REPORTDIFF_NO_TUI")
    )


def _named(entry, p: Presenter) -> str:
    """A report as its readers name it, with its date and file (never a site-packages path)."""
    return p.full(p.doc(entry.document))


def _require_headings(entry) -> None:
    """A text with no section the parser can find is refused: it is no report to compare."""
    if not entry.document.sections:
        raise ReportdiffError(f"{shown(entry.path)}: no headings found (一、 （一） 第X章 …); is this a government report?")


def _when(entry) -> tuple:
    """When a report came out: its delivery date, else the year it plans."""
    meta = entry.document.meta
    return (meta.delivered or f"{(meta.plans or meta.reviews or (0,))[0]:04d}",)


def _compare(
    old: str, new: str, fmt: str | None, output: str | None, pairs: tuple[str, ...], unpair: tuple[str, ...], strict: bool,
    email: str | None, to: str | None, subject: str | None, lang: str, quiet: bool, corpus: str | None, region: str | None, kind: str | None,
) -> int:
    fmt = _format(fmt, output)
    lang = _language(lang)
    p = Presenter(lang)
    say = (lambda message: None) if quiet else (lambda message: print(f"reportdiff: {message}", file=sys.stderr))
    for option, value in (("--to", to), ("--subject", subject)):
        if value is not None and any(c in value for c in "\r\n"):
            raise UsageError(f"{option} must be one line: {shown(value)}")
    if any(not value.strip() for value in unpair):
        raise UsageError("--unpair needs a heading (or the start of one)")
    overrides = Overrides(_parse_pairs(list(pairs)), list(unpair))
    outputs = {"-o": output or (None if fmt == "tui" else STDOUT), "--email": email}
    check_outputs(outputs, _inputs(old, new))
    old_entry, new_entry = corpus_mod.resolve_pair(old, new, region, corpus, kind)
    check_outputs(outputs, [old_entry.path, new_entry.path])
    if os.path.realpath(old_entry.path) == os.path.realpath(new_entry.path):
        raise UsageError(f"OLD and NEW are the same report ({shown(Path(old_entry.path).name)}); name two reports")
    for entry in (old_entry, new_entry):  # before anything is said: a refusal is one line
        _require_headings(entry)
    if _when(old_entry) > _when(new_entry):
        say(p("out_of_order"))
    say(p("comparing", old=_named(old_entry, p), new=_named(new_entry, p)))
    run = Outputs()
    files = [name for name in (output, email) if name is not None and name != STDOUT]
    # A bar only where it cannot mix with the result: the result goes to files, stderr is a terminal.
    # Its steps: the documents are read already, so compare runs every stage but load; then the writing.
    bar = Progress(p("s_tokens"), len(STAGES), delay=1.0, left=p("left")) if files and not quiet and fmt != "tui" else None
    page: str | None = None  # the HTML page, once rendered
    if fmt == "tui":
        result = _view(old_entry, new_entry, overrides, strict, lang)
    else:
        progress = _stepper(bar, p)
        if progress is not None:
            progress("tokens")  # the reports' tokens: from the cache of parsed reports when a run cut them before
        tokens = (old_entry.tokens, new_entry.tokens)
        result = compare(old_entry.document, new_entry.document, overrides, strict, tokens, progress)
        if bar is not None:
            bar.step(label=p("s_writing"))
        if fmt == "json":
            run.add(output or STDOUT, render_json.dumps(render_json.comparison(result)))
        elif fmt == "html":
            page = render_html.render(result, lang)
            run.add(output or STDOUT, page)
        else:
            plain = output not in (None, STDOUT) or not sys.stdout.isatty()
            style = render_text.Style(False) if plain else render_text.Style.for_stream(sys.stdout)
            run.add(output or STDOUT, render_text.report(result, style, lang))
    if email and result is not None:
        name = Path(output).name if output is not None and output != STDOUT and fmt == "html" else "reportdiff.html"
        # The attachment is the page -o wrote when it wrote one: rendered once.
        attached = page or render_html.render(result, lang)
        run.add(email, render_html.email(result, attached, to, subject, name, lang))
    run.commit()
    if bar is not None:
        bar.step()
        bar.close()
    for name in files:
        say(p("wrote", path=shown(name)))
    return 0


def _stepper(bar: Progress | None, p: Presenter) -> Callable[[str], None] | None:
    """compare()'s progress callback: one step of the bar each time a new stage starts."""
    if bar is None:
        return None
    seen: list[str] = []

    def started(stage: str) -> None:
        if stage not in seen:
            if seen:
                bar.step(label=p.words.get(f"s_{stage}", stage))
            seen.append(stage)

    return started


def _view(old, new, overrides, strict, lang):
    """The interactive viewer; its result (None if it was left before the comparison ended)."""
    from .tui import ReportdiffApp  # Textual loads only for the interactive view

    export = f"reportdiff-{old.id}-{new.id}.html"  # whole ids: 2023_gwr and 2024_gwr share their first three characters
    app = ReportdiffApp(lambda: compare(old.document, new.document, overrides, strict, (old.tokens, new.tokens)), export, lang)
    app.run()
    if app.error is not None:
        raise app.error
    return app.result


if __name__ == "__main__":
    sys.exit(main())
