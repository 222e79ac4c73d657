"""Stage 6 — numbers: every quantity, the indicator it measures, and its counterpart.

A quantity is a figure with a unit (263.06亿元, 4.8%, 5.79万人, 两所), read by
``quantities``; here it gets the indicator named by the words before it
(完成地区生产总值263.06亿元 → 地区生产总值; 同比增长4.8% right after it → its
growth), its measure (a level, a growth rate, a share or rate, a ratio, a
year-on-year increment), whether it is an actual (a review part, a table's 完成
column) or a target (a plan part, the 主要预期目标 sentence, 计划 columns), the
period it covers (the year, an average over years, a cumulative total) and its
scope (the whole region, or a part: 其中…, a place or sector named before the
indicator). Quantities are paired across the two reports only when indicator,
measure, kind, unit family, period and scope all agree; a level that changes
more than fiftyfold is taken as a mispairing, not a finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import quantities
from .document import Document, per_document
from .quantities import Reading
from .structure import Table

_NAMED_CAPACITY = re.compile(r"[\u4e00-\u9fff]{1,12}?(项目|工程|生产线)")
_CLAUSE_BREAK = "，。；：、,;:\n"
_SENTENCE_END = "。；;！？!?"
_LEAD_FILLER = re.compile(
    r"^(把|提出|全区|全年|年度|今年|去年|年末|年底|其中|累计|(?:也要|还要|要|将|再|也)(?=再|完成|实现|达到|确保|力争|新增|新建|减少|增加|降低|提高)|拟安排|拟|共计|总计|共|实现|完成|达到|达|确保|力争|预计|争取|顺利|成功|全面|新建成|建成|比去年|"
    r"谋划实施|实施|目标|主要预期目标是|经济社会发展主要预期目标是|同比|比上年)"
)
# Words of the sentence, not of the name: a tense (将), a setting (定在), an expectation (预期目标).
_TAIL_FILLER = re.compile(r"([从由](?:上半年|年初|上年|去年|年末)?|(?:19|20)\d\d年(?:底|末)?的?|设定为|设定在|定在|定为|将|(?<![需主重必])要|预期目标|预期|拟按|拟安排|拟|(?:增加|提高|提升|上升|下降|降低|扩大|缩小|减少|回落|回升|下滑|攀升|增长)(?:到|至)|增至|降至|降到|升至|平均为|达到|达|为|至|超过|突破|不超过|不高于|不低于|不少于|低于|约|接近|将近|近|稳定在|控制在|分别|共计|总计|合计|累计|同比|比上年|比去年|全年|年均|保持|完成|实现|以上|以下|在|超|逾|了|实际|名义)$")
# How fast it grew (大幅增长, 稳步增长) says nothing of what grew.
_MANNER = re.compile(r"(大幅度?|小幅|明显|显著|稳步|持续|快速|较快|平稳|逐步|进一步|继续)+$")
GROWTH = re.compile(r"(增长|增速|下降|微降|微涨|提高|降低|增加|减少|增幅|降幅|上涨幅度|上涨|涨幅|回落|下跌)$")
_TARGET_WORDS = re.compile(r"目标|计划|预期")
# Verbs that open a clause whose object follows the count: 培育10个现代海洋特色产业集聚区.
_ACTION = re.compile(
    r"(?:新|再|深入|持续|重点|加快|全力|扎实|基本)?(?:覆盖|提速|培育|打造|建设|建成|新建|创建|发挥好|实施|推进|开展|完成|改造|引进|布局|支持|认定|争创|创成|"
    r"组建|开工|推动|谋划|招引|举办|启动|壮大|抓好|推进好|新增|建好|办好|用好|提升|开通|开行|获批|入选|设立|投用|投运|出台|挂牌|发行|争取|安排|优化|打通|改建|改扩建)+"
)
# Words that say which batch, not what is counted: 首批10个零碳产业园区.
_BATCH = re.compile(r"(?:首|新一|第[一二三四五六七八九十]+|一)批")
_ACTS_ON = re.compile(rf"(?:{_ACTION.pattern})$")
# A rank (居全国第3位): the words that place it, after the name of what is ranked.
_RANK_WORDS = re.compile(r"(?:稳居|跃居|位居|位列|跃升至|跃升|升至|上升至|居于|居|排名|排在|排|列)?(?:全国|全省|全球|世界|全市|全区|中部|西部|东部|东北)?第$")
# A name in front of a count: 1593个省重点项目完成投资 names 省重点项目完成投资.
_LEADING_COUNT = re.compile(rf"^\d+(?:\.\d+)?[万亿]?(?:{quantities.COUNTERS})")
# The level a period ended at (增加到121万亿元, 提高到65.2%), as against a total over it.
_END_POINT = re.compile(r"(增加|提高|提升|上升|下降|扩大|缩小)(到|至)$|(增|升|降)至$|降到$")
_TOTAL = re.compile(r"累计|新增|共|总计|合计|年均")
# A margin over a benchmark: 高于全国1.5个百分点, 快于经济增速1个百分点.
_OF_PLAN = re.compile(r"^(?:完成)?(?:年度|全年|年)?计划的?$")
_COMPARISON = re.compile(r"^(增速)?((高于|低于|快于|慢于|领先|超出)(全国|全省|全市|全区|经济增速|平均)|比[上去]年(加快|回落|提高|下降|上升))")
# A name of a rate or share: said 与上年持平, it stayed at last year's value.
_RATE_NAME = re.compile(r"(?:率|比重|占比|比例|幅度?|增速)$")
# A name that is only the change of the figure before: 比上年增加888万吨, 多增38万人.
CHANGE_ONLY = re.compile(r"^(增加|减少|多增|少增|新增|增长|下降|提高|降低|上升|回落|净增)$")
# The sentence that lists the year's main targets; what follows in its paragraph are targets.
_TARGETS_LEAD = re.compile(r"(?:主要预期|主要|预期)目标(?:建议)?(?:是|为)[:：]?")
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五|20[3-9]\d年|到20\d\d年|(?:今后|未来)五年")
# Where a list of targets ends: the sentence that comments on it (上述目标，综合考虑了…; 总的考虑是…),
# or the clause that does (预期目标为7%左右，这是必要的; …，既考虑了…的连续性).
_LIST_END = re.compile(r"[。!！](?=上述|这|提出|确定|综合考虑|总的考虑|设定|做好|考虑|今年|我们|以上|加强|统筹|兼顾|坚持)|[,，](?=这是|这也|既考虑|既要考虑)|\n")
# One indicator, several names. The canonical name comes first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "地区生产总值": ("地区生产总值", "国内生产总值", "生产总值", "GDP", "经济增长", "经济总量", "经济"),
    "规上工业增加值": ("规上工业增加值", "规上工业"),
    "固定资产投资": ("固定资产投资",),
    "社会消费品零售总额": ("社会消费品零售总额", "社消零总额"),
    "一般公共预算收入": ("一般公共预算收入", "地方一般公共预算收入"),
    "城镇新增就业": ("城镇新增就业人数", "城镇新增就业", "新增城镇就业"),
    "外贸进出口总额": ("外贸进出口总额", "货物贸易进出口总额", "货物进出口总额", "进出口贸易总额", "进出口总额", "外贸进出口总值", "进出口总值", "进出口"),
    "实际利用境外资金": ("实际利用境外资金", "实际利用外资", "实际使用外资"),
    "居民消费价格": ("居民消费价格", "居民消费价格指数", "居民消费价格总水平", "CPI"),
    "赤字率": ("赤字率", "财政赤字率"),
    "单位地区生产总值能耗": ("单位地区生产总值能耗", "单位国内生产总值能耗", "单位生产总值能耗", "单位GDP能耗", "能耗强度", "能源消耗强度"),
}
# Names said shortly for a longer one: 居民收入 (城镇居民收入) is 居民人均可支配收入.
_SHORT_NAMES = ((re.compile(r"居民收入$"), "居民人均可支配收入"),)
_CANONICAL = sorted(((name, canon) for canon, names in SYNONYMS.items() for name in names), key=lambda x: -len(x[0]))
# A known indicator as the State Council's report names it: its 地区 is the country.
NATION = "全国"
NATIONAL_NAMES = {"地区生产总值": "国内生产总值", "单位地区生产总值能耗": "单位国内生产总值能耗"}
# Words that name the report's own level, not a part of it: 全省生产总值 is the province's GDP.
# A year before the name (2025年全省地区生产总值) says when, which the figure's year holds, not which part.
_WHEN = r"(?:(?:19|20)\d\d|去|今|上)年"
_OWN_LEVEL = re.compile(rf"^(?:{_WHEN})?(全省|全市|全区|全县|全州|全盟|全国|国内|我省|我市|我区|我县|本市|本省|全年|地区|全域|全社会)*$")
_OWN_LEVEL_PREFIX = re.compile(rf"^(?:{_WHEN})?(全省|全市|全区|全县|全州|全盟|全国|我省|我市|我区|我县|本市|本省|全社会)+|^{_WHEN}")
# Comparable measures whose change is a difference in points, not a percentage.
_POINTS = {"%", "个百分点", ":1", "倍"}
_COUNTERS = frozenset(quantities.COUNTERS.split("|"))


def _is_count(unit: str) -> bool:
    """Whether a unit counts things (个, 项, 家…), its scale aside (万户)."""
    return quantities.split_unit(unit)[1] in _COUNTERS
# The size of the indicator just named: 国内生产总值增长6.6%，总量突破90万亿元.
_WHOLE = frozenset(("总量", "规模", "总额"))
# How far (characters) a figure without a name may stand from the figure whose indicator it shares.
_NEAR = 12
# A level that grows or shrinks more than this many times between two years is a mispairing.
IMPLAUSIBLE_RATIO = 50.0
DOUBTFUL_RATIO = 5.0


@dataclass
class Quantity:
    """One figure in a report, with what it measures."""

    value: float  # as written, without sign: 263.06 for 263.06亿元, 3.6 for 下降3.6%
    unit: str  # as written, with its scale: 亿元, 万人, %
    qualifier: str  # 以上 | 左右 | 以下 | 不少于 | 不低于 | 突破 | 力争 | 预计 | 约 | 余 | ""
    indicator: str  # canonical name: 地区生产总值
    label: str  # the words before the figure, as written: 完成地区生产总值
    measure: str  # level | growth | share | ratio | increment | rank
    kind: str  # actual | target
    year: int | None
    text: str  # exact source text: label and figure
    start: int  # cleaned offsets of the figure
    end: int
    text_start: int = -1  # cleaned offset where `text` begins
    high: float | None = None  # upper end of a range (3-5个, 4.5%—5%), without sign
    estimate: bool = False  # a table value marked [2] or 预计
    source: str = "text"  # text | table
    sign: int = 1  # -1 for a decline written as a word (下降3.6%)
    period: str = "annual"  # annual | average | cumulative
    scope: str = ""  # "" for the whole region; 其中 or the place/sector named before the indicator
    role: str = ""  # from: the earlier figure of 从A提高到B, which is not this year's
    added: bool = False  # the year's addition (新增…, also for every item of a list after 新增)
    item: str = ""  # the item of a 分别 list it answers (城镇居民人均可支配收入 of 城乡居民…分别…)

    @property
    def family(self) -> str:
        return quantities.family(self.unit)

    @property
    def base(self) -> float:
        """The value in the family's base unit (5.79万人 → 57900 人), without sign."""
        return self.value * quantities.factor(self.unit)

    @property
    def signed(self) -> float:
        return self.sign * self.value

    @property
    def signed_high(self) -> float | None:
        return None if self.high is None else self.sign * self.high


