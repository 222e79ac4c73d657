"""Batch: every consecutive pair of a corpus, compared in parallel, with an index.

    reportdiff batch CORPUS -o DIR [--jobs N] [--dask ADDRESS | --dask local]

Which reports form a series, and in which order:

- When a report's path names a year (``2025/上海市.docx``, ``national/1999_gwr.txt``),
  the path with its years taken out is the series (``{year}/上海市``) and that year
  is the year the report was delivered: collections are laid out by their
  collectors, and a path says which report is which more surely than a parser
  reading the title can.
- Otherwise the report's own metadata places it: the series is its region and
  kind, the year its delivery date, else the year it reviews plus one, else the
  year it plans.
- Each report is paired with the next one of its series (1990 → 1992 where
  1991 is missing: the gap is recorded). Reports of different series are never
  paired; two reports of one series and year are a duplicate, reported and
  left out.

Each pair is one task: both reports read (through a cache of parsed and
tokenized documents kept by content digest), compared, rendered to HTML and
JSON. Tasks run in a process pool, or on a Dask cluster, and return their pages
to this process, which writes them: a worker writes nothing but its own cache
(on a cluster, workers read the reports at the same absolute paths, and each
machine keeps its own cache). A task that fails returns its error: one bad
report never stops the batch.

A rerun over unchanged inputs does almost nothing: a pair whose two inputs
have the digests recorded in ``results.jsonl``, computed by the same code, with
its pages in place, keeps its record and is not run again.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .cache import ObjectCache, code_fingerprint, file_digest
from .corpus import report_files, same_dir
from .errors import ReportdiffError, UsageError, shown
from .output import Outputs, check
from .progress import Progress

# A year standing on its own in a path (2025/…, 1999_gwr, 2025年…), not four digits of a hash or a code.
YEAR_IN_PATH = re.compile(r"(?<![0-9A-Za-z])(?:19|20)\d\d(?![0-9A-Za-z])")
RESULTS = "results.jsonl"
INDEX = "index.html"
SCHEMA = "reportdiff-batch/1"
TOP_TERMS = 5


@dataclass(frozen=True)
class Report:
    """A file of the corpus, before anything is read but its bytes' digest."""

    path: str  # as it can be opened from here
    name: str  # relative to the corpus, as shown
    digest: str | None  # None: the file could not be read at all
    series: str | None = None  # from the path; None until metadata places it
    year: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class Summary:
    """What placing a report needs from its text, or why it could not be read."""

    name: str
    region: str = ""
    kind: str = ""
    year: int | None = None
    title: str = ""
    error: str | None = None


@dataclass(frozen=True)
class Task:
    """One pair to compare: the next report of a series after the old one."""

    name: str  # the stem of the pair's pages
    series: str
    old: Report
    new: Report
    years: tuple[int, int]  # the old report's and the new one's, as placed


@dataclass
class Outcome:
    """What a task returns: its record, and its pages when it succeeded."""

    record: dict
    html: str | None = None
    json: str | None = None


@dataclass
class Plan:
    tasks: list[Task] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)  # reports that are in no pair, and why


# ---------------------------------------------------------------- finding the reports


