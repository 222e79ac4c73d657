"""Stage 6 — numbers: every quantity, the indicator it measures, and its counterpart.

A quantity is a figure with a unit (263.06亿元, 4.8%, 5.79万人, 两所), with
its qualifier (以上, 左右, 突破…), the indicator named by the words before it
(完成地区生产总值263.06亿元 → 地区生产总值; 同比增长4.8% right after it → its
growth), whether it is a level or a growth rate, and whether it is an actual
(a review part, a table's 完成 column) or a target (a plan part, 计划 columns).
Quantities of one indicator, measure and kind are then paired across the two
reports, synonyms (全区生产总值 = 地区生产总值) and units (万人 = 10⁴ 人)
reconciled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document
from .numbering import to_int
from .structure import Table
from .tokens import UNITS

_NUMBER = r"\d+(?:\.\d+)?"
# 274.6亿元, 8万余亩, 200余场, 3-5个, 85.7%; never 2024年 (no 年 unit), 5G, 5#, 7+28+N.
_QUANTITY = re.compile(
    rf"(?<![\d.A-Za-z#+\-])(?P<num>{_NUMBER})(?:[-~至到](?P<high>{_NUMBER}))?(?P<scale>万|亿)?(?P<approx>余|多)?(?P<unit>{UNITS})(?![A-Za-z\d#+])"
)
# Chinese numerals only where the count closes a clause (新建学校两所。): inside
# a phrase they are names (两项补贴, 四个一批, 三大改造).
_CN_QUANTITY = re.compile(r"(?<![第一二三四五六七八九十百千“\"])(?P<num>[两二三四五六七八九十百千]+)(?P<unit>所|家|个|项|条|座|处|批|名|台|套|户)(?=[，。；、,;]|$)")
_NAMED_CAPACITY = re.compile(r"[\u4e00-\u9fff]{1,12}?(项目|工程|生产线)")
_AFTER = re.compile(r"^(以上|左右|以下|以内|及以上)")
_BEFORE = re.compile(r"(不少于|不低于|不超过|超过|突破|力争|预计|约|近|控制在)$")
_CLAUSE_BREAK = "，。；：、,;:()（）\n"
_LEAD_FILLER = re.compile(
    r"^(全区|全年|年度|今年|其中|累计|共计|总计|共|实现|完成|达到|达|确保|力争|预计|争取|顺利|成功|全面|新建成|建成|"
    r"谋划实施|实施|目标|主要预期目标是|经济社会发展主要预期目标是|同比|比上年)"
)
_TAIL_FILLER = re.compile(r"(达到|达|为|至|超过|突破|约|近|稳定在|控制在|分别|共计|总计|合计|累计|同比|比上年|全年|年均|保持|完成|实现)$")
_GROWTH = re.compile(r"(增长|增速|下降|提高|降低|增加|减少|增幅|降幅)$")
# One indicator, several names. The canonical name comes first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "地区生产总值": ("地区生产总值", "全区生产总值", "生产总值", "GDP", "经济增长", "经济总量", "经济"),
    "规上工业增加值": ("规模以上工业增加值", "规上工业增加值", "规模以上工业", "规上工业"),
    "固定资产投资": ("固定资产投资",),
    "社会消费品零售总额": ("社会消费品零售总额", "社消零总额"),
    "一般公共预算收入": ("一般公共预算收入", "地方一般公共预算收入"),
    "城镇新增就业": ("城镇新增就业人数", "城镇新增就业", "新增城镇就业"),
    "外贸进出口总额": ("外贸进出口总额", "货物贸易进出口总额", "进出口总额"),
    "实际利用境外资金": ("实际利用境外资金", "实际利用外资"),
}
_CANONICAL = sorted(((name, canon) for canon, names in SYNONYMS.items() for name in names), key=lambda x: -len(x[0]))
_SCALE = {"万": 1e4, "亿": 1e8, "": 1.0}
# Unit → (family, factor to the family's base unit).
_UNITS = {
    "万亿元": ("元", 1e12), "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0),
    "亿美元": ("美元", 1e8), "万美元": ("美元", 1e4), "美元": ("美元", 1.0),
    "万人次": ("人次", 1e4), "人次": ("人次", 1.0), "万人": ("人", 1e4), "人": ("人", 1.0), "名": ("人", 1.0),
    "万户": ("户", 1e4), "户": ("户", 1.0), "万亩": ("亩", 1e4), "亩": ("亩", 1.0), "公顷": ("亩", 15.0),
    "万吨": ("吨", 1e4), "吨": ("吨", 1.0), "万平方米": ("平方米", 1e4), "平方米": ("平方米", 1.0),
    "平方公里": ("平方公里", 1.0), "公里": ("公里", 1.0), "千米": ("公里", 1.0), "米": ("公里", 1e-3),
    "万千瓦": ("千瓦", 1e4), "千瓦": ("千瓦", 1.0), "万辆": ("辆", 1e4), "辆": ("辆", 1.0),
    "万套": ("套", 1e4), "套": ("套", 1.0), "个百分点": ("个百分点", 1.0), "百分点": ("个百分点", 1.0),
}


@dataclass
class Quantity:
    """One figure in a report, with what it measures."""

    value: float  # as written: 263.06 for 263.06亿元
    unit: str  # as written, with its scale: 亿元, 万人, %
    qualifier: str  # 以上 | 左右 | 以下 | 不少于 | 不低于 | 突破 | 力争 | 预计 | 约 | 余 | ""
    indicator: str  # canonical name: 地区生产总值
    label: str  # the words before the figure, as written: 完成地区生产总值
    measure: str  # level | growth
    kind: str  # actual | target
    year: int | None
    text: str  # exact source text: label and figure
    start: int  # cleaned offsets of the figure
    end: int
    text_start: int = -1  # cleaned offset where `text` begins
    high: float | None = None  # upper end of a range (3-5个)
    estimate: bool = False  # a table value marked [2] or 预计
    source: str = "text"  # text | table

    @property
    def family(self) -> str:
        return _UNITS.get(self.unit, (self.unit, 1.0))[0]

    @property
    def base(self) -> float:
        """The value in the family's base unit (5.79万人 → 57900 人)."""
        return self.value * _UNITS.get(self.unit, (self.unit, 1.0))[1]


