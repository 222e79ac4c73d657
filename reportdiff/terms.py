"""The ledger of formulations across a series of reports: new, dropped, stronger.

A *formulation* is a multi-character phrase a reader would quote (新质生产力,
投资于人, 适度宽松的货币政策). How one is found, for a report Y against the report
before it R:

1. *Novel cores*: character n-grams (2–3 characters) of Y that R never contains.
   Every phrase that is new as a phrase contains one; text that only reorders
   old wording contains none.
2. Each run of overlapping cores grows to the word boundaries around it
   (jieba), then, when the phrase recurs in Y, as far as every occurrence
   agrees (the phrase's closure: 新质 → 新质生产力 when each 新质 is followed by
   生产力). Function words at the edges are trimmed.
3. Quoted terms (“两重”, “人工智能+”) and ``X+`` terms are formulations by the
   report's own marking.

Ranked as a journalist reads: a phrase never seen in the series before, said
several times, in a heading or the targets part, quoted, and of a length that
names something (3–8 characters) comes first; a two-character word that
many earlier reports used and last year's happened not to is last.

Intensity shifts: a stable core (货币政策, 推进新型城镇化) whose modifier changed
between the two reports (稳健的 → 适度宽松的, 稳步推进 → 加快推进).
"""
from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import marshal
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import jieba

from .cache import store, user_cache_dir
from .diff import LanguageShift, Shift
from .diff import language_shift as word_shift
from .document import Document, read
from .errors import ReportdiffError
from .tokens import Tokens, cut

# Characters a formulation is made of; everything else (punctuation, digits,
# spaces) ends one. Digits are left out so that a year's new figures are not
# new formulations.
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z+＋]+")
_QUOTED = re.compile(r"[“「『\"]([\u4e00-\u9fffA-Za-z0-9+＋·]{2,14})[”」』\"]")
_PLUS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}[+＋]")
_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")
# Function characters that never open or close a formulation.
# jieba tags of words that govern a phrase rather than belong to it: verbs, adverbs, prepositions, conjunctions.
_GOVERNING = {"v", "d", "ad", "p", "c"}
# Where a phrase stands, by how much that makes it news, weakest first: the review of the past
# year names what was done; the targets part and headings set out what is new.
_PLACES = ("review", "body", "targets", "heading")
_JOINERS = set("等和与及或并")
_PARTICLES = "的了"
_OPEN, _CLOSE = "“「『\"", "”」』\""
_EDGE = set(["的", "了", "和", "与", "及", "或", "等", "在", "是", "为", "对", "以", "把", "将", "从", "向", "由", "于", "并", "而", "也", "都", "又", "就", "其", "之", "着", "被", "让", "使", "到", "各", "该", "本", "此", "这", "那", "我们", "要"])
MIN_CORE, MAX_CORE = 2, 3
MAX_LEN = 14


@dataclass(frozen=True)
class Report:
    """A report of the series, as the ledger needs it."""

    path: str
    year: int  # delivery year
    text: str
    cuts: tuple[int, ...]  # word boundaries (jieba) as ascending offsets into text
    marked: tuple[tuple[int, int, str], ...]  # (start, end, place): heading | targets

    @cached_property
    def pairs(self) -> Counter[str]:
        """How often each pair of adjacent characters occurs."""
        return Counter(self.text[k : k + 2] for k in range(len(self.text) - 1))

    @cached_property
    def _places(self) -> bytearray:
        rank = bytearray([_PLACES.index("body")]) * (len(self.text) + 1)
        for a, b, place in sorted(self.marked, key=lambda m: _PLACES.index(m[2])):
            if place == "review":
                rank[a : min(b, len(rank))] = bytes(max(min(b, len(rank)) - a, 0))  # a heading there is still a heading
                continue
            level = _PLACES.index(place)
            for k in range(a, min(b, len(rank))):
                rank[k] = max(rank[k], level)
        return rank

    def place(self, pos: int) -> str:
        return _PLACES[self._places[min(pos, len(self.text))]]

    @cached_property
    def segments(self) -> list[tuple[int, int]]:
        """Runs of phrase characters, split where a word such as 等 or 和 joins several items."""
        out = []
        for m in _RUN.finditer(self.text):
            lo = m.start()
            cuts = self.cuts[bisect_left(self.cuts, m.start()) : bisect_right(self.cuts, m.end())]
            for a, b in itertools.pairwise(cuts):
                if self.text[a:b] in _JOINERS:
                    if a > lo:
                        out.append((lo, a))
                    lo = b
            if m.end() > lo:
                out.append((lo, m.end()))
        return out

    def words(self) -> list[str]:
        return [self.text[a:b] for a, b in zip(self.cuts, self.cuts[1:]) if _RUN.fullmatch(self.text[a:b])]

    def words_in(self, start: int, end: int) -> list[str]:
        cuts = self.cuts[bisect_left(self.cuts, start) : bisect_right(self.cuts, end)]
        return [self.text[a:b] for a, b in itertools.pairwise(cuts)]

    def word_start(self, pos: int) -> int:
        """The word boundary at or before pos."""
        return self.cuts[bisect_right(self.cuts, pos) - 1] if self.cuts and pos >= self.cuts[0] else pos

    def word_end(self, pos: int) -> int:
        """The word boundary at or after pos."""
        i = bisect_left(self.cuts, pos)
        return self.cuts[i] if i < len(self.cuts) else pos

    def sentence(self, pos: int) -> str:
        start = max(self.text.rfind(c, 0, pos) for c in "。！？；\n") + 1
        ends = [i for i in (self.text.find(c, pos) for c in "。！？；\n") if i >= 0]
        end = min(ends) + 1 if ends else len(self.text)
        return self.text[start:end].strip()


