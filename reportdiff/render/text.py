"""Plain-text and terminal rendering: the report printed when output is piped."""
from __future__ import annotations

import os
import unicodedata
from collections import Counter

from ..compare import Comparison
from ..corpus import Entry
from ..diff import Op
from ..document import Document
from ..present import PairView, Presenter, figure

__all__ = ["Style", "brief", "corpus", "figure", "lives", "numbers_table", "outline", "report", "table", "table_rows", "targets_table"]


class Style:
    """ANSI colours in a terminal; ``[-deleted-]{+inserted+}`` markers otherwise."""

    def __init__(self, color: bool):
        self.color = color

    @classmethod
    def for_stream(cls, stream) -> Style:
        tty = hasattr(stream, "isatty") and stream.isatty()
        return cls(tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb")

    def op(self, op: Op) -> str:
        if op.op == "=":
            return op.text
        if op.edits:  # moved and reworded: the word diff at its new place
            inner = "".join(f"\x1b[36m{e.text}\x1b[0m" if self.color and e.op == "=" else self.op(e) for e in op.edits)
            return inner if self.color else f"{{moved←{inner}}}"
        if self.color:
            if op.routine:
                return f"\x1b[2m{op.text}\x1b[0m" if op.op == "+" else ""
            code = {"-": "31;9", "+": "32;4"}[op.op]
            if op.number:
                code += ";1"
            if op.moved is not None:
                code = "36"
            return f"\x1b[{code}m{op.text}\x1b[0m"
        if op.routine:
            return op.text if op.op == "+" else ""
        mark = {"-": ("[-", "-]"), "+": ("{+", "+}")}[op.op]
        if op.moved is not None:
            mark = {"-": ("[moved→", "]"), "+": ("{moved←", "}")}[op.op]
        return f"{mark[0]}{op.text}{mark[1]}"

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.color else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.color else text


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def table(rows: list[list[str]]) -> str:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows)


def corpus(entries: list[Entry], p: Presenter | None = None, columns: int | None = None) -> str:
    """`reportdiff list`: in English the kind is the code --kind takes (plan_report). The titles are
    cut to what `columns` (a terminal's width) leaves them, and left out where that is not a few
    words; with no terminal, to 80 columns."""
    p = p or Presenter()
    rows = [[p(key) for key in ("l_id", "l_region", "l_kind", "l_delivered", "l_reviews", "l_plans")]]
    titles = [p("l_title")]
    for e in entries:
        m = e.document.meta
        kind = p.kind(m.kind, short=True) if p.lang == "zh" else m.kind
        rows.append([e.id, m.region or "?", kind, m.delivered or "-", _years(m.reviews), _years(m.plans)])
        titles.append(m.title)
    room = 80 if columns is None else columns - sum(max(width(r[i]) for r in rows) + 2 for i in range(len(rows[0])))
    if room < 16:
        return table(rows) + "\n"
    return table([[*row, _clip(title, room)] for row, title in zip(rows, titles)]) + "\n"


def _years(years: tuple[int, ...]) -> str:
    if not years:
        return "-"
    if len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ",".join(map(str, years))


def outline(doc: Document, p: Presenter | None = None) -> str:
    p = p or Presenter()
    lines = [p.describe(doc)]
    for section in doc.outline.walk():
        # A paragraph unit is shown by its first words, marked as such: it has no heading.
        shown = section.heading if section.headed else f"¶ {section.heading}…"
        lines.append("  " * (section.level - 1) + f"{section.level} {shown}")
    return "\n".join(lines) + "\n"


def numbers_table(result: Comparison, p: Presenter | None = None) -> str:
    p = p or Presenter()
    if not result.numbers.pairs:
        return f"({p('no_numbers')})"
    rows = [[p("indicator"), p("kind"), p("old_value"), p("new_value"), p("change"), ""]]
    rows += [[n.indicator, n.kind, n.old, n.new, n.change, n.arrow] for n in p.numbers(result)]
    return table(rows)


def targets_table(result: Comparison, p: Presenter | None = None) -> str:
    """The main targets of both years side by side, qualitative ones too."""
    p = p or Presenter()
    lines = p.brief(result).targets
    if not lines:
        return f"({p('no_targets')})"
    rows = [[*p.target_years(result), p("change")]]
    rows += [[t.old, t.new, t.change] for t in lines]
    return table(rows)