@dataclass
class NumberPair:
    indicator: str
    kind: str
    measure: str
    old: Quantity
    new: Quantity

    @property
    def change(self) -> float | None:
        """New minus old, in the new figure's unit."""
        factor = _UNITS.get(self.new.unit, (self.new.unit, 1.0))[1]
        return round((self.new.base - self.old.base) / factor, 4)

    @property
    def change_pct(self) -> float | None:
        if self.measure == "growth" or self.old.base == 0:
            return None
        return round((self.new.base - self.old.base) / abs(self.old.base) * 100, 2)

    @property
    def direction(self) -> str:
        delta = self.new.base - self.old.base
        return "↑" if delta > 0 else "↓" if delta < 0 else "="


@dataclass
class Numbers:
    old: list[Quantity] = field(default_factory=list)
    new: list[Quantity] = field(default_factory=list)
    pairs: list[NumberPair] = field(default_factory=list)


def canonical(label: str) -> str:
    """The indicator a label names: its synonym's canonical name, else the label."""
    for name, canon in _CANONICAL:
        # Short names only as the whole label: 经济 is GDP, 数字经济 is not.
        if label == name or len(name) >= 4 and label.endswith(name):
            return canon
    return label


def extract(doc: Document) -> list[Quantity]:
    """Every quantity in a report's text and tables, in reading order."""
    parts = _part_spans(doc)
    found: list[Quantity] = []
    folded = doc.clean.folded
    for start, end in doc.clean.paragraphs():
        if "\t" in doc.text[start:end]:
            continue
        kind, year = _kind_at(parts, start)
        previous: Quantity | None = None
        sentence_start = start
        for m in _matches(folded, start, end):
            q = _quantity(doc, folded, m, kind, year, sentence_start, previous)
            if q is None:
                continue
            found.append(q)
            previous = q
            stop = max(folded.rfind("。", start, m.start()), folded.rfind("；", start, m.start()), folded.rfind(";", start, m.start()))
            if stop >= sentence_start:
                sentence_start = stop + 1
    for table in doc.outline.tables:
        found += _table_quantities(doc, table)
    found.sort(key=lambda q: q.start)
    return found