@dataclass
class Formulation:
    """A phrase new (or dropped) in one report, with the evidence a reader checks."""

    term: str
    count: int
    per_10k: float
    sentence: str
    place: str  # heading | targets | body
    quoted: bool
    first: bool  # never in any earlier report of the series
    kept: int = 0  # new: how many of the next few reports keep it; dropped: how many before had it
    prior: int = 0  # new: how many recent earlier reports used it already
    junction: bool = False  # only general words, newly put together
    shape: float = 0.0  # reads as a name (+) or a fragment (-)
    head: float = 0.0  # how many different phrases its last word closes in the series (0–1)
    rarity: float = 0.0  # how rare its words are in the series (0–1)
    score: float = 0.0
    at: int = 0  # offset of the occurrence quoted in `sentence`


@dataclass
class Intensity:
    """A fixed formulation whose modifier changed: 稳健的货币政策 → 适度宽松的货币政策."""

    core: str
    old: list[str]
    new: list[str]
    old_sentence: str
    new_sentence: str


@dataclass
class YearEntry:
    path: str
    year: int
    new: list[Formulation]
    dropped: list[Formulation]
    intensity: list[Intensity]


@dataclass
class History:
    first_seen: int | None
    last_seen: int | None
    counts: dict[int, int]
    per_10k: dict[int, float]


@dataclass
class Ledger:
    reports: list[YearEntry]
    terms: dict[str, History] = field(default_factory=dict)


# ---------------------------------------------------------------- finding


def grams(text: str) -> set[str]:
    """Every 2..MAX_CORE-character n-gram inside a run of phrase characters."""
    out: set[str] = set()
    for m in _RUN.finditer(text):
        run = m.group(0)
        for n in range(MIN_CORE, MAX_CORE + 1):
            out.update(run[i : i + n] for i in range(len(run) - n + 1))
    return out


def _novel_spans(report: Report, known: set[str]) -> list[tuple[int, int]]:
    """Stretches of the report covered by n-grams that `known` lacks."""
    spans = []
    for base, stop in report.segments:
        run = report.text[base:stop]
        covered = [False] * len(run)
        new_pair = [run[k : k + 2] not in known for k in range(len(run) - 1)]
        for k, new in enumerate(new_pair):
            if new:
                covered[k] = covered[k + 1] = True
        # Only minimal cores: a trigram whose bigram is already new adds nothing but its neighbour.
        for k in range(len(run) - 2):
            if not new_pair[k] and not new_pair[k + 1] and run[k : k + 3] not in known:
                covered[k] = covered[k + 1] = covered[k + 2] = True
        i = 0
        while i < len(run):
            if covered[i]:
                j = i
                while j < len(run) and covered[j]:
                    j += 1
                spans.append((base + i, base + j, base, stop))
                i = j
            else:
                i += 1
    return spans


