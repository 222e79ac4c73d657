"""The terminal viewer: ``reportdiff 2024 2025`` in a terminal opens this.

Left, the aligned pairs with a marker (~ changed, + added, - removed,
⇄ moved, = unchanged) and their similarity; right, the old and new text side
by side in one scroll region, so both panes always scroll together. The
comparison runs in a worker thread behind a loading indicator.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from .compare import Comparison
from .errors import ReportdiffError
from .output import write_new
from .render import html as render_html
from .render.text import change_text, figure, indicator_name

FILTERS = ("all", "changed", "numbers")
HELP = """\
[b]reportdiff[/b] — keys

  n / p        next / previous changed section
  j / k, ↑ ↓   move in the section list
  Tab          switch focus (sections / text)
  f            filter: all → changed only → with number changes
  /            search both reports
  c            commitments: did last year's plan happen?
  t            number changes table
  e            export the HTML report
  ?            this help
  q            quit
"""


def marker(pair, diff) -> str:
    if not pair.old:
        return "+"
    if not pair.new:
        return "-"
    if any(o.moved is not None for o in diff.ops):
        return "⇄"
    return "~" if diff.changed else "="


def side_text(diff, side: str) -> Text:
    """One side of a diff as styled text: deletions red struck, insertions green underlined."""
    text = Text()
    for op in diff.ops:
        if op.op == ("+" if side == "old" else "-"):
            continue
        body = op.old_text if side == "old" and op.old_text is not None else op.text
        if op.op == "=":
            text.append(body)
        elif op.routine:
            text.append(body, style="dim")
        elif op.moved is not None:
            text.append(body, style="cyan")
        elif op.number:
            text.append(body, style="bold reverse red" if op.op == "-" else "bold reverse green")
        else:
            text.append(body, style="red strike" if op.op == "-" else "green underline")
    return text


class TableScreen(ModalScreen):
    """A table over the main view (commitments, number changes); Esc closes it."""

    BINDINGS = [Binding("escape,q,c,t", "dismiss", "Close")]

    def __init__(self, title: str, columns: list[str], rows: list[list[str]], note: str = ""):
        super().__init__()
        self.title_text, self.columns, self.rows, self.note = title, columns, rows, note

    def compose(self) -> ComposeResult:
        title = Text(self.title_text, style="bold")
        title.append(f"  {self.note}")
        yield Static(title, id="table-title")
        table = DataTable(zebra_stripes=True, cursor_type="row")
        table.add_columns(*self.columns)
        for row in self.rows:
            # Text cells, never str: DataTable reads a str as markup, and report text may hold "[/]".
            table.add_row(*(Text(cell) for cell in row))
        yield table
        yield Static("Esc to close", classes="hint")


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        yield Static(HELP, id="help")


class ReportdiffApp(App):
    """Browse a comparison: sections left, old | new text right."""

    TITLE = "reportdiff"
    CSS = """
    #nav { width: 36%; min-width: 26; max-width: 60; }
    #panes { width: 1fr; }
    #cols { height: auto; }
    .pane { width: 1fr; padding: 0 1; height: auto; }
    #heads { height: auto; background: $boost; }
    #status { height: 1; background: $panel; }
    #search { dock: bottom; display: none; }
    #search.shown { display: block; }
    #help { width: 60; height: auto; padding: 1 2; border: round $primary; background: $surface; }
    HelpScreen, TableScreen { align: center middle; }
    TableScreen DataTable { height: 1fr; }
    TableScreen { background: $background 80%; }
    #loading-note { width: 100%; content-align: center middle; }
    """
    BINDINGS = [
        Binding("n", "next_change", "Next change"),
        Binding("p", "previous_change", "Prev change"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("slash", "search", "Search"),
        Binding("c", "commitments", "Commitments"),
        Binding("t", "numbers", "Numbers"),
        Binding("e", "export", "Export HTML"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, load: Callable[[], Comparison], export_path: str = "reportdiff.html"):
        super().__init__()
        self._load = load
        self.result: Comparison | None = None
        self.error: ReportdiffError | None = None  # why the comparison failed, for the CLI to report
        self.export_path = export_path
        self.filter = "all"
        self.shown: list[int] = []  # pair indexes shown in the navigator
        self.current: int | None = None
        self.matches: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="status")
        with Horizontal():
            yield OptionList(id="nav")
            with VerticalScroll(id="panes"):
                with Horizontal(id="heads"):
                    yield Static("", id="old-head", classes="pane")
                    yield Static("", id="new-head", classes="pane")
                with Horizontal(id="cols"):
                    yield Static("", id="old-text", classes="pane")
                    yield Static("", id="new-text", classes="pane")
        yield LoadingIndicator(id="loading")
        yield Input(placeholder="search both reports…", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#status", Static).update("Comparing… (loading the dictionary and aligning sections)")
        self.compute()

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        try:
            result = self._load()
        except ReportdiffError as exc:
            self.error = exc
        except Exception as exc:  # a bug: still one line for the user, not a screen of locals
            self.error = ReportdiffError(f"internal error ({exc.__class__.__name__}: {exc}); please report it")
        if self.error is not None:
            self.call_from_thread(self.exit, None, 1)
            return
        self.call_from_thread(self.show, result)

    def show(self, result: Comparison) -> None:
        self.result = result
        self.query_one("#loading").remove()
        self.show_status()
        self.refresh_nav()
        self.query_one("#nav", OptionList).focus()

    # navigator -----------------------------------------------------------
    def _passes(self, index: int) -> bool:
        pair = self.result.pairs[index]
        diff = pair.diff
        if self.filter == "changed":
            return marker(pair, diff) != "="
        if self.filter == "numbers":
            return any(o.number for o in diff.ops)
        return True

    def refresh_nav(self) -> None:
        nav = self.query_one("#nav", OptionList)
        nav.clear_options()
        self.shown = [i for i in range(len(self.result.pairs)) if self._passes(i)]
        room = max(12, (nav.size.width or 30) - 4)  # one line per section, cut to fit
        for i in self.shown:
            pair = self.result.pairs[i]
            diff = pair.diff
            heading = (pair.new or pair.old)[0].heading
            prefix = "↪ " if pair.relation == "plan_to_review" else ""
            label = Text(f"{marker(pair, diff)} ", style="bold", no_wrap=True, overflow="ellipsis")
            label.append(f"{pair.similarity:.2f} ", style="dim")
            label.append(" " * (min(pair.level, 3) - 1) + prefix + heading)
            label.truncate(room, overflow="ellipsis")
            nav.add_option(Option(label, id=f"p{i}"))
        if self.shown:
            nav.highlighted = 0
            self.select(self.shown[0])
        else:
            self.current = None
            self._set_text(Text("(no section passes this filter)"), Text(""), "", "")


    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id:
            self.select(int(event.option_id[1:]))

    def select(self, index: int) -> None:
        self.current = index
        pair = self.result.pairs[index]
        diff = pair.diff
        old_head = " + ".join(s.heading for s in pair.old) or "— (not in the old report)"
        new_head = " + ".join(s.heading for s in pair.new) or "— (not in the new report)"
        self._set_text(side_text(diff, "old"), side_text(diff, "new"), old_head, f"{new_head}  [{pair.status} {pair.similarity:.2f}]")

    def _set_text(self, old: Text, new: Text, old_head: str, new_head: str) -> None:
        self.query_one("#old-head", Static).update(Text(old_head, style="bold"))
        self.query_one("#new-head", Static).update(Text(new_head, style="bold"))
        self.query_one("#old-text", Static).update(old)
        self.query_one("#new-text", Static).update(new)
        self.query_one("#panes", VerticalScroll).scroll_home(animate=False)

    def _go(self, index: int) -> None:
        if index in self.shown:
            self.query_one("#nav", OptionList).highlighted = self.shown.index(index)

    # actions ---------------------------------------------------------------
    def _changes(self) -> list[int]:
        return [i for i in self.shown if marker(self.result.pairs[i], self.result.pairs[i].diff) != "="]

    def action_next_change(self) -> None:
        if self.result is None:
            return
        targets = self.matches or self._changes()
        later = [i for i in targets if self.current is None or i > self.current]
        if later or targets:
            self._go((later or targets)[0])

    def action_previous_change(self) -> None:
        if self.result is None:
            return
        targets = self.matches or self._changes()
        earlier = [i for i in targets if self.current is not None and i < self.current]
        if earlier or targets:
            self._go((earlier or targets)[-1])

    def action_move(self, step: int) -> None:
        nav = self.query_one("#nav", OptionList)
        if nav.option_count:
            nav.highlighted = max(0, min(nav.option_count - 1, (nav.highlighted or 0) + step))

    def action_cycle_filter(self) -> None:
        if self.result is None:
            return
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.matches = []
        self.show_status()
        self.refresh_nav()

    def show_status(self) -> None:
        result = self.result
        stats = result.stats()
        s = stats["sections"]
        self.query_one("#status", Static).update(
            Text(
                f"{Path(result.old.source.path).name} → {Path(result.new.source.path).name}   "
                f"{s['matched']} matched · {s['added']} added · {s['removed']} removed · {stats['sections_changed']} changed · "
                f"{stats['numbers_changed']} numbers changed   filter (f): {self.filter}"
            )
        )

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("shown")
        box.value = ""
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        phrase = "".join(event.value.split())
        box = self.query_one("#search", Input)
        box.remove_class("shown")
        self.query_one("#nav", OptionList).focus()
        if not phrase or self.result is None:
            self.matches = []
            return
        self.matches = [i for i in self.shown if phrase in self.result.pairs[i].diff.old_text or phrase in self.result.pairs[i].diff.new_text]
        if self.matches:
            self._go(self.matches[0])
            self.notify(f"'{phrase}': {len(self.matches)} sections (n / p to step through them)", markup=False)
        else:
            self.notify(f"'{phrase}' is in neither report", severity="warning", markup=False)

    def action_commitments(self) -> None:
        if self.result is None:
            return
        c = self.result.commitments
        rows = [[i.status.replace("_", " "), i.plan_text.replace("\n", ""), (i.outcome_text or i.carried_text or "").replace("\n", "")[:80]] for i in c.items]
        counts = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in c.counts().items()) if c.applicable else ""
        self.push_screen(TableScreen("Commitments", ["status", "promised", "what happened"], rows, f"{c.note}. {counts}"))

    def action_numbers(self) -> None:
        if self.result is None:
            return
        rows = []
        for p in self.result.numbers.pairs:
            rows.append([indicator_name(p), p.kind, figure(p.old), figure(p.new), change_text(p), p.direction])
        self.push_screen(TableScreen("Number changes", ["indicator", "kind", "old", "new", "change", ""], rows))

    def action_export(self) -> None:
        if self.result is None:
            return
        try:
            written = write_new(Path(self.export_path), render_html.render(self.result))
        except ReportdiffError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"wrote {written}", markup=False)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())