def _matches(folded: str, start: int, end: int):
    out = list(_QUANTITY.finditer(folded, start, end)) + list(_CN_QUANTITY.finditer(folded, start, end))
    return sorted(out, key=lambda m: m.start())


def _inside_quotes(folded: str, pos: int, start: int) -> bool:
    chunk = folded[start:pos]
    return chunk.count("\"") % 2 == 1


def _quantity(doc, folded, m, kind, year, sentence_start, previous) -> Quantity | None:
    para_start = folded.rfind("\n", 0, m.start()) + 1
    if _inside_quotes(folded, m.start(), para_start):
        return None  # “1+11”, “四个一批”: names, not quantities
    raw = m.group("num")
    try:
        value = float(raw) if raw[0].isdigit() else float(to_int(raw))
    except ValueError:
        return None
    if not raw[0].isdigit() and value < 2:
        return None  # 一个, 一批: idiom, not a count
    groups = m.groupdict()
    unit = (groups.get("scale") or "") + m.group("unit")
    label_start = _clause_start(folded, m.start(), para_start)
    label = folded[label_start : m.start()]
    qualifier = ""
    before = _BEFORE.search(label)
    if before:
        qualifier = before.group(1)
    after = _AFTER.match(folded[m.end() : m.end() + 4])
    end = m.end()
    if after:
        qualifier = after.group(1)
        end += len(after.group(1))
    if groups.get("approx"):
        qualifier = qualifier or "余"
    if _NAMED_CAPACITY.match(folded, end):
        return None  # 卓翔3万吨金属新材料项目: a capacity inside a project's name
    name, measure = _indicator(label, unit)
    text_start = label_start
    if not name and previous is not None and measure == "growth" and previous.start >= sentence_start:
        # 地区生产总值263.06亿元，同比增长4.8%: the growth of the figure before,
        # quoted with it so the evidence names the indicator.
        name, text_start = previous.indicator, previous.text_start
    if not name:
        name = _indicator(label, unit)[0]
    if qualifier == "预计" or "预计" in label:
        estimate = True
    else:
        estimate = False
    if qualifier in {"力争"} or re.search(r"目标|计划|预期", label):
        kind = "target"
    return Quantity(
        value=value,
        unit=unit,
        qualifier=qualifier,
        indicator=canonical(name) if name else "",
        label=doc.text[label_start : m.start()],
        measure=measure,
        kind=kind,
        year=year,
        text=doc.clean.original(text_start, end),
        text_start=text_start,
        start=m.start(),
        end=end,
        high=float(groups["high"]) if groups.get("high") else None,
        estimate=estimate,
    )