def table_rows(doc: Document, sections) -> list[list[str]] | None:
    """The header and rows of the tables a pair's sections are, or None if they are not tables."""
    if not sections or any(s.kind != "table" for s in sections):
        return None
    by_start = {t.start: t for t in doc.outline.tables}
    rows = []
    for section in sections:
        table = by_start[section.start]
        rows += ([table.columns] if table.columns else []) + table.rows
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


def _indented(text: str, indent: str = "  ") -> list[str]:
    return [indent + line for line in text.split("\n")]


def brief(result: Comparison, style: Style, p: Presenter | None = None, refs: bool = True) -> str:
    """What a reader wants first (the e-mail's text part, the top of the text report): the two
    reports, the counts, both years' targets, last year's targets against outcomes, the promises
    missed and not reported, new and dropped formulations, sections added and removed. With
    `refs`, each item says which of the pairs below it stands in ([35]); the e-mail has no pairs."""
    p = p or Presenter()
    b = p.brief(result)
    _ref = _pair_ref if refs else lambda link: ""
    out = [style.bold(f"{p('tool')}: {b.old.label} → {b.new.label}"), f"{p('old')}{p('colon')}{p.describe(result.old)}", f"{p('new')}{p('colon')}{p.describe(result.new)}", ""]
    out += [style.bold(p("brief")), *([f"  {p('refs_note')}"] if refs else []), "", style.bold(p("targets")), *_indented(targets_table(result, p))]
    if b.outcomes:
        rows = [[p("indicator"), p("target_col"), p("outcome_col"), p("gap"), p("status")]] + [[o.indicator, o.target, o.outcome, o.gap, o.status_name] for o in b.outcomes]
        out += ["", style.bold(p("outcomes")), *_indented(table(rows)), f"  {p.outcome_rule()}"]
    out += ["", style.bold(p("failed")), f"  {b.commitments_note}"]
    if b.applicable:
        out.append(f"  {p('commitments')}{p('colon')}{p.counts_line(b.status_counts)}")
    for f in b.failed:
        out.append(f"  {f.status_name}  {_oneline(f.plan_text)}{_ref(f.link)}" + (f"  ⇒  {_clip(f.evidence, 120, f.figure)}{_ref(f.evidence_link)}" if f.evidence else ""))
    if b.failed_more:
        out.append("  " + p("more", n=b.failed_more))
    for key, terms in (("new_terms", b.new_terms), ("dropped_terms", b.dropped_terms)):
        out += ["", style.bold(p(key)), *([f"  {t.term}：{_oneline(t.sentence)}{_ref(t.link)}" for t in terms] or [f"  {p('none')}"])]
    out += ["", style.bold(p("sections"))]
    out += [f"  {p('sections_added')}{p('colon')}{s.heading}{_ref(s.link)}" for s in b.added]
    out += [f"  {p('sections_removed')}{p('colon')}{s.heading}{_ref(s.link)}" for s in b.removed]
    out += [f"  {p(name)}{p('colon')}{p('sections_more', n=more)}" for name, more in (("sections_added", b.added_more), ("sections_removed", b.removed_more)) if more]
    out += ["", *[f"  {line}" for line in b.counts]]
    out += ["", style.bold(p("numbers")), *_indented(numbers_table(result, p))]
    return "\n".join(out)


def _pair_ref(link: int | None) -> str:
    """Where the item stands among the pairs below ([35])."""
    return "" if link is None else f" [{link}]"


def _oneline(text: str) -> str:
    return text.replace("\n", "")


def _clip(text: str, columns: int, keep: str = "") -> str:
    """At most `columns` terminal columns on one line; a cut quotation says it is cut. A
    quotation that would lose `keep` (the figure a status stands on) is cut before it instead,
    from a third of the line ahead of it."""
    text = _oneline(text)
    if width(text) <= columns:
        return text
    at = text.find(keep) if keep else -1
    if at >= 0 and width(text[: at + len(keep)]) > columns - 1:
        start = at
        while start > 0 and width(text[start - 1 : at]) <= columns // 3:
            start -= 1
        return "…" + _clip(text[start:], columns - 1)
    used = 0
    for k, char in enumerate(text):  # one pass: a long quotation is not measured again per letter
        used += width(char)
        if used > columns - 1:
            return text[:k] + "…"
    return text


