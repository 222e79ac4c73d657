"""Stage 2 — clean: undo the damage of extraction, keeping a map to the original.

Reports reach us through PDF-to-text and web-page copies: sentences broken by
page breaks (``经济\\n\\n社会发展``), numbers split from their units
(``274.6 亿元``), markdown markers, half- and full-width variants. The cleaned
text is what later stages parse; ``origin`` maps every cleaned character back
to the source so displays and evidence can quote the report exactly.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from . import numbering

TERMINAL = "。！？；：!?;:…"
_CLOSERS = "”’」』）)】"
_MD_HEADING = re.compile(r"[ \t\u3000]*(?:#{1,6}|[-*+](?=\s*\d))[ \t]+")
_INLINE_ITEM = re.compile(r"(?<=\s)\d{1,2}\.\s")
_HTML_TAG = re.compile(r"</?(?:sub|sup|b|strong|em|i|span|br|u|ol|ul|li)\b[^>]*>", re.I)
_HEADING_MAX = 40  # characters: the longest heading a page break may split
_STOP = re.compile(r"[,。;:!?、]")
_SPACE = " \u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
# A page number left by printing or PDF export (- 3 -, — 12 —, 第 3 页, 第3页 共20页),
# on its own line: not part of the text (it would read as a figure 3).
_PAGE_FOOTER = re.compile(r"\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?)\s*")


@dataclass(frozen=True)
class CleanText:
    """The report's text, one paragraph per line, with a map to the source.

    ``origin[i]`` is the offset in ``source`` of ``text[i]``; ``bold`` lists
    the spans that were marked ``**bold**`` (they signal lead sentences).
    """

    text: str
    origin: list[int]
    source: str
    bold: tuple[tuple[int, int], ...] = ()
    folded: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text))

    def original(self, start: int, end: int) -> str:
        """The exact source text behind cleaned span [start, end)."""
        if end <= start:
            return ""
        return self.source[self.origin[start] : self.origin[end - 1] + 1]

    def paragraphs(self) -> list[tuple[int, int]]:
        """Spans of the non-empty lines (paragraphs) of the cleaned text."""
        spans, start = [], 0
        for line in self.text.split("\n"):
            if line:
                spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans


_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x2018: 0x27, 0x2019: 0x27, 0x201C: 0x22, 0x201D: 0x22, 0xFE50: 0x2C})


def fold(text: str) -> str:
    """Fold full-width forms to half-width, one character for one.

    Keeping the length lets a match in folded text index the display text.
    """
    return text.translate(_FOLD)


def clean(source: str) -> CleanText:
    """Clean a report's source text (see the module docstring)."""
    lines = [_clean_line(line, start) for line, start in _lines(source) if not _PAGE_FOOTER.fullmatch(fold(line))]
    chars: list[str] = []
    origin: list[int] = []
    bold: list[tuple[int, int]] = []
    previous = ""
    for text, offsets, spans in lines:
        if not text:
            continue
        if chars:
            if _continues(previous, text, bool(spans and spans[0][0] == 0)):
                previous += text
            else:
                chars.append("\n")
                origin.append(origin[-1] + 1)
                previous = text
        else:
            previous = text
        base = len(chars)
        bold.extend((base + a, base + b) for a, b in spans)
        chars.extend(text)
        origin.extend(offsets)
    return CleanText("".join(chars), origin, source, tuple(bold))


def _lines(source: str):
    """Source lines with their offsets; an HTML list written on one line
    (<ol> 1. 装备制造。… 2. 生物医药。…) gives one line per item."""
    start = 0
    for line in source.split("\n"):
        if "<ol" in line or "<li" in line:
            cuts = [0] + [m.start() for m in _INLINE_ITEM.finditer(line)] + [len(line)]
            for a, b in itertools.pairwise(cuts):
                if b > a:
                    yield line[a:b], start + a
        else:
            yield line, start
        start += len(line) + 1