@dataclass
class NumberPair:
    indicator: str
    kind: str
    measure: str
    old: Quantity
    new: Quantity

    def _ends(self, q: Quantity) -> tuple[float, float]:
        """A figure's range in the new figure's unit, signed: 4.5%—5% → (4.5, 5)."""
        to_new = quantities.factor(q.unit) / quantities.factor(self.new.unit)
        low = q.signed * to_new
        signed_high = q.signed_high
        high = low if signed_high is None else signed_high * to_new
        return min(low, high), max(low, high)

    @property
    def points(self) -> bool:
        """A rate, share or ratio: its change is a difference in points (个百分点)."""
        return self.new.family in _POINTS

    @property
    def change_range(self) -> tuple[float, float] | None:
        """(low, high) change when either figure is a range: 5%左右 → 4.5%—5% is (-0.5, 0)."""
        if self.old.high is None and self.new.high is None:
            return None
        (ol, oh), (nl, nh) = self._ends(self.old), self._ends(self.new)
        return round(nl - ol, 4), round(nh - oh, 4)

    @property
    def change(self) -> float | None:
        """New minus old, in the new figure's unit (points for rates); None for ranges."""
        if self.change_range is not None:
            return None
        return round(self._ends(self.new)[0] - self._ends(self.old)[0], 4)

    @property
    def change_pct(self) -> float | None:
        if self.points or self.measure != "level" or self.change is None or self.old.base == 0:
            return None
        return round(self.change / abs(self._ends(self.old)[0]) * 100, 2)

    @property
    def direction(self) -> str:
        """Which way the figure moved; a rank moves up as its number falls (第6位 → 第5位 is ↑)."""
        (ol, oh), (nl, nh) = self._ends(self.old), self._ends(self.new)
        delta = ((nl + nh) - (ol + oh)) * (-1 if self.measure == "rank" else 1)
        return "↑" if delta > 1e-9 else "↓" if delta < -1e-9 else "="


@dataclass
class TargetRow:
    """One line of the main-targets table: the same target in both years' lists."""

    indicator: str
    old: str | None  # the clause as written, numeric or not (居民收入增长和经济增长同步)
    new: str | None
    old_quantity: Quantity | None = None
    new_quantity: Quantity | None = None
    pair: NumberPair | None = None  # when both are figures of one measure
    # An old target the new list no longer holds, set again in the new plan's tasks
    # (固定资产投资增长3%左右 under 扩大有效投资): moved out of the list, not dropped; the old
    # figure against the one set there.
    moved: NumberPair | None = None
    # The other way (moved_in): a new target the old list did not hold but the old plan set
    # among its tasks (2014's 今年进出口总额预期增长7.5%左右 → 2015's 进出口增长6%左右 in the list):
    # moved into the list, not new; `moved` holds the figure set there against the new one.
    moved_in: bool = False


@dataclass
class Numbers:
    old: list[Quantity] = field(default_factory=list)
    new: list[Quantity] = field(default_factory=list)
    pairs: list[NumberPair] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)


@lru_cache(maxsize=4096)
def normalize_label(label: str) -> str:
    """规模以上 = 规上; parenthetical names dropped: 国内生产总值(GDP) → 国内生产总值."""
    label = re.sub(r"[(（][^()（）]{1,12}[)）]", "", label)
    return re.sub(r"\s", "", label).replace("规模以上", "规上").strip("“”\"'")


@lru_cache(maxsize=4096)
def identify(label: str) -> tuple[str, str]:
    """(indicator, scope) a label names: the canonical name of a known indicator
    and the words before it that narrow it (宜昌经济总量 → 地区生产总值 of 宜昌),
    else the label itself at the report's own level."""
    label = normalize_label(label)
    for short, full in _SHORT_NAMES:
        label = short.sub(full, label)
    for name, canon in _CANONICAL:
        # Short names only as the whole label: 经济 is GDP, 数字经济 is not.
        if label == name or len(name) >= 4 and label.endswith(name):
            prefix = label[: len(label) - len(name)]
            return canon, "" if _OWN_LEVEL.match(prefix) else prefix
    return _OWN_LEVEL_PREFIX.sub("", label) or label, ""


def canonical(label: str) -> str:
    """The indicator a label names: its synonym's canonical name, else the label."""
    return identify(label)[0]


def extract(doc: Document) -> list[Quantity]:
    """Every quantity in a report's text and tables, in reading order."""
    return list(_extract(doc))


