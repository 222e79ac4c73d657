"""The ledger of formulations as text, JSON and HTML (with a sparkline per formulation)."""
from __future__ import annotations

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
    """An inline SVG polyline of values over the series' years."""
    if not values:
        return ""
    top = max(values) or 1.0
    step = width / max(len(values) - 1, 1)
    points = " ".join(f"{i * step:.1f},{height - 1 - v / top * (height - 2):.1f}" for i, v in enumerate(values))
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">'
        f'<polyline fill="none" stroke="currentColor" stroke-width="1.2" points="{points}"/></svg>'
    )


def html(ledger: Ledger, years: list[int] | None = None, p: Presenter | None = None) -> str:
    p = p or Presenter()
    entries = shown(ledger, years)
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
        entries=entries, lines=lines, places={k: p(w) for k, w in PLACE_WORDS.items()}, w=p, lang=p.lang, span=f"{series_years[0]}–{series_years[-1]}" if series_years else ""
    )
