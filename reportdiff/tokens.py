"""Words for matching and diffing: jieba tokens, with a number and its unit kept whole.

Shared by align (what sections are about), diff (what changed) and the
language-shift statistics. ``263.06亿元`` and ``4.8%`` are single tokens so a
changed figure shows as one replaced number, never as changed digits.

jieba's segmentation is the reference; it is computed by rjieba, a binding of
jieba-rs (jieba's algorithm and dictionary, compiled), which loads its
dictionary in a tenth of the time and cuts about ten times faster. The one place
where jieba-rs differs (runs of letters, digits and signs, below) is brought
back to jieba's cut, and tests/test_tokens_backend.py holds the tokens of the
whole corpus identical to jieba's.

jieba's part-of-speech dictionary is read here too (Tags, word_tags), for the stages
that ask what kind of word a word is (terms, commitments).
"""
from __future__ import annotations

import bisect
import contextlib
import importlib.util
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import overload

from .cache import store, user_cache_dir

# Units of measure, longest first so 亿元 wins over 元. Shared with the numbers stage.
UNITS = (
    "万亿元|亿元|万元|亿美元|万美元|美元|元|个百分点|百分点|万人次|人次|万人|人|万户|户|万亩|亩|万吨|吨|"
    "万平方米|平方米|平方公里|公里|千米|米|公顷|万千瓦|千瓦|万辆|辆|万套|套|家|个|项|所|座|处|条|台|部|件|"
    "场|批|株|棵|名|间|栋|张|单|次|天|只|头|宗|倍|%|‰"
)
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A figure with its optional 万/亿 scale and unit: 263.06亿元, 4.8%, 1.5万亩, 2000个.
# For tokens, dates stay whole too (2024年), so a year roll-over is one replaced token.
QUANTITY = re.compile(rf"(?:{NUMBER})(?:[万亿千百](?!元|人|亩|吨|户|套|家|千瓦|美元|平方|辆|人次))?(?:余|多)?(?:{UNITS}|年|月|日|届)?")
STOPWORDS = frozenset(
    ["的", "了", "和", "与", "及", "等", "在", "是", "为", "对", "以", "把", "将", "从", "向", "由", "于", "并", "或", "而", "也", "都", "又", "就", "更", "再", "其", "之", "中", "上", "下", "一", "个", "这", "那", "我们", "我", "你", "他", "它", "要", "有", "着", "被", "让", "使", "到", "各", "全", "该", "本", "此", "个", "年", "月", "日", "全区", "全年", "进一步", "持续", "不断", "加快", "推进", "推动", "加强", "深入", "积极", "全面", "大力", "扎实", "切实", "着力", "坚持", "实施", "开展", "工作", "建设", "发展", "提升", "完善", "强化", "实现", "完成", "做好", "抓好", "确保", "落实", "同比", "增长", "以上", "左右"]
    + [f"{n}是" for n in "一二三四五六七八九十"]  # item markers (一是…), not content
)
_YEAR = re.compile(r"(?:19|20)\d\d年?$")
_PUNCT = re.compile(r"^[\W_]+$")

# Policy vocabulary jieba's general dictionary splits (十五五 → 十五/五).
POLICY_WORDS = [f"十{n}五" for n in "一二三四五六七八九"] + [
    "新质生产力", "专精特新", "以旧换新", "放管服", "高标准农田", "营商环境", "招商引资", "规上工业",
]


@lru_cache(maxsize=1)
def jieba_ready():
    """jieba itself, set up as the reference segmenter (tests, bench, its part-of-speech dictionary)."""
    import atexit
    import logging
    import shutil
    import tempfile

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    # jieba's default cache is /tmp/jieba.cache, shared by every local user. Without a private
    # folder the dictionary is rebuilt in a throwaway one rather than read from a place others can write.
    folder = user_cache_dir()
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="reportdiff-"))
        atexit.register(shutil.rmtree, folder, True)
    jieba.dt.tmp_dir = str(folder)
    jieba.dt.cache_file = "jieba.cache"
    jieba.initialize()
    for word in POLICY_WORDS:
        jieba.add_word(word, freq=100000)
    return jieba


@lru_cache(maxsize=1)
def segmenter():
    """The segmenter, its dictionary loaded (once a process: a tenth of a second)."""
    import rjieba

    # The module's own instance, which importing it builds: a second Jieba() would load the
    # dictionary again (as long as the import itself).
    for word in POLICY_WORDS:
        rjieba.add_word(word, 100000, None)
    return rjieba