@per_document
def _extract(doc: Document) -> tuple[Quantity, ...]:
    parts = _part_spans(doc)
    found: list[Quantity] = []
    folded = doc.clean.folded
    lists = target_lists(doc)
    # A review of years ends at the next section, but for the ——items that list what it
    # achieved (过去五年极不寻常…。——经济发展再上新台阶。…): those are the period's too.
    section_starts = {s.start for s in doc.outline.walk() if not folded.startswith("——", s.start)}
    reviewing_period = False  # under a paragraph that opens a review of years (这五年，我们…)
    for start, end in doc.clean.paragraphs():
        if "\t" in doc.text[start:end]:
            continue
        kind, year, part_period = _kind_at(parts, start)
        targets_from = min([a for a, b in lists if start <= a < end] or [end])
        head = folded[start : min(end, start + 12)]
        reviewing_period = _period_paragraph(head, reviewing_period and start not in section_starts)
        if reviewing_period and kind == "actual":
            kind, part_period = "period", "cumulative"
        elif kind == "period" and _on_the_year_reviewed(folded[start : min(end, start + 16)], doc.meta.reviews):
            # 刚刚过去的2017年，…国内生产总值增长6.9%: the year itself, inside a review of five
            kind, year, part_period = "actual", None, ""
        readings = quantities.read(folded, start, end)
        if not readings:
            continue
        i, leads = 0, False
        for s_start, s_end in _sentences(folded, start, end):
            previous: Quantity | None = None
            counted: Quantity | None = None
            s_kind, s_year, s_period, s_head = kind, year, part_period, head
            if kind == "period" and (_on_the_year_reviewed(folded[s_start : s_start + 8], doc.meta.reviews) or _LAST_YEAR.match(folded, s_start)):
                # 2012年，…国内生产总值增长7.8%: a sentence on the year itself, inside a review of five
                s_kind, s_year, s_period, s_head = "actual", None, "", folded[s_start : s_start + 12]
            # A plan's sentence on last year (去年全国财政比年度预算超收7239亿元，其中…) tells what
            # was, up to where it turns to this year (…，今年要…).
            # Such a sentence without a figure leads the next one, when that plans nothing
            # (过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…).
            if kind == "target" and _LAST_YEAR.match(folded, s_start):
                past_until = folded.find("今年", s_start, s_end) + 1 or s_end
                leads = past_until == s_end and not re.search(r"\d", folded[s_start:s_end])
            else:
                past_until = s_end if leads and not _PLANS.search(folded, s_start, s_end) else s_start
                leads = False
            while i < len(readings) and readings[i].start < s_end:
                r = readings[i]
                i += 1
                past = r.start < past_until
                q = _quantity(doc, r, "actual" if past else s_kind, year - 1 if past and year else s_year, s_start, previous, r.start >= targets_from, s_head, s_period, counted)
                if q is not None:
                    found.append(q)
                    previous = q
                    if _is_count(q.unit) and len(q.indicator) > 2:
                        counted = q
    for table in doc.outline.tables:
        found += _table_quantities(doc, table)
    found.sort(key=lambda q: q.start)
    return tuple(found)


_LAST_YEAR = re.compile(r"\s*(?:去年|上年|过去一年)")
# A sentence that plans: it names this year or the years ahead, says what is to be done, or sets a bound.
_PLANS = re.compile(r"今年|明年|(?:19|20)\d\d年|要|将|拟|力争|确保|争取|目标|预期|计划|安排|左右|以上|以内|以下")
_NAMED_YEAR = re.compile(r"(?:19|20)\d\d(?=年(?!以来|来|至|到|—|-))")


def _on_the_year_reviewed(head: str, reviews: tuple[int, ...]) -> bool:
    """A paragraph that opens on the year the report reviews (刚刚过去的2017年, 2025年，…)."""
    return bool(reviews) and any(int(y) == reviews[-1] for y in _NAMED_YEAR.findall(head))


def _period_paragraph(head: str, before: bool) -> bool:
    """Whether a paragraph reviews years gone by: it opens so (这五年，…; 五年来，…), or
    follows one that did, up to a paragraph that opens on one year or a new section."""
    if _ONE_YEAR.search(head):
        return False
    return before or quantities.period(head) == "cumulative" or quantities.reviews_a_period(head)


def _sentences(folded: str, start: int, end: int):
    s = start
    for i in range(start, end):
        if folded[i] in _SENTENCE_END:
            yield s, i + 1
            s = i + 1
    if s < end:
        yield s, end


def _inside_quotes(folded: str, pos: int, start: int) -> bool:
    return folded.count("\"", start, pos) % 2 == 1


def _quantity(
    doc: Document,
    r: Reading,
    kind: str,
    year: int | None,
    sentence_start: int,
    previous: Quantity | None,
    in_targets: bool,
    head: str,
    part_period: str,
    counted: Quantity | None = None,
) -> Quantity | None:
    """The quantity a reading is, or None when it is a name (“1+11”) or part of one.
    `previous` is the figure before it in its sentence, `counted` the last count there."""
    folded = doc.clean.folded
    para_start = folded.rfind("\n", 0, r.start) + 1
    if r.role == "threshold" or _inside_quotes(folded, r.start, para_start):
        return None  # “1+11”, “四个一批”: names, not quantities
    if _NAMED_CAPACITY.match(folded, r.end) and not _is_count(r.unit):
        return None  # 卓翔3万吨金属新材料项目: a capacity inside a project's name (34个续建项目 is a count)
    label_start = _clause_start(folded, r.start, sentence_start)
    if previous is not None and label_start < previous.end <= r.start and not (r.role == "to" and previous.role == "from"):
        label_start = previous.end  # 社会消费品零售总额2.76万亿元增长6.1%: the growth of the figure before
    label = folded[label_start : r.start]
    before = folded[sentence_start : r.start]
    rank = label.endswith("第")
    if rank:
        label = _RANK_WORDS.sub("", label)
        if label.endswith("均"):
            return None  # 产量均居全国第2位: a rank shared by the items before, none named
    name, measure = _indicator(r.subject or label, r.unit)
    name, falls = _decline_named(name, r, measure)
    if rank:
        measure = "rank"
    if r.role == "flat":
        if GROWTH.search(label) or _RATE_NAME.search(label):
            return None  # 涨幅与上年持平, 失业率与上年持平: the same rate as the year before, not a rate of 0
        measure = "growth"
    if CHANGE_ONLY.match(name):
        name = ""
    if quantities.is_increment(folded[max(sentence_start, r.start - 8) : r.start]) and quantities.family(r.unit) not in _POINTS:
        measure = "increment"
    if r.subject and r.unit == "%" and _LIST_GROWTH.match(_verb_before(folded, sentence_start, r.start)):
        measure = "growth"
    indicator, scope, text_start, text_end = _naming(folded, r, name, measure, label, label_start, previous, counted)
    if kind == "period" and (r.role == "to" or _END_POINT.search(label) or _year_level(indicator, measure, label)) and not _TOTAL.search(label):
        # 国内生产总值增加到121万亿元, 生产总值6.66万亿元 in a five-year review: the level the
        # period ended at, the year's
        kind, part_period = "actual", "annual"
    if r.qualifier == "力争" or _TARGET_WORDS.search(label) or in_targets:
        kind = "target"
    period = part_period or (quantities.period(head + "," + before) if head not in before else quantities.period(before))
    if period == "annual":
        period = quantities.moment(label) or period
    return Quantity(
        value=abs(r.value),
        unit=r.unit,
        qualifier=r.qualifier,
        indicator=indicator,
        label=doc.text[label_start : r.start],
        measure=measure,
        kind=kind,
        year=None if r.role == "from" else year,
        text=doc.clean.original(text_start, text_end),
        text_start=text_start,
        start=r.start,
        end=r.end,
        high=abs(r.high) if r.high is not None else None,
        estimate=r.qualifier == "预计" or "预计" in label,
        sign=-1 if falls else 1,
        period=period,
        scope=scope,
        role=r.role,
        added=_added(folded[_list_start(folded, r.start, sentence_start) : label_start], label),
        item=r.subject,
    )


# The sizes of an economy a review of years tells as they stood at its end.
_SIZES = frozenset(("地区生产总值", "社会消费品零售总额", "外贸进出口总额", "一般公共预算收入"))


