"""Stage 4 — align: pair each section of the new report with its counterpart in the old.

Headings are nearly always reworded between years, so sections are compared
by what they say: TF-IDF vectors over jieba tokens of heading and body (rare
words such as 平高电气 or 稻香路 weigh most), with reading order as a weak
prior. Alignment runs level by level: top-level parts by their role (review,
targets, tasks) and content, then each level below a pair of parts as one pool.
Every section is linked to its closest counterpart when that is close enough;
a section several others call closest becomes a split (1:n) or merge (n:1),
and a section with no link is reported as added / removed rather than forced
into a bad pair.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from typing import Literal

from .clean import fold
from .diff import SectionDiff
from .document import Document
from .errors import ReportdiffError
from .metadata import states_targets
from .structure import FIVE_YEARS, Section, targets_statement
from .tokens import Tokens, is_content

# Below this cosine a section's closest counterpart is chance vocabulary, not
# a shared topic. Dense fact lists about one topic share few words once the
# figures change, so true counterparts score as low as 0.09–0.15; unrelated
# sections of two reports mostly stay under 0.08 (measured against the
# hand-made pairs in tests/expected/align).
FLOOR = 0.09
# A unit whose parent is not paired with the other's parent (it moved to
# another section) counts this fraction of its cosine.
CROSS_FACTOR = 0.8
# Reading order breaks near-ties: up to this fraction of a score.
POSITION_WEIGHT = 0.2
HEADING_WEIGHT = 1.5
# Pools of up to EXHAUSTIVE_PAIRS old × new sections are compared all with all (the largest
# pool of a real pair, five-year plan 003 against 001, is 2,349). Beyond
# (reports far longer than any real one), a section is compared only with those sharing
# one of its BLOCK_TERMS heaviest words, a word shared by more than COMMON_TERM sections
# telling nothing: the cost then grows linearly, not with the square of the length.
EXHAUSTIVE_PAIRS = 5_000
BLOCK_TERMS = 12
COMMON_TERM = 64
# A unit whose section pairs with a flatter one joins it when its own cosine
# reaches this (half the floor: the pair above vouches for the topic).
INHERIT_FLOOR = FLOOR / 2
# A unit without subsections also stands beside a second counterpart ranked
# at least SECOND_RATIO of its closest, when their cosine reaches SECOND_FLOOR
# (measured against the readers' same-topic pairs in tests/expected/align).
SECOND_RATIO = 0.7
SECOND_FLOOR = 0.15
# A review reports what a plan promised in other words (figures reached, not
# tasks set), so a plan unit and the review paragraph on it share fewer words
# than two years' sections on one topic: against its review, a plan unit
# without subsections (a task run-in, an 一是 item) is linked from this cosine,
# to every review section scoring at least MANY_RATIO of its closest one
# (the plan's 扩大内需 reported in both the macro-policy and the consumption
# paragraphs, a flat review's overview of the year and its section on the topic).
# Measured against the readers' plan → review links in tests/expected/align
# (national 2018→2019 and 2023→2024, 山东, 湖南, 河南): at 0.35 more of them are
# found than at 0.5 and few wrong ones added; a lower PLAN_FLOOR adds more wrong than right.
PLAN_FLOOR = 0.05
MANY_RATIO = 0.35
# A flat review reports several plan units in one paragraph (the national
# review's 一是…七是 against forty plan units), so each unit's words are a small
# share of it and their cosine is low however fully it reports the unit. Against
# a flat review section (no subsections) weightier than itself, a plan unit's
# closest counterpart is judged by its cosine times the weight ratio to this power
# (the ratio capped at WEIGHT_CAP); the further links (MANY_RATIO) still need the plain cosine to reach
# the floor. Measured against the readers' plan → review links (tuned: 山东,
# 湖南, national 2023→2024; held-out: national 2016→2017 and 2018→2019, 河南,
# 安徽): a fourth root adds right links on the tuned lists and leaves the
# held-out ones about even (as many right links added as wrong ones); a square
# root, scaling against review sections with subsections too, or where the plan
# unit is the weightier one, add more wrong links than right ones.
WEIGHT_POWER = 0.25
WEIGHT_CAP = 3.0

# An enumerated item's heading: 一是…, 二是….
_ENUMERATED = re.compile(r"[一二三四五六七八九十]+是")

Relation = Literal["same_topic", "plan_to_review"]
Status = Literal["matched", "split", "merged", "added", "removed"]


@dataclass
class Pair:
    """Sections of the old report and their counterparts in the new one."""

    old: list[Section]
    new: list[Section]
    similarity: float
    relation: Relation = "same_topic"
    forced: bool = False
    diff: SectionDiff = field(default_factory=SectionDiff)  # filled by the diff stage

    @property
    def status(self) -> Status:
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        if len(self.old) > 1:
            return "merged"
        if len(self.new) > 1:
            return "split"
        return "matched"

    @property
    def level(self) -> int:
        return (self.new or self.old)[0].level


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)

    def by_relation(self, relation: str) -> list[Pair]:
        return [p for p in self.pairs if p.relation == relation]


@dataclass
class Overrides:
    """A user's corrections: heading prefixes to pair, and headings to leave unpaired."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    unpair: list[str] = field(default_factory=list)


