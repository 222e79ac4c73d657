"""The terminal viewer: ``reportdiff 2024 2025`` in a terminal opens this.

It opens on the brief (targets of both years, last year's outcomes, promises
missed, new formulations; Enter on an item jumps to its pair). Left, the
aligned pairs, each row its old and new heading with a marker (~ changed,
+ added, - removed, ⇄ moved, = unchanged); right, the pair's old and new text
paragraph by paragraph in one table, so both sides scroll together and a
paragraph stands beside its counterpart. The comparison runs in a worker
thread behind a loading indicator. Every word comes from the presenter.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from .clean import fold
from .compare import Comparison
from .errors import ReportdiffError
from .output import write_new
from .present import Presenter, TargetLine
from .render import html as render_html

FILTERS = ("all", "changed", "numbers")
# How search hits and changed figures look: reverse video reads without colour too.
HIT = "bold reverse yellow"
# Navigator columns from which a row also shows the pair's similarity.
WIDE_NAV = 40
Entry = tuple[Text, int | None]  # a line of a list screen and the pair it jumps to


def marker(pair, diff) -> str:
    if not pair.old:
        return "+"
    if not pair.new:
        return "-"
    if any(o.moved is not None for o in diff.ops):
        return "⇄"
    return "~" if diff.changed else "="


def _style(op, side: str) -> str:
    if op.op == "=":
        return ""
    if op.routine:
        return "dim"
    if op.moved is not None:
        return "cyan"
    if op.number:
        return "bold reverse red strike" if side == "old" else "bold reverse green"  # struck: old without colour too
    return "red strike" if side == "old" else "green underline"


def paragraphs(diff, plain: bool = False) -> list[tuple[Text, Text]]:
    """The pair's text as rows of (old paragraph, new paragraph): a paragraph break kept by
    both reports ends a row on both sides, so counterparts stand side by side."""
    if plain:  # a plan beside a review: two texts, not an edit
        return [(Text(diff.old_text), Text(diff.new_text))]
    rows: list[tuple[Text, Text]] = []
    old, new = Text(), Text()
    for op in diff.ops:
        if op.op == "=":
            body_old = op.old_text if op.old_text is not None else op.text
            pieces_old, pieces_new = body_old.split("\n"), op.text.split("\n")
            if len(pieces_old) != len(pieces_new):  # breaks differ only in width: keep one row
                pieces_old, pieces_new = [body_old.replace("\n", " ")], [op.text.replace("\n", " ")]
            for i, (a, b) in enumerate(zip(pieces_old, pieces_new)):
                if i:
                    rows.append((old, new))
                    old, new = Text(), Text()
                old.append(a)
                new.append(b)
            continue
        side, text = ("old", old) if op.op == "-" else ("new", new)
        if op.edits:  # moved and reworded: its word diff where it now stands
            for e in op.edits:
                text.append(e.text, style=_style(e, "old" if e.op == "-" else "new") or "cyan")
            continue
        text.append(op.old_text if side == "old" and op.old_text is not None else op.text, style=_style(op, side))
    rows.append((old, new))
    return [(a, b) for a, b in rows if a.plain.strip() or b.plain.strip()]


_FIGURE = set("0123456789.%,:-+～—") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NO_LINE_START = set("，。；：、！？）》”’」』%,.;:!?)")
_NO_LINE_END = set("（《“‘「『(")


def _breakable(plain: str, i: int) -> bool:
    """May a line end before plain[i]? Never inside a figure (272.45亿元 stays whole up to its
    unit), never before closing punctuation nor after an opening one."""
    before, here = plain[i - 1], plain[i]
    return not (before in _FIGURE and here in _FIGURE) and here not in _NO_LINE_START and before not in _NO_LINE_END


def wrap(text: Text, columns: int) -> Text:
    """Text broken into lines of at most `columns` cells, the way Chinese is set: between
    characters, but a figure never split across lines (a terminal's fold splits 60.4|1亿元)."""
    plain, cuts, col, line_start, last = text.plain, [], 0, 0, 0
    for i, char in enumerate(plain):
        if char == "\n":
            col, line_start, last = 0, i + 1, i + 1
            continue
        if i > line_start and _breakable(plain, i):
            last = i
        cells = cell_len(char)
        if col + cells > columns and i > line_start:
            cut = last if last > line_start else i
            cuts.append(cut)
            col, line_start = cell_len(plain[cut:i]), cut
        col += cells
    if not cuts:
        return text
    return Text("\n").join(text.divide(cuts))


def highlight(text: Text, phrase: str) -> Text:
    """The text with every occurrence of the phrase marked (search hits)."""
    if phrase:
        text = text.copy()
        text.highlight_words([phrase], style=HIT)
    return text


class ListScreen(ModalScreen[int | None]):
    """A list over the main view (the brief, commitments, numbers, formulations): each line
    wraps to the screen's width; Enter returns the pair it names, Esc closes."""

    BINDINGS: ClassVar = [Binding("escape,c,t,w,b", "dismiss", "Close"), Binding("q", "app.quit", "Quit")]

    def __init__(self, title: str, note: str, entries: list[Entry], hint: str):
        super().__init__()
        self.title_text, self.note, self.entries, self.hint = title, note, entries, hint

    def compose(self) -> ComposeResult:
        title = Text(self.title_text, style="bold")
        if self.note:
            title.append(f"  {self.note}", style="dim")
        yield Static(title, id="list-title")
        yield OptionList(*(Option(text, disabled=link is None and text.style == "bold") for text, link in self.entries), id="list")
        yield Static(self.hint, classes="hint")

    def link(self, index: int) -> int | None:
        """The pair the list's line `index` names, if any."""
        return self.entries[index][1]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.link(event.option_index) is not None:
            self.dismiss(self.link(event.option_index))


class HelpScreen(ModalScreen):
    BINDINGS: ClassVar = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Text(self.text), id="help")


