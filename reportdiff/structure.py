"""Stage 3 — structure: the section tree a careful reader sees.

Levels come from how numbering styles nest in *this* document (一、 under 第X节
is level 3 in a five-year plan, level 1 in a work report), never from markdown
``#`` counts. Below the deepest numbered heading, the units a reader skims by
are sections too: run-in lead sentences (``农业基础更加稳固。``), ``一是…`` items
and ``▲`` bullets. Tab-separated indicator tables become Table objects.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field

from . import numbering
from .clean import CleanText, fold

_UNIT_MAX = 24
# A lead with a clause break reads as a title alone up to this length; longer, up to
# _RUN_MAX, only in a run of alike leads.
_SHORT_PAIR = 16
_RUN_MAX = 30
_PARAGRAPH_MIN = 60  # characters: shorter lines among units are titles, notes, signatures  # a lead sentence longer than this reads as an ordinary sentence
_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(f"[{_NUMERALS}]是")
_PERIOD_REVIEW = re.compile(r"(五年来|过去五年),")
# A unit looking back over the five years of a plan period.
FIVE_YEARS = re.compile(r"(?:五年来|这五年|过去五年),")
_APPENDIX = re.compile(r"附件\s*\d*\s*(.{0,30})$")
_BOX = re.compile(r"专栏\s*\d*\s*[:：]?\s*\S")
_PREFACE = re.compile(r"(序\s*言|前\s*言)$")
# A report without 一、 parts may head them with a bare line naming what the
# part is (“十四五”时期工作回顾 · 2026年重点工作).
_BARE_PART = re.compile(r"[^,，。;；:：!！?？]{0,24}(工作回顾|工作总结|重点工作|工作安排|主要任务|目标任务|主要工作)$")
_ADDRESS = re.compile(r"各位代表|同志们")
_BARE_MAX = 24  # characters: the longest unnumbered part heading
_STOPS = re.compile(r"[,。;:!?、]")
_ENDED = "。!?:;\"”"
# A text headed by nothing is a report's one unit only with this many paragraphs of body text.
_WHOLE_MIN = 5
_INLINE_ITEM = re.compile(r"(?<=。)[一二三四五六七八九十]是[^,，;；。:：]{2,14}。")
_RUN_IN = re.compile(r"(?<=。)([^。]{4,10})(?=。)")
# The statement of the year's targets (今年发展主要预期目标是：…), the paragraph
# readers compare first: a unit of its own wherever it stands. Its heading is
# the clause that introduces the list. 主要目标 is a year's only when the clause names the
# year (今年国民经济和社会发展的主要目标是：); else it may be five years' or one reform's.
_TARGETS = re.compile(r"[^。,;:\n]{0,30}(?:预期目标|(?P<main>主要目标))(?:建议)?(?:是|为):")
_NAMES_YEAR = re.compile(r"今年|全年|本年|(?:19|20)\d\d年")
# A target as the list states it: a figure bounded by 左右, 以上 or 以内 (900万人以上, 3.5%左右).
_BOUNDED = re.compile(r"\d[\d.]*(?:%|[万亿]?[^\d\s,;:。]{0,2})(?:左右|以上|以内)")
_LISTED = 3  # bounded figures that make a paragraph a list of targets


@dataclass(eq=False)  # a section is itself: dicts and sets key it by identity
class Section:
    """A heading and everything under it, as spans of the cleaned text.

    ``start``–``end`` covers the heading and the whole body, children included;
    ``body_start`` is where the text after the heading begins.
    """

    heading: str
    level: int
    kind: str  # part | numbered | lead | item | bullet | targets | table | period | box | appendix | preface | address | paragraph | whole
    start: int
    body_start: int
    end: int
    children: list[Section] = field(default_factory=list)
    style: str = ""
    path: tuple[str, ...] = ()  # headings from the top-level part down to this one

    @property
    def headed(self) -> bool:
        """Whether the section has a heading of its own; a paragraph unit (总的来看，…), an address
        (各位代表！…) or a headingless report's one unit is known by its first words."""
        return self.kind not in {"paragraph", "address", "whole"}

    def walk(self):
        """This section and all its descendants, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def own_spans(self) -> list[tuple[int, int]]:
        """The spans of this section's text that no child section covers."""
        spans, pos = [], self.start
        for child in self.children:
            if child.start > pos:
                spans.append((pos, child.start))
            pos = max(pos, child.end)
        if self.end > pos:
            spans.append((pos, self.end))
        return spans


@dataclass
class Table:
    """A tab-separated indicator table, its page-break repeats merged.

    ``unit`` is the table as a section of its own (kind table), for pairing
    with the other report's tables; it stays out of the section tree, whose
    sections are the headings a reader sees.
    """

    title: str
    columns: list[str]
    rows: list[list[str]]
    start: int
    end: int
    unit: Section | None = None


