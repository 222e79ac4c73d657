"""Measure an alignment against a reader's hand-made list of pairs on corpus reports.

A reader names each section by its heading or, for a block without one, by the
first characters of its paragraph. Each name is found in the report's text and
stands for the deepest section the tool has there; a reader's pair is found when
the tool pairs those two sections in the same relation. A section the reader leaves
without a counterpart is judged only where the tool has a section opening there. Every pair the tool makes
is judged: right (the reader pairs those sections), wrong (the reader says one of
them has no counterpart in that relation, or pairs both only elsewhere), or
unjudged (the reader's list does not speak of them).

    python -m tests.align_measure OLD NEW LIST.tsv   # the figures and the misses
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportdiff.clean import fold
from reportdiff.document import Document
from reportdiff.structure import Section

MARKERS = re.compile(r"^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|——|▲)")


def _key(text: str) -> str:
    return "".join(fold(text).replace("*", "").split())


@dataclass
class Located:
    """A document's text without spaces, with a map back to cleaned offsets."""

    doc: Document
    flat: str = ""
    back: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        chars = [(c, i) for i, c in enumerate(self.doc.clean.folded) if not c.isspace() and c != "*"]
        self.flat = "".join(c for c, _ in chars)
        self.back = [i for _, i in chars]

    def section(self, name: str, exact: bool = False):
        """The deepest section holding the named heading or paragraph opening;
        with `exact`, only a section that opens there (the tool has that unit)."""
        key = _key(name)
        for probe in (key, MARKERS.sub("", key)):
            probe = probe.rstrip("。，,")[:20]
            at = self.flat.find(probe) if len(probe) >= 4 else -1
            if at >= 0:
                pos = self.back[at]
                holders = [s for s in self.doc.outline.units() if s.start <= pos < s.end]
                if exact:
                    holders = [s for s in holders if pos - s.start <= 6]
                return holders[-1] if holders else None
        return None


@dataclass
class Score:
    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.found}/{self.total} = {self.rate:.0%}"


@dataclass
class Measure:
    groups: dict[str, Score]
    right: int = 0
    wrong: int = 0
    unjudged: int = 0
    unpaired_total: int = 0  # sections the reader sees without a counterpart
    unpaired_paired: list[str] = field(default_factory=list)  # … that the tool pairs anyway
    unpaired_unjudged: int = 0  # … that are no section of the tool's
    wrong_pairs: list[str] = field(default_factory=list)
    judged: dict[str, list[int]] = field(default_factory=dict)  # relation: [right, wrong]

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def forced_rate(self) -> float:
        return len(self.unpaired_paired) / self.unpaired_total if self.unpaired_total else 0.0


def group_of(level: int, relation: str) -> str:
    if relation == "plan_to_review":
        return "plan_to_review"
    return "3" if level >= 3 else "1-2"


def measure(rows: list[list[str]], old: Document, new: Document, result) -> Measure:
    at_old, at_new = Located(old), Located(new)
    made: dict[str, set[tuple[Section, Section]]] = {"same_topic": set(), "plan_to_review": set()}
    shown: list[tuple[str, Section, Section]] = []
    for pair in result.pairs:
        for o in pair.old:
            for n in pair.new:
                made[pair.relation].add((o, n))
                shown.append((pair.relation, o, n))
    paired_old = {rel: {a for a, _ in links} for rel, links in made.items()}
    paired_new = {rel: {b for _, b in links} for rel, links in made.items()}
    groups = {g: Score() for g in ("1-2", "3", "plan_to_review")}
    m = Measure(groups)
    expected: dict[str, set[tuple[Section, Section]]] = {"same_topic": set(), "plan_to_review": set()}
    alone: dict[str, set[tuple[str, Section]]] = {"same_topic": set(), "plan_to_review": set()}
    mentioned: dict[str, set[tuple[str, Section]]] = {"same_topic": set(), "plan_to_review": set()}
    for level, relation, old_name, new_name, *_ in rows:
        if relation not in made:
            continue
        o = at_old.section(old_name) if old_name != "-" else None
        n = at_new.section(new_name) if new_name != "-" else None
        for side, s in (("old", o), ("new", n)):
            if s is not None:
                mentioned[relation].add((side, s))
        if old_name != "-" and new_name != "-":
            score = groups[group_of(int(level), relation)]
            score.total += 1
            if o is not None and n is not None and (o, n) in made[relation]:
                score.found += 1
            else:
                score.misses.append(f"L{level} {relation}: {old_name[:24]} → {new_name[:24]}")
            if o is not None and n is not None:
                expected[relation].add((o, n))
        elif (old_name == "-") != (new_name == "-"):
            # judged only where the tool has that very section: its container
            # being paired says nothing about it
            side, name = ("new", new_name) if old_name == "-" else ("old", old_name)
            s = (at_new if side == "new" else at_old).section(name, exact=True)
            if s is None:
                m.unpaired_unjudged += 1
                continue
            alone[relation].add((side, s))
            m.unpaired_total += 1
            if s in (paired_new if side == "new" else paired_old)[relation]:
                m.unpaired_paired.append(f"{relation}: {side} {name[:24]} paired by the tool")
    for relation, o, n in shown:
        tally = m.judged.setdefault(relation, [0, 0])
        if (o, n) in expected[relation]:
            m.right += 1
            tally[0] += 1
        elif ("old", o) in alone[relation] or ("new", n) in alone[relation] or (
            ("old", o) in mentioned[relation] and ("new", n) in mentioned[relation]
        ):
            m.wrong += 1
            tally[1] += 1
            m.wrong_pairs.append(f"{relation}: {o.heading[:24]} → {n.heading[:24]}")
        else:
            m.unjudged += 1
    return m


def report(m: Measure) -> str:
    lines = [f"  level {g}: {s}" for g, s in m.groups.items()]
    lines.append(f"  precision: {m.right}/{m.right + m.wrong} = {m.precision:.0%} ({m.unjudged} pairs unjudged)")
    for relation, (right, wrong) in sorted(m.judged.items()):
        lines.append(f"    {relation}: {right}/{right + wrong} right")
    lines.append(
        f"  paired where the reader sees no counterpart: {len(m.unpaired_paired)}/{m.unpaired_total} = {m.forced_rate:.0%}"
        f" ({m.unpaired_unjudged} such items are no section of the tool's)"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    from reportdiff import compare
    from reportdiff.document import read

    from .conftest import read_tsv

    old_path, new_path, tsv = sys.argv[1:4]
    old_doc, new_doc = read(old_path), read(new_path)
    result = compare(old_doc, new_doc)
    m = measure(read_tsv(__import__("pathlib").Path(tsv)), old_doc, new_doc, result)
    print(report(m))
    for _g, s in m.groups.items():
        for miss in s.misses:
            print("   missed", miss)
    for w in m.wrong_pairs:
        print("   wrong ", w)
    for f in m.unpaired_paired:
        print("   forced", f)
