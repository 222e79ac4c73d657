"""The ledger of formulations across a series of reports: new, dropped, stronger.

A *formulation* is a multi-character phrase a reader would quote (新质生产力,
投资于人, 适度宽松的货币政策). How one is found, for a report Y against the report
before it R:

1. *Novel cores*: character n-grams (2–3 characters) of Y that R never contains.
   Text that only reorders old wording contains none; so does a phrase made
   wholly of old trigrams (全面推进依法治国, checked: 2015 against 2014), which is
   missed.
2. Each run of overlapping cores grows to the word boundaries around it
   (jieba; two runs that then share a word are one), then, when the phrase
   recurs in Y, as far as every occurrence agrees (the phrase's closure: 新质 →
   新质生产力 when each 新质 is followed by 生产力). Function words at the edges
   are trimmed; what the last verb inside takes (发行|超长期特别国债) is a
   candidate too.
3. Quoted terms (“两重”, “人工智能+”) and ``X+`` terms are formulations by the
   report's own marking, when they hold two letters (not “12345”, “1+10”).
4. A fragment is no formulation: a piece that Y (or, for a phrase Y uses once,
   the series) uses more than once and always with the same character beside
   it (决胜全面 …建成, 特色社会主义思想 中国…) is left out; when Y uses it once, the
   longer phrase the series always has it in is listed instead, if new (不可任性 → 有权不可任性).

Ranked as a journalist reads: a phrase never seen in the series before, said
several times, in a heading or the targets part, quoted, and of a length that
names something (3–8 characters) comes first; a two-character word that
many earlier reports used and last year's happened not to is last, and so are
old wording shortened (地方债务 after years of 地方政府债务) and a piece that stops
inside a longer name (蓝天|保卫战成果).

Intensity shifts: a stable core (货币政策, 推进新型城镇化) whose modifier changed
between the two reports (稳健的 → 适度宽松的, 稳步推进 → 加快推进).
"""
from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import math
import operator
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .cache import code_fingerprint, store, user_cache_dir
from .diff import LanguageShift, Shift
from .diff import language_shift as word_shift
from .document import Document, read
from .errors import ReportdiffError
from .structure import Section
from .tokens import Tokens, cut, word_tags

# Characters a formulation is made of; everything else (punctuation, digits,
# spaces) ends one. Digits are left out so that a year's new figures are not
# new formulations.
_PHRASE_CHARS = ((0x4E00, 0x9FFF), (ord("A"), ord("Z")), (ord("a"), ord("z")), (ord("+"), ord("+")), (ord("＋"), ord("＋")))
_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a < b else re.escape(chr(a)) for a, b in _PHRASE_CHARS)
_RUN = re.compile(f"[{_CLASS}]+")


@lru_cache(maxsize=1)
def _phrase_table() -> bytes:
    """1 at the code of each phrase character (all in the BMP), for str.translate: flags for a
    whole report at C speed, where a regex match per character was a hot loop."""
    table = bytearray(0x10000)
    for a, b in _PHRASE_CHARS:
        table[a : b + 1] = b"\1" * (b + 1 - a)
    return bytes(table)


_ONLY_ONES = bytes(int(k == 1) for k in range(256))  # what translate left as it was (beyond the BMP) becomes 0


def phrase_flags(text: str) -> bytes:
    """1 for each character of the text that a formulation is made of, else 0."""
    return text.translate(_phrase_table()).encode("latin-1", "replace").translate(_ONLY_ONES)


_QUOTED = re.compile(r"[“「『\"]([\u4e00-\u9fffA-Za-z0-9+＋·]{2,14})[”」』\"]")
_PLUS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}[+＋]")
_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")
# Function characters that never open or close a formulation.
# jieba tags of words that govern a phrase rather than belong to it: verbs, adverbs, prepositions, conjunctions.
_GOVERNING = {"v", "d", "ad", "p", "c"}
_ADVERBS = {"d", "vd"}  # jieba's tags of adverbs
# Where a phrase stands, by how much that makes it news, weakest first: the review of the past
# year names what was done; the targets part and headings set out what is new.
_PLACES = ("review", "body", "targets", "heading", "title")
_NUMBERED = {"chapter", "section", "cn", "paren_cn"}  # heading styles the report numbers (一、, （一）, 第X章): its own titles
_JOINERS = set("等和与及或并")
_PARTICLES = "的了"
_CLAUSAL = {"把", "被"}
_COMPLEMENTS = "好"  # what follows a verb to say it is done well (落实好, 打好): never a phrase's first character
_GLUED = re.compile(f"(?<=[\u4e00-\u9fff])[{_COMPLEMENTS}]")  # a complement right after a character (a verb's)
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
        return Counter(self._pair_list)

    @cached_property
    def _pair_list(self) -> list[str]:
        return list(map(str.__add__, self.text, self.text[1:]))

    @cached_property
    def phrase(self) -> bytes:
        """1 at each offset whose character a formulation is made of, and a 0 past the end (an
        index per character where a regex match per character was a hot loop)."""
        return phrase_flags(self.text) + b"\0"

    @cached_property
    def _single(self) -> bytes:
        """1 at each offset where a pair of characters starts that occurs nowhere else in the report."""
        return bytes(map((1).__eq__, map(self.pairs.__getitem__, self._pair_list)))

    def once(self, start: int, end: int) -> bool:
        """Whether the stretch holds a pair of characters the report has only there: it occurs once."""
        return end - start < 2 or self._single.find(1, start, end - 1) >= 0

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

    def rank(self, pos: int) -> int:
        """Where the place at pos stands in _PLACES (how much a phrase there is news)."""
        return self._places[min(pos, len(self.text))]

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

    @cached_property
    def _pair_at(self) -> dict[str, list[int]]:
        """Where each pair of adjacent characters occurs, in ascending order."""
        out: dict[str, list[int]] = {}
        for k, pair in enumerate(self._pair_list):
            out.setdefault(pair, []).append(k)
        return out

    def occurrences(self, term: str, overlapping: bool = False) -> tuple[int, ...]:
        """Where the term occurs, in ascending order (as str.find finds them one after another;
        `overlapping`: also those that start inside an earlier one).

        In a report being ranked (indexed()), only the places of the term's rarest pair of
        characters are tried, not the whole text, and each answer is kept: ranking asks this of
        thousands of phrases, several times each (shaping, scoring, reading), and scanning a
        50,000-character plan for each was the largest single cost of the pair report. The
        other reports of a series are asked of a few phrases each: they are scanned, rather
        than each holding an index (a few MB a report)."""
        at = self.__dict__.get("_pair_at")  # made by indexed(), not here
        if len(term) < 2 or at is None:
            return self._scan(term, overlapping)
        found = self._found
        key = (term, overlapping)
        if key not in found:
            sizes = [len(at.get(term[d : d + 2], ())) for d in range(len(term) - 1)]
            shift = sizes.index(min(sizes))
            text = self.text
            positions = tuple(q - shift for q in at.get(term[shift : shift + 2], ()) if q >= shift and text.startswith(term, q - shift))
            found[key] = positions if overlapping else _apart(positions, len(term))
        return found[key]

    def _scan(self, term: str, overlapping: bool) -> tuple[int, ...]:
        positions, pos = [], self.text.find(term)
        while pos >= 0:
            positions.append(pos)
            pos = self.text.find(term, pos + 1)
        return tuple(positions) if overlapping else _apart(positions, len(term))

    def indexed(self) -> Report:
        """The report with its index of where each pair of characters stands (for occurrences())."""
        _ = self._pair_at
        return self

    @cached_property
    def _found(self) -> dict[tuple[str, bool], tuple[int, ...]]:
        """occurrences() of an indexed report, by term and overlapping."""
        return {}

    def find_all(self, term: str, at: int) -> tuple[int, ...]:
        """Where the term occurs (at: one place it is known to be), without looking further
        when a pair of its characters occurs once in the report."""
        if self.once(at, at + len(term)):
            return (at,)
        return self.occurrences(term) or (at,)

    def words(self) -> list[str]:
        return [w for w in self._between_cuts if _RUN.fullmatch(w)]

    @cached_property
    def _between_cuts(self) -> list[str]:
        """The text between each cut and the next (a word, or what lies between two runs of words)."""
        return [self.text[a:b] for a, b in itertools.pairwise(self.cuts)]

    def words_in(self, start: int, end: int) -> list[str]:
        return self._between_cuts[bisect_left(self.cuts, start) : bisect_right(self.cuts, end) - 1]

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


