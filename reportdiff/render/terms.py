"""The ledger of formulations as text, JSON and HTML (with a sparkline per formulation)."""
from __future__ import annotations

from dataclasses import replace

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..corpus import bundled
from ..present import Presenter
from ..terms import Formulation, Ledger, YearEntry, to_json
from .json import SCHEMA, dumps

# Where a phrase stands, as the ledger names it (a body or review phrase is not marked).
PLACE_WORDS = {"heading": "g_heading", "targets": "g_targets"}


def shown(ledger: Ledger, years: list[int] | None) -> list[YearEntry]:
    """The reports asked for (by delivery year), else all but the first (it has nothing before it)."""
    if years:
        return [e for e in ledger.reports if e.year in years]
    return ledger.reports[1:]


def _listed(entries: list[YearEntry]) -> list[str]:
    seen: dict[str, None] = {}
    for e in entries:
        for f in e.new + e.dropped:
            seen.setdefault(f.term, None)
        for s in e.intensity:
            seen.setdefault(s.core, None)
    return list(seen)


def data(ledger: Ledger, years: list[int] | None = None) -> dict:
    entries = shown(ledger, years)
    full = to_json(ledger)
    keep = {e.year for e in entries}  # a series holds one report a year
    reports = [r for r in full["reports"] if r["year"] in keep]
    terms = {t: full["terms"][t] for t in _listed(entries) if t in full["terms"]}
    return {"schema": SCHEMA, "reports": reports, "terms": terms}


def json_text(ledger: Ledger, years: list[int] | None = None) -> str:
    return dumps(data(ledger, years))


def text(ledger: Ledger, years: list[int] | None = None, p: Presenter | None = None) -> str:
    """Every formulation the ledger lists (as many as `terms --top` asked for), as JSON and HTML show them."""
    p = p or Presenter()
    out = []
    for e in shown(ledger, years):
        out.append(f"{e.year}  {e.path}")
        colon, sep = p("colon"), p("list_sep")
        out.append(f"  {p('new_terms')}{colon}" + (sep.join(_mark(f) for f in e.new) or p("none")))
        out.append(f"  {p('g_dropped')}{colon}" + (sep.join(_mark(f) for f in e.dropped) or p("none")))
        if e.intensity:
            out.append(f"  {p('intensity')}{colon}" + sep.join(f"{'/'.join(s.old)}→{'/'.join(s.new)} {s.core}" for s in e.intensity))
        out.append("")
    return "\n".join(out)


def _mark(f: Formulation) -> str:
    note = ("★" if f.first else "") + (f"×{f.count}" if f.count > 1 else "")
    return f.term + note


def sparkline(values: list[float], width: int = 120, height: int = 18) -> str:
    """An inline SVG line of values over the series' years, drawn in the units of the viewBox
    (a year a unit, whole heights): a phrase of a few years is flat most of the series, and a
    flat run is one horizontal step, so a line costs bytes by its changes, not by the years."""
    if not values:
        return ""
    top = max(values) or 1.0
    ys = [round(height - 1 - v / top * (height - 2)) for v in values]
    path = [f"M0 {ys[0]}"]
    k = 0
    while k < len(ys) - 1:
        run = 1
        while k + run < len(ys) - 1 and ys[k + run] == ys[k]:
            run += 1
        if ys[k + run] == ys[k]:
            path.append(f"h{run}")
        else:
            if run > 1:
                path.append(f"h{run - 1}")
            path.append(f"l1 {ys[k + run] - ys[k]}")
        k += run
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {max(len(ys) - 1, 1)} {height}" preserveAspectRatio="none" role="img">'
        f'<path d="{"".join(path)}"/></svg>'
    )


# A page a reader opens and e-mails: about this many rows over all the years shown, shared out
# among them (the whole series: each year's top 15 or so; one year: its whole list). The JSON
# output keeps every listed formulation.
PAGE_ROWS = 1200
_LEAST_ROWS = 8
_CONTEXT = 30  # characters of the sentence shown either side of the phrase


def page_share(entries: list[YearEntry]) -> tuple[int, int]:
    """How many new and dropped formulations each year shows on the page."""
    rows = max(_LEAST_ROWS, PAGE_ROWS // max(len(entries), 1))
    return rows - rows // 3, rows // 3


def excerpt(sentence: str, term: str) -> str:
    """The sentence, shortened to _CONTEXT characters either side of the phrase."""
    at = sentence.find(term)
    if at < 0 or len(sentence) <= len(term) + 2 * _CONTEXT:
        return sentence
    lo, hi = max(at - _CONTEXT, 0), at + len(term) + _CONTEXT
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def html(ledger: Ledger, years: list[int] | None = None, p: Presenter | None = None) -> str:
    p = p or Presenter()
    full = shown(ledger, years)
    new_rows, dropped_rows = page_share(full)
    entries = [
        replace(e, new=[replace(f, sentence=excerpt(f.sentence, f.term)) for f in e.new[:new_rows]],
                dropped=[replace(f, sentence=excerpt(f.sentence, f.term)) for f in e.dropped[:dropped_rows]])
        for e in full
    ]
    series_years = [e.year for e in ledger.reports]
    lines = {}
    for term in _listed(entries):
        h = ledger.terms.get(term)
        if h:
            lines[term] = {
                "svg": sparkline([h.per_10k.get(y, 0.0) for y in series_years]),
                "first": h.first_seen, "last": h.last_seen,
            }
    env = Environment(
        loader=FileSystemLoader(str(bundled("templates"))), autoescape=select_autoescape(["j2", "html"]), trim_blocks=True, lstrip_blocks=True
    )
    return env.get_template("terms.html.j2").render(
        entries=entries, lines=lines, listed={e.year: (len(f.new), len(f.dropped)) for e, f in zip(entries, full)}, places={k: p(w) for k, w in PLACE_WORDS.items()}, w=p, lang=p.lang, span=f"{series_years[0]}–{series_years[-1]}" if series_years else ""
    )
