"""Stage 5 — diff: what changed in the wording of each aligned pair.

Inside a pair, sentences are aligned first (a rewritten sentence is compared
with its own counterpart, not with whatever happens to sit at the same
place), then paired sentences are diffed word by word: jieba tokens are
encoded one character each, the way ``diff_linesToChars`` encodes lines, and
diff-match-patch with semantic cleanup runs over those characters. A number
with its unit is one token, so ``4.8%`` → ``4.7%`` is one replaced figure.

Sentences that left one section and reappear in another are marked as moved
in both places; one reworded on the way carries, at its new place, its word
diff against the old wording. Year roll-overs that every annual report has (2024年 → 2025年
for the reports' own years, 十四五 → 十五五) are flagged routine.
"""
from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from diff_match_patch import diff_match_patch

from .clean import fold
from .document import Document
from .structure import Section
from .tokens import QUANTITY, Tokens, cut, is_content

if TYPE_CHECKING:  # the aligner's Pair carries a SectionDiff: align imports this module
    from .align import Alignment, Pair

# Two sentences sharing less than this share of their tokens (Dice) are
# different sentences: shown deleted and inserted whole. Word-level edits
# below it shred both into fragments no reader can follow.
REWRITE_THRESHOLD = 0.5
# A sentence counts as the same one moved when it is this close elsewhere.
MOVE_THRESHOLD = 0.8
# How far ahead in a changed stretch a sentence's rewrite is looked for, and how many
# inserted sentences a deleted one is compared with when looking for a move: both keep
# the diff linear in the length of the reports (a section rarely has 64 sentences).
GAP_WINDOW = 64
MOVE_CANDIDATES = 64
COMMON_GRAM = 8 * MOVE_CANDIDATES
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)")
_FIVE_YEAR_NAMES = "一二三四五六七八九十"


@dataclass
class Op:
    """One run of the diff: kept (=), deleted (-) or inserted (+) text."""

    op: str
    text: str
    old_text: str | None = None  # for "=": the old wording, where it differs only in width
    routine: bool = False  # a year roll-over, not a content change
    number: bool = False  # a changed figure
    moved: int | None = None  # index of the pair this sentence moved to / from
    # A sentence moved and reworded, at its new place: its word diff against its old wording.
    edits: list[Op] | None = None

    def to_json(self) -> list:
        flags: dict[str, str | bool | int | list] = {}
        if self.old_text is not None:
            flags["old"] = self.old_text
        if self.routine:
            flags["routine"] = True
        if self.number:
            flags["number"] = True
        if self.moved is not None:
            flags["moved"] = self.moved
        if self.edits is not None:
            flags["edits"] = [e.to_json() for e in self.edits]
        return [self.op, self.text, flags] if flags else [self.op, self.text]


@dataclass
class SectionDiff:
    ops: list[Op] = field(default_factory=list)

    @property
    def old_text(self) -> str:
        return "".join(o.old_text if o.old_text is not None else o.text for o in self.ops if o.op != "+")

    @property
    def new_text(self) -> str:
        return "".join(o.text for o in self.ops if o.op != "-")

    @property
    def changed(self) -> bool:
        return any(o.op != "=" and not o.routine for o in self.ops)

    def count(self, op: str) -> int:
        """Characters deleted ('-') or inserted ('+'), routine changes aside."""
        return sum(len(o.text) for o in self.ops if o.op == op and not o.routine)


@dataclass
class Shift:
    """How often a term appears per 10,000 characters in each report."""

    term: str
    old: float
    new: float
    sentence: str = ""  # where the new (or, for a dropped term, the old) report says it


@dataclass
class LanguageShift:
    added: list[Shift]
    dropped: list[Shift]
    shifted: list[Shift]
    intensity: list = field(default_factory=list)  # terms.Intensity: 稳健的 → 适度宽松的 货币政策


def own_text(doc: Document, sections: list[Section]) -> str:
    """The text of sections without their subsections' text (shown separately)."""
    parts = []
    for section in sections:
        parts.append("".join(doc.text[a:b] for a, b in section.own_spans()).strip("\n"))
    return "\n".join(parts)


def sentences(text: str) -> list[str]:
    """Split on 。！？； and line ends, keeping the delimiters (never on 2.78's dot)."""
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)]