def _clause_start(folded: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and folded[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return i


def _indicator(label: str, unit: str) -> tuple[str, str]:
    """(indicator words, level|growth) from the words before a figure."""
    words = re.sub(r"\s", "", label)
    for _ in range(4):
        stripped = _TAIL_FILLER.sub("", _LEAD_FILLER.sub("", words))
        if stripped == words:
            break
        words = stripped
    measure = "level"
    growth = _GROWTH.search(words)
    if growth and unit in {"%", "个百分点", "百分点"}:
        measure = "growth"
        words = _TAIL_FILLER.sub("", words[: growth.start()])
        words = re.sub(r"(同比|比上年)$", "", words)
    elif words.endswith(("增速", "增长率")) and unit == "%":
        measure = "growth"
        words = words[: -len("增速")] if words.endswith("增速") else words[:-3]
    words = words.strip("“”\"'")
    return (words if len(words) >= 2 else ""), measure


def _part_spans(doc: Document) -> list[tuple[int, int, str, int | None]]:
    """(start, end, kind, year) of each part; five-year retrospectives first,
    as their figures are totals over the period, not the year's actuals."""
    spans = [(s.start, s.end, "period", None) for s in doc.outline.walk() if s.kind == "period"]
    for section, part in zip(doc.sections, doc.meta.parts):
        kind = "actual" if part.role == "review" else "target" if part.role in {"targets", "tasks"} else "other"
        if doc.meta.kind == "five_year_plan":
            kind = "target"
        spans.append((section.start, section.end, kind, part.years[0] if len(part.years) == 1 else None))
    return spans


def _kind_at(parts, pos: int) -> tuple[str, int | None]:
    for start, end, kind, year in parts:
        if start <= pos < end:
            return kind, year
    return "other", None


_CELL = re.compile(rf"^(?P<num>-?{_NUMBER})\s*(?P<qual>以上|左右|以下)?\s*(?P<est>\[\d\])?$")


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
            measure = "growth" if ("增长" in column or name.endswith(("增速", "增长率"))) and unit in {"%", ""} else "level"
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
                )
            )
    return out


def _key(q: Quantity) -> tuple[str, str, str, str]:
    return (q.indicator, q.measure, q.kind, q.family)


def _comparable(doc: Document, quantities: list[Quantity]) -> dict[tuple, Quantity]:
    """The one quantity per (indicator, measure, kind, unit family) to compare.

    Actuals of the year the report reviews, targets of the year it plans; the
    first mention in the text wins, a table fills the gaps. An indicator that
    names different figures of one kind in one report is ambiguous unless it
    is a known indicator, and is left out rather than guessed.
    """
    reviews, plans = set(doc.meta.reviews), set(doc.meta.plans[:1])
    chosen: dict[tuple, Quantity] = {}
    values: dict[tuple, set[float]] = {}
    for q in sorted(quantities, key=lambda q: (q.source != "text", q.start)):
        if not q.indicator or q.kind not in {"actual", "target"}:
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


def _core_label(indicator: str) -> str:
    return _LABEL_NOISE.sub("", indicator).replace("增加", "新增")


def label_similarity(a: str, b: str, scoped: bool = True) -> float:
    """How surely two indicator names name one thing: 1 when one ends the other
    (入库国家科技型中小企业 / 评价入库国家科技型中小企业), else their bigram overlap."""
    a, b = _core_label(a), _core_label(b)
    if not a or not b:
        return 0.0
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and long.endswith(short) and len(long) <= 3 * len(short):
        # 省重点项目 is a part of 重点项目, not the same count
        return 0.0 if scoped and _SCOPE.search(long[: len(long) - len(short)]) else 1.0
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
    pairs = [NumberPair(k[0], k[2], k[1], a[k], b[k]) for k in a if k in b]
    rest_a = {k: q for k, q in a.items() if k not in b}
    rest_b = {k: q for k, q in b.items() if k not in a}
    scored = sorted(
        ((label_similarity(ka[0], kb[0]), ka, kb) for ka in rest_a for kb in rest_b if ka[1:] == kb[1:]),
        reverse=True,
    )
    used_a, used_b = set(), set()
    for score, ka, kb in scored:
        if score < LABEL_MATCH:
            break
        if ka in used_a or kb in used_b:
            continue
        used_a.add(ka)
        used_b.add(kb)
        pairs.append(NumberPair(ka[0], ka[2], ka[1], rest_a[ka], rest_b[kb]))
    pairs.sort(key=lambda p: (p.kind != "actual", p.new.start))
    return Numbers(old_q, new_q, pairs)