def _year_level(indicator: str, measure: str, label: str) -> bool:
    """An economy's size told bare in a review of years (生产总值6.66万亿元): what the last
    year came to; flows such as 实际使用外资263亿美元 or 城镇新增就业 are sums over the years."""
    return measure == "level" and indicator in _SIZES and not _ADDITION.search(label) and not _ACTION.search(normalize_label(label))


# 农村贫困人口减少1000万: an amount taken away, named after its verb.
_DECLINE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(减少|降低|压减|削减)$")


def _decline_named(name: str, r: Reading, measure: str) -> tuple[str, bool]:
    """(name, whether the figure is a decline). A rate's decline keeps its sign (下降3.6%); an
    amount taken away is named by its verb, first as in 再减少农村贫困人口1000万, so that
    农村贫困人口减少1000万 is that one amount and not a fall in the number of the poor."""
    tail = _DECLINE_TAIL.search(name) if r.value < 0 and measure == "level" else None
    if tail:
        return tail.group(1) + name[: tail.start()], False
    return name, r.value < 0


def _added(list_lead: str, label: str) -> bool:
    """新增高新技术企业3500家、科技型中小企业7533家: 新增 before a list is every item's,
    unless the item says its own (新增运营里程43公里、总里程达到879公里)."""
    return bool(_ADDITION.search(label) or _ADDITION.search(list_lead) and not _STOCK.search(label))


def _list_start(folded: str, pos: int, floor: int) -> int:
    """Back to the clause break before pos, over the items of a 、 list (新增A3500家、B7533家)."""
    return max([folded.rfind(c, floor, pos) for c in "，。；：,;:"] + [floor - 1]) + 1


def _naming(
    folded: str, r: Reading, name: str, measure: str, label: str, label_start: int, previous: Quantity | None, counted: Quantity | None
) -> tuple[str, str, int, int]:
    """(indicator, scope, where the evidence starts and ends) of a figure: its own words, or the
    figure before it when it only continues that one (增长4.8%, 高于全国…, 达62.1%); a count
    that comes first is quoted with what it counts (完成2443个行政村生活污水治理)."""
    text_start, text_end = label_start, r.end
    if r.role == "to" and previous is not None and previous.role == "from":
        # 常住人口城镇化率从60.2%提高到66.2%: the later figure of the indicator named before 从
        text_start = previous.text_start
        indicator, scope = previous.indicator, previous.scope
    elif previous is not None and _OF_PLAN.match(name):
        # 发放创业担保贷款35亿元，完成年计划的256.1%: the share of the plan of the figure before
        indicator, scope, text_start = previous.indicator + "完成年计划", previous.scope, previous.text_start
    elif previous is not None and _COMPARISON.match(name):
        # 规上工业增加值增长8.3%，高于全国2.5个百分点: the margin of the figure before
        indicator, scope, text_start = previous.indicator + name, previous.scope, previous.text_start
    elif (
        not name and previous is not None and label_start - previous.end <= _NEAR and (measure, r.family) != (previous.measure, previous.family)
        and not label.endswith(_COUNT_FIRST) and not (_is_count(r.unit) and _counted(folded, r.end))
    ):
        # 地区生产总值263.06亿元，同比增长4.8%; 城镇化率提升0.9个百分点、达62.1%: the
        # figure before names the indicator, and is quoted with it as evidence; but a count
        # followed by what it counts names its own (…增长4%，243个重点项目建成投产).
        indicator, scope, text_start = previous.indicator, previous.scope, previous.text_start
    else:
        # 以办好10件民生实事为牵引: 以…为 takes the deed as the means; the deed counts what follows
        purpose = label.strip().startswith("以")
        bare = _OWN_LEVEL_PREFIX.sub("", name[1:] if purpose and name.startswith("以") else name)
        count_first = measure != "rank" and _is_count(r.unit)
        # 实施1000个以上省重点项目: the label may be only a verb (which the name has lost as filler)
        verb_only = _ACTION.fullmatch(bare) or _ACTION.fullmatch(_OWN_LEVEL_PREFIX.sub("", normalize_label(label).strip()))
        count_first = count_first and (not label.strip() or label.endswith(_COUNT_FIRST) or bool(verb_only or _BATCH.fullmatch(bare)))
        if not count_first and _is_count(r.unit) and _ACTS_ON.search(normalize_label(label).strip()):
            # 整体提升100所学校: a verb right before the count says what is done to what it counts,
            # which follows and is quoted with it; the words before still name it (a count of
            # 学校 alone would be answered by any schools the review counts).
            text_end += len(_counted(folded, r.end))
        if count_first:
            # 8条高速公路建成通车; 培育10个…集聚区; 首批10个零碳产业园区; 建成临沂至滕州等15个项目
            # (the examples before 等 are not the indicator, the verb that opens the clause is)
            verb = _ACTION.match(normalize_label(label)) if label.endswith("等") else None
            things = _counted(folded, r.end)
            means = things.split("为")[0]
            things = means if purpose and len(means) >= 2 else things
            text_end += len(things)
            name = (verb.group(0) if verb else "") + things or name
        indicator, scope = identify(name) if name else ("", "")
        owner = counted or (previous if previous is not None and len(previous.indicator) > 2 and previous.family != r.family else None)
        if (0 < len(indicator) <= 2 or not count_first and _generic(indicator)) and owner is not None and label_start - owner.end <= 2 * _NEAR:
            # 省重点项目304个、完成投资4608亿元: the projects' 投资; 新登记经营主体320万户…总量达2037.7万户;
            # 国债资金383亿元、支持项目512个: the projects that money supports
            indicator = owner.indicator if indicator in _WHOLE and owner.indicator in SYNONYMS else owner.indicator + indicator
        under = "其中" in folded[label_start - 3 if label_start >= 3 else 0 : r.start]
        if under and previous is not None and len(indicator) <= 3:
            # 总量达2037.7万户，其中企业929.8万户: a generic name under 其中 is a part of the figure before
            scope = "其中" + previous.indicator
        elif under and previous is None and len(indicator) <= 4:
            # 在库项目共17个。其中，签约项目2个: a part of what the sentence before counted
            scope = "其中"
    return indicator, scope, text_start, text_end


# Words after which a count names what follows it: …等15个项目, 总投资2万亿元的389个, 171名个人和6个团队.
_COUNT_FIRST = ("等", "的", "和", "及", "与")


def _generic(indicator: str) -> bool:
    """投资, 新增, 支持项目: a name too bare to stand alone (a verb at most, and two characters)."""
    verb = _ACTION.match(indicator) if len(indicator) > 3 else None
    return 0 < len(indicator[verb.end() :] if verb else indicator) <= 2


def _counted(folded: str, pos: int) -> str:
    """The thing counted when the count comes first: 8条高速公路建成通车 → 高速公路建成通车."""
    m = re.match(r"[\u4e00-\u9fff“”\"]{2,12}", folded[pos : pos + 12])
    return re.sub("(或|和|及|与)$", "", m.group(0)) if m else ""


_LIST_GROWTH = re.compile(r"(分别|均)(再|又)?(增长|下降|提高|降低|增加|减少|上涨|回落|下跌)")


def _verb_before(folded: str, floor: int, pos: int) -> str:
    """The words between the list word (分别, 均) and a figure: 分别增长 → 增长."""
    at = max(folded.rfind("分别", floor, pos), folded.rfind("均", floor, pos))
    return folded[at:pos] if at >= 0 else ""


def _clause_start(folded: str, pos: int, floor: int) -> int:
    """Back to the clause break before pos, stepping over parentheses (国内生产总值(GDP))."""
    i = pos
    while i > floor:
        c = folded[i - 1]
        if c == ")":
            opening = folded.rfind("(", max(floor, i - 16), i)
            if opening < 0:
                break
            i = opening
            continue
        if c in _CLAUSE_BREAK or c == "(":
            break
        i -= 1
    return i


