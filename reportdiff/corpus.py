"""The corpus: a folder of reports, and how a year or id names one of them.

A year names the report that reviews that year (``2024`` is the report on
2024's work, delivered early 2025). The default corpus is the bundled seeds.
"""
from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from .cache import ObjectCache
from .document import Document, read
from .errors import ReportdiffError, shown
from .load import HTML_SUFFIXES, OFFICE_SUFFIXES, TEXT_SUFFIXES
from .tokens import Tokens

REPORT_SUFFIXES = (TEXT_SUFFIXES - {""}) | HTML_SUFFIXES | OFFICE_SUFFIXES


def bundled(name: str) -> Path:
    """A folder shipped with the package (``seeds``, ``templates``).

    Installed, it lives inside the package; in a source checkout it sits at
    the top of the repository.
    """
    installed = resources.files("reportdiff") / name
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / name


def names_file(spec: str | Path) -> bool:
    """Whether `spec` names something on disk (a name too long or otherwise unusable does not)."""
    try:
        os.stat(spec)
    except (OSError, ValueError):
        return False
    return True


def default_dir() -> Path:
    return Path(os.environ.get("REPORTDIFF_CORPUS") or bundled("seeds"))


class Entry:
    """A report of the corpus, read only when something asks for its contents."""

    def __init__(self, path: Path, root: Path | None = None):
        # In a corpus laid out in folders (2025/上海市.docx, 2026/上海市.txt) the folders are part of
        # the id, which names one report; joined with _ so that an id never reads as a path.
        self.id = "_".join(path.relative_to(root).with_suffix("").parts) if root else path.stem
        self.path = str(path)
        self._document: Document | None = None
        self._tokens: Tokens | None = None
        self._digest: str | None = None

    @property
    def document(self) -> Document:
        """The report read, from the cache of parsed reports when a run has tokenized it before."""
        if self._document is None:
            from .document import cached, digest_of

            self._digest = digest_of(self.path)
            hit = cached(self.path, self._digest, ObjectCache.open("documents"))
            if hit is None:
                self._document = read(self.path)
            else:
                self._document, self._tokens = hit
        return self._document

    @property
    def tokens(self) -> Tokens:
        """The report's tokens; cutting them puts the report in the cache of parsed reports
        (listing a corpus only reads: cutting needs the segmenter)."""
        if self._tokens is None:
            from .document import remember

            doc = self.document
            if self._tokens is None:
                self._tokens = Tokens.of(doc.text)
                remember(self.path, self._digest, ObjectCache.open("documents"), doc, self._tokens)
        assert self._tokens is not None
        return self._tokens


def scan(directory: str | Path | None = None) -> list[Entry]:
    """Every readable report in a corpus folder, in file-name order."""
    directory = Path(directory) if directory else default_dir()
    if directory.exists() and not directory.is_dir():
        raise ReportdiffError(f"corpus {shown(directory)} is a file, not a folder of reports")
    if not directory.is_dir():
        raise ReportdiffError(f"corpus folder {shown(directory)} does not exist")
    files = report_files(directory)
    if not files:
        raise ReportdiffError(f"no reports found under {shown(directory)} (expected .txt, .md, .html, .docx or .pdf files)")
    return [Entry(path, directory) for path in files]


def report_files(directory: Path, skip: Path | None = None) -> list[Path]:
    """The report files under `directory` and its folders (a corpus is often laid out by
    year or region), in path order; `skip` is a folder inside it to leave out (batch's output)."""
    found = []
    for folder, dirs, names in os.walk(directory):
        here = Path(folder)
        # Hidden folders (.git) hold no reports.
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (skip and same_dir(here / d, skip)))
        for name in sorted(names):
            path = here / name
            # A README or LICENSE documents a collection; it is not one of its reports.
            if name.startswith(".") or Path(name).stem.upper() in ("README", "LICENSE", "NOTICE"):
                continue
            if path.suffix.lower() in REPORT_SUFFIXES and path.is_file():
                found.append(path)
    return found