class Differ:
    """Word diffs between texts, with the roll-over words of two reports."""

    def __init__(
        self, old: Document | None = None, new: Document | None = None, strict: bool = False, tokens: tuple[Tokens, Tokens] | None = None,
    ):
        """`tokens`: the two documents' tokens, when known: a sentence of theirs is then cut as
        they are, without the segmenter (which a run reading its reports from the cache then never loads)."""
        self.dmp = diff_match_patch()
        self.dmp.Diff_Timeout = 0
        self.routine = set() if strict or old is None or new is None else _routine_pairs(old, new)
        self._known = [] if tokens is None or old is None or new is None else [(old.text, tokens[0]), (new.text, tokens[1])]

    def diff(self, old: str, new: str) -> SectionDiff:
        """Sentence-aligned word diff of two texts."""
        a, b = sentences(old), sentences(new)
        ka, kb = [_key(s) for s in a], [_key(s) for s in b]
        ops: list[Op] = []
        matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for s, t in zip(a[i1:i2], b[j1:j2]):
                    ops.append(Op("=", t, None if s == t else s))
            else:
                ops += self._gap(a[i1:i2], b[j1:j2])
        return SectionDiff(_merge(ops))

    def _gap(self, a: list[str], b: list[str]) -> list[Op]:
        """Pair the sentences of a changed stretch in order, then diff each pair."""
        ops: list[Op] = []
        j = 0
        pending: list[str] = []  # old sentences without a counterpart since the last pair
        for s in a:
            best, best_k = 0.0, -1
            for k in range(j, min(len(b), j + GAP_WINDOW)):
                score = similarity(s, b[k])
                if score > best:
                    best, best_k = score, k
            if best >= REWRITE_THRESHOLD:
                ops += self._unpaired(pending, b[j:best_k])
                pending = []
                ops += self.words(s, b[best_k])
                j = best_k + 1
            else:
                pending.append(s)
        return ops + self._unpaired(pending, b[j:])

    def _unpaired(self, a: list[str], b: list[str]) -> list[Op]:
        """Sentences deleted and inserted between two paired ones. Where they are
        the same passage cut into sentences differently (targets joined by ； one
        year and by ， the next), the passage is diffed word by word as a whole."""
        if a and b and similarity("".join(a), "".join(b)) >= REWRITE_THRESHOLD:
            return self.words("".join(a), "".join(b))
        return [Op("-", s) for s in a] + [Op("+", t) for t in b]

    def words(self, old: str, new: str) -> list[Op]:
        """Token-level diff of two sentences with diff-match-patch.

        Semantic cleanup folds short equalities into the edits around them,
        which on one-character-per-token input also swallows words such as
        增长 in ``同比增长4.8%`` → ``增长4.7%``. Each merged edit is therefore
        diffed again without cleanup, and the finer result kept where the
        text they share holds a word of two characters or more; where it is only
        punctuation and particles, the cleaner merged edit stands.
        """
        ta, tb = self._cut(old), self._cut(new)
        codes: dict[str, str] = {}
        ops: list[Op] = []
        for kind, x, y in self._token_diff(ta, tb, codes, semantic=True):
            if kind == "~":
                fine = list(self._token_diff(x, y, codes, semantic=False))
                if any(k == "=" and any(len(t) >= 2 and t.isalnum() for t in a) for k, a, _ in fine):
                    for k2, a2, b2 in fine:
                        ops += self._ops(k2, a2, b2)
                    continue
            ops += self._ops(kind, x, y)
        self._mark_routine(ops)
        return ops

    def _cut(self, sentence: str) -> list[str]:
        """The sentence's tokens: the documents' own where it stands in one of them, else cut afresh."""
        body = sentence.rstrip("\n")
        for text, tokens in self._known:
            words = _slice(text, tokens, body)
            if words is not None:
                return words + ["\n"] * (len(sentence) - len(body))  # cut() gives each line end as a token
        return _cut(sentence)

    def _token_diff(self, ta: list[str], tb: list[str], codes: dict[str, str], semantic: bool):
        """Yield ("=", old tokens, new tokens), ("~", deleted, inserted) runs."""
        def encode(tokens: list[str]) -> str:
            return "".join(codes.setdefault(_key(t), chr(0xF0000 + len(codes))) for t in tokens)

        diffs = self.dmp.diff_main(encode(ta), encode(tb), False)
        if semantic:
            self.dmp.diff_cleanupSemantic(diffs)
        ia = ib = 0
        pending_a: list[str] = []
        pending_b: list[str] = []
        for kind, chars in diffs:
            n = len(chars)
            if kind == 0:
                if pending_a or pending_b:
                    yield "~", pending_a, pending_b
                    pending_a, pending_b = [], []
                yield "=", ta[ia : ia + n], tb[ib : ib + n]
                ia, ib = ia + n, ib + n
            elif kind < 0:
                pending_a = pending_a + ta[ia : ia + n]
                ia += n
            else:
                pending_b = pending_b + tb[ib : ib + n]
                ib += n
        if pending_a or pending_b:
            yield "~", pending_a, pending_b

    @staticmethod
    def _ops(kind: str, a: list[str], b: list[str]) -> list[Op]:
        if kind == "=":
            return [Op("=", y, None if x == y else x) for x, y in zip(a, b)]
        return [Op("-", t, number=_is_number(t)) for t in a] + [Op("+", t, number=_is_number(t)) for t in b]

    def _mark_routine(self, ops: list[Op]) -> None:
        """A deleted and an inserted token that are a known roll-over pair."""
        for x, y in pairwise(ops):
            if x.op == "-" and y.op == "+" and (x.text, y.text) in self.routine:
                x.routine = y.routine = True
                x.number = y.number = False