def find_reports(corpus: str | Path, out_dir: str | Path) -> list[Report]:
    """Every report file under `corpus`, with its digest and, when its path names a year, its place."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise ReportdiffError(f"corpus {shown(corpus)} is not a folder of reports")
    reports = []
    for path in report_files(corpus, skip=Path(out_dir)):
        name = path.relative_to(corpus).as_posix()
        try:
            digest, error = file_digest(path), None
        except OSError as exc:
            digest, error = None, f"{shown(name)}: cannot read ({exc.strerror or exc})"
        stem = name.rsplit(".", 1)[0] if "." in Path(name).name else name
        years = YEAR_IN_PATH.findall(stem)
        series = YEAR_IN_PATH.sub("{year}", stem) if years else None
        reports.append(Report(os.path.abspath(path), name, digest, series, int(years[-1]) if years else None, error))
    return reports


def delivery_year(meta) -> int | None:
    """The year a report was delivered, from what it says: its date, else the year reviewed + 1, else the year planned."""
    if meta.delivered:
        return int(meta.delivered[:4])
    if meta.reviews:
        return meta.reviews[-1] + 1
    if meta.plans:
        return meta.plans[0]
    return None


def plan(reports: list[Report], summaries: dict[str, Summary]) -> Plan:
    """The pairs of consecutive reports of each series, and the reports left out with the reason."""
    result = Plan()
    placed: dict[str, list[tuple[int, Report]]] = {}
    for report in reports:
        if report.series is None or report.year is None:
            summary = summaries.get(report.name)
            if summary is None or summary.error:
                result.notes.append(_note(report, "failed", summary.error if summary else report.error))
                continue
            if not summary.region or summary.year is None:
                result.notes.append(_note(report, "unplaced", "neither its path nor its text names its region and year; put the year in its file name"))
                continue
            series, year = f"{summary.region} {summary.kind}", summary.year
            report = Report(report.path, report.name, report.digest, series, year)
        else:
            series, year = report.series, report.year
        placed.setdefault(series, []).append((year, report))
    names: set[str] = set()
    for series in sorted(placed):
        by_year: dict[int, Report] = {}
        for year, report in sorted(placed[series], key=lambda placed_at: (placed_at[0], placed_at[1].name)):
            if year in by_year:
                result.notes.append(_note(report, "duplicate", f"the series already has {shown(by_year[year].name)} for {year}"))
            else:
                by_year[year] = report
        ordered = sorted(by_year.items())
        if len(ordered) == 1:
            result.notes.append(_note(ordered[0][1], "alone", "the only report of its series"))
        for (old_year, old), (new_year, new) in itertools.pairwise(ordered):
            result.tasks.append(Task(_pair_name(series, old_year, new_year, names), series, old, new, (old_year, new_year)))
    return result


def _note(report: Report, status: str, why: str | None) -> dict:
    return {"type": "report", "report": report.name, "sha256": report.digest, "status": status, "error" if status == "failed" else "note": why}


def series_label(series: str) -> str:
    """A series as a reader names it: its path without the years and separators (provinces/上海市)."""
    label = re.sub(r"[_\-. ]*\{year\}年?[_\-. ]*", "/", series)
    label = re.sub(r"/+", "/", label).strip("/")
    return label or series.replace("{year}", "").strip("/_-. ") or "corpus"


def _pair_name(series: str, old: int, new: int, taken: set[str]) -> str:
    slug = re.sub(r"[^\w\u4e00-\u9fff]+", "_", series_label(series)).strip("_") or "pair"
    name = f"{slug}_{old}-{new}"
    n = 2
    while name.lower() in taken:  # case-insensitive file systems keep one of two names differing in case
        name, n = f"{slug}_{old}-{new}-{n}", n + 1
    taken.add(name.lower())
    return name


# ---------------------------------------------------------------- the tasks (run in workers)

_MEMO: dict[str, tuple] = {}  # the last documents a worker read: a report in two pairs in a row is read once
_MEMO_SIZE = 4


def _documents(use_cache: bool) -> ObjectCache:
    return ObjectCache.open("documents") if use_cache else ObjectCache(None, "")


def prepared(report: Report, use_cache: bool = True):
    """A report read through stages 1–3 and tokenized: (Document, Tokens), from the cache when seen before."""
    from .document import cache_key, cached, read, remember
    from .tokens import Tokens

    key = cache_key(report.path, report.digest or "")
    if key in _MEMO:
        doc, tokens = _MEMO[key]
        # The same content may sit at another path this time.
        return replace(doc, source=replace(doc.source, path=report.path)), tokens
    cache = _documents(use_cache)
    hit = cached(report.path, report.digest, cache)
    if hit is None:
        doc = read(report.path)
        hit = doc, Tokens.of(doc.text)
        remember(report.path, report.digest, cache, *hit)
    doc, tokens = hit
    _MEMO[key] = (doc, tokens)
    while len(_MEMO) > _MEMO_SIZE:
        _MEMO.pop(next(iter(_MEMO)))
    return doc, tokens


def summarize(report: Report, use_cache: bool = True) -> Summary:
    """Read one report (filling the cache) and say what places it; its error instead when it cannot be read."""
    if report.error:
        return Summary(report.name, error=report.error)
    # Kept apart from the document: a rerun places its reports without unpickling any of them.
    from .document import cache_key

    cache, key = _documents(use_cache), cache_key(report.path, report.digest or "") + "-summary"
    known = cache.get(key)
    if known is not None:
        return replace(known, name=report.name)
    try:
        doc, _ = prepared(report, use_cache)
        m = doc.meta
        found = Summary(report.name, m.region, m.kind, delivery_year(m), m.title)
    except ReportdiffError as exc:
        found = Summary(report.name, error=str(exc))
    except Exception as exc:
        return Summary(report.name, error=f"internal error reading {shown(report.name)}: {type(exc).__name__}: {exc}")
    cache.put(key, found)  # the same bytes and code fail the same way, too
    return found


def run_pair(task: Task, use_cache: bool = True) -> Outcome:
    """Compare one pair and render its pages; a failure is returned as the record's error."""
    start, cpu = time.perf_counter(), time.process_time()
    record = _record(task)
    try:
        for side in (task.old, task.new):
            if side.error:
                raise ReportdiffError(side.error)
        (old, old_tokens), (new, new_tokens) = prepared(task.old, use_cache), prepared(task.new, use_cache)
        record["old"].update(_describe(old))
        record["new"].update(_describe(new))
        for side, doc in ((task.old, old), (task.new, new)):
            if not doc.sections:
                raise ReportdiffError(f"{shown(side.name)}: no headings found (一、 （一） 第X章 …); is this a government report?")
        read_done = time.perf_counter()
        from .compare import compare
        from .render import html as render_html
        from .render import json as render_json

        result = compare(old, new, tokens=(old_tokens, new_tokens))
        compared = time.perf_counter()
        html = render_html.render(result)
        data = render_json.dumps(render_json.comparison(result))
        record.update(status="ok", headline=headline(result), counts=result.stats())
        record["timing"] = {
            "read": round(read_done - start, 3), "compare": round(compared - read_done, 3), "render": round(time.perf_counter() - compared, 3),
            "cpu": round(time.process_time() - cpu, 3), "worker_peak_mib": _peak_mib(),
        }
        return Outcome(record, html, data)
    except ReportdiffError as exc:
        record.update(status="failed", error=str(exc))
    except Exception as exc:
        record.update(status="failed", error=f"internal error: {type(exc).__name__}: {exc}")
    record["timing"] = {"total": round(time.perf_counter() - start, 3)}
    return Outcome(record)