def same_dir(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def readable(entries: list[Entry]) -> list[Entry]:
    """The entries that load; one damaged file does not make the corpus unusable."""
    out = []
    for entry in entries:
        try:
            _ = entry.document  # reading it is the test
        except ReportdiffError:
            continue
        out.append(entry)
    if not out and entries:
        raise ReportdiffError(f"no readable reports in the corpus ({len(entries)} files could not be read)")
    return out


# How readers name each kind of report, after the year it was delivered in.
KIND_NAMES = {"work_report": "政府工作报告", "plan_report": "计划执行情况与计划草案的报告", "five_year_plan": "五年规划纲要", "other": "报告"}


def reader_name(meta) -> str:
    """A report named the way its readers name it: 2025年政府工作报告 is the one
    delivered in 2025 (on 2024's work); a five-year plan by its span."""
    if meta.kind == "five_year_plan" and meta.plans:
        return f"{meta.plans[0]}–{meta.plans[-1]}年{KIND_NAMES['five_year_plan']}"
    if meta.kind == "plan_report" and meta.reviews and meta.plans:
        # 关于2024年…计划执行情况与2025年…计划草案的报告: by its own two years, not its delivery year,
        # and its own word for what was carried out (a county may report on its 规划).
        done = re.search(r"(计划|规划)执行情况", meta.title)
        return f"{meta.reviews[-1]}年{done.group(1) if done else '计划'}执行情况与{meta.plans[0]}年计划草案的报告"
    year = meta.delivered[:4] or (str(meta.plans[0]) if meta.plans else str(meta.reviews[-1] + 1) if meta.reviews else "")
    return f"{year}年{KIND_NAMES[meta.kind]}" if year else KIND_NAMES[meta.kind]


def resolve(spec: str, entries: list[Entry] | None = None, region: str | None = None, corpus: str | Path | None = None, kind: str | None = None) -> Entry:
    """The report that `spec` names: a path, an id (or its prefix), or a year
    (among reports of one year and region, `kind` picks one)."""
    path = Path(spec)
    if names_file(path) or os.sep in spec or path.suffix.lower() in REPORT_SUFFIXES:
        named = Entry(path)
        _ = named.document  # read now: a file that cannot be read is said before anything else
        return named
    entries = entries if entries is not None else scan(corpus)
    if re.fullmatch(r"(19|20)\d\d", spec):
        return _by_year(int(spec), readable(entries), region, kind)
    matches = [e for e in entries if e.id == spec] or [e for e in entries if e.id.startswith(spec)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ReportdiffError(f"'{shown(spec)}' is not a file, a year or a report id; see 'reportdiff list'")
    raise ReportdiffError(f"'{shown(spec)}' matches several reports ({', '.join(e.id for e in matches)}); give more of the id")


def candidates(year: int, entries: list[Entry]) -> list[Entry]:
    """Reports on the work of `year`: those reviewing it, else those planning the next."""
    reviewing = [e for e in entries if year in e.document.meta.reviews]
    if reviewing:
        return reviewing
    return [
        e for e in entries
        if e.document.meta.kind != "five_year_plan" and not e.document.meta.reviews and e.document.meta.plans == (year + 1,)
    ]


def _by_year(year: int, entries: list[Entry], region: str | None, kind: str | None = None) -> Entry:
    found = candidates(year, entries)
    if region:
        found = [e for e in found if region in e.document.meta.region]
    if kind:
        found = [e for e in found if e.document.meta.kind == kind]
    if len(found) == 1:
        return found[0]
    if not found:
        years = sorted({y for e in entries for y in e.document.meta.reviews})
        where = (f" for region {region}" if region else "") + (f" of kind {kind}" if kind else "")
        # A year names the year reviewed, not the year delivered: say so where that is the mix-up.
        delivered = [e for e in entries if e.document.meta.delivered[:4] == str(year) and e.document.meta.reviews]
        if delivered:
            reviewed = delivered[0].document.meta.reviews[-1]
            raise ReportdiffError(
                f"no report{where} reviews {year}: a year names the year a report reviews, and the report delivered in {year} "
                f"reviews {reviewed}, so name it {reviewed} (see 'reportdiff list')"
            )
        raise ReportdiffError(
            f"no report{where} reviews {year}; the corpus has reviews of {', '.join(map(str, years)) or 'no year'}"
            " (see 'reportdiff list')"
        )
    listing = "; ".join(f"{e.id} ({e.document.meta.region} {reader_name(e.document.meta)}, {e.document.meta.kind})" for e in found)
    raise ReportdiffError(f"{year} matches several reports: {listing}; pick one with --region, --kind, a path or an id")


def resolve_pair(old: str, new: str, region: str | None = None, corpus: str | Path | None = None, kind: str | None = None) -> tuple[Entry, Entry]:
    """Resolve two specs; with bare years, prefer a region that has both (and, with `kind`, reports of that kind)."""
    years = [bool(re.fullmatch(r"(19|20)\d\d", s)) and not names_file(s) for s in (old, new)]
    entries = scan(corpus) if any(years) or not all(names_file(s) for s in (old, new)) else []
    if all(years) and not region:
        entries = readable(entries)
        old_c, new_c = candidates(int(old), entries), candidates(int(new), entries)
        if kind:
            old_c = [e for e in old_c if e.document.meta.kind == kind]
            new_c = [e for e in new_c if e.document.meta.kind == kind]
        shared = {e.document.meta.region for e in old_c} & {e.document.meta.region for e in new_c}
        if len(shared) == 1 and (len(old_c) > 1 or len(new_c) > 1):
            region = shared.pop()
    return resolve(old, entries, region, kind=kind), resolve(new, entries, region, kind=kind)