class _Space:
    """TF-IDF vectors for every section of both documents.

    A section's vector covers its whole text, subsections included; document
    frequencies count each section's own text once, so that a word found in
    one paragraph is rare however deep that paragraph is nested. A closing
    address is the exception: its units are unrelated topics (ethnic affairs,
    defence, diplomacy), so it stands for its own words only (各位代表！新征程新使命，
    对政府工作提出了新的更高要求…, on the government's own work).
    """

    def __init__(self, old: Document, new: Document, old_tokens: Tokens, new_tokens: Tokens):
        self.vectors: dict[Section, dict[str, float]] = {}
        self.norms: dict[Section, float] = {}
        self._cosines: dict[tuple[Section, Section], float] = {}
        counts: dict[Section, dict[str, float]] = {}
        df: Counter[str] = Counter()
        for doc, tokens in ((old, old_tokens), (new, new_tokens)):
            for section in doc.outline.units():
                spans = [(section.body_start, section.end)]
                if _closing(section):
                    spans = [(max(a, section.body_start), b) for a, b in section.own_spans() if b > section.body_start]
                words: dict[str, float] = dict(Counter(w for a, b in spans for w in tokens.between(a, b) if is_content(w)))
                for w in tokens.between(section.start, section.body_start):
                    if is_content(w):
                        words[w] = words.get(w, 0) + HEADING_WEIGHT
                counts[section] = words
                df.update({w for a, b in section.own_spans() for w in tokens.between(a, b) if is_content(w)})
        total = len(counts) + 1
        self.idf = {w: math.log(total / n) for w, n in df.items()}
        for key, words in counts.items():
            vector = {w: (1 + math.log(c)) * self.idf[w] for w, c in words.items()}
            self.vectors[key] = vector
            self.norms[key] = math.sqrt(sum(v * v for v in vector.values())) or 1.0

    def lead_cosine(self, a: Section, part: Section, tokens: Tokens) -> float:
        """The cosine of a section and a part's lead: its own words before its units."""
        lead = Counter(w for s, e in part.own_spans() for w in tokens.between(max(s, part.body_start), e) if is_content(w))
        vector = {w: (1 + math.log(c)) * self.idf.get(w, 0.0) for w, c in lead.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return sum(v * vector.get(w, 0.0) for w, v in self.vectors[a].items()) / (self.norms[a] * norm)

    def heaviest(self, section: Section, k: int) -> list[str]:
        vector = self.vectors[section]
        return sorted(vector, key=lambda w: (-vector[w], w))[:k]

    def cosine(self, a: Section, b: Section) -> float:
        # Asked again and again of the same two sections as the levels are matched: kept.
        found = self._cosines.get((a, b))
        if found is None:
            va, vb = self.vectors[a], self.vectors[b]
            if len(va) > len(vb):
                va, vb = vb, va
            # A word of one only would add 0.0: leaving it out leaves the sum as it was.
            dot = sum(v * vb[w] for w, v in va.items() if w in vb)
            found = self._cosines[a, b] = dot / (self.norms[a] * self.norms[b])
        return found


def align(old: Document, new: Document, old_tokens: Tokens, new_tokens: Tokens, overrides: Overrides | None = None) -> Alignment:
    """Pair the sections of two reports (same topic, and plan → review)."""
    space = _Space(old, new, old_tokens, new_tokens)
    forced_pairs, banned = _resolve_overrides(old, new, overrides or Overrides())
    user = {s for pair in forced_pairs for s in pair}
    anchors = [(a, b) for a, b in _targets_statements(old, new) if not {a, b} & (user | banned)]
    matcher = _Matcher(space, (old, new), forced_pairs + anchors, banned, user)
    parts = _part_pairs(old, new, matcher)
    pairs = _look_backs(_across_levels(matcher.align_tree(parts, "same_topic"), matcher), parts, matcher)
    # Tables face tables wherever each report puts them (an annex, a part, a unit).
    pairs += matcher.match(*[[t.unit for t in doc.outline.tables if t.unit is not None] for doc in (old, new)])
    # The targets statements face each other only as the same topic; against
    # a review the old statement pairs by content like any plan unit.
    reviews = _Matcher(space, (old, new), forced_pairs, banned, user)
    statement = targets_statement(old.clean, old.outline)
    for old_parts, new_part in _plan_to_review_parts(old, new):
        root = Pair(old_parts, [new_part], max(space.cosine(a, new_part) for a in old_parts))
        pairs += reviews.align_tree([root], "plan_to_review")
        # The review's opening lines sum up how the year's targets were met
        # (全年主要目标任务圆满完成): the targets statement is reported on by the
        # review part as a whole, beside the sections on each indicator. Its
        # opening lines are compared alone as well, where its units' words drown them.
        if statement is not None and statement not in old_parts and any(p.start <= statement.start < p.end for p in old_parts):
            cosine = max(space.cosine(statement, new_part), space.lead_cosine(statement, new_part, new_tokens))
            if cosine >= FLOOR:
                pairs.append(Pair([statement], [new_part], cosine, "plan_to_review"))
    pairs += [p for p in matcher.leftover_forced() if p.old[0] not in reviews.used_forced]
    return Alignment(_reading_order(pairs, old, new))


def _across_levels(pairs: list[Pair], matcher: _Matcher) -> list[Pair]:
    """A removed unit and an added one (sections without subsections) that are
    each other's closest among those left over are a pair, whatever level each report gives them (the
    defence paragraph directly under the old plan, inside the closing address
    of the new one, a five-year retrospective's unit and a one-year section).
    Left over, they need twice the floor."""
    space = matcher.space
    removed = [p.old[0] for p in pairs if not p.new and not p.old[0].children and p.old[0].level > 1]
    added = [p.new[0] for p in pairs if not p.old and not p.new[0].children and p.new[0].level > 1]
    if not removed or not added:
        return pairs

    def score(a: Section, b: Section) -> float:
        return 0.0 if matcher.is_fixed(a, b) else space.cosine(a, b)

    best_new = {a: max(added, key=lambda b: score(a, b)) for a in removed}
    best_old = {b: max(removed, key=lambda a: score(a, b)) for b in added}
    found = {a: b for a, b in best_new.items() if best_old[b] is a and score(a, b) >= 2 * FLOOR}
    if not found:
        return pairs
    taken = set(found) | set(found.values())
    kept = [p for p in pairs if (p.old + p.new)[0] not in taken or p.old and p.new]
    return kept + [Pair([a], [b], space.cosine(a, b)) for a, b in found.items()]


def _look_backs(pairs: list[Pair], parts: list[Pair], matcher: _Matcher) -> list[Pair]:
    """A unit of a five-year look-back that one review adds (这五年，… / ——科技创新能力实现新跃升
    after 各位代表！2025年是“十四五”收官之年。) faces the sections of the other review on its
    topic: the closest of the sections of the part its own part is paired with, if close enough
    (FLOOR), and every one nearly as close (SECOND_RATIO): five years' 人民生活水平 beside both
    one-year paragraphs on livelihood (民生福祉持续增进, 扎实抓好民生社会事业发展). A
    one-year review has nothing else to set beside the five years' achievements."""
    space = matcher.space
    facing = [(p.old[0], p.new[0]) for p in parts if len(p.old) == 1 and len(p.new) == 1 and p.old[0].level == 1]
    found: dict[Section, list[Pair]] = {}
    for pair in pairs:
        lone = (pair.new or pair.old)[0]
        if (pair.old and pair.new) or lone.children or not matcher.looks_back(lone):
            continue
        for old_part, new_part in facing:
            mine, theirs = (new_part, old_part) if pair.new else (old_part, new_part)
            if not mine.start <= lone.start < mine.end:
                continue
            sections = [s for s in theirs.children if not matcher.looks_back(s) and not matcher.is_fixed(s, lone)]
            best = max((space.cosine(s, lone) for s in sections), default=0.0)
            near = [s for s in sections if space.cosine(s, lone) >= max(FLOOR, SECOND_RATIO * best)]
            for s in near:
                old_side, new_side = (s, lone) if pair.new else (lone, s)
                found.setdefault(lone, []).append(Pair([old_side], [new_side], space.cosine(s, lone)))
    if not found:
        return pairs
    return [p for p in pairs if p.old and p.new or (p.new or p.old)[0] not in found] + [p for ps in found.values() for p in ps]


class _Matcher:
    def __init__(self, space: _Space, docs: tuple[Document, Document], forced_pairs: list[tuple[Section, Section]], banned: set[Section], user: set[Section]):
        """`forced_pairs` are the user's pairs (ids in `user`) and the pairs the
        reports' own roles fix (the targets statements); both are kept whatever
        their score."""
        self.space = space
        self.user = user
        self.forced_pairs = forced_pairs
        self.forced = {a: b for a, b in forced_pairs} | {b: a for a, b in forced_pairs}
        # Sections that pair with nothing but their forced partner: the user's,
        # and a targets unit (a folded statement's section pairs as usual too).
        self.exclusive = user | {s for pair in forced_pairs for s in pair if s.kind == "targets"}
        self.banned = banned
        self.used_forced: set[Section] = set()
        self.parent: dict[Section, Section] = {c: s for doc in docs for s in doc.outline.walk() for c in s.children}
        # Every work report closes on the government's own work, in an address or not; other kinds need not.
        self.closings = docs[0].meta.kind == docs[1].meta.kind == "work_report"

    def is_fixed(self, a: Section, b: Section) -> bool:
        """Whether a user override touches either section."""
        return any(s in self.exclusive or s in self.banned for s in (a, b))

    def align_tree(self, top: list[Pair], relation: Relation) -> list[Pair]:
        """The given pairs and, level by level, the pairs among their descendants.

        Each level under a top pair is matched as one pool, not parent by
        parent: a report moves units between sections from one year to the
        next (2022's 招商引资 paragraph sits under reform, 2024's 双招双引 under
        investment), and a reader pairs them where they went, and sees the two
        parents as related too. Sections whose parents are paired are
        preferred (CROSS_FACTOR).

        Where one report is flatter (the national review's seven 一是…七是
        paragraphs against the plan's forty units), a paired section without
        subsections is carried down into the next level's pool, so that the
        other's subsections are set beside it.
        """
        out: list[Pair] = []
        for root in top:
            root.relation = relation
            out.append(root)
            pairs = [(a, b) for a in root.old for b in root.new]
            kin = {(a, b) for a, b in pairs}
            levels: list[tuple[list[Section], list[Section], dict, set[Section]]] = []
            olds, news = root.old, root.new
            while True:
                children_old = [c for s in olds for c in s.children]
                children_new = [c for s in news for c in s.children]
                if not children_old and not children_new:
                    break
                carried_old = list(dict.fromkeys(a for a, b in pairs if not a.children and b.children))
                carried_new = list(dict.fromkeys(b for a, b in pairs if not b.children and a.children))
                many = relation == "plan_to_review"
                if many and children_old:
                    # A flat review paragraph that no plan section matched as a whole may still
                    # report on some of their units (四是强化创新引领 on the innovation tasks of
                    # the plan's 供给侧结构性改革 section): it faces the units too.
                    # (not a five-year look-back, which speaks for a plan unit only where the year's review is silent)
                    linked = {b for _, b in pairs}
                    carried_new += [b for b in news if not b.children and b not in linked and b.level > 1 and self._layer(b) == "body"]
                carried = set(carried_old + carried_new)
                pool_old, pool_new = children_old + carried_old, children_new + carried_new
                links = self.links(pool_old, pool_new, kin, carried=carried, many=many)
                self._inherit(links, pool_old, pool_new, pairs, carried)
                if levels:
                    self._lift(links, pool_old, pool_new, kin, levels[-1], carried, orphans_only=many)
                levels.append((pool_old, pool_new, links, carried))
                kin = {(pool_old[i], pool_new[j]) for i, j in links}
                pairs = [(pool_old[i], pool_new[j]) for i, j in links]
                olds, news = children_old, children_new
            tree = [pair for olds, news, links, carried in levels for pair in self._pairs(links, olds, news, carried)]
            # a section left alone at its level but paired a level down is not added or removed
            partnered = {s for pair in tree if pair.old and pair.new for s in pair.old + pair.new}
            for pair in tree:
                if pair.old and pair.new or (pair.old + pair.new)[0] not in partnered:
                    pair.relation = relation
                    out.append(pair)
        return out

    def match(self, olds: list[Section], news: list[Section]) -> list[Pair]:
        """Pairs (1:1, split, merge) and leftovers among two lists of sections."""
        return self._pairs(self.links(olds, news, None), olds, news)

    def links(self, olds: list[Section], news: list[Section], kin: Set[tuple[Section | None, Section | None]] | None, carried: Set[Section] = frozenset(), many: bool = False) -> dict[tuple[int, int], float]:
        """Links old[i]–new[j] with their cosine: every section's closest
        counterpart, if close enough (FLOOR), plus the user's forced pairs.

        A section that several others call closest becomes a split or merge.
        Sections whose parents are not paired with each other (``kin``) score
        CROSS_FACTOR of their cosine. A report without five-year
        retrospectives also offers its one-year sections to the other's (see
        _layer), and of two work reports, one without a closing address the
        paragraphs it closes with (我们要坚持贯彻新时代党解决台湾问题的总体方略
        directly under the plan) to the other's address and its units; not
        against a review, where measured against the readers' plan → review
        links this adds as many wrong links as right ones. With ``many`` (a plan against its review), a plan unit links
        to every review section near its closest (MANY_RATIO, PLAN_FLOOR).
        """
        links: dict[tuple[int, int], float] = {}
        index_new = {b: j for j, b in enumerate(news)}
        for i, a in enumerate(olds):
            partner = self.forced.get(a)
            if partner is not None and partner in index_new:
                links[i, index_new[partner]] = self.space.cosine(a, partner)
                self.used_forced.update({a, partner})
        layers_old = [self._layer(s) for s in olds]
        layers_new = [self._layer(s) for s in news]
        kinds = ("period", "closing") if self.closings and not many else ("period",)
        fallback = {layer for layer in kinds if (layer in layers_old) != (layer in layers_new)}
        cosines: dict[tuple[int, int], float] = {}
        ranks: dict[tuple[int, int], float] = {}
        plain: set[tuple[int, int]] = set()  # links whose cosine alone reaches the floor
        for i, j in self._candidates(olds, news):
            a, b = olds[i], news[j]
            if self.is_fixed(a, b):
                continue
            if layers_old[i] != layers_new[j] and not ("body" in (layers_old[i], layers_new[j]) and {layers_old[i], layers_new[j]} - {"body"} <= fallback):
                continue
            cosine = self.space.cosine(a, b)
            if a in carried and b in carried:
                continue  # both were paired a level up already
            related = kin is None or (self._up(a, carried), self._up(b, carried)) in kin
            score = cosine * (1 if related else CROSS_FACTOR)
            floor = PLAN_FLOOR if many and not a.children else FLOOR
            if score >= floor:
                plain.add((i, j))
            if many and not b.children:
                ratio = self.space.norms[b] / self.space.norms[a]
                score *= min(WEIGHT_CAP, max(1.0, ratio)) ** WEIGHT_POWER
            if score >= floor:
                prior = 1 - abs(i / max(len(olds), 1) - j / max(len(news), 1))
                ranks[i, j] = score * (1 + POSITION_WEIGHT * prior)
                cosines[i, j] = cosine
        best: dict[tuple, tuple[int, int]] = {}
        for (i, j), rank in ranks.items():
            # closest per section and per layer of the other side: a one-year
            # section keeps its one-year counterpart beside a five-year one
            for key in ((0, i, layers_new[j]), (1, j, layers_old[i])):
                if key not in best or rank > ranks[best[key]]:
                    best[key] = (i, j)
        chosen = set(best.values())
        if many:
            # A five-year retrospective speaks for a plan unit only where the
            # year's own review is silent on it.
            same_layer = {i for i, j in chosen if layers_new[j] == layers_old[i]}
            chosen = {(i, j) for i, j in chosen if layers_new[j] == layers_old[i] or i not in same_layer}
        links.update((k, cosines[k]) for k in chosen)
        if not many:
            links.update((k, cosines[k]) for k in _seconds(ranks, cosines, olds, news))
        if many:
            # A plan unit is reported on wherever its rare words recur: every
            # review section close to its best counterpart is linked too.
            top: dict[int, float] = {}
            for (i, _), rank in ranks.items():
                top[i] = max(top.get(i, 0.0), rank)
            # The year's targets statement lists every headline indicator: each review
            # section reporting one of them (above the floor) reports on it.
            links.update(
                (k, cosines[k]) for k, rank in ranks.items()
                if k in plain and not olds[k[0]].children and (rank >= MANY_RATIO * top[k[0]] or olds[k[0]].kind == "targets")
            )
        return links

    def _candidates(self, olds: list[Section], news: list[Section]) -> list[tuple[int, int]]:
        """The (old, new) index pairs worth a cosine, in order (see EXHAUSTIVE_PAIRS)."""
        if len(olds) * len(news) <= EXHAUSTIVE_PAIRS:
            return [(i, j) for i in range(len(olds)) for j in range(len(news))]
        postings: dict[str, list[int]] = {}
        for j, b in enumerate(news):
            for w in self.space.heaviest(b, BLOCK_TERMS):
                postings.setdefault(w, []).append(j)
        pairs: set[tuple[int, int]] = set()
        for i, a in enumerate(olds):
            for w in self.space.heaviest(a, BLOCK_TERMS):
                found = postings.get(w, ())
                if len(found) <= COMMON_TERM:
                    pairs.update((i, j) for j in found)
        return sorted(pairs)
    def _inherit(self, links, olds, news, pairs, carried) -> None:
        """A unit left without a counterpart whose section is paired with a flatter
        one (no units of its own) is set beside that section, which covers its
        topic: scored by the pair it inherits from, if its own words come near."""
        index_old = {s: i for i, s in enumerate(olds)}
        index_new = {s: j for j, s in enumerate(news)}
        linked_old = {i for i, _ in links}
        linked_new = {j for _, j in links}
        for a, b in pairs:
            for flat, units, index_units, index_flat, linked, unit_first in (
                (b, a.children, index_old, index_new, linked_old, True),
                (a, b.children, index_new, index_old, linked_new, False),
            ):
                # parts pair by role, whatever their words: only sections vouch
                if flat not in carried or flat not in index_flat or flat.level < 2 or self.space.cosine(a, b) < FLOOR:
                    continue
                for unit in units:
                    k = index_units.get(unit)
                    if k is None or k in linked or self.is_fixed(unit, flat) or self._layer(unit) != self._layer(flat):
                        continue
                    if self.space.cosine(unit, flat) >= INHERIT_FLOOR:
                        key = (k, index_flat[flat]) if unit_first else (index_flat[flat], k)
                        links[key] = self.space.cosine(a, b)

    def _up(self, section: Section, carried: Set[Section]) -> Section | None:
        """The section one level up in the pool: a carried section stands for itself."""
        return section if section in carried else self.parent.get(section)

    def _lift(self, links, olds, news, kin, upper, carried, orphans_only: bool = False) -> None:
        """A unit paired across parents makes the parents a pair as well.

        With `orphans_only` (a plan against its review), only an old parent
        left without a counterpart of its own takes those of its units: a
        plan section is reported on where its tasks are, but one task
        reported elsewhere does not make its whole section so. Otherwise the
        parents pair unless the unit moved alone (_moved_alone): a task that
        went to a section far from its own in both reports' order (山东's
        clean-energy task from 2025's green-transition section into 2026's
        domestic-demand one) does not make the two sections one topic.
        """
        upper_olds, upper_news, upper_links, _ = upper
        at_old = {s: i for i, s in enumerate(upper_olds)}
        at_new = {s: j for j, s in enumerate(upper_news)}
        linked = {i for i, _ in upper_links}
        for i, j in links:
            pa, pb = self._up(olds[i], carried), self._up(news[j], carried)
            if pa is None or pb is None or (pa, pb) in kin or pa not in at_old or pb not in at_new or self.is_fixed(pa, pb):
                continue
            if orphans_only and (at_old[pa] in linked or pa is olds[i]):
                continue
            if not orphans_only and self._moved_alone(olds[i], news[j], pa, pb, [(upper_olds[a], upper_news[b]) for a, b in upper_links]):
                continue
            # The parents pair on their units' evidence: the pair scores at least
            # what the unit link does, so no pair shown sits below the floor.
            upper_links[at_old[pa], at_new[pb]] = max(self.space.cosine(pa, pb), links[i, j])

    def _moved_alone(self, unit_old: Section, unit_new: Section, pa: Section, pb: Section, pairs: list[tuple[Section, Section]]) -> bool:
        """Whether a unit link across parents pa–pb stays a unit's move: the parents'
        pair goes against the order of the pairs made among their siblings, and the
        units are closer to what their own parents are paired with than to the other's
        parent. A unit that carries its whole topic across (2024's 三是全面推进乡村振兴
        under industry, 2025's section (六)聚焦乡村全面振兴) still makes the parents a pair."""
        if not self._against_order(pa, pb, pairs):
            return False
        cosine = self.space.cosine
        near_own = max(
            [cosine(unit_old, y) for x, y in pairs if x is pa] + [cosine(x, unit_new) for x, y in pairs if y is pb] + [0.0]
        )
        return min(cosine(unit_old, pb), cosine(pa, unit_new)) < near_own

    def _against_order(self, a: Section, b: Section, pairs: list[tuple[Section, Section]]) -> bool:
        """Whether a pair a–b crosses more of the given pairs than it keeps the order of.

        Two reports list their sections mostly in one order, reordering a few
        ((一)扩大内需 → (三)着力扩大国内需求): a pair counts against the pairs
        of the same two sibling runs (one parent, one heading pattern: the
        ——items, the 一是 items, the （一） sections), whose order is the same
        list's; pairs in other runs (the achievement items before the work
        paragraphs) say nothing of it."""
        run_a, run_b = self._run(a), self._run(b)
        crossing = keeping = 0
        for x, y in pairs:
            if self._run(x) == run_a and self._run(y) == run_b:
                side = (x.start - a.start) * (y.start - b.start)
                crossing += side < 0
                keeping += side > 0
        return crossing > keeping

    def _run(self, section: Section) -> tuple[Section | None, str, str, bool]:
        """What a section's sibling run shares: parent, kind, numbering style, and
        whether it counts its items (一是…, as opposed to ——items of one style)."""
        return self.parent.get(section), section.kind, section.style, bool(_ENUMERATED.match(section.heading))

    def _pairs(self, links: dict[tuple[int, int], float], olds: list[Section], news: list[Section], carried: Set[Section] = frozenset()) -> list[Pair]:
        forced = {k for k in links if self.forced.get(olds[k[0]]) is news[k[1]]}
        pairs = [Pair([olds[i]], [news[j]], links[i, j], forced=olds[i] in self.user) for i, j in sorted(forced)]
        # Links into five-year retrospectives form splits and merges of their own.
        groups: dict[str, dict[tuple[int, int], float]] = {}
        for (i, j), cosine in links.items():
            if (i, j) not in forced:
                group = max(self._layer(olds[i]), self._layer(news[j]), key=lambda layer: layer != "body")
                groups.setdefault(group, {})[i, j] = cosine
        for grouped in groups.values():
            pairs += _stars(grouped, olds, news)
        # A forced section whose partner sits in another pool is paired there
        # (leftover_forced), not removed or added here.
        # A carried section was listed at its own level.
        linked_old = {i for i, _ in links} | {i for i, s in enumerate(olds) if s in self.exclusive | carried}
        linked_new = {j for _, j in links} | {j for j, s in enumerate(news) if s in self.exclusive | carried}
        pairs += [Pair([s], [], 0.0) for i, s in enumerate(olds) if i not in linked_old]
        pairs += [Pair([], [s], 0.0) for j, s in enumerate(news) if j not in linked_new]
        return pairs

    def looks_back(self, section: Section) -> bool:
        """Whether a section is part of a five-year look-back: a 五年来 paragraph or what it
        holds, or a unit of a passage whose units look back so (各位代表！…“十四五”收官之年。)."""
        parent = self.parent.get(section)
        return self._layer(section) == "period" or (
            parent is not None and parent.kind == "address" and not _closing(parent)
        )

    def _layer(self, section: Section) -> str:
        """A five-year retrospective (五年来…), a 专栏 box, the closing address
        on the government's own work ("closing") or an address opening a
        five-year look-back ("address"), with everything inside it; else "body"."""
        at: Section | None = section
        while at is not None:
            if _closing(at):
                return "closing"
            if at.kind in {"period", "box", "address"}:
                return at.kind
            if FIVE_YEARS.match(fold(at.heading)):
                return "period"  # a unit opening 这五年，… looks back as a 五年来，… paragraph does
            at = self.parent.get(at)
        return "body"

    def leftover_forced(self) -> list[Pair]:
        """Forced pairs whose sections were never siblings in one match."""
        return [
            Pair([a], [b], self.space.cosine(a, b), forced=a in self.user)
            for a, b in self.forced_pairs
            if a not in self.used_forced
        ]


def _closing(section: Section) -> bool:
    """Whether a section is a closing address (各位代表！…) rather than one opening a
    five-year look-back (各位代表！2025年是“十四五”收官之年。 before 这五年，… units)."""
    return section.kind == "address" and not any(FIVE_YEARS.match(fold(c.heading)) for c in section.children)


def _seconds(ranks: dict[tuple[int, int], float], cosines: dict[tuple[int, int], float], olds: list[Section], news: list[Section]) -> list[tuple[int, int]]:
    """Links to a second counterpart: a unit without subsections whose topic the
    other report splits (2024's 民生福祉 item beside 2025's livelihood and its
    safety item) stands beside every section nearly as close as its closest
    (SECOND_RATIO of its rank) and clearly related (SECOND_FLOOR)."""
    top_old: dict[int, float] = {}
    top_new: dict[int, float] = {}
    for (i, j), rank in ranks.items():
        top_old[i] = max(top_old.get(i, 0.0), rank)
        top_new[j] = max(top_new.get(j, 0.0), rank)
    return [
        (i, j) for (i, j), rank in ranks.items()
        if cosines[i, j] >= SECOND_FLOOR
        and (rank >= SECOND_RATIO * top_old[i] and not olds[i].children or rank >= SECOND_RATIO * top_new[j] and not news[j].children)
    ]


def _stars(links: dict[tuple[int, int], float], olds: list[Section], news: list[Section]) -> list[Pair]:
    """Pairs from links old[i]–new[j]: an old section linked to several new
    ones that have no other link is a split, the reverse a merge, anything
    else a 1:1 pair (a section may then sit in more than one pair)."""
    degree_old = Counter(i for i, _ in links)
    degree_new = Counter(j for _, j in links)
    pairs: list[Pair] = []
    splits: dict[int, list[int]] = {}
    merges: dict[int, list[int]] = {}
    for i, j in sorted(links):
        if degree_old[i] > 1 and degree_new[j] == 1:
            splits.setdefault(i, []).append(j)
        elif degree_new[j] > 1 and degree_old[i] == 1:
            merges.setdefault(j, []).append(i)
        else:
            pairs.append(Pair([olds[i]], [news[j]], links[i, j]))
    for i, js in splits.items():
        pairs.append(Pair([olds[i]], [news[j] for j in js], max(links[i, j] for j in js)))
    for j, is_ in merges.items():
        pairs.append(Pair([olds[i] for i in is_], [news[j]], max(links[i, j] for i in is_)))
    return pairs


def _part_pairs(old: Document, new: Document, matcher: _Matcher) -> list[Pair]:
    """Top-level parts: review with review, targets with targets, tasks with tasks.

    Reports of one kind pair parts by role first (a lone part of a role pairs
    with its counterpart whatever the score); across kinds (a five-year plan
    against a work report) roles do not line up and content decides.
    """
    # Five-year goals (十五五…) are not a one-year report's targets, but when
    # only one report has goals and only the other targets, they face each other.
    roles_old = {p.section: _year_role(p) for p in old.meta.parts}
    roles_new = {p.section: _year_role(p) for p in new.meta.parts}
    labelled = {"review", "targets", "tasks"}
    if not (set(roles_old.values()) & set(roles_new.values()) & labelled) or old.meta.kind != new.meta.kind and "five_year_plan" in {old.meta.kind, new.meta.kind}:
        return matcher.match(old.sections, new.sections)
    if _only(roles_old, "goals", "targets") and _only(roles_new, "targets", "goals") or _only(roles_old, "targets", "goals") and _only(roles_new, "goals", "targets"):
        roles_old = {s: "targets" if r == "goals" else r for s, r in roles_old.items()}
        roles_new = {s: "targets" if r == "goals" else r for s, r in roles_new.items()}
    pairs: list[Pair] = []
    for role in ("review", "targets", "tasks", "goals", "appendix", "other"):
        olds = [s for s, r in roles_old.items() if r == role]
        news = [s for s, r in roles_new.items() if r == role]
        if len(olds) == 1 and len(news) == 1 and role in labelled and not matcher.is_fixed(olds[0], news[0]):
            pairs.append(Pair(olds, news, matcher.space.cosine(olds[0], news[0])))
        else:
            pairs += matcher.match(olds, news)
    # A report without a one-year targets part states its targets at the head
    # of its tasks part (今年经济社会发展主要预期目标是…): the other report's
    # targets part is set beside that tasks part as well.
    tasks = [p for p in pairs if p.old and p.new and _role(old, p.old[0]) == "tasks"]
    for doc, other, mine, theirs in ((old, new, "old", "new"), (new, old, "new", "old")):
        targets = [s for s in doc.sections if _role(doc, s) == "targets" and not matcher.is_fixed(s, s)]
        if not tasks or len(targets) != 1 or any(_role(other, s) == "targets" for s in other.sections):
            continue
        if states_targets(other.clean.folded, getattr(tasks[0], theirs)[0]):
            getattr(tasks[0], mine).insert(0, targets[0])
            # it is paired now: drop its entry as removed / added
            pairs = [p for p in pairs if not (getattr(p, mine) == targets and not getattr(p, theirs))]
    return pairs


def _targets_statements(old: Document, new: Document) -> list[tuple[Section, Section]]:
    """The year's targets statements (今年发展主要预期目标是：…) of two annual
    reports face each other wherever each report puts them: the one paragraph a
    reader always compares. A five-year plan's targets are not a year's."""
    if "five_year_plan" in {old.meta.kind, new.meta.kind}:
        return []
    a, b = (targets_statement(doc.clean, doc.outline) for doc in (old, new))
    return [(a, b)] if a is not None and b is not None and "targets" in {a.kind, b.kind} else []


def _only(roles: dict[Section, str], present: str, absent: str) -> bool:
    return present in roles.values() and absent not in roles.values()


def _year_role(part) -> str:
    return "goals" if part.role == "targets" and len(part.years) > 1 else part.role


def _role(doc: Document, section: Section) -> str:
    return next((_year_role(part) for part in doc.meta.parts if part.section is section), "")


def _plan_to_review_parts(old: Document, new: Document) -> list[tuple[list[Section], Section]]:
    """(old plan parts for year N, new review part of year N) when the years line up.

    The plan of year N is every part from its first targets or tasks part to the
    end of the report's body: a part without a year of its own after it (全面加强
    政府自身建设) is that year's work too.
    """
    out = []
    for new_part in new.meta.parts:
        if new_part.role != "review" or not new_part.years:
            continue
        year = new_part.years[0]
        plans: list[Section] = []
        for part in old.meta.parts:
            if part.role in {"tasks", "targets"} and part.years == (year,) or plans and part.role == "other":
                plans.append(part.section)
            elif plans:
                break
        if plans:
            out.append((plans, new_part.section))
    return out


def _normal(heading: str) -> str:
    return "".join(fold(heading).split()).replace("*", "").replace("#", "")


def _find(doc: Document, prefix: str, which: str) -> Section:
    wanted = _normal(prefix)
    for section in doc.outline.walk():
        if _normal(section.heading).startswith(wanted):
            return section
    raise ReportdiffError(f"no section of the {which} report starts with '{prefix}' (see 'reportdiff outline')")


def _resolve_overrides(old: Document, new: Document, overrides: Overrides):
    forced_pairs = []
    for old_prefix, new_prefix in overrides.pairs:
        forced_pairs.append((_find(old, old_prefix, "old"), _find(new, new_prefix, "new")))
    banned: set[Section] = set()
    for heading in overrides.unpair:
        found = []
        for doc in (old, new):
            try:
                found.append(_find(doc, heading, "old" if doc is old else "new"))
            except ReportdiffError:
                continue
        if not found:
            raise ReportdiffError(f"--unpair: no section of either report starts with '{heading}'")
        banned.update(found)
    return forced_pairs, banned


def _order_key(pair: Pair, partner_start: dict[Section, int], old_order: list[Section], position: dict[Section, int]) -> tuple[float, int]:
    if pair.new:
        return (pair.new[0].start, 0)
    index = position[pair.old[0]]
    for earlier in reversed(old_order[:index]):
        if earlier in partner_start:
            return (partner_start[earlier] + 0.5, pair.old[0].start)
    return (-1.0, pair.old[0].start)


def _reading_order(pairs: list[Pair], old: Document, new: Document) -> list[Pair]:
    """Same-topic pairs in the new report's order (removed ones after their
    old predecessor's counterpart), then the plan → review pairs likewise."""
    out = []
    for relation in ("same_topic", "plan_to_review"):
        group = [p for p in pairs if p.relation == relation]
        partner_start = {s: p.new[0].start for p in group if p.new for s in p.old}
        old_order = list(old.outline.units())
        position = {s: i for i, s in enumerate(old_order)}

        out += sorted(group, key=lambda pair: _order_key(pair, partner_start, old_order, position))
    return out
