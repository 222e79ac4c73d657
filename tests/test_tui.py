"""The Textual viewer driven by its pilot on the seed pair 000 → 001 (issue 8)."""
from __future__ import annotations

import pytest

from reportdiff import compare
from reportdiff.tui import ReportdiffApp, marker

from .conftest import seed


def make_app(tmp_path) -> ReportdiffApp:
    return ReportdiffApp(lambda: compare(seed("000"), seed("001")), str(tmp_path / "export.html"))


async def ready(pilot) -> None:
    for _ in range(200):
        if pilot.app.result is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def shown_text(app) -> str:
    return str(app.query_one("#old-text").render()) + str(app.query_one("#new-text").render())


async def test_n_and_p_visit_every_changed_section(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        result = app.result
        changed = [i for i, p in enumerate(result.pairs) if marker(p, p.diff) != "="]
        visited = [app.current]
        for _ in range(len(changed) - 1):
            await pilot.press("n")
            visited.append(app.current)
        assert sorted(set(visited)) == changed
        await pilot.press("p")
        assert app.current == changed[-2]


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
async def test_search_finds_a_phrase_from_each_report(tmp_path, phrase, side):
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


async def test_commitments_and_numbers_views(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        table = app.screen.query_one("DataTable")
        assert table.row_count == len(app.result.commitments.items)
        assert "新增停车位" in " ".join(str(c) for c in table.get_column_at(1))
        await pilot.press("escape")
        await pilot.press("t")
        table = app.screen.query_one("DataTable")
        assert table.row_count == len(app.result.numbers.pairs)
        assert "地区生产总值" in " ".join(str(c) for c in table.get_column_at(0))
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert "next / previous changed section" in str(app.screen.query_one("#help").render())


async def test_export_writes_html_and_q_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        html = (tmp_path / "export.html").read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "</html>" in html
        await pilot.press("q")
    assert app.return_code in (0, None) and not app.is_running


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_snapshot(snap_compare, tmp_path, size):
    """The look at a small and a wide terminal (SVGs in tests/__snapshots__, reviewed by eye)."""

    async def settle(pilot):
        await ready(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=settle)