def similarity(a: str, b: str) -> float:
    """Dice overlap of two sentences' character bigrams (width and spacing ignored).

    Bigrams rather than jieba words: as good a judge of "the same sentence,
    reworded" in Chinese, and cheap enough to compare every sentence with
    every other when looking for moved ones.
    """
    (ka, na, ra), (kb, nb, rb) = _bag_shape(a), _bag_shape(b)
    total = na + nb
    if not total:
        return 1.0
    if 2 * min(na, nb) / total < REWRITE_THRESHOLD / 2:
        return 0.0  # lengths alone rule out a match; skip the intersection
    # The overlap is asked of thousands of sentence pairs: the shared bigrams are one C set
    # intersection, and their counts are looked at only where a sentence repeats a bigram.
    shared = ka & kb
    if not (ra or rb):
        return 2 * len(shared) / total
    ta, tb = _bag(a), _bag(b)
    return 2 * sum(min(ta[g], tb[g]) for g in shared) / total


@lru_cache(maxsize=65536)
def _bag(sentence: str) -> Counter:
    key = _key(sentence)
    return Counter(map(str.__add__, key, key[1:])) if len(key) > 1 else Counter(key)


@lru_cache(maxsize=65536)
def _bag_shape(sentence: str) -> tuple[frozenset[str], int, bool]:
    """A sentence's bigrams: which, how many, and whether any of them occurs twice."""
    bag = _bag(sentence)
    size = bag.total()
    return frozenset(bag), size, size > len(bag)


@lru_cache(maxsize=65536)
def _cut_cached(sentence: str) -> tuple[str, ...]:
    return tuple(cut(sentence))


def _cut(sentence: str) -> list[str]:
    return list(_cut_cached(sentence))


def _slice(text: str, tokens: Tokens, part: str) -> list[str] | None:
    """The tokens of `part` where it first stands in `text` (cut by `tokens`), a token that
    crosses one of its ends cut there; None where it does not stand in one line of the text."""
    pos = text.find(part)
    if pos < 0 or not part or "\n" in part:
        return None
    end = pos + len(part)
    starts = tokens.starts
    i, j = max(bisect.bisect_right(starts, pos) - 1, 0), bisect.bisect_left(starts, end)
    words = list(tokens.words[i:j])
    if not words:
        return None
    words[-1] = words[-1][: end - starts[j - 1]]
    words[0] = words[0][pos - starts[i] :]
    return words if "".join(words) == part else None


@lru_cache(maxsize=65536)  # a sentence is keyed again by each step that compares it
def _key(text: str) -> str:
    return "".join(fold(text).split())


def _is_number(token: str) -> bool:
    return bool(QUANTITY.fullmatch(token)) and not re.fullmatch(r"(19|20)\d\d年", token)


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring runs of the same kind and flags into one."""
    out: list[Op] = []
    for op in ops:
        last = out[-1] if out else None
        if (
            last
            and last.op == op.op
            and last.routine == op.routine
            and last.moved == op.moved
            and not last.number
            and not op.number
            and (last.old_text is None) == (op.old_text is None)
        ):
            last.text += op.text
            if op.old_text is not None and last.old_text is not None:
                last.old_text += op.old_text
        else:
            out.append(Op(op.op, op.text, op.old_text, op.routine, op.number, op.moved))
    return out


def _routine_pairs(old: Document, new: Document) -> set[tuple[str, str]]:
    """Token pairs (2024年, 2025年) that only roll the reports' own years over."""
    pairs = set()
    for years_old, years_new in ((old.meta.reviews, new.meta.reviews), (old.meta.plans, new.meta.plans)):
        for y0, y1 in zip(years_old[:1], years_new[:1]):
            if y0 != y1:
                pairs |= {(f"{y0}年", f"{y1}年"), (str(y0), str(y1))}
    plan_old, plan_new = old.meta.plans[:1], new.meta.plans[:1]
    if plan_old and plan_new and plan_new[0] > plan_old[0]:
        n_old = (plan_old[0] - 1966) // 5 + 3
        n_new = (plan_new[0] - 1966) // 5 + 3
        if n_new == n_old + 1 and 10 <= n_old < 19:
            pairs.add((_plan_name(n_old), _plan_name(n_new)))
    return pairs


def _plan_name(n: int) -> str:
    """14 → 十四五 (the name of the n-th five-year plan)."""
    return "十" + (_FIVE_YEAR_NAMES[n - 11] if n > 10 else "") + "五"