def _apart(positions: Iterable[int], length: int) -> tuple[int, ...]:
    """The places left when each occurrence of a term `length` long takes its characters:
    those starting inside an earlier one are left out."""
    kept, free = [], 0
    for pos in positions:
        if pos >= free:
            kept.append(pos)
            free = pos + length
    return tuple(kept)


@dataclass
class Formulation:
    """A phrase new (or dropped) in one report, with the evidence a reader checks."""

    term: str
    count: int
    per_10k: float
    sentence: str
    place: str  # heading | targets | body | review
    quoted: bool
    first: bool  # never in any earlier report of the series
    kept: int = 0  # new: how many of the next few reports keep it; dropped: how many before had it
    prior: int = 0  # new: how many recent earlier reports used it already
    junction: bool = False  # only general words, newly put together
    shape: float = 0.0  # reads as a name (+) or a fragment (-)
    cut: int = 0  # edges (0-2) where it stops inside a longer noun phrase, wherever it stands
    gap: float = 0.0  # new: how often the earlier reports wrote it with a few characters more inside
    head: float = 0.0  # how many different phrases its last word closes in the series (0–1)
    rarity: float = 0.0  # how rare its words are in the series (0–1)
    score: float = 0.0
    at: int = 0  # offset of the occurrence quoted in `sentence`
    parallel: int = -1  # where the 、 list starts that it is an item of, next to one of its own shape (质量变革、效率变革、动力变革); -1: none
    title: bool = False  # in a heading the report numbers (（一）…，加快发展新质生产力), not a run-in lead


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


@lru_cache(maxsize=4)
def grams(text: str) -> frozenset[str]:
    """Every MIN_CORE..MAX_CORE-character n-gram of the text (kept for the last few reports seen:
    the same two compared again are not cut into n-grams again).

    Only n-grams inside a run of phrase characters are ever asked about, and such an n-gram
    occurs in the text only inside a run: those that cross punctuation are kept too, which
    changes no answer and lets the set be made at C speed."""
    out: set[str] = set()
    for n in range(MIN_CORE, MAX_CORE + 1):
        out.update(_ngrams(text, n))
    return frozenset(out)


def _ngrams(text: str, n: int) -> Iterator[str]:
    """The text's n-grams in order of where they start, made at C speed (str.__add__ over shifted copies)."""
    grams: Iterator[str] = iter(text)
    for k in range(1, n):
        grams = map(str.__add__, grams, text[k:])
    return grams


class _Absent:
    """Whether a stretch of `report` is absent from `before` (whose n-grams are `known`).

    Most stretches hold an n-gram `before` lacks: flags of the places where such an n-gram
    starts, made once per pair, answer that with one bytearray.find (novel() on each of the
    thousands of stretches tried was a hot loop); the rest are looked for in `before`."""

    def __init__(self, report: Report, before: Report, known: AbstractSet[str]):
        self._before = before.text
        self._text = text = report.text
        # Flags as big integers, a byte a place (place k at byte k from the top): and, or and a
        # shift by a byte compare every place with its neighbour at once.
        size = len(text) + 1
        every = (1 << 8 * size) - 1

        def number(flags: bytes) -> int:
            return int.from_bytes(flags.ljust(size, b"\0"), "big")

        def flags(value: int) -> bytearray:
            return bytearray(value.to_bytes(size, "big"))

        phrase = number(report.phrase)
        in_run = phrase & phrase << 8 & every  # a bigram inside a run starts here
        said = number(bytes(map(known.__contains__, report._pair_list)))  # one C pass
        known_pairs = in_run & said
        # A trigram is asked about only where both its bigrams are said (else a bigram is new
        # already): looked up there alone, not at every place.
        both = flags(known_pairs & known_pairs << 8 & every)
        triples = bytearray(size)
        k = both.find(1)
        while k >= 0:
            if text[k : k + 3] not in known:
                triples[k] = 1
            k = both.find(1, k + 1)
        self.starts: list[bytearray] = [flags(in_run & ~said), triples]

    def __call__(self, a: int, b: int) -> bool:
        for n, starts in enumerate(self.starts, MIN_CORE):
            end = b - n + 1  # an n-gram of the stretch starts at a..end-1 (a negative end would count from the back)
            if end > a and starts.find(1, a, end) >= 0:
                return True
        return self._text[a:b] not in self._before


def _ones(flags: bytearray, lo: int, hi: int) -> list[int]:
    """The places in lo..hi-1 where `flags` is 1 (found by bytearray.find: most places are 0)."""
    if hi <= lo:
        return []  # and a negative hi would count from the back
    out, k = [], flags.find(1, lo, hi)
    while k >= 0:
        out.append(k)
        k = flags.find(1, k + 1, hi)
    return out


def _novel_spans(report: Report, absent: _Absent) -> list[tuple[int, int, int, int]]:
    """Stretches of the report covered by n-grams the other report lacks, each with its segment."""
    spans = []
    pairs, triples = absent.starts
    for base, stop in report.segments:
        new_pairs = _ones(pairs, base, stop - 1)
        # Only minimal cores: a trigram whose bigram is already new adds nothing but its neighbour.
        cores = sorted(
            [(k, k + 2) for k in new_pairs]
            + [(k, k + 3) for k in _ones(triples, base, stop - 2) if not pairs[k] and not pairs[k + 1]]
        )
        if not cores:
            continue
        lo, hi = cores[0]
        for a, b in cores[1:]:
            if a > hi:
                spans.append((lo, hi, base, stop))
                lo = a
            hi = max(hi, b)
        spans.append((lo, hi, base, stop))
    return spans


