"""How Chinese reports write quantities.

The grammar of a figure, independent of what it measures: digits with
thousands separators or in full width (1,234亿元, １２３), Chinese numerals
(两所, 十二个), fractions (三成, 4成, 一半, 两倍), a scale (万, 亿, 万亿) before
the unit, ranges (4.5%—5%, 6%－6.5%, 3-5个), ratios (2.31:1), approximations
and bounds (约, 近, 超, 余, 多, 左右, 以上…), a decline written as a word
(下降3.6%), a change from one figure to another (从60.2%提高到66.2%), lists
answered by 分别 or 均 (A、B增加值分别增长9.4%、9.2%), and the period a figure
covers (年均, 累计, 五年来, “十四五”以来).

Everything here reads text and returns plain values; which indicator a figure
measures is the numbers stage's business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Same length as the input, so offsets into the result index the original.
_WIDTH = str.maketrans("０１２３４５６７８９．，％：～－", "0123456789.,%:~-")

SCALES: dict[str, float] = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
# Base unit → (family, factor to the family's base). Units of one family are
# comparable (亩 and 公顷, 户 and 家 of registered entities, 斤 and 吨: 252亿斤 = 1260万吨).
BASE_UNITS: dict[str, tuple[str, float]] = {
    "元": ("元", 1.0), "美元": ("美元", 1.0), "人次": ("人次", 1.0), "人": ("人", 1.0), "名": ("人", 1.0),
    "户": ("户", 1.0), "家": ("户", 1.0), "亩": ("亩", 1.0), "公顷": ("亩", 15.0), "吨": ("斤", 2000.0),
    "斤": ("斤", 1.0), "公斤": ("斤", 2.0), "千克": ("斤", 2.0), "平方米": ("平方米", 1.0),
    "平方公里": ("平方公里", 1.0), "公里": ("公里", 1.0), "千米": ("公里", 1.0), "米": ("公里", 1e-3),
    "千瓦时": ("千瓦时", 1.0), "千瓦": ("千瓦", 1.0), "立方米": ("立方米", 1.0),
    "标准箱": ("标准箱", 1.0), "微克/立方米": ("微克/立方米", 1.0), "辆": ("辆", 1.0), "套": ("套", 1.0), "个百分点": ("个百分点", 1.0),
    "百分点": ("个百分点", 1.0), "%": ("%", 1.0), "‰": ("%", 0.1), "倍": ("倍", 1.0), ":1": (":1", 1.0),
}
# Counted things: each its own family.
COUNTERS = "班次|个|项|所|座|处|条|台|部|件|场|批|株|棵|间|栋|张|单|次|天|只|头|宗|艘|架|位|种|类|份|篇|首|册|轮|支|片|块|列|颗|枚|家"
_COUNTER_SET = frozenset(COUNTERS.split("|"))
_UNIT_ALT = "|".join(sorted(BASE_UNITS, key=len, reverse=True)).replace(":1", ":1(?!\\d)")
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUM = "零〇一二三四五六七八九十百千万亿两"
# A unit after a scale, or a unit alone: 1.4万亿斤, 14亿多人, 126万亿元, 85个.
# 16.8万元/人: a unit per person, ton, mu… is its own family.
_PER = r"(?:/(?:人|吨|亩|户|年|月|平方米|千瓦时))?"
_UNIT = rf"(?P<approx0>余|多)?(?P<scale>{_SCALE_ALT})?(?P<approx>余|多)?(?:(?P<unit>(?:{_UNIT_ALT}|{COUNTERS}){_PER})|(?<=[万亿])(?=[,，。;；、]|以上|左右|以下))"
_RANGE_SEP = r"(?:——|—|-|~|–|至|到)"
_ARABIC = re.compile(
    rf"(?<![\d.A-Za-z#+\-/])(?P<num>{_NUM})(?:(?P<unit1>%|{_SCALE_ALT})?{_RANGE_SEP}(?P<high>{_NUM}))?{_UNIT}(?![A-Za-z\d#+])(?!(?<=人)制)"
)
# 超万亿元, 突破千亿元: a scale without a digit after a bound is one of it.
_SCALE_ONLY = re.compile(r"(?<=超|破|逾|过|近)(?P<scale>万亿|千亿|百亿|亿|千万|百万|万)(?P<unit>元|人次|人|户|吨|斤|亩)")
# 1万6千多户, 5千多户: thousands written with 千 after digits.
_THOUSANDS = re.compile(rf"(?<![\d.])(?:(?P<wan>\d+)万)?(?P<qian>\d)千(?P<approx>多|余)?(?P<unit>(?:{_UNIT_ALT}|{COUNTERS}))")
# Chinese numerals only where a count closes a clause (新建学校两所。): inside
# a phrase they are names (两项补贴, 四个一批, 三大改造).
_CN_COUNT = re.compile(rf"(?<![第{_CN_NUM}“\"])(?P<num>[{_CN_NUM}]+)(?P<unit>所|家|个|项|条|座|处|批|名|台|套|户)(?=[,，。;；、]|$)")
# 三成, 4成: tenths; 一半: a half; 两倍 / 1.5倍: multiples.
_FRACTION = re.compile(rf"(?<![\d.{_CN_NUM}])(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九两])(?P<unit>成|倍)(?![员长本果绩为都就立交])|(?P<half>一半)")
# 与上年持平, 同比基本持平: no change, a growth of 0 (居民消费价格与上年持平 answers 涨幅2%左右).
_FLAT = re.compile(r"(?:与上年|与去年|和上年|比上年|同比)(?P<approx>基本|大体)?持平")
_BEFORE = re.compile(r"(不少于|不低于|不超过|不高于|超过|突破|力争|预计|大约|将近|接近|约|近|超|逾|控制在|高于|低于)$")
_AFTER = re.compile(r"(以上|左右|以下|以内|上下|及以上)")
# A decline written as a word right before the figure; 降至/降到 name a level instead.
_DECLINE = re.compile(r"(下降|微降|降低|减少|回落|下跌|缩减|减轻|缩小)(了|约|近|超过|超)?$")
# 从60.2%, 由每人每年380元: the earlier end of a change, a few words of what it counts between.
_FROM = re.compile(r"[从由][\u4e00-\u9fff]{0,5}$")
_CHANGE = re.compile(
    r"(?P<verb>提高|提升|增加|增长|上升|扩大|拓展|扩展|跃升|攀升|压减|压缩|下降|降低|减少|缩小|缩减|回落|增至|降至|升至|降为|增为|达到|降到|升到|增到)(?P<to>到|至|为)?$"
)


@dataclass(frozen=True)
class Reading:
    """One figure as written: offsets into the text it was read from."""

    value: float  # 1234 for 1,234亿元; 30 for 三成; negative for a written decline
    unit: str  # with its scale: 亿元, 万人, %, 个百分点, :1
    start: int
    end: int  # after the unit and any trailing qualifier
    high: float | None = None  # upper end of a range, signed like value
    qualifier: str = ""  # 以上 | 左右 | 约 | 超过 | 余 | 多 | 近 …
    role: str = ""  # from | to: the two ends of 从A提高到B; threshold: 10亿元以上项目; flat: 与上年持平, a growth of 0
    subject: str = ""  # the item of a 分别/均 list this figure belongs to

    @property
    def family(self) -> str:
        return family(self.unit)

    @property
    def base(self) -> float:
        return self.value * factor(self.unit)


def fold_digits(text: str) -> str:
    return text.translate(_WIDTH)


_SCALES_LONGEST_FIRST = sorted(SCALES, key=len, reverse=True)


@lru_cache(maxsize=4096)  # of a unit as written: a report writes a few dozen, each of many figures
def split_unit(unit: str) -> tuple[str, str]:
    """亿元 → (亿, 元); 万亿斤 → (万亿, 斤); 个百分点 → ("", 个百分点)."""
    if unit in BASE_UNITS:
        return "", unit
    if unit in SCALES:
        return unit, ""  # 3300万: a count whose noun was left out
    for scale in _SCALES_LONGEST_FIRST:
        if unit.startswith(scale) and unit[len(scale):]:
            return scale, unit[len(scale):]
    return "", unit


@lru_cache(maxsize=4096)
def family(unit: str) -> str:
    _scale, base = split_unit(unit)
    return BASE_UNITS.get(base, (base, 1.0))[0]


@lru_cache(maxsize=4096)
def factor(unit: str) -> float:
    """To the family's base unit: 1.4万亿斤 is 1.4e12 斤; 1.32亿人次 is 1.32e8 人次."""
    scale, base = split_unit(unit)
    return SCALES.get(scale, 1.0) * BASE_UNITS.get(base, (base, 1.0))[1]