@lru_cache(maxsize=4096)
def _indicator(label: str, unit: str) -> tuple[str, str]:
    """(indicator words, measure) from the words before a figure."""
    words = _LEADING_COUNT.sub("", normalize_label(label))
    for _ in range(4):
        stripped = _TAIL_FILLER.sub("", _LEAD_FILLER.sub("", words))
        if stripped == words:
            break
        words = stripped
    family = quantities.family(unit)
    measure = "ratio" if family == ":1" else "share" if family == "%" else "level"
    growth = GROWTH.search(words)
    if growth and family in {"%", "个百分点"}:
        measure = "growth"
        words = _MANNER.sub("", _TAIL_FILLER.sub("", words[: growth.start()]))
        words = re.sub(r"(同比|比[上去]年)$", "", words)
    elif words.endswith(("增速", "增长率")) and family == "%":
        measure = "growth"
        words = words[: -len("增速")] if words.endswith("增速") else words[:-3]
    words = words.strip("“”\"'")
    if words.endswith(("新增", "新建")) and len(words) > 4:
        words = words[-2:] + words[:-2]  # 家庭养老床位新增 = 新增家庭养老床位
    return (words if len(words) >= 2 else ""), measure


_GLOSSARY = re.compile(r"名词|注释|解释|释义")  # an appendix that explains words (名词注释)


def _part_spans(doc: Document) -> list[tuple[int, int, str, int | None, str]]:
    """(start, end, kind, year, period) of each part; five-year retrospectives
    first, as their figures are totals over the period, not the year's actuals.
    A part after the review that is not itself a review plans ahead (关于2025年工作);
    a part planning several years (“十五五”时期主要目标任务) sets multi-year targets."""
    spans: list[tuple[int, int, str, int | None, str]] = [(s.start, s.end, "period", None, "cumulative") for s in _period_sections(doc)]
    reviewed = False
    for part in doc.meta.parts:
        section = part.section
        kind = "actual" if part.role == "review" else "target" if part.role in {"targets", "tasks"} or reviewed else "other"
        if part.role == "appendix" and _GLOSSARY.search(section.heading):
            kind = "other"  # a glossary explains the words (“2030先锋工程”：到2030年…100个左右重大项目); it sets nothing
        reviewed = reviewed or part.role == "review"
        if doc.meta.kind == "five_year_plan":
            kind = "target"
        several = len(part.years) > 1 and kind == "target" and doc.meta.kind != "five_year_plan"
        spans.append((section.start, section.end, kind, part.years[0] if len(part.years) == 1 else None, "multi-year" if several else ""))
    return spans


# A heading about one year: it ends a run of sections reviewing a period.
_ONE_YEAR = re.compile(r"过去(的)?一年|去年|今年|20\d\d年(?!以来)")


def _period_sections(doc: Document) -> list:
    """Sections reviewing a period rather than the year: those the structure marks or
    whose heading names years gone by (过去的五年极不寻常, 这五年…, “十四五”…), and
    the siblings of the same style that follow one (五年来，…主要做了以下工作。（一）…
    （十）…; 过去的五年… 综合实力稳步提升。… 民生福祉不断增进。), up to a heading about one year."""
    out = []
    run: list = []  # [level, style of the siblings in the run or None]
    for s in doc.outline.walk():
        if run and (s.level < run[0] or s.level == run[0] and (run[1] not in (None, s.kind) or _ONE_YEAR.search(s.heading))):
            run = []
        # A part of its own on the years gone by (一、过去五年工作回顾) is one too; one that also names
        # the year (一、2025年和“十四五”工作回顾, 过去一年和五年工作回顾) holds the year's figures.
        whole_part = s.level == 1 and not _ONE_YEAR.search(s.heading)
        if s.kind == "period" or (s.level >= 2 or whole_part) and _in_review(doc, s.start) and quantities.reviews_a_period(s.heading):
            out.append(s)
            run = [s.level, None]
        elif run and s.level == run[0]:
            run[1] = run[1] or s.kind
            out.append(s)
    return out


def _in_review(doc: Document, pos: int) -> bool:
    return any(p.section.start <= pos < p.section.end and p.role == "review" for p in doc.meta.parts)


def _kind_at(parts, pos: int) -> tuple[str, int | None, str]:
    for start, end, kind, year, period in parts:
        if start <= pos < end:
            return kind, year, period
    return "other", None, ""


_CELL = re.compile(r"^(?P<num>-?\d+(?:\.\d+)?)\s*(?P<qual>以上|左右|以下)?\s*(?P<est>\[\d\])?$")


def _table_quantities(doc: Document, table: Table) -> list[Quantity]:
    """Each numeric cell of an indicator table as a quantity."""
    out = []
    columns = table.columns
    unit_col = next((i for i, c in enumerate(columns) if "单位" in c), 1)
    pos = doc.text.find(table.rows[0][0], table.start) if table.rows else table.start
    for row in table.rows:
        name = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）.、]\s*", "", row[0]).replace(" ", "")
        row_start = doc.text.find(row[0], pos)
        if row_start < 0:
            row_start = pos
        row_end = doc.text.find("\n", row_start)
        row_end = len(doc.text) if row_end < 0 else row_end
        pos = row_start + 1
        unit = row[unit_col].replace(" ", "") if unit_col < len(row) else ""
        for i, cell in enumerate(row):
            if i <= unit_col or i >= len(columns):
                continue
            m = _CELL.match(cell.replace(" ", ""))
            if not m or not unit:
                continue
            column = columns[i]
            kind = "target" if "计划" in column or "目标" in column else "actual" if re.search(r"完成|实际|基数", column) else "other"
            years = re.findall(r"(20\d\d)年", column)
            measure = "growth" if ("增长" in column or name.endswith(("增速", "增长率"))) and unit in {"%", ""} else "share" if unit == "%" else "level"
            cell_unit = "%" if measure == "growth" else unit
            indicator = re.sub(r"(增速|增长率)$", "", name) if measure == "growth" else name
            cell_start = doc.text.find(cell, row_start)
            out.append(
                Quantity(
                    value=float(m.group("num")),
                    unit=cell_unit,
                    qualifier=m.group("qual") or "",
                    indicator=canonical(indicator),
                    label=name,
                    measure=measure,
                    kind=kind,
                    year=int(years[0]) if years else None,
                    text=doc.clean.original(row_start, row_end),
                    start=max(cell_start, row_start),
                    text_start=row_start,
                    end=max(cell_start, row_start) + len(cell),
                    estimate=bool(m.group("est")),
                    source="table",
                    added=bool(_ADDITION.search(name)),
                )
            )
    return out


def _key(q: Quantity) -> tuple[str, str, str, str, str, str]:
    return (q.indicator, q.measure, q.kind, q.family, q.period, q.scope)


def _comparable(doc: Document, found: list[Quantity]) -> dict[tuple, Quantity]:
    """The one quantity per (indicator, measure, kind, unit family, period, scope) to compare.

    Actuals of the year the report reviews, targets of the year it plans; the
    first mention in the text wins, a table fills the gaps. An indicator that
    names different figures of one kind in one report is ambiguous unless it
    is a known indicator, and is left out rather than guessed.
    """
    reviews, plans = set(doc.meta.reviews), set(doc.meta.plans[:1])
    chosen: dict[tuple, Quantity] = {}
    values: dict[tuple, set[float]] = {}
    for q in sorted(found, key=lambda q: (q.source != "text", q.start)):
        if not q.indicator or q.kind not in {"actual", "target", "period"} or q.role == "from":
            continue
        if q.year is not None and (q.kind == "actual" and reviews and q.year not in reviews or q.kind == "target" and plans and q.year not in plans):
            continue
        key = _key(q)
        values.setdefault(key, set()).add(round(q.base, 6))
        chosen.setdefault(key, q)
    known = set(SYNONYMS)
    return {k: q for k, q in chosen.items() if k[0] in known or len(values[k]) == 1}


# Words around an indicator's name that vary between reports without changing
# what is measured: 区重点项目共 = 实施重点项目 = 重点项目.
_LABEL_NOISE = re.compile(r"^(全区|辖区银行|辖区|全年|年度|累计|评价|评估|认定|安排|实施|开展|新建成|区|省、市、区)+|(共|总|各类)")
LABEL_MATCH = 0.5  # bigram overlap above which two indicator names are taken as one
_SCOPE = re.compile(r"[省市县]$|[省市区县]级$|其中")


