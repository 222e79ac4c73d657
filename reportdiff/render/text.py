"""Plain-text and terminal rendering: the report printed when output is piped."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ..compare import Comparison
from ..corpus import Entry, reader_name
from ..diff import Op
from ..document import Document


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


def corpus(entries: list[Entry]) -> str:
    rows = [["id", "region", "kind", "delivered", "reviews", "plans", "title"]]
    for e in entries:
        m = e.document.meta
        rows.append([e.id, m.region or "?", m.kind, m.delivered or "-", _years(m.reviews), _years(m.plans), m.title[:40]])
    return table(rows) + "\n"


def _years(years: tuple[int, ...]) -> str:
    if not years:
        return "-"
    if len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ",".join(map(str, years))


def describe(doc: Document) -> str:
    m = doc.meta
    # the file's name, not where it lives (a bundled seed sits deep in site-packages)
    return f"{Path(doc.source.path).name}: {m.region or '?'} {reader_name(m)} ({m.kind}), delivered {m.delivered or '?'}, reviews {_years(m.reviews)}, plans {_years(m.plans)}"


def outline(doc: Document) -> str:
    lines = [describe(doc)]
    for section in doc.outline.walk():
        lines.append("  " * (section.level - 1) + f"{section.level} {section.heading}")
    return "\n".join(lines) + "\n"


def figure(q) -> str:
    """A figure as a reader quotes it: sign of a decline, range, qualifier (-2.7%, 4.5—5%, 5%左右)."""
    value = f"{q.signed:g}" if q.high is None else f"{q.signed:g}—{q.signed_high:g}"
    return f"{value}{q.unit}{q.qualifier if q.qualifier in ('以上', '左右', '以下', '余') else ''}"


def change_text(p) -> str:
    """New minus old: points for rates and shares (-1个百分点), a range when either figure is one."""
    unit = "个百分点" if p.new.family in {"%", "个百分点"} else "" if p.points and p.new.family == ":1" else p.new.unit
    if p.change_range is not None:
        low, high = p.change_range
        return f"{low:+g}{unit}" if low == high else f"{low:+g}～{high:+g}{unit}"
    change = f"{p.change:+g}{unit}"
    return change + (f" ({p.change_pct:+g}%)" if p.change_pct is not None else "")


def indicator_name(p) -> str:
    return p.indicator + (" 增速" if p.measure == "growth" else "")


def numbers_table(result: Comparison) -> str:
    if not result.numbers.pairs:
        return "(no indicator appears in both reports)"
    rows = [["indicator", "kind", "old", "new", "change", ""]]
    for p in result.numbers.pairs:
        rows.append([indicator_name(p), p.kind, figure(p.old), figure(p.new), change_text(p), p.direction])
    return table(rows)


def targets_table(result: Comparison) -> str:
    """The main targets of both years side by side, qualitative ones too."""
    if not result.numbers.targets:
        return "(no list of main targets found)"
    rows = [["old target", "new target", "change"]]
    for t in result.numbers.targets:
        rows.append([(t.old or "—").replace("\n", ""), (t.new or "—").replace("\n", ""), target_change(t)])
    return table(rows)


def target_change(t) -> str:
    """How a main target moved: in points or units when both are figures, else new / dropped / reworded."""
    if t.pair:
        old, new = t.pair.old.qualifier, t.pair.new.qualifier
        if t.pair.change == 0 and old != new:
            return f"{old or '—'} → {new or '—'}"  # 1200万人左右 → 1200万人以上: the same figure, a firmer promise
        return change_text(t.pair)
    if t.old is None or t.new is None:
        return "new" if t.old is None else "dropped"
    return "" if "".join(t.old.split()) == "".join(t.new.split()) else "reworded"


def commitments_summary(result: Comparison) -> str:
    c = result.commitments
    if not c.applicable:
        return c.note
    counts = c.counts()
    lines = [c.note + ": " + ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items())]
    for item in c.items:
        evidence = item.outcome_text or item.carried_text or ""
        lines.append(f"{item.status:13} {item.plan_text}" + (f"  ⇒  {evidence[:60]}" if evidence else ""))
    return "\n".join(line.replace("\n", "") for line in lines)


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


def also_paired(result: Comparison) -> dict[int, list[int]]:
    """For each pair, the other pairs of its relation that one of its sections also stands in."""
    seen: dict[tuple[str, int], list[int]] = {}
    for index, pair in enumerate(result.pairs):
        for section in pair.old + pair.new:
            seen.setdefault((pair.relation, id(section)), []).append(index)
    out: dict[int, list[int]] = {}
    for index, pair in enumerate(result.pairs):
        others = {i for s in pair.old + pair.new for i in seen[pair.relation, id(s)] if i != index}
        out[index] = sorted(others)
    return out


def brief(result: Comparison, style: Style) -> str:
    """What a reader wants first: the two reports, the counts, the main targets of both
    years, the number changes and how last year's plan fared (the e-mail's text part)."""
    out = [style.bold("reportdiff"), f"old: {describe(result.old)}", f"new: {describe(result.new)}", ""]
    stats = result.stats()
    s = stats["sections"]
    out.append(
        f"Sections: {s['matched']} matched, {s['split']} split, {s['merged']} merged, {s['added']} added, {s['removed']} removed; "
        f"{stats['sections_changed']} changed, {stats['sentences_moved']} sentences moved; "
        f"{stats['chars_deleted']} characters deleted, {stats['chars_inserted']} inserted"
    )
    c = result.commitments
    if c.applicable:
        out.append("Commitments: " + ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in c.counts().items()))
    out += ["", style.bold("Main targets")]
    out += ["  " + line for line in targets_table(result).split("\n")]
    out += ["", style.bold("Number changes")]
    out += ["  " + line for line in numbers_table(result).split("\n")]
    return "\n".join(out)


def report(result: Comparison, style: Style) -> str:
    out = brief(result, style).split("\n")
    out += ["", style.bold("Commitments")]
    out += ["  " + line for line in commitments_summary(result).split("\n")]
    lang = result.language
    out.append("")
    out.append(style.bold("Language shift (per 10k characters)"))
    out.append("  new terms:     " + ("、".join(f"{t.term}({t.new:g})" for t in lang.added[:12]) or "-"))
    out.append("  dropped terms: " + ("、".join(f"{t.term}({t.old:g})" for t in lang.dropped[:12]) or "-"))
    out.append("  most shifted:  " + ("、".join(f"{t.term} {t.old:g}→{t.new:g}" for t in lang.shifted[:12]) or "-"))
    if lang.intensity:
        out.append("  intensity:     " + "；".join(f"{'/'.join(s.old)}→{'/'.join(s.new)} {s.core}" for s in lang.intensity[:8]))
    out += [f"  + {t.term}: {t.sentence}" for t in lang.added[:5] if t.sentence]
    out += [f"  - {t.term}: {t.sentence}" for t in lang.dropped[:5] if t.sentence]
    also = also_paired(result)
    for relation, title in (("same_topic", "Aligned sections"), ("plan_to_review", "Plan → review (what happened to last year's plan)")):
        block = [(i, p, p.diff) for i, p in enumerate(result.pairs) if p.relation == relation]
        if not block:
            continue
        out += ["", style.bold(title)]
        for i, pair, diff in block:
            indent = "  " * (pair.level - 1)
            old_h = " + ".join(x.heading for x in pair.old) or "—"
            new_h = " + ".join(x.heading for x in pair.new) or "—"
            out.append("")
            out.append(f"{indent}{style.bold(f'[{i}] {pair.status}')} {pair.similarity:.2f}  {old_h}  →  {new_h}")
            if also[i]:
                out.append(f"{indent}    also paired with " + ", ".join(f"[{k}]" for k in also[i]))
            tables = [(label, table_rows(doc, sections)) for label, doc, sections in (("old", result.old, pair.old), ("new", result.new, pair.new))]
            if any(rows for _, rows in tables):
                for label, rows in tables:
                    if rows:
                        out.append(f"{indent}    {label}:")
                        out += [f"{indent}      " + line for line in table(rows).split("\n")]
                continue
            if pair.old and pair.new and diff.changed and relation == "same_topic":
                body = "".join(style.op(o) for o in diff.ops)
                out += [indent + "    " + line for line in body.split("\n") if line.strip()]
    return "\n".join(out) + "\n"


def stage(s) -> str:
    """A step of `track` (commitments.Stage): 2025 plan (report 2), the report counted from 1 in the order given."""
    return f"{s.year} {s.part} (report {s.report + 1})"


def gap(g) -> str:
    """A plan of `track` no later report reviews (commitments.Gap)."""
    return f"{g.year} plan (report {g.report + 1}): no later report reviews {g.year}; its promises are only followed into later plans"


def lives(found, gaps) -> str:
    """`reportdiff track`: each promise and what became of it, grouped by the report that made it."""
    out = [gap(g) for g in gaps]
    current = None
    order = {"missed": 0, "partial": 1, "carried_over": 2, "not_reported": 3, "repeated": 4, "open": 5, "met": 6}
    for life in sorted(found, key=lambda l: (l.promised_in, order[l.outcome])):
        if life.promised_in != current:
            current = life.promised_in
            counts = {}
            for l in found:
                if l.promised_in == current:
                    counts[l.outcome] = counts.get(l.outcome, 0) + 1
            out += ["", f"Promised in the {stage(current)}: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(counts.items(), key=lambda kv: order[kv[0]]))]
        out.append(f"  {life.outcome:12} {life.plan_text}".replace("\n", ""))
        for report, event, evidence in life.events:
            out.append(f"      {stage(report)}: {event.replace('_', ' ')}" + (f" — {evidence[:70]}".replace("\n", "") if evidence else ""))
    return "\n".join(out).strip() + "\n"