def _clean_line(line: str, start: int) -> tuple[str, list[int], list[tuple[int, int]]]:
    """One source line without markdown, tags and stray spaces, with offsets."""
    kept: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    m = _MD_HEADING.match(line)
    if m:
        pos = m.end()
    table = line.count("\t") >= 2
    bold_open = -1
    while pos < len(line):
        if line.startswith("**", pos):
            if bold_open < 0:
                bold_open = len(kept)
            else:
                spans.append((bold_open, len(kept)))
                bold_open = -1
            pos += 2
            continue
        tag = _HTML_TAG.match(line, pos)
        if tag:
            pos = tag.end()
            continue
        c = line[pos]
        if c == "\r" or (c == "\t" and not table):
            pos += 1
            continue
        kept.append((c, start + pos))
        pos += 1
    text = _squeeze_spaces(kept, table)
    chars = "".join(c for c, _ in text)
    # Spans were recorded against `kept`; spaces removed before them shift them.
    if spans:
        index = _index_map(kept, text)
        spans = [(index[a], index[b]) for a, b in spans if index[b] > index[a]]
    return chars, [o for _, o in text], spans


def _squeeze_spaces(kept: list[tuple[str, int]], table: bool) -> list[tuple[str, int]]:
    """Drop spaces, except one between two Latin letters or digits.

    PDF extraction sprinkles spaces around numbers and between CJK characters
    (``2024 年``, ``274.6 亿元``); Chinese text has no word spaces, so they carry
    no meaning, but ``PM 2.5``-style Latin runs keep one.
    """
    out: list[tuple[str, int]] = []
    n = len(kept)
    i = 0
    while i < n:
        c, o = kept[i]
        if c in _SPACE or (c == "\t" and not table):
            j = i
            while j < n and kept[j][0] in _SPACE:
                j += 1
            before = out[-1][0] if out else ""
            after = kept[j][0] if j < n else ""
            if before and after and before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
                out.append((" ", o))
            i = j
            continue
        out.append((c, o))
        i += 1
    return out


def _index_map(kept, text) -> dict[int, int]:
    """Position in `kept` → position in `text` (which dropped some spaces)."""
    index, j = {}, 0
    for i, (_c, o) in enumerate(kept):
        while j < len(text) and text[j][1] < o:
            j += 1
        index[i] = j
    index[len(kept)] = len(text)
    return index


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and (stripped[-1] in TERMINAL or stripped[-1] in "”") or text[-1:] in "。！？"


# A line of an ordinal, a comma and a short title with no other stop (old reports' headings,
# 第三，继续加强和改善宏观调控): body text cut by a page break is a full line, not this.
_ORDINAL_HEADING = re.compile(rf"第[{numbering.CN_DIGITS}]+[,、][^。,;:、!?]{{2,28}}")


def _continues(previous: str, line: str, opens_bold: bool) -> bool:
    """Whether `line` continues the paragraph `previous`, cut by a page break.

    A page break leaves a body paragraph without its closing punctuation. Titles
    and headings lack it too, so a paragraph only continues when it reads as
    body text (long, or already holding a sentence) and neither side is a
    heading, a table row or a bullet.
    """
    if _ends_sentence(previous) or opens_bold:
        return False
    if "\t" in previous or "\t" in line:
        return False
    folded_prev, folded_line = fold(previous), fold(line)
    if re.search(r"\d\.?$", folded_prev) and re.match(r"[\d.%]", folded_line):
        return True  # a figure cut in two (增长5. / 5%)
    if line.startswith(("——", "▲", "#", "附件")) or numbering.match(folded_line):
        return False
    if _ORDINAL_HEADING.fullmatch(folded_prev):
        return False  # 第三，继续加强和改善宏观调控: a heading run in by an ordinal, whole on its line
    marker = numbering.match(folded_prev)
    if marker and len(previous) < 60:
        # a heading broken in two (三、持续提升政府 / 治理效能和服务水平): two short lines, no stop in either
        return len(previous) + len(line) <= _HEADING_MAX and not _STOP.search(folded_prev[marker.length :] + folded_line)
    return len(previous) >= 30 or any(p in folded_prev for p in "。,;:")