@dataclass
class Outline:
    """The parsed structure: front matter span, top-level sections, tables."""

    front: tuple[int, int]
    sections: list[Section]
    tables: list[Table]

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    def units(self):
        """Every section, then every table unit."""
        yield from self.walk()
        yield from (t.unit for t in self.tables if t.unit is not None)


def parse(clean: CleanText) -> Outline:
    """Build the section tree of a cleaned report."""
    text, folded = clean.text, clean.folded
    paragraphs = clean.paragraphs()
    bold_starts = {a: b for a, b in clean.bold}
    tables, table_rows = _tables(text, paragraphs)
    numbered = [numbering.match(folded[a:b]) for a, b in paragraphs]
    # Bare part headings stand where 一、 parts would; in a report that has
    # 一、 parts too, only before the first of them (“十四五”时期发展成就和
    # 2025年工作回顾, then 一、…), as their sibling when it is one.
    first_part = next((a for (a, _), m in zip(paragraphs, numbered) if m and m.style in {"cn", "chapter"}), None)
    bare = _bare_parts(folded, paragraphs, numbered)
    # Two bare parts or more before the 一、 parts are the report's top level, the 一、
    # parts nested in the last of them (“十四五”时期发展成就和2025年工作回顾 · “十五五”时期
    # 主要目标和2026年重点工作, then 一、…四、).
    ahead = [a for a, b in paragraphs if first_part is not None and a < first_part and (a in bare or _BARE_PART.fullmatch(folded[a:b]))]
    bare_style = "chapter" if first_part is None or len(ahead) >= 2 else "cn"

    roots: list[Section] = []
    stack: list[Section] = []  # open numbered/part sections, outermost first
    front_end = None
    body: list[tuple[int, int]] = []  # paragraphs waiting for unit detection, per container

    def close(upto: int, at: int) -> None:
        """Close open sections deeper than `upto` open ones, ending at `at`."""
        cut = flush(at, closing=len(stack) > upto)
        while len(stack) > upto:
            stack.pop().end = cut or at
            cut = None

    def flush(at: int, closing: bool) -> int | None:
        """Find the units of the innermost open section; where its text ends,
        if a closing address takes the rest (see _address)."""
        cut = None
        if stack and body:
            units = _units(text, folded, body, bold_starts, stack[-1])
            address = _address(text, folded, body, units, stack[-1].level) if closing and len(stack) > 1 else None
            if address is not None:
                # a sibling of the section it closes, so its units keep their level
                cut = address.start
                address.end = at
                address.children = [u for u in units if u.start >= cut]
                units = [u for u in units if u.start < cut]
                stack[-2].children.append(address)
            stack[-1].children.extend(units)
        body.clear()
        return cut

    def open_section(section: Section, depth: int) -> None:
        close(depth, section.start)
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)

    for start, end in paragraphs:
        if start in table_rows:
            continue
        heading = _heading(text, folded, start, end, stack, bare_style if first_part is None or start < first_part else None, bare)
        if heading is None:
            if stack:
                # a salutation (各位代表！ alone) ends a five-year retrospective: what follows speaks to the deputies
                if _ends_run(folded, start, end, stack, body) or len(stack) > 1 and stack[-1].kind == "period" and _ADDRESS.fullmatch(folded[start:end].rstrip("!")):
                    close(len(stack) - 1, start)
                body.append((start, end))
            continue
        if front_end is None:
            front_end = start
        kind, style, head_end, body_start = heading
        title = text[start:head_end]
        if kind in {"appendix", "preface"}:
            section = Section(title, 1, kind, start, body_start, end, style=style)
            open_section(section, 0)
            continue
        depth = _depth(stack, style)
        section = Section(title.strip(), depth + 1, kind, start, body_start, end, style=style)
        open_section(section, depth)
        if body_start < end:
            body.append((body_start, end))
    close(0, len(text))
    if not roots:
        whole = _whole_text(text, folded, paragraphs, table_rows)
        if whole is not None:
            roots, front_end = [whole], whole.start
    _paragraph_units(roots, text, folded, [p for p in paragraphs if p[0] not in table_rows])
    _nest_in_items(roots)
    _lift_look_backs(roots)
    _fold_lone_targets(roots)
    _join_appendix_titles(roots, text, paragraphs)
    _set_paths(roots, ())
    _place_tables(roots, tables)
    return Outline((0, front_end if front_end is not None else 0), roots, tables)