# jieba gives a run of letters, digits and signs that is not a dictionary word to its
# HMM step, which keeps only letter-digit runs whole (2026-02-09 → 2026 | - | 02 | - | 09,
# PM_2.5 → PM | _ | 2.5); jieba-rs keeps the run whole. _SIGNED_RUN is such a run,
# _ALNUM jieba's own rule (finalseg.re_skip) for the pieces.
_SIGNED_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]*[+#&._%\-][a-zA-Z0-9+#&._%\-]*")
_ALNUM = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _segment(text: str) -> list[str]:
    """jieba's cut of `text`, as a list."""
    out: list[str] = []
    for word in segmenter().cut(text):
        if len(word) > 1 and _SIGNED_RUN.fullmatch(word) and not _ALNUM.fullmatch(word):
            out.extend(piece for piece in _ALNUM.split(word) if piece)
        else:
            out.append(word)
    return out


def cut(text: str) -> list[str]:
    """Tokens covering `text` exactly (their concatenation is `text`).

    One jieba pass over the text, then figures glued back to their units:
    jieba gives 263.06 | 亿元, we want 263.06亿元.
    """
    out: list[str] = []
    pending = ""  # text of a quantity still being assembled
    goal = 0  # where that quantity ends
    pos = 0
    for word in _segment(text):
        if pending:
            pending += word
            pos += len(word)
            if pos >= goal:
                out.append(pending[: len(pending) - (pos - goal)])
                if pos > goal:
                    out.extend(_segment(pending[len(pending) - (pos - goal) :]))
                pending = ""
            continue
        if word[:1].isdigit():
            m = QUANTITY.match(text, pos)
            if m and m.end() > pos + len(word):
                pending, goal = word, m.end()
                pos += len(word)
                continue
        out.append(word)
        pos += len(word)
    if pending:
        out.append(pending)
    return out


@lru_cache(maxsize=1 << 16)  # asked for every token of every section, of a vocabulary of a few thousand words
def is_content(token: str) -> bool:
    """Whether a token says what a text is about (not punctuation, years, filler)."""
    return not (
        token in STOPWORDS or _PUNCT.match(token) or _YEAR.match(token) or token.isspace() or len(token) == 1 and not token.isdigit()
    )


@dataclass(frozen=True)
class Tokens:
    """A text's tokens with their start offsets, sliceable by span."""

    words: tuple[str, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Tokens:
        words, starts, pos = [], [], 0
        for line in text.split("\n"):
            for word in cut(line):
                words.append(word)
                starts.append(pos)
                pos += len(word)
            pos += 1
        return cls(tuple(words), tuple(starts))

    def between(self, start: int, end: int) -> list[str]:
        """The tokens starting inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return list(self.words[i:j])


class Tags:
    """jieba's part-of-speech dictionary (word → tag, None for a word it lacks), a word at a time.

    jieba.posseg is not imported: importing it parses the whole file (most of a second). The
    dictionary holds 350,000 words and a pair of reports a few thousand, so reading it whole
    even from a compact copy (0.2 s) would cost more than ranking a small pair: it is kept as
    an SQLite table in the private cache folder (built once from jieba's file, keyed by its
    size and time) and each word looked up once, the words of a report all at once."""

    def __init__(self, lookup: Callable[[list[str]], dict[str, str]]):
        self._lookup = lookup  # the tags of those of the words the dictionary has
        self._memo: dict[str, str | None] = {}

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up these words now, together (one query per few hundred words, not one per word)."""
        wanted = list({w for w in words if w not in self._memo})
        found = self._lookup(wanted)
        for w in wanted:
            self._memo[w] = found.get(w)

    @overload
    def get(self, word: str) -> str | None: ...
    @overload
    def get(self, word: str, default: str) -> str: ...

    def get(self, word: str, default: str | None = None) -> str | None:
        try:
            tag = self._memo[word]
        except KeyError:
            tag = self._memo[word] = self._lookup([word]).get(word)
        return default if tag is None else tag

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


def _dictionary_lines(source: Path):
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.rstrip("\n").split(" ")  # as jieba.posseg reads it: word, frequency, tag
            yield word, tag


_PER_QUERY = 500  # words in one query (SQLite allows 999 parameters at the least)


def _table(copy: Path, source: Path) -> Callable[[list[str]], dict[str, str]] | None:
    """Lookups in the SQLite copy of the dictionary, made first when absent (None: it cannot be read or made)."""
    if not copy.is_file():
        made = sqlite3.connect(":memory:")
        made.execute("CREATE TABLE tags (word TEXT PRIMARY KEY, tag TEXT) WITHOUT ROWID")
        made.executemany("INSERT OR REPLACE INTO tags VALUES (?, ?)", _dictionary_lines(source))
        made.commit()
        store(copy, made.serialize())  # whole or not at all: processes building it at once each write a whole file
        made.close()
    try:
        con = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        con.execute("SELECT 1 FROM tags LIMIT 1")
    except sqlite3.Error:
        return None
    owner = os.getpid()

    def lookup(words: list[str]) -> dict[str, str]:
        nonlocal con, owner
        if os.getpid() != owner:  # a forked worker: a connection is not shared across processes
            con, owner = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, check_same_thread=False), os.getpid()
        found: dict[str, str] = {}
        for k in range(0, len(words), _PER_QUERY):
            chunk = words[k : k + _PER_QUERY]
            found.update(con.execute(f"SELECT word, tag FROM tags WHERE word IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    return lookup


@lru_cache(maxsize=1)
def word_tags() -> Tags:
    """jieba's part-of-speech tags, shared by every stage that reads a word's kind (terms, commitments)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return Tags(lambda words: {})
    source = Path(spec.origin).parent / "dict.txt"  # jieba.DEFAULT_DICT_NAME, without importing jieba
    stamp = source.stat()
    folder = user_cache_dir()
    if folder is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            lookup = _table(folder / f"jieba-tags-{stamp.st_size}-{int(stamp.st_mtime)}.sqlite", source)
            if lookup is not None:
                return Tags(lookup)
    table = dict(_dictionary_lines(source))  # no cache folder: the whole file, once a process
    return Tags(lambda words: {w: table[w] for w in words if w in table})
