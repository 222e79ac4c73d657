"""The command line: a thin layer over ``reportdiff.compare`` and the corpus.

    reportdiff 2024 2025                 # a terminal: the TUI; piped: the text report
    reportdiff 2024 2025 -o review.html  # format from the extension
    reportdiff list | outline DOC | track Y1 Y2 …
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from . import corpus as corpus_mod
from .align import Overrides
from .compare import compare
from .errors import ReportdiffError, UsageError, shown
from .output import STDOUT, Outputs
from .output import check as check_outputs
from .render import html as render_html
from .render import json as render_json
from .render import text as render_text
from .render.progress import Progress

FORMATS = ("text", "json", "html")
EXTENSIONS = {".json": "json", ".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error."""

    def error(self, message: str):
        raise UsageError(f"{shown(message)} (see '{self.prog} --help')")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", metavar="DIR", help="folder of reports (default: $REPORTDIFF_CORPUS or the bundled seeds)")
    parser.add_argument("--region", help="pick reports of this region when a year matches several")
    parser.add_argument("--kind", choices=("work_report", "plan_report", "five_year_plan"), help="pick reports of this kind when a year matches several")


def _compare_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="reportdiff",
        description="Compare two Chinese government reports section by section.",
        epilog="Other commands: 'reportdiff list' (the corpus), 'reportdiff outline DOC' (a report's sections), "
        "'reportdiff track Y1 Y2 …' (commitments across years), 'reportdiff terms --corpus DIR' (formulations over a series), "
        "'reportdiff batch CORPUS -o DIR' (every consecutive pair of a corpus). Each has its own --help. "
        "OLD and NEW are years (2024 = the report on 2024's work), ids from 'reportdiff list', or file paths.",
    )
    p.add_argument("--version", action="version", version=f"reportdiff {_version()}")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from -o's extension, else text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE ('-' for standard output)")
    p.add_argument("--pair", action="append", default=[], metavar="OLD_HEADING=NEW_HEADING", help="force a pairing (heading prefixes; repeatable)")
    p.add_argument("--unpair", action="append", default=[], metavar="HEADING", help="leave a section unpaired (repeatable)")
    p.add_argument("--strict", action="store_true", help="show year roll-overs (2024年→2025年) as changes too")
    p.add_argument("--email", metavar="FILE.eml", help="also write an e-mail (summary body, full HTML report attached)")
    p.add_argument("--to", help="recipient of --email")
    p.add_argument("--subject", help="subject of --email")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the report's words (default: zh)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    _common(p)
    return p


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportdiff")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _list_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff list", description="List the reports in the corpus.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _common(p)
    return p


def _outline_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff outline", description="Show the section tree the parser found.")
    p.add_argument("doc", metavar="DOC", help="a year, an id from 'reportdiff list', or a file path")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-o", "--output", metavar="FILE")
    _common(p)
    return p


def _track_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff track", description="Follow commitments across several reports: promised, repeated, done or dropped.")
    p.add_argument("docs", metavar="DOC", nargs="+", help="years, ids or paths, oldest first (at least two)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-o", "--output", metavar="FILE")
    _common(p)
    return p


def _batch_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="reportdiff batch",
        description="Compare every consecutive pair of reports of a corpus (one region and kind, year by year) into a folder: "
        "a page and a JSON file per pair, results.jsonl and index.html. A rerun over unchanged reports only redoes what changed.",
    )
    p.add_argument("corpus", metavar="CORPUS", help="folder of reports (searched with its subfolders)")
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the pages (created if needed)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: the number of cores)")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a dask.distributed scheduler at ADDRESS, or 'local' for a LocalCluster of --jobs workers")
    p.add_argument("--no-cache", action="store_true", help="read every report afresh (the cache of parsed reports is neither read nor written)")
    return p


def _on_signal(signum, frame):
    # SIGTERM and SIGHUP unwind like Ctrl-C, so that no temporary output file stays behind.
    raise SystemExit(128 + signum)


def _terms_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff terms", description="The ledger of formulations over a series of reports: new, dropped, stronger.")
    p.add_argument("years", metavar="YEAR", nargs="*", type=int, help="delivery years to show (default: every report after the first)")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from -o's extension, else text)")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--top", type=int, default=50, help="formulations listed per report (default 50)")
    _common(p)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_signal)
    try:
        if argv and argv[0] == "list":
            return _list(_list_parser().parse_args(argv[1:]))
        if argv and argv[0] == "outline":
            return _outline(_outline_parser().parse_args(argv[1:]))
        if argv and argv[0] == "track":
            return _track(_track_parser().parse_args(argv[1:]))
        if argv and argv[0] == "batch":
            return _batch(_batch_parser().parse_args(argv[1:]))
        if argv and argv[0] == "terms":
            return _terms(_terms_parser().parse_args(argv[1:]))
        return _compare(_compare_parser().parse_args(argv))
    except ReportdiffError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except SystemExit as exc:
        if isinstance(exc.code, int) and exc.code > 128:
            print(f"reportdiff: stopped by signal {exc.code - 128}", file=sys.stderr)
        raise