def _ends_run(folded: str, start: int, end: int, stack: list[Section], body: list[tuple[int, int]]) -> bool:
    """Whether a short line introducing a list (一年来，着重抓了以下工作：) closes a run of
    one-paragraph sections without units ((一)产业升级成效显著。… (六)…): the list after it
    (一是…六是) belongs to their parent, not to the last of them. Where the sections have
    lists of their own, the list after the last is its own (（三）… 今年重点抓好五件事：)."""
    if not folded[start:end].endswith(":") or end - start > _PARAGRAPH_MIN or len(stack) < 2:
        return False
    last, parent = stack[-1], stack[-2]
    alike = [c for c in parent.children if c.kind == "numbered" and c.style == last.style]
    # every earlier one a single paragraph without units, as the last one is so far
    single = all(not c.children and "\n" not in folded[c.start : c.end].rstrip("\n") for c in alike[:-1])
    return last.kind == "numbered" and len(alike) >= 3 and single and all(a >= last.start for a, _ in body) and len(body) <= 1


def _heading(text, folded, start, end, stack, bare_style: str | None, bare: set[int]):
    """Classify a paragraph as a heading: (kind, style, heading end, body start)."""
    line = folded[start:end]
    if _APPENDIX.match(line) and end - start <= 34:
        return "appendix", "appendix", end, end
    if _PREFACE.match(line):
        return "preface", "preface", end, end
    if bare_style and (start in bare or _BARE_PART.fullmatch(line)):
        return "numbered", bare_style, end, end
    if _BOX.match(line) and end - start <= 40 and stack:
        # 专栏 “十四五”生产性服务业提质工程: a titled box inside the section, its
        # numbered or ▲ entries below it.
        return "box", "box", end, end
    marker = numbering.match(line)
    if marker:
        head_end = _first_sentence_end(folded, start + marker.length, end, limit=60)
        if head_end is None:
            if end - start > 60:
                return None  # a long numbered paragraph without a break is body text
            return "numbered", marker.style, end, end
        body_start = head_end + 1
        return "numbered", marker.style, head_end, body_start
    if _PERIOD_REVIEW.match(line) and stack:
        head_end = _first_sentence_end(folded, start, end, limit=60)
        if head_end is not None:
            # A five-year review paragraph stands beside the 一年 sections (（一）…).
            style = stack[-1].style if stack[-1].level > 1 else "paren_cn"
            return "period", style, head_end, head_end + 1
    return None


def _bare_parts(folded: str, paragraphs: list[tuple[int, int]], numbered) -> set[int]:
    """Starts of unnumbered lines that head a report's parts (国际形势和我国对外工作,
    过去五年的回顾): short lines without a stop between a paragraph that has ended
    and a paragraph of body text, before any numbered heading, two at least
    (with the lines that name a part's purpose, _BARE_PART) — one such line is a
    slogan or a note, not a series of parts."""
    found, named = set(), 0
    for k in range(1, len(paragraphs) - 1):
        if numbered[k]:
            break
        (_, before), (start, end), (after, after_end) = paragraphs[k - 1 : k + 2]
        line = folded[start:end]
        if _BARE_PART.fullmatch(line):
            named += 1
        elif (
            end - start <= _BARE_MAX and not _STOPS.search(line) and not _ADDRESS.match(line) and "\t" not in line
            and folded[before - 1] in _ENDED and "。" in folded[after:after_end]
        ):
            found.add(start)
    return found if len(found) + named >= 2 else set()


def _whole_text(text: str, folded: str, paragraphs: list[tuple[int, int]], table_rows: set[int]) -> Section | None:
    """A report that heads nothing (old reports run as one speech) is one unit, its
    paragraphs the units beneath it, so that it is still compared paragraph by
    paragraph. Only text shaped as a report: addressed to the deputies or named
    by a title line near its top, and made of paragraphs of body text."""
    body = [(a, b) for a, b in paragraphs if b - a >= _PARAGRAPH_MIN and a not in table_rows]
    head = [folded[a:b] for a, b in paragraphs[:4]]
    addressed = any(_ADDRESS.match(line) or len(line) <= 80 and "。" not in line and re.search(r"报告|纲要|规划|计划", line) for line in head)
    if not addressed or len(body) < _WHOLE_MIN or not _mostly_chinese(folded):
        return None
    # the title, date and salutation lines before the speech are front matter
    start = next((a for a, b in body if folded[b - 1] in "。!?"), body[0][0])
    end = paragraphs[-1][1]
    body = [(a, b) for a, b in body if a >= start]
    whole = Section(_opening(text, folded, *body[0]), 1, "whole", start, start, end, style="whole")
    whole.children = [Section(_opening(text, folded, a, b), 2, "paragraph", a, a, b, style="paragraph") for a, b in body]
    return whole


def _mostly_chinese(folded: str) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in folded) >= len(folded) / 2


def _first_sentence_end(folded: str, start: int, end: int, limit: int) -> int | None:
    """Index of the 。 closing the first sentence, if it comes within `limit`."""
    stop = folded.find("。", start, min(end, start + limit))
    return None if stop < 0 else stop


