"""Whatever comes in, the pipeline either works or says why in one line (issue 9)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff import compare
from reportdiff.document import from_source, read
from reportdiff.errors import ReportdiffError
from reportdiff.load import Source
from reportdiff.render import html as render_html
from reportdiff.render import json as render_json
from reportdiff.render import text as render_text

from .conftest import seed, seed_path

SEED_TEXT = seed_path("000").read_text(encoding="utf-8")
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


class _Balance(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self):
        super().__init__()
        self.stack, self.bad = [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad += 1


def run_everything(old, new) -> None:
    """The whole pipeline and every renderer; only ReportdiffError may escape."""
    try:
        result = compare(old, new)
    except ReportdiffError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    render_json.dumps(render_json.comparison(result))
    render_text.report(result, render_text.Style(False))
    page = render_html.render(result)
    checker = _Balance()
    checker.feed(page)
    assert checker.bad == 0 and checker.stack == []


def doc(text: str):
    return from_source(Source("generated.txt", text, "txt"))


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    try:
        document = read(path)
    except ReportdiffError as exc:
        assert "\n" not in str(exc)
        return
    run_everything(document, seed("001"))


@FAST
@given(st.text(max_size=2000))
def test_random_unicode(text):
    run_everything(doc(text), seed("000"))


@FAST
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_truncated_seed(cut):
    run_everything(doc(SEED_TEXT[:cut]), seed("001"))


def test_seed_with_all_headings_removed():
    lines = [line for line in SEED_TEXT.split("\n") if not re.match(r"\s*(#+\s*)?([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", line)]
    headless = doc("\n".join(lines))
    assert not [s for s in headless.outline.walk() if s.kind == "numbered"]
    run_everything(headless, seed("001"))


def test_one_giant_paragraph():
    run_everything(doc(SEED_TEXT.replace("\n", "")), seed("001"))


def test_ten_seeds_concatenated():
    run_everything(doc("\n\n".join([SEED_TEXT] * 10)), seed("001"))


@FAST
@given(st.text(alphabet=st.sampled_from(list("一二三四五六七八九十、（）()是。，；：\n**#▲ 0123456789.%亿元万增长完成地区生产总值第章节附件")), max_size=600))
def test_report_shaped_noise(text):
    run_everything(doc(text), doc(text[::-1]))