def number(text: str) -> float:
    """1,234 → 1234; 12.5 → 12.5; 十二 → 12; 两 → 2; 一万二千 → 12000."""
    text = fold_digits(text).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(_cn_int(text))


_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_POWER = {"十": 10, "百": 100, "千": 1000}


def _cn_int(text: str) -> int:
    if not text or any(c not in _CN_DIGIT and c not in _CN_POWER and c not in "万亿" for c in text):
        raise ValueError(text)
    if all(c in _CN_DIGIT for c in text) and len(text) > 1:
        return int("".join(str(_CN_DIGIT[c]) for c in text))  # 二〇三五
    total, section, digit = 0, 0, 0
    for c in text:
        if c in _CN_DIGIT:
            digit = _CN_DIGIT[c]
        elif c in _CN_POWER:
            section += (digit or 1) * _CN_POWER[c]
            digit = 0
        else:
            big = 10**4 if c == "万" else 10**8
            total = (total + section + digit) * big
            section = digit = 0
    return total + section + digit


def read(text: str, start: int = 0, end: int | None = None) -> list[Reading]:
    """Every figure in text[start:end], in reading order, with its qualifier and sign.

    Offsets are into text; only the span is read, so reading a long text
    sentence by sentence stays linear.
    """
    end = len(text) if end is None else end
    chunk = fold_digits(text[start:end])
    found: list[Reading] = []
    taken: list[tuple[int, int]] = []
    for m in _ARABIC.finditer(chunk):
        found.append(_arabic(chunk, m))
        taken.append((m.start(), m.end()))
    for pattern, reader in ((_FRACTION, _fraction), (_CN_COUNT, _cn_count), (_SCALE_ONLY, _scale_only), (_THOUSANDS, _thousands), (_FLAT, _flat)):
        for m in pattern.finditer(chunk):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            reading = reader(chunk, m)
            if reading is not None:
                found.append(reading)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    found = _from_to(chunk, _lists(chunk, [_threshold(chunk, r) for r in found]))
    return [_replace(r, start=r.start + start, end=r.end + start) for r in found]