# A class bound written before its figure: 超10亿元项目 = 10亿元以上项目.
_BOUND_BEFORE = re.compile(r"(?:超过|超)(\d+(?:\.\d+)?[千百万亿]*[\u4e00-\u9fff]?元)")


# 社会融资规模增量 = 新增社会融资规模: the year's addition named after or before.
_INCREMENT_AFTER = re.compile(r"^(.{2,})增量$")


@lru_cache(maxsize=4096)  # each name is set beside many others
def _core_label(indicator: str) -> str:
    core = _BOUND_BEFORE.sub(r"\1以上", _LABEL_NOISE.sub("", indicator)).replace("增加", "新增")
    return _INCREMENT_AFTER.sub(r"新增\1", core)


_STOCK = re.compile(r"总|累计|保有|存量|在库|规模|达到|达$|增至|增加到|有效期内")
_ADDITION = re.compile(r"新增|新建|培育|引进|新设|新认定|新培育|增量$")


def _addition_and_stock(a: Quantity, b: Quantity) -> bool:
    """新增发电装机4178万千瓦 is the year's addition, 发电总装机达7582万千瓦 the stock; an
    addition beside a figure several times larger and not called one is taken as a stock."""
    return any(x.added and not y.added and (_STOCK.search(y.label) or y.base > 3 * x.base) for x, y in ((a, b), (b, a)))


def _contrary(a: Quantity, b: Quantity) -> bool:
    """One indicator's name, but one figure an addition and the other a stock, a running
    total and the year's, or words alike but for an opposite (实际利用内资 / 实际利用外资)."""
    return _addition_and_stock(a, b) or _total_and_year(a, b) or _opposite(normalize_label(a.label), normalize_label(b.label)) or _whole_and_part(a, b)


_WHOLE_SAID = re.compile(r"(全国|全体|全省|全市|全区)$")
_PART = frozenset(("城镇", "农村", "城市", "乡村"))


def _whole_and_part(a: Quantity, b: Quantity) -> bool:
    """全国居民人均可支配收入 is not 城镇居民人均可支配收入: one name says it is of all (居民 alone
    is all residents), the other of a part; a bare 规模化供水率 may leave its 农村 to the context."""
    for part, whole in ((a, b), (b, a)):
        if part.indicator.endswith(whole.indicator) and part.indicator[: len(part.indicator) - len(whole.indicator)] in _PART:
            label = normalize_label(whole.label)
            at = label.find(whole.indicator)
            return whole.indicator.startswith("居民") or at > 0 and bool(_WHOLE_SAID.search(label[:at]))
    return False


def _total_and_year(a: Quantity, b: Quantity) -> bool:
    """自贸试验区累计15项 is a running total, 自贸试验区3项 the year's; 全年累计 is the year's."""
    return ("累计" in a.label) != ("累计" in b.label) and not any("全年" in q.label or "年度" in q.label for q in (a, b))


_OPPOSITES = {frozenset(p) for p in ("内外", "进出", "供排", "城乡", "上下", "男女", "东西", "南北", "大小", "增减", "升降", "高低", "收支", "买卖", "公私", "前后", "开竣")}