def _to_words(report: Report, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    return max(lo, report.word_start(start)), min(hi, report.word_end(end))


def _word_spans(report: Report, absent: _Absent) -> list[tuple[int, int, int, int]]:
    """The novel stretches grown to word boundaries; two that then share a word are one
    (亚洲基础|设施 and 基础设施|投资银行: 亚洲基础设施投资银行)."""
    out: list[tuple[int, int, int, int]] = []
    for start, end, lo, hi in _novel_spans(report, absent):
        start, end = _to_words(report, start, end, lo, hi)
        if out and out[-1][2] == lo and start < out[-1][1]:
            start = out.pop()[0]
        out.append((start, end, lo, hi))
    return out


def _closure(report: Report, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Grow a recurring phrase, a word at a time, while every occurrence of it agrees on the next word
    (the report keeps each phrase's occurrences, so text that repeats is searched once)."""
    text = report.text
    if report.once(start, end):
        return start, end  # a character pair seen once: the phrase does not recur
    offsets = [p - start for p in report.occurrences(text[start:end], overlapping=True)]  # each occurrence, as a shift from this one
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
    # The share of a word's uses that end a clause (punctuation or a figure after it): a verb whose
    # object always follows (扩 in 稳岗扩就业, 扩岗) ends almost none; a suffix such as 率 many.
    ends: dict[str, float] = field(default_factory=dict)
    # Characters that end the series' words and almost never open one (性 of 积极性, 化 of 现代化):
    # a phrase opening with one, right after a letter, is cut from the word before it (撬动|性强的工作).
    suffixes: frozenset[str] = frozenset()

    def to_json(self) -> dict:
        """Every field, sets as sorted lists: what the vocabulary cache stores."""
        return {f.name: sorted(v) if isinstance(v := getattr(self, f.name), frozenset) else v for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict) -> Grammar:
        values: dict[str, Any] = {f.name: frozenset(data[f.name]) if isinstance(f.default, frozenset) else data[f.name] for f in fields(cls)}
        return cls(**values)

    def governs(self, word: str) -> bool:
        if word in self.settled:
            return word in self.governors
        return word_tags().get(word) in _GOVERNING


_GOVERN_BITS, _VERB_BITS, _GOVERN_OPENS, _SETTLED, _HEAD_BITS = 3.0, 4.0, 0.25, 5, 8.0
_OBJECT_FOLLOWS = 0.05  # a word ending fewer of its uses than this takes what follows it
_SUFFIX_WORDS, _SUFFIX_OPENS = 20, 0.05  # a suffix ends this many of the series' words, and opens at most this share as many


def grammar(reports: list[Report], common: frozenset[str] = frozenset()) -> Grammar:
    uses: Counter[str] = Counter()
    follow: Counter[tuple[str, str]] = Counter()
    for r in reports:
        text = r.text
        # "" stands for whatever is not a phrase word (punctuation, figures): a clause opens after it.
        words = [w if _RUN.fullmatch(w) else "" for w in (text[a:b] for a, b in itertools.pairwise(r.cuts))]
        uses.update(words)
        follow.update(itertools.pairwise(words))
    del uses[""]
    opens = Counter({w: n for (prev, w), n in follow.items() if not prev and w})
    entropy: dict[str, float] = dict.fromkeys(uses, 0.0)
    closing: dict[str, float] = dict.fromkeys(uses, 0.0)
    led = uses - opens
    for (word, nxt), n in follow.items():
        if not word or not nxt:
            continue
        p = n / uses[word]
        entropy[word] -= p * math.log2(p)
        q = n / led[nxt]
        closing[nxt] -= q * math.log2(q)
    tags = word_tags()
    settled = frozenset(w for w, n in uses.items() if n >= _SETTLED)
    governors = frozenset(
        w for w in settled
        if entropy[w] >= _GOVERN_BITS and (opens[w] >= _GOVERN_OPENS * uses[w] or entropy[w] >= _VERB_BITS and tags.get(w) in _GOVERNING | {"vn"})
    )
    heads = {w: min(closing[w] / _HEAD_BITS, 1.0) for w in settled}
    ends = Counter({w: n for (w, nxt), n in follow.items() if w and not nxt})
    words = [w for w in uses if len(w) > 1]
    last, first = Counter(w[-1] for w in words), Counter(w[0] for w in words)
    suffixes = frozenset(c for c, n in last.items() if n >= _SUFFIX_WORDS and first[c] <= _SUFFIX_OPENS * n)
    return Grammar(governors, settled, common, heads, {w: ends[w] / uses[w] for w in settled}, suffixes)


def _shape(report: Report, absent: _Absent, start: int, end: int, usage: Grammar) -> tuple[int, int]:
    """Leave off function words (的, 和, 在 …) at either edge, the verbs and adverbs that
    govern a new phrase (坚决向污染宣战 → 污染宣战, 建设长江经济带 → 长江经济带) and a verb
    that follows it (数字经济加快 → 数字经济), while what remains stays new."""
    words = report.words_in(start, end)
    tags = word_tags()

    def still_new(a: int, b: int) -> bool:
        """Whether what is left is new and a phrase of its own: not one the report only ever
        uses with the word left off (乡村全面 | 振兴, 城镇 | 调查失业率)."""
        return b - a >= 3 and absent(a, b) and (report.once(a, b) or not _bound([report], report.text[a:b]))

    def governs(k: int) -> bool:
        nxt = words[k + 1]
        if len(nxt) == 1 and nxt not in _EDGE and nxt not in _COMPLEMENTS:
            return False  # a bound character (供给|侧): the word belongs to the phrase
        return usage.governs(words[k]) or tags.get(words[k]) == "a" and tags.get(nxt) in {"v", "vn"}

    while words and (words[0] in _EDGE or _deictic(words, usage)):
        start += len(words.pop(0))
    while words and (_closes_outside(words) or _deictic(words[-1:], usage)):
        end -= len(words.pop())
    while len(words) > 1 and governs(0) and still_new(start + len(words[0]), end):
        start += len(words.pop(0))
        while words and (words[0] in _EDGE or words[0] in _COMPLEMENTS):
            start += len(words.pop(0))
    if len(words) > 1 and tags.get(words[-1]) == "v" and still_new(start, end - len(words[-1])):
        end -= len(words.pop())
        while words and _closes_outside(words):
            end -= len(words.pop())  # the adverb before that verb (基础设施更加|完善)
    return start, end


_POINTERS = {"r", "t"}  # jieba's tags of pronouns (他们, 我国, 这些) and time words (去年, 当前)


def _deictic(words: list[str], usage: Grammar) -> bool:
    """Whether the first word points at the speaker, the moment or the text rather than naming
    anything: a pronoun or time word of the series' everyday vocabulary (他们, 去年, 今年), or a
    localizer word before a verb, which frames the clause that verb opens (下面|简述几项重点), not
    a region it names (西部|大开发, 中部|地区崛起)."""
    tags = word_tags()
    tag = tags.get(words[0])
    if tag in _POINTERS and words[0] in usage.common:
        return True
    return tag == "f" and len(words[0]) > 1 and len(words) > 1 and tags.get(words[1]) == "v"


def _closes_outside(words: list[str]) -> bool:
    """Whether the last of a stretch's words is no part of a phrase: a function word, or a
    localizer after a word (区间调控基础|上, 前提|下) that frames what comes before in a clause
    (在…上), not one that makes a word with the character before it, which jieba split (上线|下)."""
    last = words[-1]
    if last in _EDGE:
        return True
    tags = word_tags()
    if len(words) > 1 and tags.get(last) in _ADVERBS:
        return True  # an adverb modifies the verb after it (经济运行持续|向好, 基础设施更加|完善): a clause goes on
    return len(last) == 1 and len(words) > 1 and len(words[-2]) > 1 and tags.get(last) == "f" and words[-2][-1] + last not in tags


def candidates(report: Report, before: Report, known: AbstractSet[str], usage: Grammar = Grammar()) -> dict[str, int]:
    """Phrases of `report` absent from `before` (whose n-grams are `known`): phrase → first offset.

    `usage`: what the series says of its words (which govern a phrase: 大力发展, 建立).
    """
    found: dict[str, int] = {}
    tags = word_tags()
    tags.prefetch(report._between_cuts)  # shaping and scoring its phrases asks the tags of most of its words
    report.indexed()  # every stretch tried is looked for in it
    absent = _Absent(report, before, known)
    tried: set[tuple[int, int]] = set()  # stretches shaped already (a piece may be a whole stretch too)

    def add(start: int, end: int) -> None:
        if (start, end) in tried:
            return
        tried.add((start, end))
        start, end = _shape(report, absent, start, end, usage)
        while end - start > 2 and report.text[end - 1] in _PARTICLES:
            end -= 1  # jieba sometimes glues a particle to the word before it (年的)
        if start > 0 and report.text[start - 1].isdigit() and report.word_end(start + 1) == start + 1:
            start += 1  # the unit of a figure or date (5个|工作日, 2024年|国民经济), not part of a phrase
        while end - start > 2 and report.text[start] in _PARTICLES:
            start += 1
        if end - start > 2 and report.text[start] in _COMPLEMENTS and report.phrase[start - 1]:
            start += 1  # the complement of the verb before it (践行好|大农业观, 打好|蓝天保卫战), glued to the phrase by jieba
        keep(start, end, 2)
        words = report.words_in(start, end)
        # What the last verb inside takes (拟连续几年发行|超长期特别国债) may be the phrase.
        verbs = [k for k, w in enumerate(words[:-1]) if len(w) > 1 and tags.get(w) == "v"]
        if verbs:
            add(start + sum(map(len, words[: verbs[-1] + 1])), end)  # shaped like any stretch (的 off its edge)

    def keep(start: int, end: int, shortest: int) -> None:
        term = report.text[start:end]
        if not shortest <= len(term) <= MAX_LEN or term in found:
            return
        words = report.words_in(start, end)
        if len(words) == 2 and len(words[1]) == 1 and usage.governs(words[0]) and tags.get(words[0]) in _GOVERNING:
            return  # a verb and a lone character (加强|党…): the start of a clause, not a phrase
        if any(w in _CLAUSAL for w in words[1:-1]):
            return  # 把 or 被 inside (踏踏实实|把|企业): a clause with its object, not a name
        if (report.phrase[end] or report.text[end : end + 1] in _OPEN) and words and _lacks_object(words, usage):
            return  # the text goes on with what its verb takes (继续做好|常态化疫情防控, 继续做好|“六稳”, 稳岗扩|就业)
        if _FIGURE.search(term):
            return  # a number written out a digit at a time (一九五八年计划): a date or figure, as digits are
        # Trimming can leave old wording (的改革 → 改革): keep only what `before` lacks; and a piece the
        # report only ever uses inside one longer phrase is that phrase's, not one of its own.
        if absent(start, end) and (report.once(start, end) or not _bound([report], term)):
            found[term] = start

    for start, end, lo, hi in _word_spans(report, absent):
        start, end = _closure(report, start, end, lo, hi)
        add(start, end)
        for a, b in _pieces(report, start, end, usage):
            add(a, b)
    for pattern in (_QUOTED, _PLUS):
        for m in pattern.finditer(report.text):
            term = m.group(1) if m.groups() else m.group(0)
            if term not in before.text and _named(term):
                found.setdefault(term, m.start(1) if m.groups() else m.start())
    return found


def _lacks_object(words: list[str], usage: Grammar) -> bool:
    """Whether the phrase, the text going on after it, is verbs cut off from their object: it ends
    in a one-character verb the series never ends a clause with (稳岗扩|就业), or is only verbs
    and adverbs (继续做好, 应当)."""
    tags = word_tags()
    last = words[-1]
    if len(last) == 1 and tags.get(last) == "v" and usage.ends.get(last, 1.0) < _OBJECT_FOLLOWS:
        return True
    return all(len(w) > 1 and (usage.governs(w) or tags.get(w) in _GOVERNING) for w in words)


_FIGURE = re.compile("[〇零一二三四五六七八九]{3}")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _named(term: str) -> bool:
    """Whether a quoted or ``+`` term names something: two letters at least, not a bare figure
    (“12345”, “1+10”, “26条”)."""
    return len(_LETTER.findall(term)) >= 2


def _bound(reports: list[Report], term: str, usage: Grammar | None = None) -> bool:
    """Whether the term, used at least twice in the reports, always has the same phrase character
    before it, or always the same after it. With `usage`, a verb before it that governs it
    (坚持|稳字当头) does not bind it: the term is that verb's object, a phrase of its own."""
    lefts: set[str] = set()
    rights: set[str] = set()
    uses = 0
    for report in reports:
        text, phrase = report.text, report.phrase
        for pos in report.occurrences(term):
            uses += 1
            end = pos + len(term)
            left = text[pos - 1] if pos and phrase[pos - 1] else ""
            if left and usage is not None and _takes(text[report.word_start(pos - 1) : pos], usage):
                left = ""
            lefts.add(left)
            rights.add(text[end] if phrase[end] else "")
            if len(lefts) > 1 and len(rights) > 1:
                return False
    return uses > 1 and any(len(side) == 1 and "" not in side for side in (lefts, rights))


def _takes(word: str, usage: Grammar) -> bool:
    """Whether the word is a verb that governs what follows it (坚持, 发展), whose object a phrase
    after it is; not a conjunction (十九大和|十九届二中) or preposition, which the series' grammar
    counts among the governing words too."""
    return word_tags().get(word) == "v" and usage.governs(word)


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


def novel(term: str, known: AbstractSet[str]) -> bool:
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


_AHEAD = re.compile("目标|任务")


def prepare(doc: Document, path: str, year: int, tokens: Tokens | None = None) -> Report:
    """A parsed report: its headings and targets part mark where a phrase stands out.
    `tokens`, when the caller has cut the text already, give the word boundaries."""
    roles = {p.heading: p.role for p in doc.meta.parts}
    # A part headed as a review and a plan at once (“十三五”时期发展成就和“十四五”时期主要目标任务)
    # sets out what is ahead as much as what was done: it is no review alone.
    review = [(p.section.start, p.section.end, "review") for p in doc.meta.parts if p.role == "review" and not _AHEAD.search(p.heading)]

    def title(s: Section) -> bool:
        """A heading the report numbers outside its review: a title of what it sets out to do."""
        return s.style in _NUMBERED and not any(a <= s.start < b for a, b, _ in review)

    marked = [(s.start, s.body_start, "title" if title(s) else "heading") for s in doc.outline.walk() if s.body_start > s.start]
    marked += [(s.start, s.end, "targets") for s in doc.sections if roles.get(s.heading) == "targets"]
    marked += review
    # The lines above the salutation (title, date, speaker, a news agency's dateline) are no words of
    # the report's: blanked, so that a copy with its title block has no formulations the other lacks.
    start, end = doc.outline.front
    salutation = doc.text.find("各位代表", start, end)
    text = "\n" * salutation + doc.text[salutation:] if salutation > 0 else doc.text
    return from_text(text, year, path, marked, tokens)


def from_text(
    text: str, year: int, path: str = "", marked: list[tuple[int, int, str]] | None = None, tokens: Tokens | None = None
) -> Report:
    """A report from its text alone (no headings known unless `marked` says where)."""
    return _report(text, year, path, tuple(sorted(marked or ())), tokens)


@lru_cache(maxsize=8)
def _report(text: str, year: int, path: str, marked: tuple[tuple[int, int, str], ...], tokens: Tokens | None) -> Report:
    """Kept for the last few reports: what ranking learns of a report by itself (its pairs of
    characters and where they stand, its segments) is learnt once, though the report is
    compared with the year before and the year after, or viewed against several others."""
    bounds: set[int] = set()
    if tokens is not None:
        bounds.update(tokens.starts)
        bounds.update(map(operator.add, tokens.starts, map(len, tokens.words)))
    else:
        for m in _RUN.finditer(text):
            pos = m.start()
            bounds.add(pos)
            for word in cut(m.group(0)):
                pos += len(word)
                bounds.add(pos)
    cuts = sorted(bounds)
    tags = word_tags()
    # jieba's guess at a word it lacks can glue a verb's complement to what follows (践行|好大|农业观):
    # the complement ends a word of its own.
    for m in _GLUED.finditer(text):
        k = m.start()
        i = bisect_right(cuts, k)
        if k in bounds and i < len(cuts) and cuts[i] - k > 1 and text[k : cuts[i]] not in tags:
            bounds.add(k + 1)
    return Report(path, year, text, tuple(sorted(bounds)), marked)


# ---------------------------------------------------------------- ranking

# What makes a journalist lead with a phrase (see the module docstring), as features of a
# linear score. The weights were fitted to the readers' lists of 2015, 2018 and 2024 only (the
# other years' lists are held out): a coordinate search on a smoothed count of the listed phrases
# in the top 50, each weight within 2 of the one before; cut and gap were kept because weights
# refitted with them on two of those years rank the third better than without. parallel's weight is
# the one of 1, 1.5, 2, 2.5 and 3.5 that ranked those three years best. title (a phrase never seen before in a
# numbered heading outside the review: （一）…，加快发展新质生产力) ranks those years alike at 1.5 to 3.5 (as heading
# alone at 1 to 3 ranks them worse: the review's headings and run-in leads hold much wording); 3 is the least
# that puts such a title above a phrase quoted once in the body (“小而美”, “事事心中有底”).
FEATURES = (
    "count", "heading", "targets", "review", "quoted", "first", "kept", "prior", "junction",
    "short", "long", "shape", "rarity", "head", "cut", "gap", "parallel", "title",
)
WEIGHTS = [2.25, 1.0, 0.0, -3.0, 3.5, 1.25, 1.0, -1.25, -5.0, -4.0, -0.5, 0.5, 1.0, 1.25, -2.0, -1.75, 1.0, 3.0]  # in the order of FEATURES
_NOUNISH = set("nj")  # jieba tags: nouns (n, nr, ns, nt, nz …) and abbreviations (j)
_GOOD_LEN = (3, 8)
_SHAPE_RANGE = (-3.0, 2.0)  # what _shape_score gives, from a clause cut at both ends to a noun standing whole
_LOOKAHEAD = 3  # later reports that keeping a phrase shows it is a term, not a one-off wording
_PRIOR_WINDOW = 10  # earlier reports whose use of a phrase makes its return less new
_MARGIN = 2  # phrases scored in full per listed one (some are dropped as parts of others)
COMMON_SHARE = 0.5  # a word in at least this share of the series' reports is general vocabulary
_EXTRA = 2  # characters a longer variant of a phrase adds without being other news (…力度, …问题)
_FEW = 3  # reports too few to learn a series' vocabulary and grammar from (a lone pair)
_GAP, _MAX_GAPS = 4, 255  # characters an earlier wording may have between two words; uses counted at most
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def features(f: Formulation) -> tuple[float, ...]:
    """The phrase's features, in the order of FEATURES."""
    n = len(f.term)
    place = f.place
    return (
        math.log2(1 + f.count), float(place == "heading"), float(place == "targets"), float(place == "review"),
        float(f.quoted), float(f.first), float(f.kept), math.log2(1 + f.prior),
        float(f.junction and f.count < 3 and not f.quoted),
        float(n < _GOOD_LEN[0]), float(max(n - _GOOD_LEN[1], 0)),
        f.shape, f.rarity, f.head, float(f.cut), f.gap, float(f.parallel >= 0), float(f.title and f.first),
    )


# Features learnt late, in the order they are learnt (the series, then how the phrase reads), with their ranges.
_LATE = ("first", "kept", "prior", "shape", "cut", "junction", "gap")


def _ranges(new: bool, most_kept: int) -> dict[str, tuple[float, float]]:
    return {
        "shape": _SHAPE_RANGE, "junction": (0.0, 1.0), "first": (0.0, 1.0 if new else 0.0), "cut": (0.0, 2.0),
        "gap": (0.0, math.log2(1 + _MAX_GAPS) if new else 0.0),
        "kept": (0.0, float(most_kept)), "prior": (0.0, math.log2(1 + _PRIOR_WINDOW)),
    }


@lru_cache(maxsize=64)
def _unknown(new: bool, most_kept: int, known: int) -> tuple[tuple[int, float], ...]:
    """The features not yet known (all of _LATE after its first `known`), each with the most it can add."""
    ranges = _ranges(new, most_kept)
    out = []
    for name in _LATE[known:]:
        k, (lo, hi) = FEATURES.index(name), ranges[name]
        out.append((k, max(WEIGHTS[k] * lo, WEIGHTS[k] * hi)))
    return tuple(out)


def _score(f: Formulation, unknown: tuple[tuple[int, float], ...] = ()) -> float:
    """The phrase's score; with `unknown` (_unknown), the best it can still reach whatever
    those features turn out to be."""
    values = features(f)
    total = sum(map(operator.mul, WEIGHTS, values))
    for k, best in unknown:
        total += best - WEIGHTS[k] * values[k]
    return total


def _parallel(text: str, start: int, end: int) -> int:
    """Where the list starts when the stretch is an item of a list of three or more joined by 、, with an
    item next to it of its length and last character (获得感、幸福感、安全感; 推动质量变革、效率变革、动力变革):
    the report coins the items as a set, as it marks a term with quotation marks; else -1."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if "、" not in (before, after):
        return -1
    lo = start
    while lo > 0 and (_RUN.fullmatch(text[lo - 1]) or text[lo - 1] == "、"):
        lo -= 1
    hi = end
    while hi < len(text) and (_RUN.fullmatch(text[hi]) or text[hi] == "、"):
        hi += 1
    items = text[lo:hi].split("、")
    if len(items) < 3:
        return -1
    n, last = end - start, text[end - 1]
    prev = text[max(text.rfind("、", lo, start - 1), lo - 1) + 1 : start - 1] if before == "、" else ""
    nxt = text[end + 1 : hi].split("、")[0] if after == "、" else ""
    return lo if any(len(item) == n and item[-1] == last for item in (prev, nxt)) else -1


def _shape_score(report: Report, term: str, at: int) -> float:
    """How much the phrase reads as a name (a noun phrase standing whole) rather than a fragment.

    +1 when it ends in a noun, +1 when it stands between punctuation (a list item, a
    clause of its own); -1 for each verb or adverb in it
    (切实增强经济活力 is a clause) but a two-character verb that closes it, its head (万众创新,
    乡村振兴, 精准脱贫); -1 for each edge that is a lone character split from a word the text
    goes on with outside it (区|县支持力度: 区县 is a word), not one that opens a name (新|常态).
    """
    words = report.words_in(at, at + len(term))
    if "".join(words) != term or not words:
        return -1.0  # its edges cut through words
    tags = word_tags()
    score = 0.0
    last = words[-1]
    if tags.get(last, "")[:1] in _NOUNISH or tags.get(last) == "vn" or len(last) >= 3 and last not in tags:
        score += 1.0
    elif len(words) > 1 and len(last) == 2 and tags.get(last) == "v":
        words = words[:-1]  # the verb the phrase is named by, not one governing a clause
    score -= sum(len(w) > 1 and tags.get(w) in _GOVERNING for w in words)  # a verb inside: a clause, not a name
    text = report.text
    end = at + len(term)
    after = text[end : end + 1]
    opened = not (at and report.phrase[at - 1])
    closed = not report.phrase[end] or after in _JOINERS
    score += 1.0 if opened and closed else 0.0
    if len(term) > 2:
        glued = (
            len(words[0]) == 1 and any(text[max(at - n, 0) : at + 1] in tags for n in (1, 2, 3)),
            len(last) == 1 and any(text[end - 1 : end + n] in tags for n in (1, 2, 3)),
        )
        score -= sum(
            split and w not in _EDGE and tags.get(w, "")[:1] not in _NOUNISH for w, split in zip((term[0], term[-1]), glued)
        )
    return score


def _cuts(report: Report, start: int, end: int, usage: Grammar) -> int:
    """How many edges of the stretch stop inside a longer noun phrase: the word before it is no
    verb, adverb or function word that takes it (保卫战成果 after 蓝天; a prefix never does: 化石能源
    after 非), or the stretch opens with a suffix of the word before it (撬动|性强的工作); the word
    after it none that follows a phrase (…新时代中国特色社会主义 before 思想)."""
    text, tags = report.text, word_tags()
    n = 0
    if start and report.phrase[start - 1]:
        prev = text[report.word_start(start - 1) : start]
        tag = tags.get(prev)
        # A verb's complement (践行好|大农业观) takes the phrase as the verb would.
        takes = prev in _EDGE or prev in _COMPLEMENTS or usage.governs(prev) or tag in _GOVERNING or tag in {"v", "vn"} and len(prev) > 1
        opens_with_suffix = text[start] in usage.suffixes and prev not in _EDGE
        n += tag == "h" or opens_with_suffix or not takes
    if report.phrase[end]:
        nxt = text[end : report.word_end(end + 1)]
        n += not (nxt in _EDGE or nxt in _JOINERS or usage.governs(nxt) or tags.get(nxt, "")[:1] in set("vducpf"))
    return n


def _seam(term: str, words: list[str], old: Callable[[str], bool], usage: Grammar) -> bool:
    """Whether the phrase is only old wording under a new verb or adverb (加大 + 简政放权,
    数字经济 + 加快): new wording, not a new term. Two nouns newly joined (商业航天) are a term."""
    if "".join(words) != term or len(words) < 2:
        return False
    tags = word_tags()
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


def _ranked(found: list[Formulation], top: int, general: Callable[[Formulation, str], bool]) -> list[Formulation]:
    """Best first; the same news once: a phrase inside a better-ranked one with the same count,
    a better-ranked phrase with a word more (结构性改革 | 结构性改革力度) or with only general
    words more (`general`: 深化|商事制度|改革, 放管结合|改革力度), and another item of a
    better-ranked one's list (效率变革 after 质量变革) are left out."""
    found.sort(key=lambda f: (-f.score, -len(f.term), f.term))
    kept: list[Formulation] = []
    for f in found:
        if len(kept) >= top:
            break
        if not any(
            f.term in k.term and f.count <= k.count or k.term in f.term and (len(f.term) - len(k.term) <= _EXTRA or general(f, k.term))
            or f.parallel >= 0 and f.parallel == k.parallel
            for k in kept
        ):
            kept.append(f)
    return kept


# ---------------------------------------------------------------- the ledger


class Series:
    """Reports of one region and kind in order of delivery, with what ranking needs of them all."""

    def __init__(self, reports: list[Report], vocabulary: tuple[Counter[str], Grammar] | None = None, indexed: bool = True):
        """`vocabulary`: the series' word document frequencies and grammar when known already (a
        cache); `indexed`: index every report's n-grams, worth it when every report is ranked."""
        self.reports = reports
        if vocabulary is None:
            df: Counter[str] = Counter()
            for r in reports:
                df.update(set(r.words()))
            # With too few reports to tell general words from the series' own, none counts as general,
            # and whether a word governs a phrase is left to its part of speech.
            need = max(_FEW, math.ceil(COMMON_SHARE * len(reports)))
            usage = grammar(reports, frozenset(w for w, n in df.items() if n >= need and len(w) >= 2)) if len(reports) >= _FEW else Grammar()
            vocabulary = df, usage
        self.df, self.usage = vocabulary
        n = len(reports)
        # Inverse document frequency on 0–1 (a word in no other report: 1).
        self._idf = {w: math.log((n + 1) / (1 + k)) / math.log(n + 1) for w, k in self.df.items()}
        self._gram_mask: dict[str, int] | None = None
        self._known: dict[int, AbstractSet[str]] = {}
        if indexed and n >= _FEW:
            self._gram_mask = {}
            for i in range(len(reports)):
                bit = 1 << i
                for g in self.known(i):
                    self._gram_mask[g] = self._gram_mask.get(g, 0) | bit
        self._holders: dict[str, int] = {}

    def known(self, i: int) -> AbstractSet[str]:
        """The n-grams of report i (kept: checking phrases against every report reads them all)."""
        if i not in self._known:
            self._known[i] = grams(self.reports[i].text)
        return self._known[i]

    def contains(self, i: int, term: str) -> bool:
        if term in self._holders:
            return bool(self._holders[term] >> i & 1)
        return not novel(term, self.known(i)) and term in self.reports[i].text

    def _candidates_for(self, term: str) -> int:
        """The reports that hold every n-gram of the term (all of them without an index)."""
        mask, index = -1, self._gram_mask
        if index is None:
            return mask
        for run in _RUN.findall(term):
            n = min(len(run), MAX_CORE)
            for k in range(len(run) - n + 1):
                mask &= index.get(run[k : k + n], 0)
                if not mask:
                    return 0
        return mask

    def holders(self, term: str) -> int:
        """The reports that contain the term, as a bit mask (bit i: the i-th report)."""
        if term in self._holders:
            return self._holders[term]
        mask = self._candidates_for(term)
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
        return sum(self._idf.get(w, 1.0) for w in content) / len(content)

    def _evidence(self, i: int, term: str, at: int, new: bool) -> Formulation:
        """What the report itself says about a phrase at a glance: how often, where, whether
        quoted; how it reads (_reading) and the series (_history) are assumed at their best."""
        report = self.reports[i]
        text = report.text
        positions = report.find_all(term, at)
        places = report._places  # rank() at each, without a call each
        ranks = [places[p] for p in positions]
        top = max(ranks)
        where = positions[ranks.index(top)]
        quoted = any(text[p - 1 : p] in _OPEN and text[p + len(term) : p + len(term) + 1] in _CLOSE for p in positions if p > 0)
        title = _PLACES[top] == "title"
        f = Formulation(term, len(positions), round(len(positions) * 10000 / max(len(text), 1), 2), "", "heading" if title else _PLACES[top], quoted, new, title=title)
        f.at = where
        f.parallel = next((lo for lo in (_parallel(text, p, p + len(term)) for p in positions) if lo >= 0), -1)
        words = report.words_in(where, where + len(term))
        f.rarity = self._rarity(words)
        f.head = self.usage.heads.get(words[-1], 0.0) if words else 0.0
        f.score = _score(f, _unknown(new, self._most_kept(i, new), 0))  # the best it can get
        return f

    def _most_kept(self, i: int, new: bool) -> int:
        # The series can keep a phrase only in the reports it has after (new) or before (dropped) this one.
        return min(_LOOKAHEAD, len(self.reports) - 1 - i if new else i)

    def _reading(self, i: int, f: Formulation, new: bool) -> None:
        """How the phrase reads: a name standing whole or a fragment of a clause."""
        report = self.reports[i]
        f.shape = max(max(_shape_score(report, f.term, p) for p in report.find_all(f.term, f.at)[:5]), _SHAPE_RANGE[0])
        f.cut = min(_cuts(report, p, p + len(f.term), self.usage) for p in report.find_all(f.term, f.at)[:5])
        f.score = _score(f, _unknown(new, self._most_kept(i, new), 5))

    def _history(self, i: int, f: Formulation, new: bool) -> None:
        """What the series says: first use, kept later (new) or kept before (dropped), used before."""
        held = self.holders(f.term)
        f.prior = _bits(held, max(0, i - _PRIOR_WINDOW), i)
        if new:
            f.first = not held & ((1 << i) - 1)
            f.kept = _bits(held, i + 1, i + 1 + _LOOKAHEAD)
        else:
            f.first = False
            f.kept = _bits(held, max(0, i - _LOOKAHEAD), i)
        f.score = _score(f, _unknown(new, self._most_kept(i, new), 3))

    def fragment(self, term: str) -> bool:
        """Whether the series, using the phrase more than once, always has the same character
        on one side of it (特色社会主义思想 is always 中国特色…, 决胜全面 always …建成): a piece of
        a longer phrase, not one of its own."""
        return _bound(self._holding(self.holders(term)), term, self.usage)

    def _whole(self, i: int, f: Formulation, against: int, new: bool) -> Formulation | None:
        """The longer phrase a fragment always stands in over the series, scored as the fragment
        was; None when it is no formulation of its own here (too long, or in report `against`)."""
        report = self.reports[i]
        grown = self.grown(f.term)
        at = report.text.find(grown)
        if grown == f.term or at < 0:
            return None
        # As the report's words cut it, without a function word at either edge (等重大活动, 可预期的).
        words = report.words_in(report.word_start(at), report.word_end(at + len(grown)))
        while words and words[0] in _EDGE:
            words.pop(0)
        while words and _closes_outside(words):
            words.pop()
        term = "".join(words)
        at = report.text.find(term)
        if f.term not in term or term == f.term or len(term) > MAX_LEN or at < 0 or self.contains(against, term):
            return None
        if self.fragment(term):
            return None  # trimming cut into the longer phrase (碳达峰碳中|和 lost the 和 of 碳中和 as a joiner)
        whole = self._evidence(i, term, at, new)
        self._history(i, whole, new)
        self._reading(i, whole, new)
        self._junction(i, whole, against, new)
        return whole

    def grown(self, term: str) -> str:
        """The term grown a character at a time while every use of it in the series has the same
        phrase character on that side (不可任性 → 有权不可任性, 房子是用来 → 房子是用来住的)."""
        while len(term) <= MAX_LEN:
            places = [(r.text, p) for r in self._holding(self.holders(term)) for p in r.occurrences(term)]
            lefts = {t[p - 1] if p else "" for t, p in places}
            rights = {t[p + len(term) : p + len(term) + 1] for t, p in places}
            if len(lefts) == 1 and _RUN.fullmatch(c := next(iter(lefts))):
                term = c + term
            elif len(rights) == 1 and _RUN.fullmatch(c := next(iter(rights))):
                term += c
            else:
                break
        return term

    def _holding(self, held: int) -> list[Report]:
        """The reports of a bit mask (holders())."""
        out = []
        while held:
            low = held & -held
            held ^= low
            out.append(self.reports[low.bit_length() - 1])
        return out

    def _junction(self, i: int, f: Formulation, against: int, new: bool) -> None:
        where = f.at
        words = self.reports[i].words_in(where, where + len(f.term))
        f.junction = _seam(f.term, words, lambda part: self.contains(against, part), self.usage)
        if new:
            f.gap = math.log2(1 + self._gaps(i, f.term, words))
        f.score = _score(f)

    def _gaps(self, i: int, term: str, words: list[str]) -> int:
        """How often the earlier reports (_PRIOR_WINDOW) wrote the phrase with one to _GAP characters
        more between two of its words (地方债务 for 地方政府债务): old wording shortened, not new."""
        if "".join(words) != term:
            return 0
        lo = max(0, i - _PRIOR_WINDOW)
        most = 0
        for k in range(1, len(words)):
            a, b = term[: len(term) - len("".join(words[k:]))], "".join(words[k:])
            if len(a) < 2 or len(b) < 2:
                continue
            held = (self.holders(a) & self.holders(b)) >> lo & ((1 << (i - lo)) - 1)
            found = 0
            for j in range(lo, i):
                if not held >> (j - lo) & 1:
                    continue
                text = self.reports[j].text
                for pos in self.reports[j].occurrences(a):
                    start = pos + len(a)
                    at = text.find(b, start + 1, start + _GAP + len(b))
                    if at > 0 and _HAN.fullmatch(text[start:at]):
                        found += 1
            most = max(most, found)
        return min(most, _MAX_GAPS)

    def ranked(self, i: int, against: int, top: int) -> list[Formulation]:
        """The phrases of report i absent from report `against`, best first.

        Scored first on the report's own evidence (an upper bound), then on the
        series only as far down as a phrase could still make the list.
        """
        new = against < i
        found = sorted(
            (self._evidence(i, term, at, new) for term, at in candidates(self.reports[i], self.reports[against], self.known(against), self.usage).items()),
            key=lambda f: -f.score,
        )
        done: list[Formulation] = []
        best: list[float] = []  # a min-heap of the top * _MARGIN full scores so far

        def beaten(f: Formulation) -> bool:
            return len(best) >= top * _MARGIN and f.score < best[0]

        for f in found:
            if beaten(f):
                break
            # Cheapest first: each step can only lower the score, and often rules the phrase out.
            self._history(i, f, new)
            if beaten(f):
                continue
            self._reading(i, f, new)
            if beaten(f):
                continue
            self._junction(i, f, against, new)
            if beaten(f):
                continue
            if f.count == 1 and self.fragment(f.term):
                # Used more often elsewhere in the series, always as part of a longer phrase: that
                # phrase is the formulation (不可任性 is always 有权不可任性), when it is new too.
                whole = self._whole(i, f, against, new)
                if whole is None or beaten(whole):
                    continue
                f = whole
            done.append(f)
            heapq.heappush(best, f.score)
            if len(best) > top * _MARGIN:
                heapq.heappop(best)
        kept = _ranked(done, top, lambda f, inner: self._adds_general(i, f, inner))
        for f in kept:
            f.sentence = self.reports[i].sentence(f.at)
        return kept

    def _adds_general(self, i: int, f: Formulation, inner: str) -> bool:
        """Whether the phrase is `inner` with only the series' general words or governing words
        around it, as the report's words cut it: the news is `inner`'s."""
        words = self.reports[i].words_in(f.at, f.at + len(f.term))
        lo = f.term.find(inner)
        hi = lo + len(inner)
        if "".join(words) != f.term or lo < 0:
            return False
        rest, pos = [], 0
        for w in words:
            if pos + len(w) <= lo or pos >= hi:
                rest.append(w)
            elif pos < lo or pos + len(w) > hi:
                return False  # a word across the inner phrase's edge: another reading of it
            pos += len(w)
        return all(w in self.usage.common or self.usage.governs(w) for w in rest)

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


def _modified(report: Report) -> dict[tuple[int, str], tuple[Counter[str], str, int, int]]:
    """(family, core) → (modifiers used before it, the longest core text, where it is first used, where that longest core starts)."""
    out: dict[tuple[int, str], tuple[Counter[str], str, int, int]] = {}
    for family, pattern in enumerate((_STANCE, _PACE, _RESOLVE)):
        for m in pattern.finditer(report.text):
            core = m.group(2)
            if len(core) < _CORE:
                continue
            mods, longest, at, start = out.get((family, core[:_CORE]), (Counter(), core, m.start(), m.start(2)))
            mods[m.group(1)] += 1
            if len(core) > len(longest):
                longest, start = core, m.start(2)
            out[(family, core[:_CORE])] = (mods, longest, at, start)
    return out


def _is_cut(report: Report, pos: int) -> bool:
    k = bisect_left(report.cuts, pos)
    return k < len(report.cuts) and report.cuts[k] == pos


def _shared_core(old: Report, at_old: int, new: Report, at_new: int, common: str) -> str:
    """The longest start of `common` that ends on a word boundary in both reports and not on a
    joiner (集中连片特殊困难地区 and 集中连片特困地区 share 集中连片, not 集中连片特; 财政政策和…
    names 财政政策): the core the modifiers stand before is whole words."""
    n = len(common)
    while n > 0:
        if not (_is_cut(old, at_old + n) and _is_cut(new, at_new + n)):
            n -= 1
        elif common[n - 1] in _JOINERS and _is_cut(old, at_old + n - 1) and _stands_without(old, new, common[: n - 1], common[n - 1]):
            n -= 1  # a joiner alone, closing the first item of a pair (not the 和 of 碳达峰碳中和)
        else:
            break
    return common[:n]


def _stands_without(old: Report, new: Report, core: str, joiner: str) -> bool:
    """Whether either report uses the core once at least without the joiner after it (财政政策，…,
    not 碳达峰碳中, always …和): then the joiner is no part of its last word."""
    return any(r.text[p + len(core) : p + len(core) + 1] != joiner for r in (old, new) for p in r.occurrences(core, overlapping=True))


def intensity(old: Report, new: Report) -> list[Intensity]:
    """Cores both reports use whose modifiers were all replaced: 稳健的货币政策 → 适度宽松的货币政策."""
    before, after = _modified(old), _modified(new)
    shifts = []
    for key in before.keys() & after.keys():
        (a, core_a, at_a, start_a), (b, core_b, at_b, start_b) = before[key], after[key]
        if set(a) & set(b):
            continue
        common = os.path.commonprefix([core_a, core_b])  # noqa: RUF071 - the common start of two strings is meant
        core = _shared_core(old, start_a, new, start_b, common)
        if len(core) < MIN_CORE:
            continue
        shifts.append((-(sum(a.values()) + sum(b.values())), core, Intensity(
            core, [m for m, _ in a.most_common()], [m for m, _ in b.most_common()], old.sentence(at_a), new.sentence(at_b),
        )))
    return [s for *_, s in sorted(shifts, key=lambda t: t[:2])]


# ---------------------------------------------------------------- a series from a corpus, cached

def _cache_version() -> str:
    # Entries made by other code (another release, a local edit) are made again, not trusted:
    # a ledger ranked by an older version is not the ledger this one would rank.
    return f"terms-{code_fingerprint()}"


@dataclass(frozen=True)
class Member:
    """A report of the corpus, as cached: what the series needs without re-reading it."""

    report: Report
    region: str
    kind: str
    digest: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(_cache_version().encode() + b"\0" + data).hexdigest()


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
    return _select([m for m in (member(p, folder) for p in paths) if m is not None], region, kind)


def _select(members: list[Member], region: str | None = None, kind: str | None = None) -> list[Member]:
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
        "\n".join([_cache_version(), str(top)] + [f"{m.digest} {m.report.year}" for m in members]).encode()
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
    each with its sentence, intensity shifts, and the words whose frequency moved most.

    When the two reports sit in one folder with other reports of their series, the series
    ranks them (first use, kept later, used before): for two consecutive reports, the same
    lists as `reportdiff terms` gives."""
    found = _folder_series(old.source.path, new.source.path)
    if found is None:
        context = Series([prepare(old, old.source.path, 0, old_tokens), prepare(new, new.source.path, 1, new_tokens)])
        i, j = 0, 1
    else:
        context, i, j = found
    before, after = context.reports[i], context.reports[j]

    def rate(report: Report, term: str) -> float:
        return round(report.text.count(term) * 10000 / max(len(report.text), 1), 2)

    frequency = word_shift(old_tokens, new_tokens, len(old.text), len(new.text), limit)
    return LanguageShift(
        [Shift(f.term, 0.0, f.per_10k, f.sentence) for f in context.ranked(j, i, limit)],
        [Shift(f.term, f.per_10k, rate(after, f.term), f.sentence) for f in context.ranked(i, j, limit)],
        frequency.shifted,
        intensity(before, after),
    )


@lru_cache(maxsize=512)
def _member_at(path: str, size: int, mtime: int, folder: Path | None) -> Member | None:
    """A report of a folder, read once per process while the file is unchanged."""
    return member(path, folder)


_SERIES: dict[tuple[str, ...], Series] = {}  # the last series a pair was ranked in


def _folder_series(old_path: str, new_path: str) -> tuple[Series, int, int] | None:
    """The series the two reports belong to, with where each stands in it: when both are files of
    one folder whose series (as `reportdiff terms` finds it) holds them, old before new, and more."""
    from .corpus import REPORT_SUFFIXES

    try:
        a, b = Path(old_path).resolve(), Path(new_path).resolve()
        if a.parent != b.parent or not a.is_file() or not b.is_file():
            return None
        files = sorted(p for p in a.parent.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        if len(files) < 3:
            return None
        folder = user_cache_dir()
        members = [m for m in (_member_at(str(p), st.st_size, st.st_mtime_ns, folder) for p, st in ((p, p.stat()) for p in files)) if m is not None]
        chosen = _select(members)
    except (OSError, ReportdiffError):
        return None
    where = [Path(m.report.path) for m in chosen]
    if len(chosen) < 3 or a not in where or b not in where or where.index(a) >= where.index(b):
        return None
    # One series a process: a batch ranks every pair of a series in it, as the ledger does.
    key = tuple(m.digest for m in chosen)
    if key not in _SERIES:
        _SERIES.clear()
        reports = [m.report for m in chosen]
        _SERIES[key] = Series(reports, _vocabulary(reports, key, folder))
    return _SERIES[key], where.index(a), where.index(b)


def _vocabulary(reports: list[Report], key: tuple[str, ...], folder: Path | None) -> tuple[Counter[str], Grammar]:
    """The series' word frequencies and grammar, from the cache when the same reports were seen:
    learning them reads every report of the series (a second or two for fifty)."""
    where = _cache_file(folder, "vocabulary", hashlib.sha256("\n".join((_cache_version(), *key)).encode()).hexdigest())
    cached = _read_cache(where)
    if cached is not None:
        return Counter(cached["df"]), Grammar.from_json(cached)
    learnt = Series(reports, indexed=False)
    usage = learnt.usage
    _write_cache(where, {"df": dict(learnt.df), **usage.to_json()})
    return learnt.df, usage
