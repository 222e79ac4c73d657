"""The command line: a thin layer over ``reportdiff.compare`` and the corpus.

    reportdiff 2024 2025                 # a terminal: the TUI; piped: the text report
    reportdiff 2024 2025 -o review.html  # format from the extension
    reportdiff list | outline DOC | track Y1 Y2 …
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import corpus as corpus_mod
from .align import Overrides
from .compare import compare
from .errors import ReportdiffError
from .output import write_atomic
from .render import html as render_html
from .render import json as render_json
from .render import text as render_text

COMMANDS = ("list", "outline", "track")
FORMATS = ("text", "json", "html")
EXTENSIONS = {".json": "json", ".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error."""

    def error(self, message: str):
        raise ReportdiffError(f"{message} (see '{self.prog} --help')")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", metavar="DIR", help="folder of reports (default: $REPORTDIFF_CORPUS or the bundled seeds)")
    parser.add_argument("--region", help="pick reports of this region when a year matches several")


def _compare_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="reportdiff",
        description="Compare two Chinese government reports section by section.",
        epilog="Other commands: 'reportdiff list' (the corpus), 'reportdiff outline DOC' (a report's sections), "
        "'reportdiff track Y1 Y2 …' (commitments across years). "
        "OLD and NEW are years (2024 = the report on 2024's work), ids from 'reportdiff list', or file paths.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from -o's extension, else text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE instead of standard output")
    p.add_argument("--pair", action="append", default=[], metavar="OLD_HEADING=NEW_HEADING", help="force a pairing (heading prefixes; repeatable)")
    p.add_argument("--unpair", action="append", default=[], metavar="HEADING", help="leave a section unpaired (repeatable)")
    p.add_argument("--strict", action="store_true", help="show year roll-overs (2024年→2025年) as changes too")
    p.add_argument("--email", metavar="FILE.eml", help="also write an e-mail (summary body, full HTML report attached)")
    p.add_argument("--to", help="recipient of --email")
    p.add_argument("--subject", help="subject of --email")
    _common(p)
    return p


def _list_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff list", description="List the reports in the corpus.")
    p.add_argument("--format", choices=FORMATS, default="text")
    _common(p)
    return p


def _outline_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportdiff outline", description="Show the section tree the parser found.")
    p.add_argument("doc", metavar="DOC", help="a year, an id from 'reportdiff list', or a file path")
    p.add_argument("--format", choices=FORMATS, default="text")
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
    try:
        if argv and argv[0] == "list":
            return _list(_list_parser().parse_args(argv[1:]))
        if argv and argv[0] == "outline":
            return _outline(_outline_parser().parse_args(argv[1:]))
        if argv and argv[0] == "track":
            return _track(_track_parser().parse_args(argv[1:]))
        if argv and argv[0] == "terms":
            return _terms(_terms_parser().parse_args(argv[1:]))
        return _compare(_compare_parser().parse_args(argv))
    except ReportdiffError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head); nothing to report
        return 0


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _list(args) -> int:
    entries = corpus_mod.readable(corpus_mod.scan(args.corpus))
    if args.region:
        entries = [e for e in entries if args.region in e.document.meta.region]
    if args.format == "json":
        _emit(render_json.dumps({"schema": render_json.SCHEMA, "reports": [{"id": e.id, **render_json.describe(e.document)} for e in entries]}), None)
    else:
        _emit(render_text.corpus(entries), None)
    return 0


def _outline(args) -> int:
    entry = corpus_mod.resolve(args.doc, region=args.region, corpus=args.corpus)
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
    entries = corpus_mod.scan(args.corpus) if not all(Path(d).exists() for d in args.docs) else []
    resolved = [corpus_mod.resolve(d, entries, args.region) for d in args.docs]
    print("reportdiff: tracking " + " → ".join(e.path for e in resolved), file=sys.stderr)
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


def _terms(args) -> int:
    from . import terms
    from .cache import user_cache_dir
    from .render import terms as render_terms

    fmt = args.format or (EXTENSIONS.get(Path(args.output).suffix.lower(), "text") if args.output else "text")
    folder = user_cache_dir()
    members = terms.series([e.path for e in corpus_mod.scan(args.corpus)], args.region, folder)
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
        if not sep or not old.strip() or not new.strip():
            raise ReportdiffError(f"--pair expects OLD_HEADING=NEW_HEADING, got '{value}'")
        pairs.append((old.strip(), new.strip()))
    return pairs


def _format(args) -> str:
    if args.format:
        return args.format
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix not in EXTENSIONS:
            raise ReportdiffError(f"cannot tell the format of '{args.output}' (use .json or .txt, or --format)")
        return EXTENSIONS[suffix]
    if sys.stdout.isatty() and not os.environ.get("REPORTDIFF_NO_TUI"):
        return "tui"
    return "text"


def _compare(args) -> int:
    fmt = _format(args)
    overrides = Overrides(_parse_pairs(args.pair), args.unpair)
    old, new = corpus_mod.resolve_pair(args.old, args.new, args.region, args.corpus)
    print(f"reportdiff: comparing {old.path} → {new.path}", file=sys.stderr)
    for entry in (old, new):
        if not entry.document.sections:
            raise ReportdiffError(f"{entry.path}: no headings found (一、 （一） 第X章 …); is this a government report?")
    if fmt == "tui":
        from .tui import ReportdiffApp  # Textual loads only for the interactive view

        export = f"reportdiff-{old.id[:3]}-{new.id[:3]}.html"
        ReportdiffApp(lambda: compare(old.document, new.document, overrides, args.strict), export).run()
        return 0
    result = compare(old.document, new.document, overrides, args.strict)
    html = render_html.render(result) if fmt == "html" or args.email else None
    if args.email:
        name = Path(args.output).name if args.output and fmt == "html" else "reportdiff.html"
        write_atomic(args.email, render_html.email(result, html, args.to, args.subject, name))
    if fmt == "json":
        _emit(render_json.dumps(render_json.comparison(result)), args.output)
    elif fmt == "html":
        _emit(html, args.output)
    else:
        style = render_text.Style(False) if args.output else render_text.Style.for_stream(sys.stdout)
        _emit(render_text.report(result, style), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
