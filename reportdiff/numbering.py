"""Heading numbering styles (一、 （一） 第X章 …) shared by clean and structure.

Clean needs to know a numbered heading when it sees one, so as not to glue it to
the next line; structure needs the same to build the tree. Both work on
width-folded text, where （一） has become (一).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十百零〇两"

_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第([{CN_DIGITS}\d]+)章\s*")),
    ("section", re.compile(rf"第([{CN_DIGITS}\d]+)节\s*")),
    ("cn", re.compile(rf"([{CN_DIGITS}]+)、\s*")),
    ("paren_cn", re.compile(rf"\(([{CN_DIGITS}]+)\)\s*")),
    ("arabic", re.compile(r"(\d{1,2})(?:\.(?!\d)|、)\s*")),
    ("paren_arabic", re.compile(r"\((\d{1,2})\)\s*")),
)


@dataclass(frozen=True)
class Marker:
    """The numbering that opens a heading: its style, ordinal and length."""

    style: str
    ordinal: int
    length: int


# A part numbered by a numeral alone on its line (一 / 二 / 三), as old reports set them.
_LONE = re.compile(r"(?=.)(?:[二三四五六七八九]?十)?[一二三四五六七八九]?")


def match(folded_line: str) -> Marker | None:
    """The numbering marker at the start of a folded line, if any."""
    if _LONE.fullmatch(folded_line):
        return Marker("cn", to_int(folded_line), len(folded_line))
    for style, pattern in _STYLES:
        m = pattern.match(folded_line)
        if m and len(folded_line) > m.end():
            return Marker(style, to_int(m.group(1)), m.end())
    return None


_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_SMALL = re.compile(r"([一二三四五六七八九两])?(十)?([一二三四五六七八九])?")


def to_int(numeral: str) -> int:
    """一 → 1, 十二 → 12, 12 → 12, 二〇三五 → 2035.

    Heading ordinals (below a hundred) are read directly, since importing
    cn2an costs a fifth of a second at start-up; anything longer goes to cn2an.
    """
    if numeral.isdigit():
        return int(numeral)
    m = _SMALL.fullmatch(numeral)
    if m and numeral:
        tens, ten, ones = m.groups()
        if ten:
            return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[ones] if ones else 0)
        if not (tens and ones):
            return _DIGIT[tens or ones]
    import cn2an

    return int(cn2an.cn2an(numeral, "smart"))