def _emit(text: str, output: str | None) -> None:
    outputs = Outputs()
    outputs.add(output or STDOUT, text)
    outputs.commit()


def _inputs(*specs: str) -> list[Path]:
    """The arguments that name files: checked against the outputs before anything is read."""
    return [Path(s) for s in specs if corpus_mod.names_file(s)]


def _list(args) -> int:
    check_outputs({"stdout": STDOUT}, [])
    entries = corpus_mod.readable(corpus_mod.scan(args.corpus))
    if args.region:
        entries = [e for e in entries if args.region in e.document.meta.region]
    if args.kind:
        entries = [e for e in entries if e.document.meta.kind == args.kind]
    if args.format == "json":
        _emit(render_json.dumps({"schema": render_json.SCHEMA, "reports": [{"id": e.id, **render_json.describe(e.document)} for e in entries]}), None)
    else:
        _emit(render_text.corpus(entries), None)
    return 0


def _outline(args) -> int:
    check_outputs({"-o": args.output or STDOUT}, _inputs(args.doc))
    entry = corpus_mod.resolve(args.doc, region=args.region, corpus=args.corpus, kind=args.kind)
    check_outputs({"-o": args.output or STDOUT}, [entry.path])
    if not entry.document.sections:
        raise ReportdiffError(f"{entry.path}: no headings found (一、 （一） 第X章 …); is this a government report?")
    if args.format == "json":
        _emit(render_json.dumps(render_json.outline(entry.document)), args.output)
    else:
        _emit(render_text.outline(entry.document), args.output)
    return 0


def _track(args) -> int:
    from .commitments import lives

    if len(args.docs) < 2:
        raise ReportdiffError("track needs at least two reports, oldest first (e.g. reportdiff track 2022 2024 2025)")
    check_outputs({"-o": args.output or STDOUT}, _inputs(*args.docs))
    entries = corpus_mod.scan(args.corpus) if not all(corpus_mod.names_file(d) for d in args.docs) else []
    resolved = [corpus_mod.resolve(d, entries, args.region, kind=args.kind) for d in args.docs]
    check_outputs({"-o": args.output or STDOUT}, [e.path for e in resolved])
    ordered = sorted(resolved, key=_when)
    if ordered != resolved:
        # Promises are followed forward in time: taken in the order given, they would all stay open.
        print("reportdiff: taking the reports in the order they were delivered", file=sys.stderr)
        resolved = ordered
    print("reportdiff: tracking " + " → ".join(_named(e) for e in resolved), file=sys.stderr)
    found, notes = lives([e.document for e in resolved])
    if args.format == "json":
        data = {
            "schema": render_json.SCHEMA,
            "reports": [render_json.describe(e.document) for e in resolved],
            "notes": notes,
            "commitments": [{"promised_in": l.promised_in, "plan_text": l.plan_text, "outcome": l.outcome, "events": [{"report": r, "event": ev, "text": t} for r, ev, t in l.events]} for l in found],
        }
        _emit(render_json.dumps(data), args.output)
    else:
        _emit(render_text.lives(found, notes), args.output)
    return 0


def _batch(args) -> int:
    from . import batch

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    done = batch.run(args.corpus, args.output, args.jobs, args.dask, use_cache=not args.no_cache)
    pairs = sum(1 for r in done.records if r["type"] == "pair")
    failures = [r for r in done.records if r["status"] == "failed"]
    for r in failures[:10]:
        print(f"reportdiff: failed: {r.get('pair') or r.get('report')}: {r['error']}", file=sys.stderr)
    if len(failures) > 10:
        print(f"reportdiff: … and {len(failures) - 10} more failures (see {batch.RESULTS})", file=sys.stderr)
    print(
        f"reportdiff: {pairs} pairs ({done.ran} compared, {done.kept} unchanged since the last run), {done.failed} failed, "
        f"{done.seconds:.1f} s; see {shown(Path(args.output) / batch.INDEX)}",
        file=sys.stderr,
    )
    return 1 if done.failed else 0
