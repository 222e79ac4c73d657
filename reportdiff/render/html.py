"""The HTML report and the e-mail: one self-contained page, the brief first.

Jinja2 templates (``templates/``) lay out what the presenter words. The report
keeps its styles in one ``<style>`` block and marks elements by class (a page of
a few hundred kilobytes that opens at once); only the e-mail body, read by mail
clients that drop ``<style>``, has its rules copied onto its elements by
css-inline. No external resource is referenced.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import __version__
from ..cache import compiled_templates
from ..compare import Comparison
from ..corpus import bundled
from ..present import PairView, Presenter, Run
from .text import Style, brief, table_rows


@lru_cache(maxsize=1)  # one a process: a batch compiles each template once, not once a page
def _environment():
    # jinja2 and css-inline load only when a page is rendered: a text or JSON run never needs them.
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(bundled("templates"))), autoescape=select_autoescape(["j2", "html"]), trim_blocks=True, lstrip_blocks=True,
        bytecode_cache=compiled_templates(),
    )


@dataclass
class _PairPage:
    """A pair as the page shows it: the presenter's view, both sides' runs or tables."""

    view: PairView
    old_runs: list[Run]
    new_runs: list[Run]
    old_table: list[list[str]] | None
    new_table: list[list[str]] | None


def view(result: Comparison, lang: str = "zh") -> dict:
    p = Presenter(lang)
    pages = []
    for v in p.pairs(result):
        pair = v.pair
        plain = pair.relation == "plan_to_review"  # plan wording against review wording is not an edit
        pages.append(_PairPage(v, p.runs(pair.diff, "old", plain), p.runs(pair.diff, "new", plain), table_rows(result.old, pair.old), table_rows(result.new, pair.new)))
    groups = [(relation, [page for page in pages if page.view.relation == relation]) for relation in ("same_topic", "plan_to_review")]
    return {
        "p": p,
        "lang": lang,
        "version": __version__,
        "brief": p.brief(result),
        "target_years": p.target_years(result),
        "numbers": p.numbers(result),
        "promise_groups": p.promise_groups(result),
        "language": result.language,
        "pages": pages,
        "groups": [(relation, block) for relation, block in groups if block],
        "folded": sum(1 for page in pages if page.view.folded),
    }


def _css() -> str:
    return (bundled("templates") / "report.css").read_text(encoding="utf-8")


def _inline(html: str) -> str:
    import css_inline

    inliner = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)
    return inliner.inline(html)


def render(result: Comparison, lang: str = "zh") -> str:
    """The full side-by-side report as one self-contained HTML page, the brief first."""
    return _environment().get_template("report.html.j2").render(css=_css(), **view(result, lang))


def email(
    result: Comparison, report_html: str, to: str | None, subject: str | None, attachment_name: str = "reportdiff.html", lang: str = "zh"
) -> bytes:
    """A MIME message: the brief as the body (HTML and plain text), the report attached."""
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    context = view(result, lang)
    p: Presenter = context["p"]
    b = context["brief"]
    body = _environment().get_template("email.html.j2").render(css=_css(), attachment=attachment_name, **context)
    message = EmailMessage()
    message["Subject"] = subject or f"reportdiff: {b.old.label} → {b.new.label}"
    if to:
        message["To"] = to
    message["From"] = "reportdiff <reportdiff@localhost>"
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="reportdiff.localhost")
    message.set_content(brief(result, Style(False), p, refs=False) + "\n\n" + p("attached", name=attachment_name) + "\n")
    message.add_alternative(_inline(body), subtype="html")
    message.add_attachment(report_html, subtype="html", charset="utf-8", filename=attachment_name)
    return message.as_bytes()