def _to_words(report: Report, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    return max(lo, report.word_start(start)), min(hi, report.word_end(end))


def _closure(report: Report, start: int, end: int, lo: int, hi: int, seen: dict[str, list[int]]) -> tuple[int, int]:
    """Grow a recurring phrase, a word at a time, while every occurrence of it agrees on the next word.
    `seen` keeps each phrase's occurrences, so text that repeats is searched once."""
    text = report.text
    if min(report.pairs[text[k : k + 2]] for k in range(start, end - 1)) < 2:
        return start, end  # a character pair seen once: the phrase does not recur
    phrase = text[start:end]
    if phrase not in seen:
        found, pos = [], text.find(phrase)
        while pos >= 0:
            found.append(pos)
            pos = text.find(phrase, pos + 1)
        seen[phrase] = found
    offsets = [p - start for p in seen[phrase]]  # each occurrence, as a shift from this one
    if len(offsets) < 2:
        return start, end

    def agree(a: int, b: int) -> bool:
        piece = text[a:b]
        return all(text[a + d : b + d] == piece for d in offsets)

    while end < hi:
        step = min(hi, report.word_end(end + 1))
        if step - start > MAX_LEN or not agree(end, step):
            break
        end = step
    while start > lo:
        step = max(lo, report.word_start(start - 1))
        if end - step > MAX_LEN or not agree(step, start):
            break
        start = step
    return start, end


@dataclass(frozen=True)
class Grammar:
    """What the series' own usage says about its words.

    A word *governs* what follows it (大力发展, 高标准, 依法, 建立, 加快) when, over the series,
    it is followed by many different words (branching entropy of its successors of at least
    _GOVERN_BITS) and either opens a clause often (_GOVERN_OPENS of its uses) or is a verb
    (jieba: v, vn, d …) followed by very many (_VERB_BITS). A word the series uses less than
    _SETTLED times is judged by its jieba tag alone.
    """

    governors: frozenset[str] = frozenset()
    settled: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()  # the series' general words (in COMMON_SHARE of its reports)
    # How many different words a word closes (branching entropy of its predecessors, 0–1 of
    # _HEAD_BITS): the heads that name a kind of thing (经济, 体系, 战略, 行动) close many.
    heads: dict[str, float] = field(default_factory=dict)

    def governs(self, word: str) -> bool:
        if word in self.settled:
            return word in self.governors
        return _tags().get(word) in _GOVERNING


_GOVERN_BITS, _VERB_BITS, _GOVERN_OPENS, _SETTLED, _HEAD_BITS = 3.0, 4.0, 0.25, 5, 8.0


def grammar(reports: list[Report], common: frozenset[str] = frozenset()) -> Grammar:
    uses: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    follow: Counter[tuple[str, str]] = Counter()
    for r in reports:
        text, prev = r.text, ""
        for a, b in zip(r.cuts, r.cuts[1:]):
            word = text[a:b]
            if not _RUN.fullmatch(word):
                prev = ""
                continue
            uses[word] += 1
            if prev:
                follow[prev, word] += 1
            else:
                opens[word] += 1
            prev = word
    entropy: Counter[str] = Counter()
    closing: Counter[str] = Counter()
    led = uses - opens
    for (word, nxt), n in follow.items():
        p = n / uses[word]
        entropy[word] -= p * math.log2(p)
        q = n / led[nxt]
        closing[nxt] -= q * math.log2(q)
    tags = _tags()
    settled = frozenset(w for w, n in uses.items() if n >= _SETTLED)
    governors = frozenset(
        w for w in settled
        if entropy[w] >= _GOVERN_BITS and (opens[w] >= _GOVERN_OPENS * uses[w] or entropy[w] >= _VERB_BITS and tags.get(w) in _GOVERNING | {"vn"})
    )
    heads = {w: min(closing[w] / _HEAD_BITS, 1.0) for w in settled}
    return Grammar(governors, settled, common, heads)


def _shape(report: Report, before: Report, known: set[str], start: int, end: int, usage: Grammar) -> tuple[int, int]:
    """Leave off function words (的, 和, 在 …) at either edge, the verbs and adverbs that
    govern a new phrase (坚决向污染宣战 → 污染宣战, 建设长江经济带 → 长江经济带) and a verb
    that follows it (数字经济加快 → 数字经济), while what remains stays new."""
    words = report.words_in(start, end)
    tags = _tags()

    def still_new(a: int, b: int) -> bool:
        rest = report.text[a:b]
        return len(rest) >= 3 and (novel(rest, known) or rest not in before.text)

    def governs(k: int) -> bool:
        nxt = words[k + 1]
        if len(nxt) == 1 and nxt not in _EDGE:
            return False  # a bound character (供给|侧): the word belongs to the phrase
        return usage.governs(words[k]) or tags.get(words[k]) == "a" and tags.get(nxt) in {"v", "vn"}

    while words and words[0] in _EDGE:
        start += len(words.pop(0))
    while words and words[-1] in _EDGE:
        end -= len(words.pop())
    while len(words) > 1 and governs(0) and still_new(start + len(words[0]), end):
        start += len(words.pop(0))
        while words and words[0] in _EDGE:
            start += len(words.pop(0))
    if len(words) > 1 and tags.get(words[-1]) == "v" and still_new(start, end - len(words[-1])):
        end -= len(words.pop())
    return start, end


def candidates(report: Report, before: Report, known: set[str], usage: Grammar = Grammar()) -> dict[str, int]:
    """Phrases of `report` absent from `before` (whose n-grams are `known`): phrase → first offset.

    `usage`: what the series says of its words (which govern a phrase: 大力发展, 建立).
    """
    found: dict[str, int] = {}

    def add(start: int, end: int) -> None:
        start, end = _shape(report, before, known, start, end, usage)
        while end - start > 2 and report.text[end - 1] in _PARTICLES:
            end -= 1  # jieba sometimes glues a particle to the word before it (年的)
        if start > 0 and report.text[start - 1].isdigit() and report.text[start] in "年月日":
            start += 1  # the unit of a date (2024年国民经济), not part of a phrase
        while end - start > 2 and report.text[start] in _PARTICLES:
            start += 1
        term = report.text[start:end]
        # Trimming can leave old wording (的改革 → 改革): keep only what `before` lacks.
        if 2 <= len(term) <= MAX_LEN and term not in found and (novel(term, known) or term not in before.text):
            found[term] = start

    seen: dict[str, list[int]] = {}
    for start, end, lo, hi in _novel_spans(report, known):
        start, end = _to_words(report, start, end, lo, hi)
        start, end = _closure(report, start, end, lo, hi, seen)
        add(start, end)
        for a, b in _pieces(report, start, end, usage):
            add(a, b)
    for pattern in (_QUOTED, _PLUS):
        for m in pattern.finditer(report.text):
            term = m.group(1) if m.groups() else m.group(0)
            if term not in before.text:
                found.setdefault(term, m.start())
    return found


def _pieces(report: Report, start: int, end: int, usage: Grammar) -> list[tuple[int, int]]:
    """A stretch split where a word governs what follows it (发行超长期特别国债 → 超长期特别国债)
    and, when long, where a single-character word joins two phrases
    (国民待遇加负面清单 → 国民待遇 | 负面清单, 精益求精的工匠精神 → 精益求精 | 工匠精神)."""
    cuts = report.cuts[bisect_left(report.cuts, start) : bisect_right(report.cuts, end)]
    long_ = end - start > _GOOD_LEN[1]
    out, lo = [], start
    for a, b in itertools.pairwise(cuts):
        if b - a == 1 and long_ or a > start and b < end and usage.governs(report.text[a:b]):
            if a - lo >= 2:
                out.append((lo, a))
            lo = b
    if end - lo >= 2 and lo > start:
        out.append((lo, end))
    return out


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part-of-speech dictionary (word → tag)."""
    from jieba import posseg

    cut("")  # the shared jieba set-up (its private cache folder) first
    if posseg.dt.word_tag_tab:
        return posseg.dt.word_tag_tab
    # Parsing jieba's dictionary for its tags takes most of a second; a copy in the private
    # cache folder, keyed by the dictionary's size and time, takes a tenth of that.
    source = Path(jieba.dt.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    stamp = source.stat()
    folder = user_cache_dir()
    copy = folder / f"jieba-tags-{stamp.st_size}-{int(stamp.st_mtime)}.marshal" if folder else None
    try:
        if copy is not None and copy.is_file():
            posseg.dt.word_tag_tab = marshal.loads(copy.read_bytes())
            return posseg.dt.word_tag_tab
    except (OSError, ValueError, EOFError, TypeError):
        pass
    posseg.dt.load_word_tag(posseg.dt.tokenizer.get_dict_file())
    if copy is not None:
        store(copy, marshal.dumps(posseg.dt.word_tag_tab))
    return posseg.dt.word_tag_tab


def novel(term: str, known: set[str]) -> bool:
    """Whether the term holds an n-gram `known` lacks (then it is surely absent from that text)."""
    return any(
        run[i : i + n] not in known for run in _RUN.findall(term) for n in range(MIN_CORE, MAX_CORE + 1) for i in range(len(run) - n + 1)
    )


# ---------------------------------------------------------------- reports and series

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def delivery_year(doc: Document, path: str) -> int | None:
    """The year a report was delivered: its date, else the year its name leads with, else from its years."""
    if doc.meta.delivered:
        return int(doc.meta.delivered[:4])
    m = _YEAR_IN_NAME.search(Path(path).name)
    if m:
        return int(m.group(1))
    if doc.meta.reviews:
        return doc.meta.reviews[-1] + 1
    if doc.meta.plans:
        return doc.meta.plans[0]
    return None


def prepare(doc: Document, path: str, year: int, tokens: Tokens | None = None) -> Report:
    """A parsed report: its headings and targets part mark where a phrase stands out.
    `tokens`, when the caller has cut the text already, give the word boundaries."""
    marked = [(s.start, s.body_start, "heading") for s in doc.outline.walk() if s.body_start > s.start]
    roles = {p.heading: p.role for p in doc.meta.parts}
    marked += [(s.start, s.end, "targets") for s in doc.sections if roles.get(s.heading) == "targets"]
    marked += [(p.section.start, p.section.end, "review") for p in doc.meta.parts if p.role == "review"]
    return from_text(doc.text, year, path, marked, tokens)


def from_text(
    text: str, year: int, path: str = "", marked: list[tuple[int, int, str]] | None = None, tokens: Tokens | None = None
) -> Report:
    """A report from its text alone (no headings known unless `marked` says where)."""
    bounds: set[int] = set()
    if tokens is not None:
        for word, start in zip(tokens.words, tokens.starts):
            bounds.update((start, start + len(word)))
    else:
        for m in _RUN.finditer(text):
            pos = m.start()
            bounds.add(pos)
            for word in cut(m.group(0)):
                pos += len(word)
                bounds.add(pos)
    return Report(path, year, text, tuple(sorted(bounds)), tuple(sorted(marked or ())))


# ---------------------------------------------------------------- ranking

# Weights of what makes a journalist lead with a phrase (see the module docstring).
# Set by measurement on the readers' lists of 2015, 2018 and 2024 only (bench/terms_hits.py).
_W_COUNT, _W_HEADING, _W_TARGETS, _W_REVIEW, _W_QUOTED, _W_FIRST, _W_KEPT, _W_PRIOR = 2.0, 1.0, 0.0, 1.0, 2.5, 1.5, 1.0, 1.0
_W_SHORT, _W_LONG, _W_JUNCTION, _W_SHAPE, _W_RARE, _W_HEAD = 2.0, 0.5, 3.0, 1.0, 2.0, 2.0
_NOUNISH = set("nj")  # jieba tags: nouns (n, nr, ns, nt, nz …) and abbreviations (j)
_GOOD_LEN = (3, 8)
_LOOKAHEAD = 3  # later reports that keeping a phrase shows it is a term, not a one-off wording
_PRIOR_WINDOW = 10  # earlier reports whose use of a phrase makes its return less new
_MARGIN = 2  # phrases scored in full per listed one (some are dropped as parts of others)
COMMON_SHARE = 0.5  # a word in at least this share of the series' reports is general vocabulary


def _score(f: Formulation) -> float:
    n = len(f.term)
    length = -_W_SHORT if n < _GOOD_LEN[0] else -_W_LONG * (n - _GOOD_LEN[1]) if n > _GOOD_LEN[1] else 0.0
    return (
        _W_COUNT * math.log2(1 + f.count)
        + (_W_HEADING if f.place == "heading" else _W_TARGETS if f.place == "targets" else -_W_REVIEW if f.place == "review" else 0.0)
        + (_W_QUOTED if f.quoted else 0.0)
        + (_W_FIRST if f.first else 0.0)
        + _W_KEPT * f.kept
        - _W_PRIOR * math.log2(1 + f.prior)
        - (_W_JUNCTION if f.junction and f.count < 3 and not f.quoted else 0.0)
        + length
        + _W_SHAPE * f.shape
        + _W_RARE * f.rarity
        + _W_HEAD * f.head
    )


def _shape_score(report: Report, term: str, at: int) -> float:
    """How much the phrase reads as a name (a noun phrase standing whole) rather than a fragment.

    +1 when it ends in a noun, +1 when it stands between punctuation (a list item, a
    clause of its own); -1 for each verb or adverb in it
    (切实增强经济活力 is a clause), -1 for each edge that is a lone character splitting a
    longer word (县|支持力度, 国产|大).
    """
    words = report.words_in(at, at + len(term))
    if "".join(words) != term or not words:
        return -1.0  # its edges cut through words
    tags = _tags()
    score = 0.0
    if tags.get(words[-1], "")[:1] in _NOUNISH or tags.get(words[-1]) == "vn" or len(words[-1]) >= 3 and words[-1] not in tags:
        score += 1.0
    score -= sum(len(w) > 1 and tags.get(w) in _GOVERNING for w in words)  # a verb inside: a clause, not a name
    text = report.text
    before, after = text[at - 1 : at], text[at + len(term) : at + len(term) + 1]
    opened = not before or not _RUN.match(before)
    closed = not after or not _RUN.match(after) or after in _JOINERS
    score += 1.0 if opened and closed else 0.0
    if len(term) > 2:
        score -= sum(len(w) == 1 and w not in _EDGE and tags.get(w, "")[:1] not in _NOUNISH for w in (words[0], words[-1]))
    return score


def _seam(term: str, words: list[str], old: Callable[[str], bool], usage: Grammar) -> bool:
    """Whether the phrase is only old wording under a new verb or adverb (加大 + 简政放权,
    数字经济 + 加快): new wording, not a new term. Two nouns newly joined (商业航天) are a term."""
    if "".join(words) != term or len(words) < 2:
        return False
    tags = _tags()
    head, tail = words[0], words[-1]
    common = usage.common
    if usage.governs(head):
        rest = term[len(head) :]
        if rest in common or len(rest) > 1 and old(rest):
            return True
    if tags.get(tail) == "v":
        rest = term[: -len(tail)]
        if rest in common or len(rest) > 1 and old(rest):
            return True
    return False


def _ranked(found: list[Formulation], top: int) -> list[Formulation]:
    """Best first; a phrase inside a better-ranked one with the same count is the same news, left out."""
    found.sort(key=lambda f: (-f.score, -len(f.term), f.term))
    kept: list[Formulation] = []
    for f in found:
        if len(kept) >= top:
            break
        if not any(f.term in k.term and f.count <= k.count for k in kept):
            kept.append(f)
    return kept


# ---------------------------------------------------------------- the ledger


class Series:
    """Reports of one region and kind in order of delivery, with what ranking needs of them all."""

    def __init__(self, reports: list[Report]):
        self.reports = reports
        self.known = [grams(r.text) for r in reports]
        df: Counter[str] = Counter()
        for r in reports:
            df.update(set(r.words()))
        self.df = df
        # With too few reports to tell general words from the series' own, none counts as general.
        need = max(3, math.ceil(COMMON_SHARE * len(reports)))
        self.usage = grammar(reports, frozenset(w for w, n in df.items() if n >= need and len(w) >= 2))
        self._gram_mask: dict[str, int] = {}
        for i, grams_of in enumerate(self.known):
            bit = 1 << i
            for g in grams_of:
                self._gram_mask[g] = self._gram_mask.get(g, 0) | bit
        self._holders: dict[str, int] = {}

    def contains(self, i: int, term: str) -> bool:
        if term in self._holders:
            return bool(self._holders[term] >> i & 1)
        return not novel(term, self.known[i]) and term in self.reports[i].text

    def holders(self, term: str) -> int:
        """The reports that contain the term, as a bit mask (bit i: the i-th report)."""
        if term in self._holders:
            return self._holders[term]
        mask = -1
        for run in _RUN.findall(term):
            n = min(len(run), MAX_CORE)
            for k in range(len(run) - n + 1):
                mask &= self._gram_mask.get(run[k : k + n], 0)
                if not mask:
                    break
        out = 0
        mask = mask if mask != -1 else (1 << len(self.reports)) - 1
        while mask:
            low = mask & -mask
            if term in self.reports[low.bit_length() - 1].text:
                out |= low
            mask ^= low
        self._holders[term] = out
        return out

    def _rarity(self, words: list[str]) -> float:
        """How rare the phrase's words are in the series (mean inverse document frequency, 0–1):
        a new term brings new vocabulary; new wording recombines everyday words (切实增强经济活力)."""
        content = [w for w in words if len(w) > 1]
        if not content:
            return 0.0
        n = len(self.reports)
        return sum(math.log((n + 1) / (1 + self.df.get(w, 0))) for w in content) / len(content) / math.log(n + 1)

    def _evidence(self, i: int, term: str, at: int) -> Formulation:
        """What the report itself says about a phrase: how often, where, whether quoted."""
        report = self.reports[i]
        text = report.text
        positions, pos = [], text.find(term)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(term, pos + len(term))
        positions = positions or [at]
        places = [report.place(p) for p in positions]
        best = max(places, key=_PLACES.index)
        where = positions[places.index(best)]
        quoted = any(text[p - 1 : p] in _OPEN and text[p + len(term) : p + len(term) + 1] in _CLOSE for p in positions if p > 0)
        f = Formulation(term, len(positions), round(len(positions) * 10000 / max(len(text), 1), 2), "", best, quoted, True, _LOOKAHEAD)
        f.at = where
        f.shape = max(_shape_score(report, term, p) for p in positions[:5])
        words = report.words_in(where, where + len(term))
        f.rarity = self._rarity(words)
        f.head = self.usage.heads.get(words[-1], 0.0) if words else 0.0
        f.score = _score(f)  # the best it can get: the series can only lower it
        return f

    def _history(self, i: int, f: Formulation, against: int, new: bool) -> None:
        """What the series says: first use, kept later (new) or kept before (dropped), used before."""
        term = f.term
        if new:
            held = self.holders(term)
            f.prior = _bits(held, max(0, i - _PRIOR_WINDOW), i)
            f.first = not held & ((1 << i) - 1)
            f.kept = _bits(held, i + 1, i + 1 + _LOOKAHEAD)
        else:
            held = self.holders(term)
            f.first = False
            f.kept = _bits(held, max(0, i - _LOOKAHEAD), i)
            f.prior = _bits(held, max(0, i - _PRIOR_WINDOW), i)
        f.score = _score(f)

    def _junction(self, i: int, f: Formulation, against: int) -> None:
        where = f.at
        words = self.reports[i].words_in(where, where + len(f.term))
        f.junction = _seam(f.term, words, lambda part: self.contains(against, part), self.usage)
        f.score = _score(f)

    def ranked(self, i: int, against: int, top: int) -> list[Formulation]:
        """The phrases of report i absent from report `against`, best first.

        Scored first on the report's own evidence (an upper bound), then on the
        series only as far down as a phrase could still make the list.
        """
        found = sorted(
            (self._evidence(i, term, at) for term, at in candidates(self.reports[i], self.reports[against], self.known[against], self.usage).items()),
            key=lambda f: -f.score,
        )
        done: list[Formulation] = []
        best: list[float] = []  # a min-heap of the top * _MARGIN full scores so far
        for f in found:
            if len(best) >= top * _MARGIN and f.score < best[0]:
                break
            self._junction(i, f, against)  # cheaper than the history, and often enough to rule a phrase out
            if len(best) >= top * _MARGIN and f.score < best[0]:
                continue
            self._history(i, f, against, new=against < i)
            done.append(f)
            heapq.heappush(best, f.score)
            if len(best) > top * _MARGIN:
                heapq.heappop(best)
        kept = _ranked(done, top)
        for f in kept:
            f.sentence = self.reports[i].sentence(f.at)
        return kept

    def entry(self, i: int, top: int) -> YearEntry:
        report = self.reports[i]
        if i == 0:
            return YearEntry(report.path, report.year, [], [], [])
        return YearEntry(report.path, report.year, self.ranked(i, i - 1, top), self.ranked(i - 1, i, top), intensity(self.reports[i - 1], report))


def _bits(mask: int, lo: int, hi: int) -> int:
    """How many of bits lo..hi-1 are set."""
    return (mask >> lo & ((1 << max(hi - lo, 0)) - 1)).bit_count()


def build(reports: list[Report], top: int = 50) -> Ledger:
    """New, dropped and intensity shifts of each report against the one before, and every listed term's history."""
    series = Series(reports)
    ledger = Ledger([series.entry(i, top) for i in range(len(reports))])
    listed = {f.term for e in ledger.reports for f in e.new + e.dropped} | {s.core for e in ledger.reports for s in e.intensity}
    for term in sorted(listed):
        counts = {r.year: r.text.count(term) if series.contains(i, term) else 0 for i, r in enumerate(reports)}
        seen = [y for y, c in counts.items() if c]
        ledger.terms[term] = History(
            min(seen, default=None), max(seen, default=None), counts,
            {r.year: round(counts[r.year] * 10000 / max(len(r.text), 1), 2) for r in reports},
        )
    return ledger


# Modifiers that set how hard a fixed formulation pushes, by family: a shift is a change
# within one family before the same core (稳健的 → 适度宽松的 货币政策).
_STANCE = re.compile(r"(更加积极|积极|稳健|适度宽松|宽松|适度从紧|从紧|中性)的([\u4e00-\u9fff]{2,8})")
_PACE = re.compile(
    r"((?:稳步|加快|大力|积极|扎实|全面|深入|有序|稳妥|持续|着力|加紧|抓紧|进一步)(?:推进|推动|实施|发展|建设))([\u4e00-\u9fff]{2,8})"
)
_RESOLVE = re.compile(r"(力争|确保|努力|争取|力求)([\u4e00-\u9fff]{2,8})")
_CORE = 4  # characters of the following text that name the core


def _modified(report: Report) -> dict[tuple[int, str], tuple[Counter[str], str, int]]:
    """(family, core) → (modifiers used before it, the longest core text, where)."""
    out: dict[tuple[int, str], tuple[Counter[str], str, int]] = {}
    for family, pattern in enumerate((_STANCE, _PACE, _RESOLVE)):
        for m in pattern.finditer(report.text):
            core = m.group(2)
            if len(core) < _CORE:
                continue
            mods, longest, at = out.get((family, core[:_CORE]), (Counter(), core, m.start()))
            mods[m.group(1)] += 1
            out[(family, core[:_CORE])] = (mods, longest if len(longest) >= len(core) else core, at)
    return out


def intensity(old: Report, new: Report) -> list[Intensity]:
    """Cores both reports use whose modifiers were all replaced: 稳健的货币政策 → 适度宽松的货币政策."""
    before, after = _modified(old), _modified(new)
    shifts = []
    for key in before.keys() & after.keys():
        (a, core_a, at_a), (b, core_b, at_b) = before[key], after[key]
        if set(a) & set(b):
            continue
        core = os.path.commonprefix([core_a, core_b])  # noqa: RUF071 - the common start of two strings is meant
        shifts.append((-(sum(a.values()) + sum(b.values())), core, Intensity(
            core, [m for m, _ in a.most_common()], [m for m, _ in b.most_common()], old.sentence(at_a), new.sentence(at_b),
        )))
    return [s for *_, s in sorted(shifts, key=lambda t: t[:2])]


# ---------------------------------------------------------------- a series from a corpus, cached

_CACHE_VERSION = "terms-2"  # bump when what is cached changes


@dataclass(frozen=True)
class Member:
    """A report of the corpus, as cached: what the series needs without re-reading it."""

    report: Report
    region: str
    kind: str
    digest: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(_CACHE_VERSION.encode() + b"\0" + data).hexdigest()


def _cache_file(folder: Path | None, kind: str, digest: str) -> Path | None:
    return folder / "terms" / kind / f"{digest}.json" if folder else None


def _read_cache(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent or damaged: computed afresh


def _write_cache(path: Path | None, data: dict) -> None:
    if path is None:
        return
    store(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def member(entry_path: str, folder: Path | None) -> Member | None:
    """One report of the corpus, from the cache when its content was seen before."""
    data = Path(entry_path).read_bytes()
    digest = _digest(data)
    where = _cache_file(folder, "reports", digest)
    cached = _read_cache(where)
    if cached is not None:
        report = Report(entry_path, cached["year"], cached["text"], tuple(cached["cuts"]), tuple(map(tuple, cached["marked"])))
        return Member(report, cached["region"], cached["kind"], digest)
    try:
        doc = read(entry_path)
    except ReportdiffError:
        return None
    year = delivery_year(doc, entry_path)
    if year is None:
        return None
    report = prepare(doc, entry_path, year)
    _write_cache(where, {
        "year": year, "text": report.text, "cuts": list(report.cuts), "marked": [list(m) for m in report.marked],
        "region": doc.meta.region, "kind": doc.meta.kind,
    })
    return Member(report, doc.meta.region, doc.meta.kind, digest)


def series(paths: list[str], region: str | None = None, folder: Path | None = None, kind: str | None = None) -> list[Member]:
    """The reports of one region and kind in order of delivery.

    A corpus with one report a year is one series as it stands (its region and
    kind may be read differently from one report to the next). Where years
    repeat, the largest group of one region and kind is the series.
    """
    members = [m for m in (member(p, folder) for p in paths) if m is not None]
    if region:
        members = [m for m in members if region in m.region]
    if kind:
        members = [m for m in members if m.kind == kind]
    if not members:
        raise ReportdiffError(
            "no readable reports with a delivery year" + (f" for region {region}" if region else "") + (f" of kind {kind}" if kind else "")
        )
    years = Counter(m.report.year for m in members)
    if max(years.values()) > 1:
        groups = Counter((m.region, m.kind) for m in members)
        (best, size), *rest = groups.most_common()
        if rest and rest[0][1] == size:
            listing = ", ".join(f"{r} {k}" for (r, k), n in groups.most_common() if n == size)
            raise ReportdiffError(f"the corpus holds several series ({listing}); pick one with --region or --kind")
        members = [m for m in members if (m.region, m.kind) == best]
        members = list({m.report.year: m for m in members}.values())  # one report a year: the last in name order
    return sorted(members, key=lambda m: m.report.year)


def ledger(members: list[Member], top: int = 50, folder: Path | None = None) -> Ledger:
    """The ledger of a series, from the cache when the same reports were seen before."""
    key = hashlib.sha256(
        "\n".join([_CACHE_VERSION, str(top)] + [f"{m.digest} {m.report.year}" for m in members]).encode()
    ).hexdigest()
    where = _cache_file(folder, "ledgers", key)
    cached = _read_cache(where)
    if cached is not None:
        found = from_json(cached)
    else:
        found = build([m.report for m in members], top)
        _write_cache(where, to_json(found))
    for entry, m in zip(found.reports, members):
        entry.path = m.report.path  # the same content may sit at another path this time
    return found


def to_json(found: Ledger) -> dict:
    """The ledger as plain data (the `terms` JSON output's `reports` and `terms`)."""
    return {
        "reports": [
            {
                "path": e.path, "year": e.year,
                "new": [asdict(f) for f in e.new], "dropped": [asdict(f) for f in e.dropped],
                "intensity": [asdict(s) for s in e.intensity],
            }
            for e in found.reports
        ],
        "terms": {
            term: {"first_seen": h.first_seen, "last_seen": h.last_seen, "counts": {str(y): c for y, c in h.counts.items()},
                   "per_10k": {str(y): v for y, v in h.per_10k.items()}}
            for term, h in found.terms.items()
        },
    }


def from_json(data: dict) -> Ledger:
    entries = [
        YearEntry(
            e["path"], e["year"], [Formulation(**f) for f in e["new"]], [Formulation(**f) for f in e["dropped"]],
            [Intensity(**s) for s in e["intensity"]],
        )
        for e in data["reports"]
    ]
    terms = {
        t: History(h["first_seen"], h["last_seen"], {int(y): c for y, c in h["counts"].items()}, {int(y): v for y, v in h["per_10k"].items()})
        for t, h in data["terms"].items()
    }
    return Ledger(entries, terms)


# ---------------------------------------------------------------- two reports


def language_shift(old: Document, new: Document, old_tokens: Tokens, new_tokens: Tokens, limit: int = 50) -> LanguageShift:
    """The pair report's language shift: formulations new and dropped between two reports,
    each with its sentence, intensity shifts, and the words whose frequency moved most."""
    reports = [prepare(old, old.source.path, 0, old_tokens), prepare(new, new.source.path, 1, new_tokens)]
    entry = Series(reports).entry(1, limit)

    def rate(report: Report, term: str) -> float:
        return round(report.text.count(term) * 10000 / max(len(report.text), 1), 2)

    frequency = word_shift(old_tokens, new_tokens, len(old.text), len(new.text), limit)
    return LanguageShift(
        [Shift(f.term, 0.0, f.per_10k, f.sentence) for f in entry.new],
        [Shift(f.term, f.per_10k, rate(reports[1], f.term), f.sentence) for f in entry.dropped],
        frequency.shifted,
        entry.intensity,
    )
