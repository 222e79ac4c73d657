"""Stage 4 — align: pair each section of the new report with its counterpart in the old.

Headings are nearly always reworded between years, so sections are compared
by what they say: TF-IDF vectors over jieba tokens of heading and body (rare
words such as 平高电气 or 稻香路 weigh most), with reading order as a weak
prior. Alignment runs level by level: top-level parts by their role (review,
targets, tasks) and content, then the children of every matched pair.
Within a level, pairs are made best-first above a threshold; what is left can
join an existing pair as a split (1:n) or merge (n:1) when it clearly belongs,
or is reported as added / removed rather than forced into a bad pair.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .clean import fold
from .document import Document
from .errors import ReportdiffError
from .structure import Section
from .tokens import Tokens, is_content

# Below this cosine a pairing is more likely chance vocabulary than a shared
# topic: unrelated report sections score 0.05–0.15 against each other, true
# counterparts 0.25 and up (see tests/test_align.py for the calibration pairs).
THRESHOLD = 0.18
# Two sections that are each other's best match pair at a lower score: dense
# fact lists about one topic share few words once the figures change.
MUTUAL_THRESHOLD = 0.06
# A leftover section joins a pair (split/merge) only if it is nearly as close
# to the partner as the pair itself is.
JOIN_RATIO = 0.45
POSITION_WEIGHT = 0.06
HEADING_WEIGHT = 2.0


@dataclass
class Pair:
    """Sections of the old report and their counterparts in the new one."""

    old: list[Section]
    new: list[Section]
    similarity: float
    relation: str = "same_topic"  # same_topic | plan_to_review
    forced: bool = False

    @property
    def status(self) -> str:
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
    """TF-IDF vectors for every section of both documents."""

    def __init__(self, old: Document, new: Document, old_tokens: Tokens, new_tokens: Tokens):
        self.vectors: dict[int, dict[str, float]] = {}
        self.norms: dict[int, float] = {}
        counts: dict[int, Counter] = {}
        df: Counter = Counter()
        for doc, tokens in ((old, old_tokens), (new, new_tokens)):
            for section in doc.outline.walk():
                words = Counter(w for w in tokens.between(section.body_start, section.end) if is_content(w))
                for w in tokens.between(section.start, section.body_start):
                    if is_content(w):
                        words[w] += HEADING_WEIGHT
                counts[id(section)] = words
                df.update(words.keys())
        total = len(counts) + 1
        for key, words in counts.items():
            vector = {w: (1 + math.log(c)) * math.log(total / df[w]) for w, c in words.items()}
            self.vectors[key] = vector
            self.norms[key] = math.sqrt(sum(v * v for v in vector.values())) or 1.0

    def cosine(self, a: Section, b: Section) -> float:
        va, vb = self.vectors[id(a)], self.vectors[id(b)]
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return dot / (self.norms[id(a)] * self.norms[id(b)])


def align(old: Document, new: Document, old_tokens: Tokens, new_tokens: Tokens, overrides: Overrides | None = None) -> Alignment:
    """Pair the sections of two reports (same topic, and plan → review)."""
    space = _Space(old, new, old_tokens, new_tokens)
    forced_pairs, banned = _resolve_overrides(old, new, overrides or Overrides())
    matcher = _Matcher(space, forced_pairs, banned)
    parts = _part_pairs(old, new, matcher)
    pairs = matcher.align_tree(parts, "same_topic")
    for old_part, new_part in _plan_to_review_parts(old, new):
        pairs += matcher.align_tree([Pair([old_part], [new_part], space.cosine(old_part, new_part))], "plan_to_review")
    pairs += matcher.leftover_forced()
    return Alignment(_reading_order(pairs, old, new))


class _Matcher:
    def __init__(self, space: _Space, forced_pairs: list[tuple[Section, Section]], banned: set[int]):
        self.space = space
        self.forced_pairs = forced_pairs
        self.forced = {id(a): b for a, b in forced_pairs} | {id(b): a for a, b in forced_pairs}
        self.banned = banned
        self.used_forced: set[int] = set()

    def is_fixed(self, a: Section, b: Section) -> bool:
        """Whether a user override touches either section."""
        return any(id(s) in self.forced or id(s) in self.banned for s in (a, b))

    def align_tree(self, top: list[Pair], relation: str) -> list[Pair]:
        """The given pairs and, recursively, the pairs among their children."""
        out: list[Pair] = []
        for pair in top:
            pair.relation = relation
            out.append(pair)
            if pair.old and pair.new:
                olds = [c for s in pair.old for c in s.children]
                news = [c for s in pair.new for c in s.children]
                if olds or news:
                    out += self.align_tree(self.match(olds, news), relation)
        return out

    def match(self, olds: list[Section], news: list[Section]) -> list[Pair]:
        """Pairs (1:1, split, merge) and leftovers among two lists of siblings."""
        pairs: list[Pair] = []
        free_old = [s for s in olds if id(s) not in self.forced]
        free_new = [s for s in news if id(s) not in self.forced]
        for s in olds:
            partner = self.forced.get(id(s))
            if partner is not None and partner in news:
                pairs.append(Pair([s], [partner], self.space.cosine(s, partner), forced=True))
                self.used_forced.update({id(s), id(partner)})
        scores = {}
        for i, a in enumerate(free_old):
            for j, b in enumerate(free_new):
                if id(a) in self.banned or id(b) in self.banned or _layer(a) != _layer(b):
                    continue  # a five-year retrospective (五年来…) never pairs with a one-year section
                prior = 1 - abs(i / max(len(free_old), 1) - j / max(len(free_new), 1))
                scores[i, j] = (self.space.cosine(a, b), prior)
        ranked = sorted(scores, key=lambda k: scores[k][0] + POSITION_WEIGHT * scores[k][1], reverse=True)
        taken_old: dict[int, Pair] = {}
        taken_new: dict[int, Pair] = {}
        changed = True
        while changed:  # a pair made can make another pair mutual: repeat until stable
            changed = False
            for i, j in ranked:
                sim = scores[i, j][0]
                if i in taken_old and j in taken_new or sim < MUTUAL_THRESHOLD:
                    continue
                if i not in taken_old and j not in taken_new:
                    # Competitive linking: each is the other's best among those still free.
                    mutual = sim >= max((scores[i, k][0] for k in range(len(free_new)) if k not in taken_new and (i, k) in scores), default=0) and sim >= max(
                        (scores[k, j][0] for k in range(len(free_old)) if k not in taken_old and (k, j) in scores), default=0
                    )
                    if mutual or sim >= THRESHOLD:
                        pair = Pair([free_old[i]], [free_new[j]], sim)
                        pairs.append(pair)
                        taken_old[i], taken_new[j] = pair, pair
                        changed = True
                        break
                    continue
                # One side is taken: the other may join that pair as a merge or a
                # split, if this is its best match and nearly as close as the pair.
                pair = taken_new[j] if j in taken_new else taken_old[i]
                joining_old = i not in taken_old
                if joining_old and len(pair.new) > 1 or not joining_old and len(pair.old) > 1 or sim < JOIN_RATIO * pair.similarity:
                    continue
                best = max(scores[i, k][0] for k in range(len(free_new)) if (i, k) in scores) if joining_old else max(scores[k, j][0] for k in range(len(free_old)) if (k, j) in scores)
                if sim < best or self._orphans(scores, taken_old, taken_new, i, j, joining_old):
                    continue
                if joining_old:
                    pair.old.append(free_old[i])
                    taken_old[i] = pair
                else:
                    pair.new.append(free_new[j])
                    taken_new[j] = pair
                changed = True
                break
        pairs += [Pair([s], [], 0.0) for i, s in enumerate(free_old) if i not in taken_old]
        pairs += [Pair([], [s], 0.0) for j, s in enumerate(free_new) if j not in taken_new]
        for pair in pairs:
            pair.old.sort(key=lambda s: s.start)
            pair.new.sort(key=lambda s: s.start)
        return pairs

    @staticmethod
    def _orphans(scores, taken_old, taken_new, i, j, joining_old) -> bool:
        """Whether joining a taken pair would leave this section's free mutual
        partner with no partner at all, when pairing the two would not."""
        if joining_old:
            mine = {k: v[0] for (a, k), v in scores.items() if a == i and k not in taken_new}
        else:
            mine = {k: v[0] for (k, b), v in scores.items() if b == j and k not in taken_old}
        if not mine:
            return False
        alt, sim = max(mine.items(), key=lambda kv: kv[1])
        if sim < MUTUAL_THRESHOLD:
            return False
        # who else is free on my side and sees `alt` as their best free match?
        rivals = []
        for (a, b), v in scores.items():
            other, partner = (a, b) if joining_old else (b, a)
            if partner != alt or other == (i if joining_old else j) or other in (taken_old if joining_old else taken_new):
                continue
            best_free = max(
                (w[0] for (x, y), w in scores.items() if (x if joining_old else y) == other and (y if joining_old else x) not in (taken_new if joining_old else taken_old)),
                default=0,
            )
            if v[0] >= MUTUAL_THRESHOLD and v[0] >= best_free:
                rivals.append(other)
        return not rivals

    def leftover_forced(self) -> list[Pair]:
        """Forced pairs whose sections were never siblings in one match."""
        return [
            Pair([a], [b], self.space.cosine(a, b), forced=True)
            for a, b in self.forced_pairs
            if id(a) not in self.used_forced
        ]


def _layer(section: Section) -> str:
    """Sections pair only within their layer: a five-year retrospective (五年来…)
    with another, a 专栏 box with another box, the rest among themselves."""
    return section.kind if section.kind in {"period", "box"} else "body"


def _part_pairs(old: Document, new: Document, matcher: _Matcher) -> list[Pair]:
    """Top-level parts: review with review, targets with targets, tasks with tasks.

    Reports of one kind pair parts by role first (a lone part of a role pairs
    with its counterpart whatever the score); across kinds (a five-year plan
    against a work report) roles do not line up and content decides.
    """
    # Five-year goals (十五五…) are not a one-year report's targets.
    roles_old = [_year_role(p) for p in old.meta.parts]
    roles_new = [_year_role(p) for p in new.meta.parts]
    labelled = {"review", "targets", "tasks"}
    if not (set(roles_old) & set(roles_new) & labelled) or old.meta.kind != new.meta.kind and "five_year_plan" in {old.meta.kind, new.meta.kind}:
        return matcher.match(old.sections, new.sections)
    pairs: list[Pair] = []
    for role in ("review", "targets", "tasks", "goals", "appendix", "other"):
        olds = [s for s, r in zip(old.sections, roles_old) if r == role]
        news = [s for s, r in zip(new.sections, roles_new) if r == role]
        if len(olds) == 1 and len(news) == 1 and role in labelled and not matcher.is_fixed(olds[0], news[0]):
            pairs.append(Pair(olds, news, matcher.space.cosine(olds[0], news[0])))
        else:
            pairs += matcher.match(olds, news)
    # A report without a targets part states its targets at the head of its
    # tasks part (今年经济社会发展主要预期目标是…): a lone targets part merges there.
    tasks = [p for p in pairs if p.old and p.new and p.old[0].path and _role(old, p.old[0]) == "tasks"]
    for pair in [p for p in pairs if p.status in {"removed", "added"}]:
        side = pair.old or pair.new
        if tasks and _role(old if pair.old else new, side[0]) == "targets" and not matcher.is_fixed(side[0], side[0]):
            (tasks[0].old if pair.old else tasks[0].new).insert(0, side[0])
            pairs.remove(pair)
    return pairs


def _year_role(part) -> str:
    return "goals" if part.role == "targets" and len(part.years) > 1 else part.role


def _role(doc: Document, section: Section) -> str:
    for top, part in zip(doc.sections, doc.meta.parts):
        if top is section:
            return _year_role(part)
    return ""


def _plan_to_review_parts(old: Document, new: Document) -> list[tuple[Section, Section]]:
    """(old plan part for year N, new review part of year N) when the years line up."""
    out = []
    for new_section, new_part in zip(new.sections, new.meta.parts):
        if new_part.role != "review" or not new_part.years:
            continue
        year = new_part.years[0]
        plans = [(s, p) for s, p in zip(old.sections, old.meta.parts) if p.role in {"tasks", "targets"} and p.years == (year,)]
        tasks = [s for s, p in plans if p.role == "tasks"] or [s for s, p in plans]
        out += [(s, new_section) for s in tasks[:1]]
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
    banned: set[int] = set()
    for heading in overrides.unpair:
        found = []
        for doc in (old, new):
            try:
                found.append(_find(doc, heading, "old" if doc is old else "new"))
            except ReportdiffError:
                continue
        if not found:
            raise ReportdiffError(f"--unpair: no section of either report starts with '{heading}'")
        banned.update(id(s) for s in found)
    return forced_pairs, banned


def _reading_order(pairs: list[Pair], old: Document, new: Document) -> list[Pair]:
    """Same-topic pairs in the new report's order (removed ones after their
    old predecessor's counterpart), then the plan → review pairs likewise."""
    out = []
    for relation in ("same_topic", "plan_to_review"):
        group = [p for p in pairs if p.relation == relation]
        partner_start = {id(s): p.new[0].start for p in group if p.new for s in p.old}
        old_order = [s for s in old.outline.walk()]
        position = {id(s): i for i, s in enumerate(old_order)}

        def key(pair: Pair) -> tuple[float, int]:
            if pair.new:
                return (pair.new[0].start, 0)
            index = position[id(pair.old[0])]
            for earlier in reversed(old_order[:index]):
                if id(earlier) in partner_start:
                    return (partner_start[id(earlier)] + 0.5, pair.old[0].start)
            return (-1.0, pair.old[0].start)

        out += sorted(group, key=key)
    return out