def _opposite(a: str, b: str) -> bool:
    """Two names alike but for one character, and those two opposites."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in _OPPOSITES


def part_and_whole(a: str, b: str) -> bool:
    """One name is the other with one character more that makes, with its neighbour, a
    pair of opposites (进出口 / 出口, 进出口 / 进口): the whole and its part, never one figure."""
    short, long = sorted((_core_label(a), _core_label(b)), key=len)
    if len(long) != len(short) + 1:
        return False
    k = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    if long[:k] + long[k + 1 :] != short:
        return False
    return any(frozenset(long[j : j + 2]) in _OPPOSITES for j in (k - 1, k) if 0 <= j < len(long) - 1)


def label_similarity(a: str, b: str, scoped: bool = True, counted: bool = False) -> float:
    """How surely two indicator names name one thing: 1 when one ends the other
    (入库国家科技型中小企业 / 评价入库国家科技型中小企业), else their bigram overlap."""
    if _other_statistic(a, b):
        return 0.0  # 农民人均纯收入 / 农村居民人均可支配收入: two statistics, defined apart
    a, b = _core_label(a), _core_label(b)
    if not a or not b or _DIGITS.findall(a) != _DIGITS.findall(b):
        return 0.0  # 500万元以上技改项目 / 2000万元以上的技改项目: the bound names the class
    short, long = sorted((a, b), key=len)
    if part_and_whole(a, b):
        return 0.0  # 外贸出口总额 is a part of 外贸进出口总额, whatever the scope
    if scoped and _opposite(a, b):
        return 0.0  # 实际利用内资 / 实际利用外资, 供水管网 / 排水管网
    if scoped and ("以上" in a) != ("以上" in b):
        return 0.0  # 省级以上领军人才 counts more than 省级领军人才
    if scoped and len(short) <= 2:
        return float(a == b)  # 投资, 装机: too generic to pair but by the same word
    if scoped and len(long) - len(short) > 2 and short in long:
        # a longer qualifier (各类文体赛事活动拉动消费, 水利建设投资) names a narrower thing
        return 0.0
    if _CHANGED_BY.match(long[: len(long) - len(short)]):
        return 0.0  # 削减财政赤字450亿元 is a cut, 财政赤字9500亿元 the deficit itself
    if len(short) >= 2 and long.endswith(short) and (len(long) <= 3 * len(short) if not scoped else len(long) - len(short) <= 2):
        # 省重点项目 is a part of 重点项目, not the same count
        return 0.0 if scoped and _SCOPE.search(long[: len(long) - len(short)]) else 1.0
    if scoped and not _same_head_and_kin(a, b, counted):
        return 0.0
    return dice(a, b)


_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# Statistics of one thing that the statistics bureau defines apart, so their figures never compare:
# net income (纯收入, until 2013) and disposable income (可支配收入), value added and gross output.
_STATISTICS = (("纯收入", "可支配收入"), ("增加值", "总产值"))


# A name that opens with a verb of change names an amount changed, not the level of what follows.
_CHANGED_BY = re.compile(r"^(?:再)?(?:削减|减少|压减|压缩|增加|降低|提高|扩大|缩小)$")


def _other_statistic(a: str, b: str) -> bool:
    # A deficit is answered only by a deficit: 中央财政赤字 is not 中央财政超收 nor 中央财政安排.
    return any((x in a and y in b) or (y in a and x in b) for x, y in _STATISTICS) or ("赤字" in a) != ("赤字" in b)


def _same_head_and_kin(a: str, b: str, counted: bool) -> bool:
    """Names alike in their characters are one thing only when the head noun (the end of
    the name of an amount; a count names its noun first) is one (一般公共预算收入 /
    一般公共预算教育经费 are not) and what narrows it, where both say more than a verb,
    shares a word (口岸外贸货物吞吐量 / 港口货物吞吐量 do not)."""
    if not counted and a[-1] != b[-1] and a[-2:] not in b and b[-2:] not in a:
        return False  # 养老保险金 / 养老金 end alike; 收入 / 经费, 比重 / 占比 do not
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    narrow_a, narrow_b = (_ACTION.sub("", x[: len(x) - n]) for x in (a, b))
    if len(narrow_a) < 2 or len(narrow_b) < 2 or narrow_a in narrow_b or narrow_b in narrow_a:
        return True
    return dice(narrow_a, narrow_b) > 0


def longest_common(a: str, b: str) -> tuple[int, int, int]:
    """The longest run of letters two texts share: where it starts in each, its length
    (difflib's, without its junk heuristic, which would skip common letters of long texts)."""
    # Grown start by start in a, each length tried by a substring search of b (in C): the
    # first start reaching the longest length is difflib's (the earliest in a), and the
    # first place of that run in b its earliest there; no matcher is built for one question.
    best, at, i = 0, 0, 0
    while i + best < len(a):
        while i + best < len(a) and a[i : i + best + 1] in b:
            best, at = best + 1, i
        i += 1
    return (at, b.find(a[at : at + best]), best) if best else (0, 0, 0)


def dice(a: str, b: str) -> float:
    """Overlap of two texts' character bigrams (1 for the same bigrams, 0 for none shared)."""
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


def match(old: Document, new: Document) -> Numbers:
    """Extract the quantities of both reports and pair those of one indicator.

    Known indicators and identical names pair first; the rest pair by name
    similarity, each with its most similar counterpart of the same kind,
    measure and unit family, when the liking is mutual.
    """
    old_q, new_q = extract(old), extract(new)
    a, b = _comparable(old, old_q), _comparable(new, new_q)
    if (old.meta.kind == "five_year_plan") != (new.meta.kind == "five_year_plan"):
        # A five-year plan's targets are totals or averages over five years; a
        # one-year report's are for one year: not the same figures.
        a = {k: q for k, q in a.items() if q.kind != "target"}
        b = {k: q for k, q in b.items() if q.kind != "target"}
    pairs = [_pair(k, a[k], b[k]) for k in a if k in b and not _contrary(a[k], b[k])]
    rest_a = {k: q for k, q in a.items() if k not in b}
    rest_b = {k: q for k, q in b.items() if k not in a}
    # Only figures of one measure, kind, period and scope can be compatible: each is set beside those alone.
    alike: dict[tuple, list[tuple]] = {}
    for kb in rest_b:
        alike.setdefault((kb[1], kb[2], kb[4], kb[5]), []).append(kb)
    scored = sorted(
        (
            (label_similarity(ka[0], kb[0], counted=ka[3] in _COUNTERS), ka, kb)
            for ka in rest_a for kb in alike.get((ka[1], ka[2], ka[4], ka[5]), ()) if _compatible(ka, kb)
        ),
        reverse=True,
    )
    used_a, used_b = set(), set()
    for score, ka, kb in scored:
        if score < LABEL_MATCH:
            break
        if ka in used_a or kb in used_b or _contrary(rest_a[ka], rest_b[kb]):
            continue
        used_a.add(ka)
        used_b.add(kb)
        pairs.append(_pair(ka, rest_a[ka], rest_b[kb]))
    targets = targets_table(old, new, old_q, new_q)
    # A figure is known by where it stands in its report.
    used_old, used_new = {(p.old.start, p.old.end) for p in pairs}, {(p.new.start, p.new.end) for p in pairs}
    # A main target the lists set side by side is a pair even when its names differ.
    pairs += [t.pair for t in targets if t.pair and (t.pair.old.start, t.pair.old.end) not in used_old and (t.pair.new.start, t.pair.new.end) not in used_new]
    folded = (old.clean.folded, new.clean.folded)
    pairs = [p for p in pairs if plausible(p, sure=canonical(p.indicator) in SYNONYMS or label_similarity(p.old.indicator, p.new.indicator) == 1) and _count_alike(p, *folded)]
    pairs.sort(key=lambda p: (p.kind != "actual", p.new.start))
    if old.meta.region == new.meta.region == NATION:
        pairs = [_national(p) for p in pairs]
        targets = [replace(t, indicator=named_for(t.indicator, NATION), pair=t.pair and _national(t.pair)) for t in targets]
    return Numbers(old_q, new_q, pairs, targets)


def named_for(indicator: str, region: str) -> str:
    """An indicator as the reports of a region name it: 国内生产总值 in the national ones."""
    return NATIONAL_NAMES.get(indicator, indicator) if region == NATION else indicator


def _national(pair: NumberPair) -> NumberPair:
    return replace(pair, indicator=named_for(pair.indicator, NATION))


def _pair(key: tuple, old: Quantity, new: Quantity) -> NumberPair:
    """A pair of one indicator; a count whose noun was left out (脱贫人口务工规模超过3300万)
    is shown in the other's unit (3300万人)."""
    old, new = _with_noun(old, new), _with_noun(new, old)
    # A total over the years a review covers is an actual, of its period (cumulative).
    return NumberPair(shown_name(key[0], key[5]), "actual" if key[2] == "period" else key[2], key[1], old, new)


def shown_name(indicator: str, scope: str) -> str:
    """The indicator with the words that narrow it (城镇 居民人均可支配收入, 宜昌 地区生产总值);
    a part under 其中 keeps its own name."""
    return indicator if not scope or scope.startswith("其中") else scope + indicator


def _with_noun(q: Quantity, other: Quantity) -> Quantity:
    scale, base = quantities.split_unit(q.unit)
    _other_scale, other_base = quantities.split_unit(other.unit)
    return replace(q, unit=scale + other_base) if scale and not base and other_base else q


def _compatible(ka: tuple, kb: tuple) -> bool:
    """Same measure, kind, period and scope, and units of one family; a count whose
    noun was left out (脱贫人口务工规模超过3300万) takes the other's (3200万人)."""
    (_, ma, ka_, fa, pa, sa), (_, mb, kb_, fb, pb, sb) = ka, kb
    return (ma, ka_, pa, sa) == (mb, kb_, pb, sb) and (fa == fb or "" in (fa, fb) and ma == "level")


NAME_CHARS = 4  # letters two counted things share when one name names them (重点产业链 of …倍增计划)


def _count_alike(pair: NumberPair, old_folded: str, new_folded: str) -> bool:
    """Counts named by the same words before them (滚动推进163个项目 / 滚动推进15个片区更新项目)
    are of one thing only when what each counts, written right after it, shares a name
    (9个国家区域医疗中心服务功能 / 9个国家区域医疗中心项目), not only a generic word (项目)."""
    if not (_is_count(pair.old.unit) and _is_count(pair.new.unit)):
        return True
    a, b = _counted(old_folded, pair.old.end), _counted(new_folded, pair.new.end)
    if not (a and b) or a == b:
        return True
    return longest_common(a, b)[2] >= NAME_CHARS


def plausible(pair: NumberPair, sure: bool = True) -> bool:
    """A level or count that changes more than fiftyfold in a year names two different
    things; a pair made on names only alike is doubted from a fivefold change
    (拆除各类建筑13万平方米 → 拆除违法建筑2.49万平方米)."""
    if pair.measure not in {"level", "increment"}:
        return True
    low, high = sorted((pair.old.base, pair.new.base))
    return low > 0 and high / low <= (IMPLAUSIBLE_RATIO if sure else DOUBTFUL_RATIO)


def target_lists(doc: Document) -> list[tuple[int, int]]:
    """Where the main targets are listed: from 主要预期目标是 to the end of its sentence,
    in the next paragraph when the lead closes its own (…主要预期目标是：⏎国内生产总值增长7.5%；…)."""
    folded = doc.clean.folded
    paragraphs = doc.clean.paragraphs()
    out = []
    for i, (start, end) in enumerate(paragraphs):
        lead = _TARGETS_LEAD.search(folded, start, end)
        if not lead or _PLAN_PERIOD.search(folded, max(start, folded.rfind("。", start, lead.start()) + 1, lead.start() - 40), lead.start()):
            continue  # the goals of a five-year plan, not the year's targets (…确保“十五五”良好开局。主要预期目标是 is the year's)
        begin = lead.end()
        if not folded[begin:end].strip() and i + 1 < len(paragraphs):
            begin, end = paragraphs[i + 1]
        stop = next((m.start() for m in _LIST_END.finditer(folded, begin, end)), end)
        out.append((begin, stop))
    return out or _unled_list(doc, folded, paragraphs)


# The names of main targets (国内生产总值, 城镇新增就业, 居民消费价格, 失业率) and the words that set them.
_MAIN_NAME = re.compile("|".join(sorted({n for names in SYNONYMS.values() for n in names if len(n) >= 4}, key=len, reverse=True)) + "|失业率")
_SETTING = re.compile(r"左右|以上|以内|以下")


def _unled_list(doc: Document, folded: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A plan that lists its main targets without saying so (2020: 今年要优先稳就业保民生，…；
    城镇新增就业900万人以上，城镇调查失业率6%左右，…): the first sentence of the plan that sets
    three main indicators, from the clause that names the first."""
    parts = _part_spans(doc)
    for start, end in paragraphs:
        if _kind_at(parts, start)[0] != "target":
            continue
        s_start = start
        while s_start < end:  # by 。 alone: a list's items stand between semicolons
            s_end = folded.find("。", s_start, end) + 1 or end
            names = list(_MAIN_NAME.finditer(folded, s_start, s_end))
            if len({canonical(m.group()) for m in names}) >= 3 and len(_SETTING.findall(folded, s_start, s_end)) >= 3:
                return [(max(s_start, *(folded.rfind(mark, s_start, names[0].start()) + 1 for mark in ";；")), s_end)]
            s_start = s_end
    return []


def target_clauses(doc: Document, found: list[Quantity]) -> list[tuple[str, str, Quantity | None]]:
    """(indicator, clause as written, its figure) for each main target of the report's
    first list, numeric or not."""
    folded = doc.clean.folded
    out = []
    for begin, stop in target_lists(doc)[:1]:
        for a, b in _target_items(folded, begin, stop):
            text = doc.text[a:b].strip()
            if not text:
                continue
            figures: list[Quantity | None] = [q for q in found if a <= q.start < b and q.source == "text"]
            # 城镇、农村居民人均可支配收入分别增长5%、6.5%: each item of the list is a target of its own
            items = [q for q in figures if q and q.item and q.indicator]
            for figure in items if len(items) > 1 else figures[:1] or [None]:
                name = shown_name(figure.indicator, figure.scope) if figure and figure.indicator else normalize_label(_LEAD_FILLER.sub("", folded[a:b].strip()))
                out.append((name, text, figure))
    return out


# A clause that only qualifies the target before it (在实际工作中努力争取更好结果, 力争达到8%,
# 根据实际情况争取更好的结果); after a full stop or a semicolon a clause is a target of its own.
# But 努力实现居民收入增长和经济发展同步 reaches for a target of its own.
_TARGET_RIDER = re.compile(r"^(在|(?:努力|力争|争取|确保)(?!实现)|并|以|同时|根据)|^[^,;，；]{0,8}(争取|力争)[^,;，；]{0,6}更(好|优|多|高)")


# A clause that frames the target after it, no target itself: 在优化结构、提高效益…的基础上, 同时.
_TARGET_FRAME = re.compile(r"^(?:在.*(?:基础上|前提下|条件下)|同时|此外|另外)$")


def _two_figures(folded: str, start: int, at: int, stop: int) -> bool:
    """城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内: two targets, a figure on each side of 、."""
    after = re.split(r"[,;，；。、]", folded[at + 1 : stop], maxsplit=1)[0]
    return bool(re.search(r"\d", folded[start:at]) and re.match(r"[\u4e00-\u9fff]{2,}[^\d]*\d", after))


def _target_items(folded: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """The spans of the targets in a list: items between 、；/，, a rider joined to its target."""
    items: list[list[int]] = []
    start, framing = begin, False
    for i in range(begin, stop + 1):
        if i < stop and folded[i] not in ",;，；。" and not (folded[i] == "、" and _two_figures(folded, start, i, stop)):
            continue
        if framing or (items and folded[start - 1] in ",，、" and _TARGET_RIDER.search(folded[start:i])):
            items[-1][1] = i
        elif i > start:
            items.append([start, i])
        framing = bool(items) and items[-1][1] == i and bool(_TARGET_FRAME.search(folded[items[-1][0] : i]))
        start = i + 1
    return [(a, b) for a, b in items]


def targets_table(old: Document, new: Document, old_q: list[Quantity], new_q: list[Quantity]) -> list[TargetRow]:
    """The main targets of both years side by side, in the new report's order, then
    the old targets no longer listed. A figure pairs with a figure of the same
    indicator and measure; a qualitative target with the most alike wording."""
    a, b = target_clauses(old, old_q), target_clauses(new, new_q)
    scored = sorted(
        ((_target_likeness(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    partner: dict[int, int] = {}
    for score, i, j in scored:
        if score < LABEL_MATCH:
            break
        if i not in partner and j not in partner.values():
            partner[i] = j
    by_new = {j: i for i, j in partner.items()}
    # Only beside a list of the other year's targets can a target have left it or joined it.
    old_unlisted = _unlisted(old_q, a) if a else []
    rows = []
    for j, (name, text, q) in enumerate(b):
        k = by_new.get(j)
        old_row = a[k] if k is not None else None
        row = _row(name, old_row, (name, text, q))
        elsewhere = _set_elsewhere(q, old_unlisted) if q is not None and old_row is None else None
        if q is not None and elsewhere is not None:
            row.moved, row.moved_in = NumberPair(row.indicator, "target", q.measure, elsewhere, q), True
        rows.append(row)
    unlisted = _unlisted(new_q, b) if b else []
    for i in (i for i in range(len(a)) if i not in partner):
        row = _row(a[i][0], a[i], None)
        target = row.old_quantity
        elsewhere = _set_elsewhere(target, unlisted) if target is not None else None
        if target is not None and elsewhere is not None:
            row.moved = NumberPair(row.indicator, "target", elsewhere.measure, target, elsewhere)
        rows.append(row)
    return rows


def _unlisted(found: list[Quantity], listed: list[tuple[str, str, Quantity | None]]) -> list[Quantity]:
    """The figures of a report that are not those of its targets list."""
    spans = {(q.start, q.end) for _, _, q in listed if q is not None}
    return [q for q in found if (q.start, q.end) not in spans]


def _set_elsewhere(target: Quantity, found: list[Quantity]) -> Quantity | None:
    """The first target among `found` (a plan's figures) of the same indicator and measure as `target`."""
    return next(
        (q for q in found if q.kind == "target" and q.source == "text" and not q.scope and (q.measure, q.family, q.period) == (target.measure, target.family, target.period)
         and canonical(q.indicator) == canonical(target.indicator)),
        None,
    )


def _row(name: str, old: tuple | None, new: tuple | None) -> TargetRow:
    oq, nq = (old[2] if old else None), (new[2] if new else None)
    pair = NumberPair(name, "target", nq.measure, oq, nq) if oq and nq and oq.measure == nq.measure and oq.family == nq.family else None
    return TargetRow(name, old[1] if old else None, new[1] if new else None, oq, nq, pair)


def _target_likeness(x: tuple, y: tuple) -> float:
    (na, ta, qa), (nb, tb, qb) = x, y
    if qa and qb:
        if (qa.measure, qa.family) != (qb.measure, qb.family) or na != nb and _other_things(na, nb):
            return 0.0
        return 1.0 if na == nb else label_similarity(na, nb, scoped=False)
    if qa or qb:
        # 固定资产投资增长4.5% / 固定资产投资实现正增长: one target, stated differently, when the
        # other opens with the figure's name, but for a word for the whole (进出口总额 / 进出口保稳提质)
        q, text, other = (qa, ta, tb) if qa else (qb, tb, ta)
        name = _WHOLE_WORD.sub("", _indicator(q.item or q.label, q.unit)[0] or normalize_label(text))
        return 0.75 if len(name) >= 3 and normalize_label(other).startswith(name) else 0.0
    a, b = normalize_label(ta), normalize_label(tb)
    # 居民收入稳步增长 / 居民收入增长与经济增长基本同步, 进出口量稳质升 / 进出口保稳提质: one target of
    # one subject reworded, unless what follows the subject names other things (能耗… / 二氧化碳…).
    if _common_prefix(a, b) >= 3 and not _other_things(a, b):
        return max(0.75, dice(a, b))
    return dice(a, b)


# A word for the whole of what a name counts: 进出口总额 is 进出口.
_WHOLE_WORD = re.compile(r"(总额|总值|总量|规模)$")


def _other_things(a: str, b: str) -> bool:
    """Names that differ in words with not a character in common, with what they share
    before or after: 单位GDP能耗 / 单位GDP二氧化碳排放, 城镇… / 农村居民人均可支配收入."""
    p = _common_prefix(a, b)
    a, b = a[p:], b[p:]
    n = _common_prefix(a[::-1], b[::-1])
    a, b = a[: len(a) - n], b[: len(b) - n]
    return bool(a and b and not set(a) & set(b))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