def _arabic(text: str, m: re.Match) -> Reading:
    scale = m.group("scale") or ""
    unit1 = m.group("unit1") or ""
    if unit1 in SCALES and not scale:
        scale = unit1  # 3亿-5亿元 is rare; 3-5亿元 names one scale for both
    unit = scale + (m.group("unit") or "")
    value = number(m.group("num"))
    high = number(m.group("high")) if m.group("high") else None
    approx = m.group("approx") or m.group("approx0") or ""
    return _qualified(text, m.start(), m.end(), value, unit, high, approx)


def _fraction(text: str, m: re.Match) -> Reading | None:
    if m.group("half"):
        return _qualified(text, m.start(), m.end(), 50.0, "%", None, "")
    try:
        value = number(m.group("num"))
    except ValueError:
        return None
    if m.group("unit") == "成":
        return _qualified(text, m.start(), m.end(), value * 10, "%", None, "")
    return _qualified(text, m.start(), m.end(), value, "倍", None, "")


def _thousands(text: str, m: re.Match) -> Reading:
    if m.group("wan"):
        value, unit = int(m.group("wan")) + int(m.group("qian")) / 10, "万" + m.group("unit")
    else:
        value, unit = int(m.group("qian")) * 1000.0, m.group("unit")
    return _qualified(text, m.start(), m.end(), value, unit, None, m.group("approx") or "")


def _scale_only(text: str, m: re.Match) -> Reading:
    return _qualified(text, m.start(), m.end(), 1.0, m.group("scale") + m.group("unit"), None, "")


def _flat(text: str, m: re.Match) -> Reading:
    return Reading(0.0, "%", m.start(), m.end(), qualifier="左右" if m.group("approx") else "", role="flat")


def _cn_count(text: str, m: re.Match) -> Reading | None:
    try:
        value = number(m.group("num"))
    except ValueError:
        return None
    if value < 2:
        return None  # 一个, 一批: idiom, not a count
    return _qualified(text, m.start(), m.end(), value, m.group("unit"), None, "")