def report(result: Comparison, style: Style, lang: str = "zh") -> str:
    p = Presenter(lang)
    out = brief(result, style, p).split("\n")
    out += ["", style.bold(p("commitments")), f"  {p.commitments_note(result)}"]
    for group in p.promise_groups(result):
        out += ["", f"  {style.bold(group.status_name)} {group.count}"]
        for task, promises in group.tasks:
            out += [f"    {task}"] if task else []
            out += [f"      {_oneline(c.plan_text)}" + (f"  ⇒  {_clip(c.evidence, 100, c.figure)}" if c.evidence else "") for c in promises]
    lang_shift = result.language
    out += ["", style.bold(f"{p('language')} ({p('per_10k')})")]
    out.append(f"  {p('new_terms')}{p('colon')}{p.terms_line(lang_shift.added, 'new')}")
    out.append(f"  {p('dropped_terms')}{p('colon')}{p.terms_line(lang_shift.dropped, 'old')}")
    out.append(f"  {p('most_shifted')}{p('colon')}{p.terms_line(lang_shift.shifted, 'shifted')}")
    if lang_shift.intensity:
        out.append(f"  {p('intensity')}{p('colon')}" + "；".join(f"{'/'.join(s.old)}→{'/'.join(s.new)} {s.core}" for s in lang_shift.intensity[:8]))
    views = p.pairs(result)
    for relation in ("same_topic", "plan_to_review"):
        block = [(v, result.pairs[v.index]) for v in views if v.relation == relation]
        if not block:
            continue
        out += ["", style.bold(p("pairs") if relation == "same_topic" else p("plan_review"))]
        for view, pair in block:
            out += _pair(result, view, pair, style, p)
    return "\n".join(out) + "\n"


def stage(s, p: Presenter, names: list[str]) -> str:
    """A step of `track` (commitments.Stage): 2025年计划（全国 2025年政府工作报告）, the report
    by its name among `names`, the series' reports in the order given."""
    return p(f"track_{s.part}", year=s.year, report=names[s.report])


def gap(g, p: Presenter, names: list[str]) -> str:
    """A plan of `track` no later report reviews (commitments.Gap)."""
    return p("track_gap", plan=p("track_plan", year=g.year, report=names[g.report]), year=g.year)


def _pair(result: Comparison, view: PairView, pair, style: Style, p: Presenter) -> list[str]:
    indent = "  " * (view.level - 1)
    marks = p("sep").join(view.changes + ([p("weak")] if view.weak else []))
    out = ["", f"{indent}{style.bold(f'[{view.index}] {view.status_name}')} {view.similarity:.2f}  {view.old_heading}  →  {view.new_heading}" + (f"  ({marks})" if marks else "")]
    if view.also:
        out.append(f"{indent}    {p('also')} " + ", ".join(f"[{k}]" for k, _ in view.also))
    tables = [(label, table_rows(doc, sections)) for label, doc, sections in ((p("old"), result.old, pair.old), (p("new"), result.new, pair.new))]
    if any(rows for _, rows in tables):
        for label, rows in tables:
            if rows:
                out.append(f"{indent}    {label}{p('colon')}")
                out += [f"{indent}      " + line for line in table(rows).split("\n")]
        return out
    if pair.old and pair.new and pair.diff.changed and view.relation == "same_topic":
        body = "".join(style.op(o) for o in pair.diff.ops)
        out += [indent + "    " + line for line in body.split("\n") if line.strip()]
    return out


def lives(found, gaps, names: list[str], p: Presenter | None = None) -> str:
    """`reportdiff track`: each promise and what became of it, grouped by the report that made
    it; those no later report speaks of are counted, not listed (a last plan's are all of them)."""
    p = p or Presenter()
    out = [gap(g, p, names) for g in gaps]
    order = {"missed": 0, "partial": 1, "carried_over": 2, "not_reported": 3, "repeated": 4, "open": 5, "met": 6}
    made: dict = {}
    for life in found:
        made.setdefault(life.promised_in, []).append(life)
    for where in sorted(made, key=lambda s: s.report):
        group = sorted(made[where], key=lambda life: order[life.outcome])
        counts = Counter(life.outcome for life in group)
        tally = p("sep").join(f"{p.status(k)} {n}" if p.lang == "zh" else f"{n} {p.status(k)}" for k, n in sorted(counts.items(), key=lambda kv: order[kv[0]]))
        out += ["", p("promised_in", stage=stage(where, p, names), counts=tally)]
        for life in (life for life in group if life.events):
            out.append(f"  {pad(p.status(life.outcome), 12)} {life.plan_text}".replace("\n", ""))
            for report, event, evidence in life.events:
                out.append(f"      {stage(report, p, names)}{p('colon')}{p.status(event)}" + (f" — {_clip(evidence, 100)}" if evidence else ""))
        if counts.get("open"):
            out.append(f"  {p('track_unfollowed', n=counts['open'])}")
    return "\n".join(out).strip() + "\n"