def _depth(stack: list[Section], style: str) -> int:
    """How many open sections a new heading of `style` sits inside.

    A style already open is a sibling of that section; a new style nests
    below everything open. Chapters always start at the top.
    """
    if style == "chapter":
        return 0
    for i, section in enumerate(stack):
        if section.style == style:
            return i
    return len(stack)


def _address(text, folded, paragraphs, units, level: int) -> Section | None:
    """A closing address (各位代表！…政府自身建设…) that opens units of its own.

    Work reports end their last task section with a paragraph addressed to
    the deputies and then list what the government asks of itself (坚持党的
    领导，增强政治引领力。…). Those units belong to that address, not to the
    last task section they follow.
    """
    for k, (start, end) in enumerate(paragraphs):
        if folded.startswith("各位代表", start) and any(u.start >= start for u in units):
            # The heading is the salutation and the sentence after it, which
            # may open the next paragraph (各位代表！⏎新征程新使命，…要求。).
            after = start + 5 if end > start + 5 or k + 1 == len(paragraphs) else paragraphs[k + 1][0]
            stop = folded.find("。", after, paragraphs[min(k + 1, len(paragraphs) - 1)][1])
            head_end = stop + 1 if stop >= 0 and stop - after <= 60 else start + 5
            heading = "".join(text[start:head_end].split())
            return Section(heading, level, "address", start, head_end, end, style="address")
    return None


def _units(text, folded, paragraphs, bold_starts, container: Section) -> list[Section]:
    """The lead-sentence / 一是 / ▲ units inside a numbered section's body."""
    level = container.level + 1
    found: list[tuple[int, int, str]] = []  # (start, heading end, kind)
    targets_end: dict[int, int] = {}
    for k, (start, end) in enumerate(paragraphs):
        statement = _targets_statement(folded, start, end)
        if statement is not None:
            # A statement ending in its colon lists the targets in the next paragraph.
            head, colon = statement
            last = paragraphs[k + 1][1] if end - colon < 10 and k + 1 < len(paragraphs) else end
            found.append((head, colon - 1, "targets"))
            targets_end[head] = last
            continue
        unit = _unit_at(folded, start, end, bold_starts)
        if unit:
            found.append((start, *unit))
        items = [m for m in _INLINE_ITEM.finditer(folded, start, end) if m.start() > start]
        if len(items) >= 2:
            # 一是忠诚履职、奋勇争先。二是…: short titled items run inside one paragraph.
            found += [(m.start(), m.end() - 1, "item") for m in items]
        if container.kind == "period":
            # A five-year retrospective runs its lead sentences together in
            # one paragraph (…完善。乡村振兴步伐加快。…); only very short,
            # title-like ones count. Elsewhere leads open their paragraphs.
            for m in _RUN_IN.finditer(folded, start, end):
                if _reads_as_title(m.group(1)) and m.start(1) not in bold_starts:
                    found.append((m.start(1), m.end(1), "lead"))
        for b_start, b_end in bold_starts.items():
            if start <= b_start < end:
                lead = _bold_lead(folded, b_start, b_end)
                if lead is not None:
                    # 一是**发展位势进入争先晋位期**。: the item marker belongs to the heading.
                    item = b_start - 2 if _ITEM.fullmatch(folded[b_start - 2 : b_start]) else b_start
                    found.append((item, lead, "item" if item < b_start else "lead"))
    found = _without_stray_leads(sorted({f[0]: f for f in found}.values()), folded, paragraphs, bold_starts)
    # Items inside a paragraph that a unit opens are that unit's text (充分释放全社会创业创新潜能。…
    # 一是强化企业创新主体地位。… 三是…): split off, they would leave the unit its first lines only.
    starts = [a for a, _ in paragraphs]
    opened = {f[0] for f in found}
    opening = {f[0]: starts[bisect.bisect_right(starts, f[0]) - 1] for f in found}
    found = [f for f in found if f[2] != "item" or opening[f[0]] == f[0] or opening[f[0]] not in opened]
    units = []
    last_end = paragraphs[-1][1]
    for i, (start, head_end, kind) in enumerate(found):
        following = found[i + 1][0] if i + 1 < len(found) else last_end
        # A unit runs to the end of the last paragraph before the next unit,
        # or up to the next unit where that starts inside the same paragraph.
        ends = [e for _, e in paragraphs if start < e <= following]
        end = targets_end.get(start) or (max(ends) if ends else following)
        heading = text[start:head_end].lstrip("▲—")
        body_start = head_end + 1 if head_end < len(text) and folded[head_end] in "。:;" else head_end
        units.append(Section(heading, level, kind, start, body_start, end, style=kind))
    return units