def _qualified(text: str, start: int, end: int, value: float, unit: str, high: float | None, approx: str) -> Reading:
    before = text[max(0, start - 6) : start]
    qualifier = approx
    q = _BEFORE.search(before)
    if q:
        qualifier = q.group(1)
    after = _AFTER.match(text, end)
    if after:
        qualifier = after.group(1)
        end = after.end()
    if _DECLINE.search(before):
        value, high = -value, (-high if high is not None else None)
    return Reading(value, unit, start, end, high, qualifier)


# A bound on an amount that a noun follows names a class of things, not a figure:
# 总投资10亿元以上项目50个, 500万元以上技改项目, 投资2000万元以上的技改项目.
# Written before the figure (超10亿元项目50个), a bound is a class only when the things
# it classes are then counted: 超过900亿元用于民生 spends money.
_CLASS_NOUN = re.compile(r"的?[\u4e00-\u9fff]")
_CLASSED_COUNT = re.compile(r"的?[\u4e00-\u9fff]{1,10}\d")
_CLASS_BOUND = {"以上": _CLASS_NOUN, "以下": _CLASS_NOUN, "及以上": _CLASS_NOUN, "超": _CLASSED_COUNT, "超过": _CLASSED_COUNT}


# 公交与轨道50米内换乘比例: a distance that bounds what is measured.
_WITHIN = re.compile(r"(?:以)?内[\u4e00-\u9fff]")


def _threshold(text: str, r: Reading) -> Reading:
    if not r.qualifier and _WITHIN.match(text, r.end):
        return _replace(r, role="threshold")
    follows = _CLASS_BOUND.get(r.qualifier)
    if follows is None or r.family == "%" or split_unit(r.unit)[1] in _COUNTER_SET:
        return r  # 10家以上省级质量标杆企业 counts what follows; 80%以上行政村 is a share of them
    return _replace(r, role="threshold") if follows.match(text, r.end) else r


def _from_to(text: str, found: list[Reading]) -> list[Reading]:
    """从A提高到B / 由A降至B: A is the earlier figure, B the later; a decline
    from A to B keeps both as levels (the sign is in their order). Ends may be lists
    (分别从645元/月、4318元/年提高到778元/月、6818元/年): each earlier figure with its later one."""
    out = list(found)
    i = 0
    while i < len(out) - 1:
        # 从2020年的51%提升到2025年的70%: the years named at each end are not in the way
        lead = _YEAR_OF.sub("", text[max(0, out[i].start - 18) : out[i].start])[-12:]
        k = _listed(text, out, i) if _FROM.search(lead) else 0
        between = _YEAR_OF.sub("", text[out[i + k - 1].end : out[i + k].start]) if k and i + k < len(out) else ""
        if not between or len(between) > 10 or re.search(r"[,;。、]", between) or not _CHANGE.search(between) or _listed(text, out, i + k) < k:
            i += 1
            continue
        for j in range(i, i + k):
            a, b = out[j], out[j + k]
            if a.family == b.family:
                out[j] = _replace(a, role="from", value=abs(a.value), high=_abs(a.high))
                out[j + k] = _replace(b, role="to", value=abs(b.value), high=_abs(b.high), subject=b.subject or a.subject)
        i += 2 * k
    return out


def _listed(text: str, found: list[Reading], i: int) -> int:
    """How many figures from found[i] on are one list, joined by 、 or 和 alone."""
    n = 1 if i < len(found) else 0
    while i + n < len(found) and re.fullmatch(r"[、和]", _YEAR_OF.sub("", text[found[i + n - 1].end : found[i + n].start])):
        n += 1
    return n


_YEAR_OF = re.compile(r"(?:19|20)\d\d年(?:底|末)?的?")


def _abs(x: float | None) -> float | None:
    return None if x is None else abs(x)


def _replace(r: Reading, **changes) -> Reading:
    fields = {k: getattr(r, k) for k in ("value", "unit", "start", "end", "high", "qualifier", "role", "subject")}
    return Reading(**(fields | changes))