def run_chain(chain: list[Task], use_cache: bool = True) -> list[Outcome]:
    """The pairs of a chain one after another in one worker: consecutive pairs of a series
    share a report (…→N, N→…), and what a worker finds of a report by itself (its figures, its
    index for ranking formulations) is then found once rather than in two workers."""
    return [run_pair(task, use_cache) for task in chain]


_CHAINS_A_WORKER = 4  # chains at least, so that the workers finish together


def chains(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """The tasks in runs of pairs that share a report, each short enough that every one of
    `jobs` workers gets several (a long series is not left to one worker). One worker runs
    the pairs in order anyway: each is a chain of its own, and an interruption loses none."""
    if jobs <= 1:
        return [[t] for t in tasks]
    size = max(1, -(-len(tasks) // (jobs * _CHAINS_A_WORKER)))
    out: list[list[Task]] = []
    for task in tasks:
        if out and len(out[-1]) < size and out[-1][-1].new.name == task.old.name:
            out[-1].append(task)
        else:
            out.append([task])
    return out


def index_member(path: str) -> None:
    """Read a report of a folder where pairs are ranked in their series (`terms`) into the
    cache of series members: each report once, shared out among the workers, rather than
    every report of the folder in every worker that ranks a pair there. Only time is at
    stake: a report that cannot be read is reported by its pairs."""
    from . import terms
    from .cache import user_cache_dir

    try:
        terms.member(path, user_cache_dir())
    except Exception:
        return


def series_members(tasks: list[Task]) -> list[str]:
    """The reports of the folders holding both reports of a pair and more: there a pair's
    formulations are ranked in the series of the folder's reports (as the single report
    ranks them), which reads every report of the folder."""
    from .corpus import REPORT_SUFFIXES

    folders = {Path(t.old.path).resolve().parent for t in tasks if Path(t.old.path).resolve().parent == Path(t.new.path).resolve().parent}
    members: list[str] = []
    for folder in sorted(folders):
        try:
            files = [str(p) for p in sorted(folder.iterdir()) if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()]
        except OSError:
            continue
        if len(files) >= 3:
            members += files
    return members


def load_pipeline() -> None:
    """Import every stage and load the segmenter here, before the pool forks its workers:
    they start with them (shared, copy-on-write) instead of each loading its own."""
    from . import compare  # noqa: F401
    from .render import html, json  # noqa: F401
    from .tokens import segmenter

    segmenter()


def _peak_mib() -> float | None:
    """The largest resident size this worker has had so far."""
    try:
        import resource
    except ImportError:  # not on this system
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


def _record(task: Task) -> dict:
    side = lambda r: {"path": r.name, "sha256": r.digest, "year": r.year}  # noqa: E731
    return {
        "type": "pair", "pair": task.name, "series": series_label(task.series), "years": list(task.years),
        "gap": task.years[1] - task.years[0], "old": side(task.old), "new": side(task.new),
        "status": None, "error": None, "html": f"{task.name}.html", "json": f"{task.name}.json",
    }


def _describe(doc) -> dict:
    m = doc.meta
    return {"title": m.title, "region": m.region, "kind": m.kind, "delivered": m.delivered or None}


def headline(result) -> dict:
    """The brief's figures for the index: growth target old → new, new formulations, commitments."""
    from .numbers import canonical
    from .render.text import figure

    economy = canonical("生产总值")

    # The growth target of the main-targets table, as the pair's brief shows it: not the
    # first growth figure of the report (a 十五五 average may stand before the year's).
    row = next((r for r in result.numbers.targets if canonical(r.indicator) == economy), None)

    def target(q, text) -> dict | None:
        return {"figure": figure(q), "text": q.text} if q is not None else {"figure": text, "text": text} if text else None

    c = result.commitments
    return {
        "growth_target": {
            "old": target(row.old_quantity, row.old) if row else None,
            "new": target(row.new_quantity, row.new) if row else None,
        },
        "new_terms": [s.term for s in result.language.added[:TOP_TERMS]],
        "commitments": c.counts() if c.applicable else None,
        "commitments_note": None if c.applicable else c.note,
    }


# ---------------------------------------------------------------- running tasks


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class Runner:
    """Runs one function over many items, results in completion order: here, a process pool, or Dask."""

    def __init__(self, jobs: int, dask: str | None = None, before_fork: Callable[[], None] | None = None):
        self.jobs, self.dask, self.before_fork = jobs, dask, before_fork
        self._pool = self._client = self._cluster = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map(self, fn: Callable, items: list, *args) -> Iterator[tuple[Any, Any]]:
        """(item, result) as each finishes; a result is the exception when the task itself died."""
        if not items:
            return iter(())
        if self.dask:
            return self._dask_map(fn, items, args)
        if self.jobs <= 1:
            return ((item, fn(item, *args)) for item in items)
        return self._pool_map(fn, items, args)

    def _pool_map(self, fn, items, args):
        from concurrent.futures import ProcessPoolExecutor, as_completed

        if self._pool is None:
            if self.before_fork is not None and multiprocessing.get_start_method() == "fork":
                self.before_fork()
            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        futures = {self._pool.submit(fn, item, *args): item for item in items}
        for future in as_completed(futures):
            exc = future.exception()
            yield futures[future], exc if exc is not None else future.result()

    def _connect(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--dask needs dask.distributed: pip install 'reportdiff[dask]'") from None
        if self.dask == "local":
            import logging

            self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.dask, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise ReportdiffError(f"cannot reach the Dask scheduler at {shown(self.dask)}: {exc}") from None

    def _dask_map(self, fn, items, args):
        from dask.distributed import as_completed

        if self._client is None:
            self._connect()
        futures = self._client.map(fn, items, *[[a] * len(items) for a in args], pure=False)
        owner = {f.key: item for f, item in zip(futures, items)}
        for future in as_completed(futures):
            if future.status == "finished":
                yield owner[future.key], future.result()
            elif future.status == "error":
                yield owner[future.key], future.exception()
            else:  # cancelled: the cluster lost it
                yield owner[future.key], RuntimeError(f"the Dask task was {future.status}")


# ---------------------------------------------------------------- the batch


@dataclass
class BatchResult:
    records: list[dict]
    ran: int  # pairs compared in this run, and done
    kept: int  # pairs done in the last run whose pages stand: a failure kept is counted in `failed` only
    failed: int  # failed pairs and unreadable reports
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)  # wall seconds of each step, in order (finding, reading, ...)


def _previous(out_dir: Path) -> dict[str, dict]:
    try:
        lines = (out_dir / RESULTS).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, dict] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a damaged line only means that pair is compared again
        if isinstance(record, dict) and record.get("type") == "pair" and isinstance(record.get("pair"), str):
            found[record["pair"]] = record
    return found


def _up_to_date(task: Task, record: dict | None, fingerprint: str, out_dir: Path) -> bool:
    """The same inputs, the same code, and the pages still there: the record stands."""
    if not record or record.get("fingerprint") != fingerprint or task.old.digest is None or task.new.digest is None:
        return False
    if (record["old"].get("sha256"), record["new"].get("sha256")) != (task.old.digest, task.new.digest):
        return False
    if record.get("status") != "ok":
        return True  # the same inputs and code fail the same way
    return all((out_dir / record[k]).is_file() for k in ("html", "json"))


def run(
    corpus: str | Path, out_dir: str | Path, jobs: int | None = None, dask: str | None = None, use_cache: bool = True, stream=None,
    words: dict[str, str] | None = None,
) -> BatchResult:
    """Compare every consecutive pair of `corpus` into `out_dir`; see the module docstring.

    `stream` and `words`: where the progress bars go (a terminal: stderr by default) and their
    words (reading, indexing, comparing, left, failed: the caller's language; English without)."""
    said = {"reading": "reading", "indexing": "indexing", "comparing": "comparing", "left": "{s:.0f} s left", "failed": ", {n} failed", **(words or {})}

    def bar(phase: str, total: int) -> Progress:
        return Progress(said[phase], total, stream, left=said["left"], failed=said["failed"])

    start = time.perf_counter()
    phases: dict[str, float] = {}

    def ended(phase: str) -> None:
        phases[phase] = round(time.perf_counter() - start - sum(phases.values()), 3)

    out_dir = Path(out_dir)
    jobs = max(1, jobs or _cores())
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o {shown(out_dir)} is a file; batch writes a folder of pages")
    if same_dir(out_dir, Path(corpus)):
        raise UsageError(f"-o {shown(out_dir)} is the corpus folder; give the pages a folder of their own")
    reports = find_reports(corpus, out_dir)
    if not reports:
        raise ReportdiffError(f"no reports found under {shown(corpus)} (expected .txt, .md, .html, .docx or .pdf files)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportdiffError(f"cannot create {shown(out_dir)}: {exc.strerror or exc}") from None
    fingerprint = code_fingerprint()
    previous = _previous(out_dir)
    ended("finding")
    with Runner(jobs, dask, before_fork=load_pipeline) as runner:
        unplaced = [r for r in reports if r.series is None and r.error is None]
        summaries = {r.name: s for r, s in _gather(runner, summarize, unplaced, use_cache, bar("reading", len(unplaced)))}
        ended("placing")
        work = plan(reports, summaries)
        _check_outputs(out_dir, work.tasks, reports)
        done: dict[str, dict] = {t.name: previous[t.name] for t in work.tasks if _up_to_date(t, previous.get(t.name), fingerprint, out_dir)}
        todo = [t for t in work.tasks if t.name not in done]
        kept = sum(1 for r in done.values() if r.get("status") == "ok")
        if use_cache:
            # Each report read once, before the pairs: two workers never parse the same one at once,
            # and a report that cannot be read fails its pairs without being tried again.
            needed = {r.name: r for t in todo for r in (t.old, t.new) if r.error is None and r.name not in summaries}
            summaries.update((r.name, s) for r, s in _gather(runner, summarize, list(needed.values()), use_cache, bar("reading", len(needed))))
            todo = [_with_errors(t, summaries) for t in todo]
        ended("reading")
        members = series_members(todo)
        indexing = bar("indexing", len(members))
        for _ in runner.map(index_member, members):
            indexing.step()
        ended("indexing")
        try:
            progress = bar("comparing", len(todo))
            for chain, outcomes in runner.map(run_chain, chains(todo, jobs), use_cache):
                if isinstance(outcomes, BaseException):
                    died = f"the worker died: {type(outcomes).__name__}: {outcomes}"
                    outcomes = [Outcome({**_record(task), "status": "failed", "error": died}) for task in chain]
                for task, outcome in zip(chain, outcomes):
                    outcome.record["fingerprint"] = fingerprint
                    if outcome.html is not None:
                        pages = Outputs()
                        pages.add(str(out_dir / outcome.record["html"]), outcome.html)
                        pages.add(str(out_dir / outcome.record["json"]), outcome.json)
                        pages.commit()
                    done[task.name] = outcome.record
                    progress.step(outcome.record["status"] != "ok")
            ended("comparing")
        finally:
            # Also when interrupted: what was done is recorded, and a rerun goes on from there.
            records = [done[t.name] for t in work.tasks if t.name in done] + work.notes
            _write_summary(out_dir, records, Path(corpus))
    ended("index")
    failed = sum(1 for r in records if r.get("status") == "failed")
    ran = sum(1 for t in todo if done.get(t.name, {}).get("status") == "ok")
    return BatchResult(records, ran, kept, failed, time.perf_counter() - start, phases)


def _with_errors(task: Task, summaries: dict[str, Summary]) -> Task:
    def side(r: Report) -> Report:
        known = summaries.get(r.name)
        return replace(r, error=known.error) if known is not None and known.error and not r.error else r

    return replace(task, old=side(task.old), new=side(task.new))


def _check_outputs(out_dir: Path, tasks: list[Task], reports: list[Report]) -> None:
    """Before any work: no page may be an input report (`check`, pair by pair, and against every input at once)."""
    inputs = {os.path.realpath(r.path): r.path for r in reports}
    pages = {"results": str(out_dir / RESULTS), "index": str(out_dir / INDEX)}
    for task in tasks:
        pages.update({f"{task.name} page": str(out_dir / f"{task.name}.html"), f"{task.name} data": str(out_dir / f"{task.name}.json")})
        check({"page": pages[f"{task.name} page"], "data": pages[f"{task.name} data"]}, [task.old.path, task.new.path])
    for name in pages.values():
        if os.path.realpath(name) in inputs:
            raise UsageError(f"refusing to write {shown(name)}: it is the input report {shown(inputs[os.path.realpath(name)])}")


def _gather(runner: Runner, fn, items: list, use_cache: bool, progress: Progress) -> Iterable[tuple]:
    for item, value in runner.map(fn, items, use_cache):
        if isinstance(value, BaseException):
            value = Summary(item.name, error=f"the worker died: {type(value).__name__}: {value}")
        progress.step(value.error is not None)
        yield item, value


def _write_summary(out_dir: Path, records: list[dict], corpus: Path) -> None:
    out = Outputs()
    out.add(str(out_dir / RESULTS), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    out.add(str(out_dir / INDEX), index_html(records, corpus.name))
    out.commit()


# ---------------------------------------------------------------- the index


def index_view(records: list[dict], title: str) -> dict:
    """Regions × years: a cell for each pair, under the year of its newer report."""
    pairs = [r for r in records if r.get("type") == "pair"]
    years = sorted({r["years"][1] for r in pairs})
    rows: dict[str, dict[int, dict]] = {}
    for r in pairs:
        rows.setdefault(r["series"], {})[r["years"][1]] = r
    return {
        "title": title,
        "years": years,
        "rows": [{"series": s, "cells": [rows[s].get(y) for y in years]} for s in sorted(rows)],
        "failed": [r for r in records if r.get("status") == "failed"],
        "left_out": [r for r in records if r.get("type") == "report" and r.get("status") != "failed"],
        "counts": {
            "pairs": len(pairs),
            "ok": sum(1 for r in pairs if r["status"] == "ok"),
            "failed": sum(1 for r in records if r.get("status") == "failed"),
        },
    }


def index_html(records: list[dict], title: str) -> str:
    from . import __version__
    from .present import Presenter
    from .render.html import _css, _environment

    # In Chinese, as the pair pages the workers write.
    return _environment().get_template("batch_index.html.j2").render(css=_css(), version=__version__, p=Presenter(), **index_view(records, title))
