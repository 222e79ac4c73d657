"""The HTML report and the e-mail (issue 7), on the real seeds."""
from __future__ import annotations

import email
import re
from email import policy
from html.parser import HTMLParser

import pytest

from reportdiff import compare
from reportdiff.render.html import email as make_email
from reportdiff.render.html import render

from .conftest import seed


class _Collector(HTMLParser):
    """Collects ids, resource references, and checks tags balance."""

    VOID = {"meta", "br", "img", "link", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.ids, self.refs, self.stack, self.errors, self.styled = set(), [], [], [], {}
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("src", "href"):
            if key in attrs:
                self.refs.append(attrs[key])
        if tag in {"del", "ins"}:
            self.styled.setdefault(tag, []).append((attrs.get("class", ""), attrs.get("style", "")))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module", params=[("000", "001"), ("003", "001")])
def rendered(request):
    old, new = request.param
    result = compare(seed(old), seed(new))
    html = render(result)
    parser = _Collector()
    parser.feed(html)
    return result, html, parser


def test_well_formed_and_self_contained(rendered):
    _, html, parser = rendered
    assert not parser.errors and not parser.stack
    assert not [r for r in parser.refs if not r.startswith("#")], "only in-page links"
    assert not re.search(r"(src|href|url)\s*[=(]\s*['\"]?\s*(https?:)?//", html)
    assert "<link" not in html and "@import" not in html


def test_every_aligned_section_is_present(rendered):
    result, _, parser = rendered
    for i, pair in enumerate(result.pairs):
        assert f"p{i}" in parser.ids
    text = "".join(parser.text)
    for pair in result.pairs:
        for section in pair.old + pair.new:
            assert section.heading in text


def test_number_table_rows_present(rendered):
    result, html, _ = rendered
    table = html[html.index('id="numbers"') : html.index('id="commitments"')]
    for pair in result.numbers.pairs:
        assert pair.indicator in table
        assert f"{pair.new.value:g}{pair.new.unit}" in table


def test_styles_are_inlined_and_differ_without_colour(rendered):
    _, html, parser = rendered
    assert "<style>" in html  # kept for browsers
    dels, inss = parser.styled.get("del", []), parser.styled.get("ins", [])
    assert dels and inss
    assert all("line-through" in style for cls, style in dels if cls.startswith("del"))
    assert all("underline" in style for cls, style in inss if cls.startswith("ins"))
    assert all("font-weight: 700" in style for cls, style in dels + inss if cls.endswith("numchg"))
    assert "PingFang SC" in html and "@media print" in html and "max-width: 700px" in html


def test_report_text_is_escaped(tmp_path):
    hostile = "一、2024年工作回顾\n\n（一）安全\n\n完成<script>alert('x')</script>改造 & 提升，投资5亿元。\n"
    plain = "一、2025年工作回顾\n\n（一）安全\n\n完成道路改造 & 提升，投资6亿元。\n"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(hostile, encoding="utf-8")
    b.write_text(plain, encoding="utf-8")
    html = render(compare(a, b))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&amp; 提升" in html or "&amp;提升" in html


def test_email_parses_back_into_summary_and_attachment():
    result = compare(seed("000"), seed("001"))
    report = render(result)
    raw = make_email(result, report, "editor@example.org", "2025 review", "review.html")
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "editor@example.org" and message["Subject"] == "2025 review"
    body = message.get_body(preferencelist=("html",))
    assert "地区生产总值" in body.get_content() and "review.html" in body.get_content()
    # The plain-text part carries the brief too, for mail read as text: both years' targets and the plan's fate.
    plain = message.get_body(preferencelist=("plain",)).get_content()
    assert "Main targets" in plain and "地区生产总值" in plain and "Commitments:" in plain and "missed" in plain
    attachments = list(message.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["review.html"]
    assert attachments[0].get_content().rstrip("\n") == report.rstrip("\n")  # MIME ends text parts with a newline


def test_cli_writes_html_and_email(tmp_path, run_cli):
    out, eml = tmp_path / "review.html", tmp_path / "review.eml"
    code, _, err = run_cli("2024", "2025", "-o", str(out), "--email", str(eml), "--to", "a@example.org")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "a@example.org"