# The head noun a list's items share: 高技术制造业、装备制造业增加值 → 增加值.
_HEADS = re.compile(
    r"(增加值|参保人数|人数|营业收入|居民人均可支配收入|收入|投资|产量|产值|总产值|总额|总量|规模|面积|比重|占比|余额|利润|进出口|出口|进口|"
    r"消费|增速|覆盖率|装机容量|装机|客流量|吞吐量|产能|贷款|存款|价格|指数|[率量额数])$"
)


_LIST_WORD = re.compile(r"分别|(?<![年人平户亩])均(?=增长|达|超|为|在|下降|提高|实现|保持|突破|居)")


def _lists(text: str, found: list[Reading]) -> list[Reading]:
    """Give each figure answering a 分别 list its item; 均 gives every item the one figure."""
    out = list(found)
    for m in _LIST_WORD.finditer(text, 0, max((r.end for r in found), default=0)):
        at = m.start()
        clause_start = max(text.rfind(c, 0, at) for c in ",;。:(") + 1
        items = _items(_strip_verb(text[clause_start:at]))
        if len(items) < 2:
            continue
        names = [s + tail if not s.endswith(tail) else s for s in items[:-1]] + [items[-1]] if (tail := _shared_tail(items)) else items
        after = [i for i, r in enumerate(out) if r.start > at and not r.subject and r.role != "threshold"]
        if m.group(0) == "分别":
            run = _run(text, out, after)
            # 交通、水利分别完成投资2500亿元、800亿元: the head noun comes after 分别
            shared = _LIST_VERB.sub("", _YEAR_OF.sub("", text[m.end() : out[run[0]].start]).lstrip("从由")) if run else ""
            # 分别下降24.7%和28.2%: the verb after 分别 says how each figure goes
            falls = bool(run) and bool(_DECLINE.search(text[m.end() : out[run[0]].start]))
            for name, i in zip(names, run[: len(names)]):
                value = -abs(out[i].value) if falls else out[i].value
                high = out[i].high
                if falls and high is not None:
                    high = -abs(high)
                out[i] = _replace(out[i], value=value, high=high, subject=_strip_verb(name) + (shared if len(shared) >= 2 and not name.endswith(shared) else ""))
        elif after:
            first = out[after[0]]
            if first.start - at <= 8:
                out[after[0]] = _replace(first, subject=_strip_verb(names[0]))
                out += [_replace(first, subject=_strip_verb(n)) for n in names[1:]]
    out.sort(key=lambda r: (r.start, r.subject))
    return out


# Words that name two items at once: 城乡居民 are 城镇居民 and 农村居民.
PAIRED = {"城乡": ("城镇", "农村")}
# 一二三产: several numbered sectors written as one word.
_NUMBERED = re.compile(r"(?P<nums>[一二三四五六七八九]{2,})(?P<rest>[产类级].*)")


def _items(subject: str) -> list[str]:
    """The items a 分别 list names: 城镇、农村居民…; 城乡居民… (two in one word); 一二三产…."""
    items = [s for s in re.split("、|和|及|与|(?<=[”\"])(?=[“\"])", subject) if s]
    if len(items) == 1 and (pair := PAIRED.get(subject[:2])):
        return [word + subject[2:] for word in pair]
    if len(items) == 1 and (m := _NUMBERED.fullmatch(subject)):
        return [n + m.group("rest") for n in m.group("nums")]
    return items


def _shared_tail(items: list[str]) -> str:
    """The words the last item of a list carries for all: 增加值 of 高技术制造业、装备制造业增加值;
    交付率 of “保交楼”“保交房”交付率 (the other items all as long as the last one's own name)."""
    last = items[-1]
    if any(_HEADS.search(s) for s in items[:-1]):
        return ""  # 生产安全事故起数和死亡人数: each item names itself
    lengths = {len(s) for s in items[:-1]}
    if len(lengths) == 1 and len(last) > (n := lengths.pop()) + 1 and (last[n - 1] == items[0][-1] or n <= 2):
        # parallel items (城镇居民、农村居民人均可支配收入; “保交楼”“保交房”…) end alike,
        # or are short words the last item's own opens alike (城镇和农村常住居民…; 一、二、三产…)
        return last[n:]
    head = _head(last)
    if len(head) >= 2 and len(last) > len(head) + 1:
        return head
    return head if head and len(last) > 2 else ""