def _without_stray_leads(found: list[tuple[int, int, str]], folded: str, paragraphs, bold_starts) -> list[tuple[int, int, str]]:
    """Drop short sentences that only look like run-in headings.

    Lead sentences that open units come as siblings of one pattern, one after
    another. A plain (not bold) lead that opens or closes the run of units with
    no lead beside it — a part's opening sentence before its —— items or its
    targets, a summing-up after the last item — is prose, unless its own
    paragraph starts the list that follows (实施积极的财政政策。一是…). A lead with
    a comma (坚持党的领导，增强政治引领力) counts only beside another cut alike:
    alone, or beside an unlike one, it is rhetoric (目标催人奋进，使命呼唤担当;
    回顾过去一年，成绩来之不易。在肯定成绩的同时，…). Items inside a paragraph belong to
    the unit that paragraph opens, so they are nobody's neighbours (leads run
    together in one paragraph are each other's).
    """
    starts = {start for start, _ in paragraphs}
    inline = [f for f in found if f[0] not in starts and f[2] == "item"]
    heads = [f for f in found if f not in inline]

    def text(i: int) -> str:
        return folded[heads[i][0] : heads[i][1]]

    def lead(i: int) -> bool:
        return 0 <= i < len(heads) and heads[i][2] == "lead"

    def plain(i: int) -> bool:
        return lead(i) and heads[i][0] not in bold_starts

    def comma(i: int) -> bool:
        return plain(i) and "," in text(i) and not re.match(r"第[一二三四五六七八九十]+,", text(i))

    def long(i: int) -> bool:
        return comma(i) and len(text(i)) > _SHORT_PAIR

    def parallel(i: int, j: int) -> bool:
        """Two comma leads cut alike (坚持…，增强… / 坚持…，提高…; 全面展开，突出重点 / 标本兼治，重在治本);
        a long one only in a run of three opening alike (针对…，… / 针对…，…)."""
        if not comma(j):
            return False
        a, b = text(i).split(",")[0], text(j).split(",")[0]
        if long(i) or long(j):
            return a[:2] == b[:2] and any(
                all(0 <= k < len(heads) and comma(k) and text(k)[:2] == a[:2] for k in trio)
                for trio in ((i - 2, i - 1, i), (i - 1, i, i + 1), (i, i + 1, i + 2))
            )
        return a[:1] == b[:1] or len(a) == len(b)

    def opens_list(i: int) -> bool:
        end = next(e for s, e in paragraphs if s <= heads[i][0] < e)
        return _ITEM.search(folded, heads[i][1], end) is not None

    def opening(i: int) -> bool:
        return i == 0 and not lead(1) and not opens_list(0)

    def single(i: int) -> bool:
        # a lead cut like no other lead of its section (过去五年极不寻常、极不平凡。 after 针对…，… leads, before ——items)
        alike = [k for k in range(len(heads)) if k != i and lead(k) and not comma(k)]
        return not comma(i) and not alike and not opens_list(i)

    def closing(i: int) -> bool:
        # items between it and an earlier lead are that lead's list
        before = [k for k in range(i) if heads[k][2] != "item"]
        return i == len(heads) - 1 and not (before and lead(before[-1]))

    while True:
        stray = {
            i for i in range(len(heads))
            if comma(i) and not (parallel(i, i - 1) or parallel(i, i + 1)) or plain(i) and (opening(i) or closing(i) or single(i))
        }
        if not stray:
            return sorted(inline + heads)
        heads = [f for i, f in enumerate(heads) if i not in stray]


def targets_statement(clean: CleanText, outline: Outline) -> Section | None:
    """The section holding the year's targets statement: its own unit, or the
    section it is all the body of."""
    for section in outline.walk():
        if section.kind == "targets":
            return section
    for start, end in clean.paragraphs():
        statement = _targets_statement(clean.folded, start, end)
        if statement:
            holders = [s for s in outline.walk() if s.start <= statement[0] < s.end]
            return holders[-1] if holders else None
    return None


