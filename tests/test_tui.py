"""The Textual viewer driven by its pilot (issues 8, 19).

Navigation is tested on the seed pair 000 → 001; the look (snapshots) on a small
comparison written for it (tests/data/viewer_*.txt), so that a change of the
aligner does not redraw them.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text

from reportdiff import compare
from reportdiff.tui import ListScreen, ReportdiffApp, marker, paragraphs, wrap

from .conftest import moved_and_reworded, seed

DATA = Path(__file__).resolve().parent / "data"


def make_app(tmp_path, lang: str = "zh") -> ReportdiffApp:
    return ReportdiffApp(lambda: compare(seed("000"), seed("001")), str(tmp_path / "export.html"), lang)


def small_app(tmp_path) -> ReportdiffApp:
    return ReportdiffApp(lambda: compare(DATA / "viewer_old.txt", DATA / "viewer_new.txt"), str(tmp_path / "export.html"))


async def ready(pilot) -> None:
    for _ in range(300):
        if pilot.app.result is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def shown_text(app) -> str:
    return "".join(a.plain + b.plain for a, b in app.rows)


async def test_it_opens_on_the_brief_and_enter_jumps_to_the_pair(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.current is None
        first_screen = str(app.query_one("#pair").render())
        assert first_screen.startswith("主要预期目标") and "个百分点" in first_screen and "未完成" in first_screen
        counts = app.p.status_counts(app.result)
        assert "承诺落实情况：" + "，".join(f"{name} {n}" for _, name, n, _ in counts) in first_screen, "the counts on the first screen"
        await pilot.press("b")
        assert isinstance(app.screen, ListScreen)
        options = app.screen.query_one("#list")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0] == "主要预期目标" and any("个百分点" in p for p in prompts)
        screen = app.screen
        first = next(i for i in range(options.option_count) if screen.link(i) is not None)
        options.highlighted = first
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ListScreen)
        assert app.current == screen.link(first)


async def test_n_and_p_visit_every_changed_section(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        result = app.result
        changed = [i for i, p in enumerate(result.pairs) if marker(p, p.diff) != "="]
        visited = []
        for _ in range(len(changed)):
            await pilot.press("n")
            visited.append(app.current)
        assert sorted(set(visited)) == changed
        await pilot.press("p")
        assert app.current == changed[-2]


async def test_navigator_rows_show_old_and_new_headings(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        nav = app.query_one("#nav")
        pair = app.result.pairs[0]
        row = str(nav.get_option_at_index(0).prompt)
        old_line, new_line = row.split("\n")
        assert pair.old[0].heading[:4] in old_line and "→" not in old_line
        assert "→" in new_line and pair.new[0].heading[:4] in new_line
        # at 80 columns the five-year retrospective's rows (new headings all 五年来，我们抓…) still tell apart
        five = [str(nav.get_option_at_index(i).prompt) for i in range(nav.option_count) if "五年来" in str(nav.get_option_at_index(i).prompt)]
        assert len(set(five)) == len(five) > 1


async def test_filter_hides_unchanged_and_keeps_number_changes(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        everything = len(app.shown)
        await pilot.press("f")
        assert app.filter == "changed"
        assert all(marker(app.result.pairs[i], app.result.pairs[i].diff) != "=" for i in app.shown)
        await pilot.press("f")
        assert app.filter == "numbers" and 0 < len(app.shown) < everything
        assert all(any(o.number for o in app.result.pairs[i].diff.ops) for i in app.shown)
        await pilot.press("f")
        assert app.filter == "all" and len(app.shown) == everything


@pytest.mark.parametrize("phrase, side", [("争资工作", "old"), ("作风建设持续推进", "new")])
async def test_search_finds_and_highlights_a_phrase_from_each_report(tmp_path, phrase, side):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.press(*phrase)
        await pilot.press("enter")
        assert app.matches
        diff = app.result.pairs[app.current].diff
        assert phrase in (diff.old_text if side == "old" else diff.new_text)
        assert phrase in shown_text(app)
        cells = [cell for row in app.rows for cell in row]
        hits = [span for cell in cells for span in cell.spans if "reverse" in str(span.style) and cell.plain[span.start : span.end] == phrase]
        assert hits, "the hit is highlighted"


async def test_enter_on_a_commitment_and_a_number_jumps_to_its_pair(tmp_path):
    app = small_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        options = app.screen.query_one("#list")
        missed = next(i for i in range(options.option_count) if "新增停车位" in str(options.get_option_at_index(i).prompt))
        assert "⇒" in str(options.get_option_at_index(missed).prompt), "the evidence is in the row, wrapped, not off-screen"
        options.highlighted = missed
        await pilot.press("enter")
        await pilot.pause()
        assert "新增停车位800个" in app.result.pairs[app.current].diff.old_text
        assert "增长5.2%" in (await _jump(pilot, app, "t", "地区生产总值 增速")).diff.new_text
        assert "数智工厂" in (await _jump(pilot, app, "w", "数智工厂")).diff.new_text


async def _jump(pilot, app, key: str, opening: str):
    """Open a list with `key`, press Enter on the row that starts with `opening`: the pair shown."""
    await pilot.press(key)
    options = app.screen.query_one("#list")
    options.highlighted = next(i for i in range(options.option_count) if str(options.get_option_at_index(i).prompt).startswith(opening))
    await pilot.press("enter")
    await pilot.pause()
    return app.result.pairs[app.current]


@pytest.mark.parametrize("columns", [12, 17, 24, 31])
def test_lines_break_between_characters_never_inside_a_figure(columns):
    text = seed("001").text[:3000]
    lines = wrap(Text(text), columns).plain.split("\n")
    assert "".join(lines) == text.replace("\n", "")
    assert all(cell_len(line) <= columns for line in lines)
    for a, b in itertools.pairwise(lines):
        if a and b:
            assert not (a[-1].isdigit() and (b[0].isdigit() or b[0] in ".%")), (a, b)
            assert b[0] not in "，。；：、）%"


def test_paragraphs_stand_beside_their_counterparts():
    result = compare(DATA / "viewer_old.txt", DATA / "viewer_new.txt")
    rows = [row for p in result.pairs if p.relation == "same_topic" for row in paragraphs(p.diff)]
    assert any(old.plain.startswith("过去一年") and new.plain.startswith("过去一年") for old, new in rows)
    assert any("规模以上工业增加值增长7.2%" in old.plain and "规模以上工业增加值增长8.4%" in new.plain for old, new in rows)


def test_a_moved_and_reworded_sentence_shows_its_edits_where_it_now_stands(tmp_path):
    old, new = moved_and_reworded(tmp_path)
    result = compare(old, new)
    pair = next(p for p in result.pairs if any(o.edits for o in p.diff.ops))
    cells = [new_side for _, new_side in paragraphs(pair.diff)]
    cell = next(c for c in cells if "停车位" in c.plain)
    assert "2000个" in cell.plain and "1000个" in cell.plain  # both wordings, marked
    styles = {cell.plain[s.start : s.end]: str(s.style) for s in cell.spans}
    kept = next(style for text, style in styles.items() if "停车位" in text)
    assert "strike" in styles["2000个"] and "reverse" in styles["1000个"] and kept == "cyan"


async def test_help_and_english(tmp_path):
    app = make_app(tmp_path, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert "next / previous changed section" in str(app.screen.query_one("#help").render())
        await pilot.press("escape")
        assert "matched" in str(app.query_one("#status").render())


async def test_help_fits_and_does_not_cut_wide_characters(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_box = app.screen.query_one("#help")
        shown = str(help_box.render())
        for line in app.p("help").split("\n"):
            assert line.strip() in shown.replace("\n", "") or line.strip() == ""
        assert help_box.region.right <= 80


async def test_export_writes_html_and_q_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        html = (tmp_path / "export.html").read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and '<html lang="zh">' in html
        await pilot.press("q")
    assert app.return_code in (0, None) and not app.is_running


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_snapshot(snap_compare, tmp_path, size):
    """The look at a small and a wide terminal, on the small purpose-built pair
    (SVGs in tests/__snapshots__, reviewed by eye)."""

    async def settle(pilot):
        await ready(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(small_app(tmp_path), terminal_size=size, run_before=settle)