def _head(name: str) -> str:
    """The head nouns ending a name, as many as stand together: 普惠小微贷款余额 → 贷款余额."""
    head = ""
    while (m := _HEADS.search(name[: len(name) - len(head)])) and (not head or len(m.group(1)) >= 2):
        head = m.group(1) + head
    return head


_LIST_VERB = re.compile(r"^(再|又|还|也)?(完成|实现|达到|达|增长|增加|下降|提高|为|超过|突破|新增|控制在|保持在|稳定在)?|(达到|达|增长|增加|下降|提高|为|超过|突破|约|近|超)$")


def _run(text: str, found: list[Reading], after: list[int]) -> list[int]:
    """The figures of one 分别 answer: joined by 、 or 和, nothing else between."""
    run: list[int] = []
    for i in after:
        if run:
            between = text[found[run[-1]].end : found[i].start]
            if not re.fullmatch(r"\s*(、|和|,)?\s*(增长|下降|达到|提高)?\s*", between):
                break
        run.append(i)
    return run


def _strip_verb(name: str) -> str:
    return re.sub(r"^(全年|其中|实现|完成|新增)", "", name)


# The period a figure covers, from the words of its sentence before it. A bare
# 累计 is the year's running total (全年累计新增授信); over years it comes with 五年, 以来.
_AVERAGE = re.compile(r"年均|年平均|平均每年")
_CUMULATIVE = re.compile(
    r"(?<![第今])[两三四五六七八九十]年(?:来|间|共|累计|新增|新设|新建|内)|(?:过去|这|近)[两三四五六七八九十]年|"
    r"十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来)|(?:19|20)\d\d年以来|党的[^,;。]{1,6}大以来|以来"
)
_YEAR_SO_FAR = re.compile(r"(今年|年初|年内)以来")
_INCREMENT = re.compile(r"比(?:上|去)年(?:末)?(?:增加|多增|少增|多|新增|减少|少)$")


# A rate read at one moment or as the mean of the year's months: 年末城镇调查失业率5.5%
# and 城镇调查失业率平均为5.2% are not one figure.
_YEAR_END = re.compile(r"年末|年底")
# 全年控制在5.5%以内 bounds the whole year, not its last month: a year-end 5.5% does not answer it.
_YEAR_MEAN = re.compile(r"(?<![国省市区])平均(?:为|值为?|是)?$|全年控制在$")  # 高于全国平均: a benchmark


def moment(label: str) -> str:
    """year-end | year-mean | "": when in the year a figure is read, from the words of its clause."""
    if _YEAR_END.search(label):
        return "year-end"
    return "year-mean" if _YEAR_MEAN.search(label) else ""


def period(before: str) -> str:
    """annual | average | cumulative: what time a figure covers, from its sentence before it."""
    if _AVERAGE.search(before):
        return "average"
    m = _CUMULATIVE.search(before)
    if m and not (m.group(0) == "以来" and _YEAR_SO_FAR.search(before)):
        return "cumulative"
    return "cumulative" if _over_years(before) else "annual"


_YEAR = re.compile(r"((?:19|20)\d\d)年")
_AGAINST_YEAR = re.compile(r"比((?:19|20)\d\d)年(?:末|底)?[^,;，；。比]{0,4}$")


def _over_years(before: str) -> bool:
    """2007年,国内生产总值达到24.66万亿元,比2002年增长65.5%: a change against a year further back
    than the one before covers the years between."""
    m = _AGAINST_YEAR.search(before)
    if not m:
        return False
    named = [int(y) for y in _YEAR.findall(before[: m.start()])]
    return bool(named) and named[-1] - int(m.group(1)) > 1


# A heading that names years gone by: its section reviews a period, not one year.
_PERIOD_HEADING = re.compile(r"十[一二三四五六七八九]五|(?<![第今])[两三四五六七八九十]年(?!级|行动|计划|攻坚)")


def reviews_a_period(heading: str) -> bool:
    """“十四五”时期是…的五年; 这五年，基础设施支撑力更加坚实; 各位代表！2025年是“十四五”收官之年."""
    return bool(_PERIOD_HEADING.search(heading))


def is_increment(before: str) -> bool:
    """比上年增加1000万吨: a year-on-year increment, not a level."""
    return bool(_INCREMENT.search(before))