class ReportdiffApp(App):
    """Browse a comparison: the brief first, then sections left, old | new text right."""

    TITLE = "reportdiff"
    ENABLE_COMMAND_PALETTE = False  # Textual's palette speaks English and offers nothing the keys do not
    CSS = """
    #nav { width: 40%; min-width: 24; max-width: 64; }
    #panes { width: 1fr; }
    #status { height: 1; background: $panel; }
    #search { dock: bottom; display: none; }
    #search.shown { display: block; }
    #help { width: auto; max-width: 90%; height: auto; padding: 1 2; border: round $primary; background: $surface; }
    HelpScreen, ListScreen { align: center middle; }
    ListScreen { background: $background 80%; }
    ListScreen #list { height: 1fr; width: 100%; }
    #loading-note { width: 100%; content-align: center middle; }
    """
    BINDINGS: ClassVar = [
        Binding("n", "next_change", "Next change"),
        Binding("p", "previous_change", "Prev"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("slash", "search", "Search"),
        Binding("b", "brief", "Brief"),
        Binding("c", "commitments", "Commitments"),
        Binding("t", "numbers", "Numbers"),
        Binding("w", "terms", "Terms"),
        Binding("e", "export", "Export HTML"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, load: Callable[[], Comparison], export_path: str = "reportdiff.html", lang: str = "zh"):
        super().__init__()
        self._load = load
        self.p = Presenter(lang)
        self.lang = lang
        self.result: Comparison | None = None
        self.error: ReportdiffError | None = None  # why the comparison failed, for the CLI to report
        self.export_path = export_path
        self.filter = "all"
        self.shown: list[int] = []  # pair indexes shown in the navigator
        self.current: int | None = None
        self.matches: list[int] = []
        self.phrase = ""
        self.rows: list[tuple[Text, Text]] = []  # the shown pair, paragraph by paragraph, search hits marked
        self._opening = False
        self._word_the_footer()

    @property
    def done(self) -> Comparison:
        """The comparison, once shown: every view but the loading screen is reached only then."""
        assert self.result is not None
        return self.result

    def _word_the_footer(self) -> None:
        # The footer shows each binding's description: in the presenter's language.
        keys = self._bindings.key_to_bindings
        for key, bindings in keys.items():
            keys[key] = [replace(b, description=self.p(f"k_{b.action.split('(')[0]}")) if b.show else b for b in bindings]

    def compose(self) -> ComposeResult:
        yield Static("", id="status")
        with Horizontal():
            yield OptionList(id="nav")
            with VerticalScroll(id="panes"):
                yield Static("", id="pair")
        yield LoadingIndicator(id="loading")
        yield Input(placeholder=self.p("search_box"), id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#status", Static).update(self.p("loading"))
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
        self._opening = True  # the first highlight of the navigator leaves the brief in view
        self.refresh_nav()
        self.query_one("#nav", OptionList).focus()
        self.current = None
        brief = Text()
        for text, _ in self._brief_entries():
            brief.append_text(text)
            brief.append("\n\n" if text.style == "bold" else "\n")
        brief.append(f"\n{self.p('k_brief')}: b · {self.p('k_help')}: ?", style="dim")
        self.query_one("#pair", Static).update(brief)

    # navigator -----------------------------------------------------------
    def _passes(self, index: int) -> bool:
        pair = self.done.pairs[index]
        if self.filter == "changed":
            return marker(pair, pair.diff) != "="
        if self.filter == "numbers":
            return any(o.number for o in pair.diff.ops)
        return True

    def _row(self, index: int, room: int) -> Text:
        """A navigator row: marker, similarity and the old heading, then → the new heading."""
        pair = self.done.pairs[index]
        indent = " " * (min(pair.level, 3) - 1) + ("↪ " if pair.relation == "plan_to_review" else "")
        label = Text(f"{marker(pair, pair.diff)} ", style="bold")
        if room >= WIDE_NAV:  # a narrow navigator keeps its columns for the headings
            label.append(f"{pair.similarity:.2f} ", style="dim")
        old, new = self.p.heading(pair.old, "old"), self.p.heading(pair.new, "new")
        if pair.old and pair.new:
            first, second = Text(indent + old), Text(f"{indent}→ {new}", style="bold")
        else:
            # A plan unit without its review paragraph was not struck out of the report: dim, not red.
            lone = "dim" if pair.relation == "plan_to_review" else "green" if pair.new else "red strike"
            first, second = Text(indent + (new if pair.new else old), style=lone), None
        lead = len(label.plain)
        label.append_text(first)
        label.truncate(room, overflow="ellipsis")
        if second is not None:
            second = Text(" " * lead) + second
            second.truncate(room, overflow="ellipsis")
            label.append("\n")
            label.append_text(second)
        return label

    def refresh_nav(self) -> None:
        nav = self.query_one("#nav", OptionList)
        nav.clear_options()
        self.shown = [i for i in range(len(self.done.pairs)) if self._passes(i)]
        room = max(12, (nav.size.width or 30) - 3)  # each line cut to fit: no row wraps
        for i in self.shown:
            nav.add_option(Option(self._row(i, room), id=f"p{i}"))
        if self.shown:
            nav.highlighted = 0
            self.select(self.shown[0])
        else:
            self.current = None
            self.rows = []
            self.query_one("#pair", Static).update(Text(self.p("no_pass")))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._opening:
            self._opening = False
            return
        if event.option_list.id == "nav" and event.option_id:
            self.select(int(event.option_id[1:]))

    def select(self, index: int) -> None:
        self.current = index
        pair = self.done.pairs[index]
        view = self.p.pair(index, pair)
        self.rows = [(highlight(a, self.phrase), highlight(b, self.phrase)) for a, b in paragraphs(pair.diff, plain=pair.relation == "plan_to_review")]
        # The diff's first row is the two headings; above it, what the pair is and what changed.
        marks = "，".join(view.changes + ([self.p("weak")] if view.weak else []))
        head = Text(f"[{index}] {view.status_name} · {self.p('similarity')} {view.similarity:.2f}" + (f" · {marks}" if marks else ""), style="dim")
        grid = Table(show_header=False, box=None, expand=True, padding=(0, 1), show_edge=False)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(ratio=1, overflow="fold")
        columns = max(8, (self.query_one("#panes").size.width - 4) // 2 - 1)  # each side's cells
        for number, (old, new) in enumerate(self.rows):
            if number == 0:  # the headings
                old, new = old.copy(), new.copy()
                old.stylize("bold")
                new.stylize("bold")
            grid.add_row(wrap(old, columns), wrap(new, columns))
            grid.add_row("", "")
        self.query_one("#pair", Static).update(Group(head, grid))
        self.query_one("#panes", VerticalScroll).scroll_home(animate=False)

    def on_resize(self) -> None:
        if self.result is not None and self.current is not None:
            self.select(self.current)  # the lines are broken for the panes' width

    def jump(self, index: int | None) -> None:
        """Show pair `index`, clearing the filter when it hides that pair."""
        if index is None or self.result is None:
            return
        if index not in self.shown:
            self.filter = "all"
            self.show_status()
            self.refresh_nav()
        self._go(index)

    def _go(self, index: int) -> None:
        if index in self.shown:
            self.query_one("#nav", OptionList).highlighted = self.shown.index(index)
            self.select(index)

    # actions ---------------------------------------------------------------
    def _changes(self) -> list[int]:
        return [i for i in self.shown if marker(self.done.pairs[i], self.done.pairs[i].diff) != "="]

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
        b = self.p.brief(self.done)
        s = self.done.stats()["sections"]
        p = self.p
        counts = " · ".join(f"{p.status(k)} {s[k]}" for k in ("matched", "added", "removed"))
        self.query_one("#status", Static).update(Text(f"{b.old.label} → {b.new.label}   {counts}   {p('filter')}: {p('f_' + self.filter)}", no_wrap=True, overflow="ellipsis"))

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
        self.phrase = phrase
        if not phrase or self.result is None:
            self.matches = []
            if self.current is not None:
                self.select(self.current)
            return
        pairs = self.done.pairs
        self.matches = [i for i in self.shown if phrase in pairs[i].diff.old_text or phrase in pairs[i].diff.new_text]
        if self.matches:
            self._go(self.matches[0])
            self.notify(self.p("found", phrase=phrase, n=len(self.matches)), markup=False)
        else:
            if self.current is not None:
                self.select(self.current)
            self.notify(self.p("not_found", phrase=phrase), severity="warning", markup=False)

    def _list(self, title: str, note: str, entries: list[Entry]) -> None:
        if self.result is not None:
            self.push_screen(ListScreen(title, note, entries, self.p("close")), self.jump)

    def action_brief(self) -> None:
        if self.result is not None:
            b = self.p.brief(self.done)
            self._list(self.p("brief"), f"{self.p.full(b.old)} → {self.p.full(b.new)}", self._brief_entries())

    def _brief_entries(self) -> list[Entry]:
        p, b = self.p, self.p.brief(self.done)
        entries: list[Entry] = [(Text(p("targets"), style="bold"), None)]
        entries += [(Text(f"{_target(t)}  ").append(t.change, style="bold"), t.link) for t in b.targets]
        if b.outcomes:
            entries.append((Text(p("outcomes"), style="bold"), None))
            entries += [(Text(f"{o.indicator}  {p('target_col')} {o.target} · {p('outcome_col')} {o.outcome} {o.gap}  ").append(o.status_name, style="bold"), o.link) for o in b.outcomes]
        entries.append((Text(p("failed"), style="bold"), None))
        if b.status_counts:  # how the promises fared, on the first screen
            entries.append((Text(f"{p('commitments')}{p('colon')}{p.counts_line(b.status_counts)}"), None))
        entries += [(_promise(f.status_name, f.plan_text, f.evidence), f.link if f.link is not None else f.evidence_link) for f in b.failed]
        entries.append((Text(p("new_terms"), style="bold"), None))
        entries += [(Text(f"{t.term}：", style="bold").append(t.sentence.replace("\n", ""), style=""), t.link) for t in b.new_terms]
        entries.append((Text(p("dropped_terms"), style="bold"), None))
        entries += [(Text(f"{t.term}：", style="bold strike").append(t.sentence.replace("\n", ""), style=""), t.link) for t in b.dropped_terms]
        entries.append((Text(p("sections"), style="bold"), None))
        entries += [(Text(f"+ {s.heading}"), s.link) for s in b.added] + [(Text(f"- {s.heading}"), s.link) for s in b.removed]
        return entries

    def action_commitments(self) -> None:
        if self.result is None:
            return
        p = self.p
        counts = p.counts_line(p.status_counts(self.result))
        entries: list[Entry] = []
        for group in p.promise_groups(self.result):
            entries.append((Text(f"{group.status_name} {group.count}", style="bold"), None))
            for task, promises in group.tasks:
                entries += [(Text(f"  {task}", style="italic"), None)] if task else []
                entries += [(_promise(c.status_name, c.plan_text, c.evidence), c.link if c.link is not None else c.evidence_link) for c in promises]
        self._list(p("commitments"), f"{p.commitments_note(self.result)}  {counts}", entries)

    def action_numbers(self) -> None:
        if self.result is None:
            return
        entries = [(Text(f"{n.indicator}  {n.kind}  {n.old} → {n.new}  ").append(f"{n.change} {n.arrow}", style="bold"), n.link) for n in self.p.numbers(self.result)]
        self._list(self.p("numbers"), "", entries)

    def action_terms(self) -> None:
        if self.result is None:
            return
        p = self.p
        brief = p.brief(self.result, terms=None)
        entries: list[Entry] = [(Text(p("new_terms"), style="bold"), None)]
        entries += [(Text(f"{t.term} ", style="bold").append(f"{t.per_10k:g}  ", style="dim").append(t.sentence.replace("\n", "")), t.link) for t in brief.new_terms]
        entries.append((Text(p("dropped_terms"), style="bold"), None))
        entries += [(Text(f"{t.term} ", style="bold strike").append(f"{t.per_10k:g}  ", style="dim").append(t.sentence.replace("\n", "")), t.link) for t in brief.dropped_terms]
        self._list(p("formulations"), p("per_10k"), entries)

    def action_export(self) -> None:
        if self.result is None:
            return
        try:
            written = write_new(Path(self.export_path), render_html.render(self.result, self.lang))
        except ReportdiffError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(self.p("wrote", path=written), markup=False)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.p("help")))


def _target(t: TargetLine) -> str:
    """A target row: the indicator and its figures (6.5% → 5.5%左右); a target without a figure
    is its own words, old → new, the indicator not said twice."""
    if fold(t.indicator) not in (fold(t.old_short), fold(t.new_short)):  # “十五五” is "十五五"
        return f"{t.indicator}  {t.old_short} → {t.new_short}"
    return " → ".join(side for side in (t.old_short, t.new_short) if side != "—")


def _promise(status: str, plan: str, evidence: str) -> Text:
    line = Text(f"{status}  ", style="bold").append(plan.replace("\n", ""), style="")
    if evidence:
        # No space after ⇒: a long quotation would wrap there and leave the arrow alone on its line.
        line.append(f"\n    ⇒{evidence.replace(chr(10), '')}", style="dim")
    return line