def diff_alignment(old: Document, new: Document, alignment: Alignment, strict: bool = False, tokens: tuple[Tokens, Tokens] | None = None) -> Alignment:
    """The alignment again, each pair with its SectionDiff and moved sentences marked across pairs."""
    differ = Differ(old, new, strict, tokens)
    diffs = [differ.diff(own_text(old, p.old), own_text(new, p.new)) for p in alignment.pairs]
    _mark_moves(alignment.pairs, diffs, differ)
    return replace(alignment, pairs=[replace(p, diff=d) for p, d in zip(alignment.pairs, diffs, strict=True)])


def _mark_moves(pairs: list[Pair], diffs: list[SectionDiff], differ: Differ) -> None:
    """Whole sentences deleted in one pair and inserted in another are moves; where the
    wording changed on the way, the inserted one carries the word diff of the two.

    A deleted sentence is compared only with the inserted sentences that share
    one of the rarer half of its character bigrams (one similar enough to be a
    move shares most of them, so some of those), at most MOVE_CANDIDATES of
    them, the most shared first: linear where comparing all with all is
    quadratic.
    """
    same = [i for i, p in enumerate(pairs) if p.relation == "same_topic"]
    deleted = [(i, op) for i in same for op in diffs[i].ops if op.op == "-" and len(op.text) >= 8]
    inserted = [(i, op) for i in same for op in diffs[i].ops if op.op == "+" and len(op.text) >= 8]
    exact: dict[str, list[tuple[int, Op]]] = {}
    postings: dict[str, list[int]] = {}
    for n, (i, op) in enumerate(inserted):
        exact.setdefault(_key(op.text), []).append((i, op))
        for gram in _bag(op.text):
            postings.setdefault(gram, []).append(n)
    for i, op in deleted:
        candidates = exact.get(_key(op.text)) or [
            inserted[n] for n in _move_candidates(op.text, postings)
            if abs(len(inserted[n][1].text) - len(op.text)) < len(op.text) * 0.3 and similarity(inserted[n][1].text, op.text) >= MOVE_THRESHOLD
        ]
        for j, target in candidates:
            if j != i and target.moved is None:
                op.moved, target.moved = j, i
                if _key(op.text) != _key(target.text):
                    target.edits = _merge(differ.words(op.text, target.text))
                break


def _move_candidates(sentence: str, postings: dict[str, list[int]]) -> list[int]:
    """Inserted sentences sharing the rarer bigrams of `sentence`, in reading order.

    A bigram found in more than COMMON_GRAM sentences says little and would make
    the search quadratic on long inputs; it counts only when no rarer one is there.
    """
    bag = _bag(sentence)
    grams = sorted(bag, key=lambda g: len(postings.get(g, ())))[: len(bag) // 2 + 1]
    lists = [postings[g] for g in grams if g in postings]
    telling = [plist for plist in lists if len(plist) <= COMMON_GRAM] or lists[:1]
    votes = Counter(n for plist in telling for n in plist[:COMMON_GRAM])
    return sorted(n for n, _ in votes.most_common(MOVE_CANDIDATES))


def language_shift(old_tokens: Tokens, new_tokens: Tokens, old_len: int, new_len: int, limit: int = 30) -> LanguageShift:
    """Terms new in the new report, gone from it, and most changed in frequency."""
    def counts(tokens: Tokens) -> Counter:
        # Each distinct word judged once, not each of the tens of thousands of tokens.
        return Counter({w: n for w, n in Counter(tokens.words).items() if len(w) >= 2 and is_content(w) and not any(c.isdigit() for c in w)})

    a, b = counts(old_tokens), counts(new_tokens)
    rate_a = {w: c * 10000 / max(old_len, 1) for w, c in a.items()}
    rate_b = {w: c * 10000 / max(new_len, 1) for w, c in b.items()}
    added = sorted((w for w in b if w not in a and b[w] >= 2), key=lambda w: (-b[w], w))
    dropped = sorted((w for w in a if w not in b and a[w] >= 2), key=lambda w: (-a[w], w))
    common = [w for w in a if w in b and a[w] + b[w] >= 6]
    # Rank by change relative to the noise of the counts (a Poisson z-score),
    # so a jump from 2 to 9 mentions outranks a frequent word's small drift.
    shifted = sorted(common, key=lambda w: (-abs(rate_b[w] - rate_a[w]) / math.sqrt(rate_a[w] + rate_b[w]), w))
    return LanguageShift(
        [Shift(w, 0.0, round(rate_b[w], 2)) for w in added[:limit]],
        [Shift(w, round(rate_a[w], 2), 0.0) for w in dropped[:limit]],
        [Shift(w, round(rate_a[w], 2), round(rate_b[w], 2)) for w in shifted[:limit]],
    )