def _targets_statement(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the clause introducing the year's targets near the head of a paragraph
    starts and ends (at its colon): 今年发展主要预期目标是：….

    A paragraph whose first sentence names the 预期目标 and which goes on to list
    targets (2020: 我们对疫情前考虑的预期目标作了适当调整。今年要…；城镇新增就业900万人以上，
    城镇调查失业率6%左右，…) states them too, introduced by that sentence."""
    m = _TARGETS.search(folded, start, min(end, start + 120))
    if m and (m.start() == start or folded[m.start() - 1] in "。,\n") and not (m.group("main") and not _NAMES_YEAR.search(m.group(0))):
        return m.start(), m.end()
    first = folded.find("。", start, end)
    if first > 0 and "预期目标" in folded[start:first] and len(_BOUNDED.findall(folded, first, end)) >= _LISTED:
        return start, first + 1
    return None


def _unit_at(folded, start, end, bold_starts):
    """A unit opening the paragraph at `start`: (heading end, kind) or None."""
    line = folded[start:end]
    if line.startswith("▲"):
        stop = re.search(r"[:。]", line)
        return (start + stop.start(), "bullet") if stop else None
    if _ITEM.match(line):
        stop = re.search(r"[。;]", line)
        if stop and stop.start() <= 40:
            return start + stop.start(), "item"
        return None
    if line.startswith("——"):
        # ——坚持新发展理念引领，推动高质量发展取得重大进展。: a dashed goal item.
        stop = line.find("。")
        return (start + stop, "item") if 4 <= stop <= 40 else None
    if start in bold_starts:
        return None  # handled as a bold lead
    stop = line.find("。")
    if 4 <= stop <= _RUN_MAX and end - start > stop + 20 and _reads_as_title(line[:stop], run=True):
        return start + stop, "lead"
    return None


def _bold_lead(folded, b_start, b_end):
    """The end of a bold lead sentence at b_start, or None if it is not one."""
    inner = folded[b_start:b_end]
    if inner.endswith("。"):
        inner, stop = inner[:-1], b_end - 1
    elif folded[b_end : b_end + 1] == "。":
        stop = b_end
    else:
        return None
    return stop if 2 <= len(inner) <= 30 and not _ADDRESS.match(inner) else None


def _reads_as_title(sentence: str, run: bool = False) -> bool:
    """A short sentence with no numbers or address, like a title: no clause
    break, or one in a short parallel pair (坚持党的领导，增强政治引领力). With
    `run`, a lead that one of a run of alike leads may be (针对就业压力凸显，强化稳岗扩就业政策支持):
    one clause break at any length up to _UNIT_MAX."""
    if re.search(r"[;:!?；：\d]", sentence) or _ADDRESS.match(sentence):
        return False
    commas = len(re.findall(r"[,，]", sentence))
    if len(sentence) > _UNIT_MAX:
        return run and commas == 1
    return commas == 0 or commas == 1 and (len(sentence) <= _SHORT_PAIR or run)


def _tables(text: str, paragraphs: list[tuple[int, int]]):
    """Group tab-separated rows into tables; a repeated header continues one."""
    tables: list[Table] = []
    rows_at: set[int] = set()
    current: Table | None = None
    header: list[list[str]] = []
    previous_line = ""
    for start, end in paragraphs:
        line = text[start:end]
        if line.count("\t") < 2:
            previous_line = line
            continue
        rows_at.add(start)
        cells = [c.strip() for c in line.split("\t")]
        header_word = cells[0].replace(" ", "") in {"指标名称", "指标", "项目", "序号"}
        if current and header and header_word and _same_row(cells, header):
            current.end = end
            continue  # the header repeated after a page break
        if current and current.rows and start - current.end > 200:
            current = None  # far from the last table: a new one
        if current is None or (header_word and current.rows):
            current = Table(previous_line, [], [], start, end)
            tables.append(current)
            header = []
        if not current.rows and (header_word or (header and not cells[0])):
            header.append(cells)  # a header, or its second row (绝对值 | 增长%)
        else:
            current.rows.append(cells)
        current.columns = _columns(header)
        current.end = end
    return tables, rows_at


def _same_row(cells: list[str], header: list[list[str]]) -> bool:
    """Whether a row repeats one of the header rows (spacing and empty cells aside)."""
    key = [c.replace(" ", "") for c in cells if c]
    return any(key == [c.replace(" ", "") for c in row if c] for row in header)


def _columns(header: list[list[str]]) -> list[str]:
    """Column names from stacked header rows (spanning cells inherit leftwards)."""
    if not header:
        return []
    width = max(len(row) for row in header)
    names = [""] * width
    for row in header:
        carried = ""
        for i in range(width):
            cell = row[i] if i < len(row) else ""
            if cell:
                carried = cell.replace(" ", "")
            elif i < 2:
                carried = ""
            names[i] = (names[i] + " " + carried).strip() if carried else names[i]
    return names


def _place_tables(roots: list[Section], tables: list[Table]) -> None:
    """Each table becomes a unit (kind table) one level below the section it
    stands in, so that it is compared with the other report's tables."""
    for table in tables:
        holder, level = None, roots
        while True:
            inner = next((s for s in level if s.start <= table.start < s.end), None)
            if inner is None:
                break
            holder, level = inner, inner.children
        if holder is None:
            continue
        heading = table.title.strip() or " ".join(table.columns[:3])
        table.unit = Section(heading, holder.level + 1, "table", table.start, table.start, table.end, style="table", path=(*holder.path, heading))


def _paragraph_units(sections: list[Section], text: str, folded: str, paragraphs: list[tuple[int, int]]) -> None:
    """Paragraphs among one-paragraph units are units too.

    Where the units of a section are single paragraphs, heading and body run
    together (（一）…（八）, 一是…六是, ——items), the last of a run is one
    paragraph as well, and a reader takes each paragraph standing after the
    first unit (the macro-policy paragraph after the targets statement, the
    defence and diplomacy paragraphs after the last task section) as one more
    unit, set beside its counterpart rather than left in the last unit or the
    section's own text. A unit never runs on across a bare salutation
    (各位代表！ alone), which stands for nothing, nor do a table's title or
    note, a signature or a date (under _PARAGRAPH_MIN).
    """
    salutations = {a for a, b in paragraphs if _ADDRESS.fullmatch(folded[a:b].rstrip("!"))}
    for section in (s for root in sections for s in root.walk()):
        units = section.children
        if section.kind == "address" and len(units) < 2:
            section.children = _address_paragraphs(section, text, folded, paragraphs, salutations)
            continue
        if len(units) < 2:
            continue
        cuts = _run_ends(units, paragraphs, section.end)
        for unit in units:
            inside = _paragraphs_in(paragraphs, unit.body_start + 1, cuts.get(unit, unit.end))
            stop = next((k for k, (a, _) in enumerate(inside) if a in salutations), None)
            if stop and not any(c.start >= inside[stop][0] for c in unit.children):
                cuts[unit] = inside[stop - 1][1]
            elif stop == 0:
                cuts[unit] = _paragraph_at(paragraphs, unit.start, section.end)[0]
        if any(u.children or cuts.get(u, u.end) > _paragraph_at(paragraphs, u.start, section.end)[1] for u in units):
            units += _closing_paragraphs(section, text, folded, paragraphs, salutations)
            continue
        for unit, end in cuts.items():
            unit.end = end
        loose = [
            (a, b) for a, b in _paragraphs_in(paragraphs, units[0].start + 1, section.end)
            if b - a >= _PARAGRAPH_MIN and a not in salutations and not any(u.start <= a < u.end for u in units)
        ]
        units += [Section(_opening(text, folded, a, b), units[0].level, "paragraph", a, a, b, style="paragraph") for a, b in loose]
        units.sort(key=lambda u: u.start)


def _closing_paragraphs(section: Section, text: str, folded: str, paragraphs: list[tuple[int, int]], salutations: set[int]) -> list[Section]:
    """The paragraphs closing a part after its last unit (这些年我国发展取得的成就…;
    在看到发展成就的同时…): units of the part all the same, where its units are sections
    of their own and not one paragraph each."""
    if section.level != 1:
        return []
    last = max(u.end for u in section.children)
    return [
        Section(_opening(text, folded, a, b), section.level + 1, "paragraph", a, a, b, style="paragraph")
        for a, b in _paragraphs_in(paragraphs, last, section.end) if b - a >= _PARAGRAPH_MIN and a not in salutations
    ]


def _address_paragraphs(section: Section, text: str, folded: str, paragraphs: list[tuple[int, int]], salutations: set[int]) -> list[Section]:
    """The paragraphs of an address that opens no run of units (各位代表！中华民族是一个大家庭…
    then religion, defence, Hong Kong and Macao, diplomacy, each after its own 各位代表！):
    each is a topic of its own, a unit as the same paragraphs are where the report sets no
    address before them; the address's first paragraph is its own text, and a lead sentence
    opening it (我国是统一的多民族国家。) is the address's heading, not a unit of it."""
    own_end = _paragraph_at(paragraphs, max(section.body_start - 1, section.start), section.end)[0]
    units = [u for u in section.children if u.start >= own_end]
    for unit in units:
        unit.end = _paragraph_at(paragraphs, unit.start, section.end)[0]
    loose = [
        Section(_opening(text, folded, a, b), section.level + 1, "paragraph", a, a, b, style="paragraph")
        for a, b in _paragraphs_in(paragraphs, own_end, section.end)
        if b - a >= _PARAGRAPH_MIN and a not in salutations and not any(u.start <= a < u.end for u in units)
    ]
    return sorted(units + loose, key=lambda u: u.start)


def _paragraphs_in(paragraphs: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs opening in start…end."""
    return paragraphs[bisect.bisect_left(paragraphs, (start, -1)) : bisect.bisect_left(paragraphs, (end, -1))]


def _run_ends(units: list[Section], paragraphs: list[tuple[int, int]], limit: int) -> dict[Section, int]:
    """Units ending a run of one-paragraph siblings (three or more of one kind)
    that run on past their paragraph: where their paragraph ends."""
    cuts: dict[Section, int] = {}
    run: list[Section] = []
    for unit in units:
        if run and (run[-1].kind, run[-1].style) != (unit.kind, unit.style):
            run = []
        run.append(unit)
        own, following = _paragraph_at(paragraphs, unit.start, limit)
        if unit.end <= following:
            continue
        if len(run) >= 3 and not any(c.start >= own for c in unit.children):
            cuts[unit] = own
        run = []
    return cuts


def _paragraph_at(paragraphs: list[tuple[int, int]], pos: int, limit: int) -> tuple[int, int]:
    """Where the paragraph holding `pos` ends, and where the next one opens (or `limit`)."""
    k = bisect.bisect_right(paragraphs, (pos, math.inf)) - 1
    end = paragraphs[k][1] if k >= 0 else pos
    return end, paragraphs[k + 1][0] if k + 1 < len(paragraphs) else limit


def _opening(text: str, folded: str, start: int, end: int) -> str:
    """A paragraph's name: its first clause after any salutation, as readers quote it."""
    address = _ADDRESS.match(folded, start)
    if address and folded[address.end() : address.end() + 1] == "!":
        start = address.end() + 1
    stop = re.compile(r"[,。;:!?]").search(folded, start + 6, min(end, start + 30))
    return text[start : stop.start() if stop else min(end, start + 30)]


def _nest_in_items(sections: list[Section]) -> None:
    """What stands between two items of one enumeration (二是… and 三是…) belongs to the
    first: its lead sentences are its units (二是围绕激发市场活力，加大改革开放力度。 then
    财税金融等重点改革深入推进。… and 坚持以开放促改革促发展。…), a paragraph without
    a heading is more of its text (三是大力深化改革开放… then 积极扩大对外开放…), as the
    count has not yet moved on. After the last item nothing tells where it ends, so
    what follows it stays where it is."""
    for section in sections:
        _nest_in_items(section.children)
        items = [k for k, c in enumerate(section.children) if c.kind == "item" and _ITEM.match(c.heading)]
        nested: set[int] = set()
        for k1, k2 in itertools.pairwise(items):
            first, second = section.children[k1], section.children[k2]
            if _NUMERALS.index(second.heading[0]) != _NUMERALS.index(first.heading[0]) + 1 or k2 == k1 + 1:
                continue
            between = section.children[k1 + 1 : k2]
            units = [s for s in between if s.kind != "paragraph"]
            for s in units:
                _shift_levels(s, first.level + 1 - s.level)
            first.children += units
            first.end = max(first.end, *(s.end for s in between))
            nested.update(range(k1 + 1, k2))
        section.children = [c for k, c in enumerate(section.children) if k not in nested]


def _lift_look_backs(sections: list[Section]) -> None:
    """A run of units looking back over five years (——这五年，综合实力大幅跃升…) after the last
    section of a one-year review ((六)用心用情办好民生实事…) is no part of it: the one-year
    sections are over, and the look-back and what follows it are their siblings."""
    for k in range(len(sections) - 1, -1, -1):
        section = sections[k]
        _lift_look_backs(section.children)
        backs = [i for i, c in enumerate(section.children) if FIVE_YEARS.match(fold(c.heading))]
        if section.level < 2 or section.kind != "numbered" or len(backs) < 2 or FIVE_YEARS.match(fold(section.heading)):
            continue
        moved = section.children[backs[0] :]
        section.children = section.children[: backs[0]]
        section.end = moved[0].start
        for unit in moved:
            _shift_levels(unit, section.level - unit.level)
        sections[k + 1 : k + 1] = moved


def _shift_levels(section: Section, by: int) -> None:
    for s in section.walk():
        s.level += by


def _fold_lone_targets(sections: list[Section]) -> None:
    """A targets statement that is all a section holds (二、…主要目标 and its one
    paragraph) is that section's body, not a unit beside nothing."""
    for section in sections:
        if len(section.children) == 1 and section.children[0].kind == "targets":
            section.children = []
        _fold_lone_targets(section.children)


def _set_paths(sections: list[Section], parent: tuple[str, ...]) -> None:
    for section in sections:
        section.path = (*parent, section.heading)
        _set_paths(section.children, section.path)


def _join_appendix_titles(roots: list[Section], text: str, paragraphs) -> None:
    """`附件` on its own line takes the title line that follows it."""
    for section in roots:
        if section.kind == "appendix" and section.heading.strip() in {"附件"} | {f"附件{i}" for i in range(1, 10)}:
            following = [p for p in paragraphs if p[0] > section.start]
            if following:
                s, e = following[0]
                if e - s <= 30 and "\t" not in text[s:e] and not numbering.match(fold(text[s:e])):
                    section.heading = f"{section.heading} {text[s:e]}"
                    section.body_start = e