def _terms(args) -> int:
    from . import terms
    from .cache import user_cache_dir
    from .render import terms as render_terms

    fmt = args.format or (EXTENSIONS.get(Path(args.output).suffix.lower(), "text") if args.output else "text")
    entries = corpus_mod.scan(args.corpus)
    check_outputs({"-o": args.output or STDOUT}, [e.path for e in entries])
    folder = user_cache_dir()
    members = terms.series([e.path for e in entries], args.region, folder, args.kind)
    print(f"reportdiff: {len(members)} reports, {members[0].report.year}–{members[-1].report.year}", file=sys.stderr)
    ledger = terms.ledger(members, max(args.top, 1), folder)
    missing = sorted(set(args.years) - {e.year for e in ledger.reports})
    if missing:
        raise ReportdiffError(f"no report delivered in {', '.join(map(str, missing))} in this series")
    render = {"json": render_terms.json_text, "html": render_terms.html, "text": render_terms.text}[fmt]
    _emit(render(ledger, args.years or None), args.output)
    return 0


def _parse_pairs(values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        old, sep, new = value.partition("=")
        value = shown(value)
        if not sep or not old.strip() or not new.strip():
            raise ReportdiffError(f"--pair expects OLD_HEADING=NEW_HEADING, got '{value}'")
        pairs.append((old.strip(), new.strip()))
    return pairs


def _format(args) -> str:
    if args.format:
        return args.format
    if args.output and args.output != STDOUT:
        suffix = Path(args.output).suffix.lower()
        if suffix not in EXTENSIONS:
            raise UsageError(f"cannot tell the format of '{shown(args.output)}' (use .html, .json or .txt, or --format)")
        return EXTENSIONS[suffix]
    if args.output is None and _interactive():
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


def _named(entry) -> str:
    """A report as its readers name it, with its file (never a site-packages path)."""
    meta = entry.document.meta
    return f"{meta.region} {corpus_mod.reader_name(meta)} ({shown(Path(entry.path).name)})".strip()


def _when(entry) -> tuple:
    """When a report came out: its delivery date, else the year it plans."""
    meta = entry.document.meta
    return (meta.delivered or f"{(meta.plans or meta.reviews or (0,))[0]:04d}",)


def _compare(args) -> int:
    fmt = _format(args)
    for option, value in (("--to", args.to), ("--subject", args.subject)):
        if value is not None and any(c in value for c in "\r\n"):
            raise UsageError(f"{option} must be one line: {shown(value)}")
    if any(not value.strip() for value in args.unpair):
        raise UsageError("--unpair needs a heading (or the start of one)")
    overrides = Overrides(_parse_pairs(args.pair), args.unpair)
    outputs = {"-o": args.output or (None if fmt == "tui" else STDOUT), "--email": args.email}
    check_outputs(outputs, _inputs(args.old, args.new))
    old, new = corpus_mod.resolve_pair(args.old, args.new, args.region, args.corpus, args.kind)
    check_outputs(outputs, [old.path, new.path])
    if os.path.realpath(old.path) == os.path.realpath(new.path):
        raise UsageError(f"OLD and NEW are the same report ({shown(old.path)}); name two reports")
    if _when(old) > _when(new):
        print("reportdiff: note: OLD was delivered after NEW; comparing them as given", file=sys.stderr)
    print(f"reportdiff: comparing {_named(old)} → {_named(new)}", file=sys.stderr)
    for entry in (old, new):
        if not entry.document.sections:
            raise ReportdiffError(f"{shown(entry.path)}: no headings found (一、 （一） 第X章 …); is this a government report?")
    run = Outputs()
    if fmt == "tui":
        result = _view(old, new, overrides, args.strict, args.lang)
    with Progress(sys.stderr, args.quiet, args.lang) as progress:
        if fmt != "tui":
            result = compare(old.document, new.document, overrides, args.strict)
        if fmt == "json":
            run.add(args.output or STDOUT, render_json.dumps(render_json.comparison(result)))
        elif fmt == "html":
            run.add(args.output or STDOUT, render_html.render(result, args.lang))
        elif fmt == "text":
            plain = args.output not in (None, STDOUT) or not sys.stdout.isatty()
            style = render_text.Style(False) if plain else render_text.Style.for_stream(sys.stdout)
            run.add(args.output or STDOUT, render_text.report(result, style, args.lang))
        if args.email and result is not None:
            name = Path(args.output).name if args.output not in (None, STDOUT) and fmt == "html" else "reportdiff.html"
            run.add(args.email, render_html.email(result, render_html.render(result, args.lang), args.to, args.subject, name, args.lang))
    run.commit()
    progress.wrote([shown(str(path)) for path in (args.output, args.email) if path not in (None, STDOUT)])
    return 0


def _view(old, new, overrides, strict, lang):
    """The interactive viewer; its result (None if it was left before the comparison ended)."""
    from .tui import ReportdiffApp  # Textual loads only for the interactive view

    export = f"reportdiff-{old.id[:3]}-{new.id[:3]}.html"
    app = ReportdiffApp(lambda: compare(old.document, new.document, overrides, strict), export, lang)
    app.run()
    if app.error is not None:
        raise app.error
    return app.result


if __name__ == "__main__":
    sys.exit(main())
