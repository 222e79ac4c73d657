"""The HTML report: one self-contained file, styles inlined for mail clients.

Jinja2 templates (``templates/``) render a view of the Comparison built here;
css-inline then copies every rule onto the elements it styles, so the page
survives mail clients that drop ``<style>``, while the ``<style>`` block stays
for browsers (media queries for phones and print use ``!important`` to beat
the inlined rules). No external resource is referenced.
"""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from .. import __version__
from ..compare import Comparison
from ..corpus import bundled, reader_name
from ..document import Document
from .text import Style, _years, also_paired, brief, change_text, figure, indicator_name, table_rows, target_change

STATUS_NAMES = {"met": "met", "missed": "missed", "partial": "partial", "not_reported": "not reported", "carried_over": "carried over"}


def _environment():
    # jinja2 and css-inline load only when a page is rendered: a text or JSON run never needs them.
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(str(bundled("templates"))), autoescape=select_autoescape(["j2", "html"]), trim_blocks=True, lstrip_blocks=True)


def _doc(doc: Document) -> dict:
    m = doc.meta
    return {
        "title": m.title or Path(doc.source.path).name,
        "region": m.region or "?",
        "kind": m.kind,
        "label": reader_name(m),
        "delivered": m.delivered or "?",
        "reviews": _years(m.reviews),
        "plans": _years(m.plans),
        "path": Path(doc.source.path).name,
    }


def _runs(ops, side: str) -> list[dict]:
    runs = []
    for op in ops:
        if op.op == ("+" if side == "old" else "-"):
            continue
        text = op.old_text if side == "old" and op.old_text is not None else op.text
        css = "routine" if op.routine else ("del" if side == "old" else "ins") + (" numchg" if op.number else "")
        runs.append({"kind": "=" if op.op == "=" else op.op, "text": text, "css": css, "moved": op.moved})
    return runs


def view(result: Comparison) -> dict:
    pairs = []
    also = also_paired(result)
    titles = [" + ".join(s.heading for s in (p.new or p.old)) for p in result.pairs]
    for index, pair in enumerate(result.pairs):
        diff = pair.diff
        entry = {
            "index": index,
            "level": min(pair.level, 3),
            "status": pair.status,
            "relation": pair.relation,
            "similarity": f"{pair.similarity:.2f}",
            "forced": pair.forced,
            "changed": diff.changed,
            "old_headings": [s.heading for s in pair.old],
            "new_headings": [s.heading for s in pair.new],
            "title": titles[index],
            "show_text": True,
            "also": [{"index": i, "title": titles[i]} for i in also[index]],
            "old_table": table_rows(result.old, pair.old),
            "new_table": table_rows(result.new, pair.new),
        }
        if pair.relation == "plan_to_review":
            # Plan wording against review wording is not an edit: show both plainly.
            entry["old_runs"] = [{"kind": "=", "text": diff.old_text, "css": "", "moved": None}]
            entry["new_runs"] = [{"kind": "=", "text": diff.new_text, "css": "", "moved": None}]
        else:
            entry["old_runs"], entry["new_runs"] = _runs(diff.ops, "old"), _runs(diff.ops, "new")
        pairs.append(entry)
    numbers = []
    for p in result.numbers.pairs:
        change = change_text(p)
        numbers.append(
            {
                "indicator": indicator_name(p),
                "kind": {"actual": "actual", "target": "target"}[p.kind],
                "old": figure(p.old),
                "new": figure(p.new),
                "old_text": p.old.text,
                "new_text": p.new.text,
                "change": change,
                "arrow": p.direction,
                "css": {"↑": "up", "↓": "down"}.get(p.direction, "muted"),
            }
        )
    c = result.commitments
    commitments = {
        "applicable": c.applicable,
        "note": c.note,
        "counts": list(c.counts().items()),
        "entries": [
            {"status": i.status, "plan_text": i.plan_text, "section": i.plan_section, "outcome_text": i.outcome_text, "carried_text": i.carried_text, "reason": i.reason}
            for i in c.items
        ],
    }
    same = [p for p in pairs if p["relation"] == "same_topic"]
    plan = [p for p in pairs if p["relation"] == "plan_to_review"]
    groups = [{"id": "aligned", "title": "Aligned sections", "note": "Old report on the left, new on the right.", "pairs": same}]
    if plan:
        groups.append({"id": "plan-review", "title": "Plan → review", "note": f"What the old report planned for {c.year} beside what the new report says happened.", "pairs": plan})
    return {
        "version": __version__,
        "old": _doc(result.old),
        "new": _doc(result.new),
        "stats": result.stats(),
        "numbers": numbers,
        "targets": [{"old": t.old or "—", "new": t.new or "—", "change": target_change(t)} for t in result.numbers.targets],
        "commitments": commitments,
        "language": result.language,
        "pairs": pairs,
        "groups": groups,
        "status_names": STATUS_NAMES,
    }


def _css() -> str:
    return (bundled("templates") / "report.css").read_text(encoding="utf-8")


def _inline(html: str) -> str:
    import css_inline

    inliner = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)
    return inliner.inline(html)


def render(result: Comparison) -> str:
    """The full side-by-side report as one self-contained HTML page."""
    html = _environment().get_template("report.html.j2").render(css=_css(), **view(result))
    return _inline(html)


def email(result: Comparison, report_html: str, to: str | None, subject: str | None, attachment_name: str = "reportdiff.html") -> bytes:
    """A MIME message: a short HTML summary as the body, the report attached."""
    context = view(result)
    body = _environment().get_template("email.html.j2").render(css=_css(), attachment=attachment_name, **context)
    message = EmailMessage()
    message["Subject"] = subject or f"reportdiff: {context['old']['label']} → {context['new']['label']} ({context['new']['region']})"
    if to:
        message["To"] = to
    message["From"] = "reportdiff <reportdiff@localhost>"
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="reportdiff.localhost")
    message.set_content(brief(result, Style(False)) + "\n\nThe full report, side by side, is attached (HTML).\n")
    message.add_alternative(_inline(body), subtype="html")
    message.add_attachment(report_html, subtype="html", charset="utf-8", filename=attachment_name)
    return message.as_bytes()
