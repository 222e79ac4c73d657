"""Part of stage 3 — what a report is: region, kind, dates, years, part roles.

Read from the title and front matter first and the body second: a district's
report also names its city, its neighbours and, by the source's own slips, places
it is not, so the region is the name the title gives, else the one the text uses most.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from .clean import CleanText, fold
from .numbering import to_int
from .structure import Outline, Section

_TITLE_WORDS = re.compile(r"报告|纲要|规划|计划")
# A title line is a name, not a sentence; on a page that runs title, date and
# speaker together it ends where the date line or the salutation begins.
# Two titles run together (1996年政府工作报告关于…纲要的报告): the first is the name readers use.
_TITLE_END = re.compile(r"——|[(（]\s*\d{4}|[(（]\s*[〇零一二三四五六七八九]{4}|各位代表|(?<=报告)(?=关于)")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_REGION = re.compile(r"([\u4e00-\u9fff]{2})(区|县)")
_ASSEMBLY = re.compile(
    r"([\u4e00-\u9fff]{2,6}自治区|[\u4e00-\u9fff]{2,4}[省市区县])(?:第?[一二三四五六七八九十]+届\s*(?:人民代表大会|人大)|人民政府|发展和改革委员会)"
)
_NOT_NAME = set("在于我向对由代表的和与及")
_PREPOSITION = re.compile("[在于向对由]")  # no place name holds one (…日在广西壮族自治区…)
_NATIONAL = re.compile(r"全国人民代表大会|国务院总理|代表国务院|国务院向")
# 2-character stems that make generic nouns, not place names, with 区/县.
_GENERIC = set(
    ["开发", "示范", "功能", "产业", "园区", "城区", "新区", "老区", "社区", "辖区", "片区", "景区", "街区", "市区", "郊区", "山区", "矿区", "校区", "商区", "服务", "集聚", "标杆", "试验", "自贸", "保税", "高新", "经济", "核心", "生态", "居住", "工业", "农业", "重点", "全区", "我区", "本区", "该区", "各区", "两区", "城乡", "主城", "中心", "文化", "旅游", "商务", "商业", "物流", "贸易", "宜居", "保护", "先行", "特色", "创新", "改革", "一流", "现代", "智能", "综合", "专业", "聚集", "发展", "健康", "乡村", "美丽", "农村", "小区"]
)
# 决算 closes a year's accounts; 关于过去五年的政府工作 looks back without saying 回顾.
_REVIEW = re.compile(r"执行情况|工作回顾|回顾|完成情况|工作总结|成就|成效|决算|过去[一二三四五六七八九十几]+年的?(?:政府)?工作")
_TARGETS = re.compile(r"主要目标|预期目标|总体要求|发展目标")
_TASKS = re.compile(r"主要任务|重点工作|工作安排|重点任务|工作任务|项目计划|计划安排|主要工作|工作的?建议|年的?工作$|总体部署")
# A year's 目标任务 are its tasks; a five-year period's are its goals.
_YEAR_TASKS = re.compile(r"目标任务")
_STATES_TARGETS = re.compile(r"预期目标(?:是|为)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_YEAR = re.compile(r"([一二][〇零一二三四五六七八九]{3})年")
# 第十个五年计划, “十五”计划, 十四五时期; not 新世纪第一个五年计划 (the first of an era, not of the series).
# A quoted “十五五” names the period on its own (二、“十五五”主要目标任务).
_FIVE_YEAR = re.compile(
    r"(?<!世纪)(?<!时代)第([一二三四五六七八九十]+)个五年(?:规划|计划)"
    r"|[“\"](十[一二三四五六七八九]?五)[”\"]|(十[一二三四五六七八九]?五)(?:规划|计划|时期|期间)"
)
# How often a review must write a year before that year counts as the one it reviews.
MENTIONS = 3
# A year a review speaks of (2005年，…; 增加到2002年的…), not a base it compares with (比2007年, 由1997年的).
_FACT_YEAR = re.compile(r"(?<![比较从由自])((?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})\s*年")
_OPENING_YEAR = re.compile(r"\s*" + _FACT_YEAR.pattern)
_ESTIMATED = re.compile(r"[^。,;]{0,8}预计")
_SPAN = re.compile(r"从((?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})年到((?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})年")


Role = Literal["review", "targets", "tasks", "appendix", "other"]
Kind = Literal["plan_report", "work_report", "five_year_plan", "other"]


@dataclass(frozen=True)
class Part:
    """A top-level section of a report and what it is for."""

    section: Section = field(repr=False, compare=False)
    role: Role
    years: tuple[int, ...]

    @property
    def heading(self) -> str:
        return self.section.heading


@dataclass(frozen=True)
class Metadata:
    title: str
    region: str
    kind: Kind
    delivered: str  # ISO date or ""
    reviews: tuple[int, ...]
    plans: tuple[int, ...]
    parts: tuple[Part, ...]


def describe(clean: CleanText, outline: Outline) -> Metadata:
    """Work out a report's metadata from its text and outline."""
    text = clean.folded
    front = clean.text[outline.front[0] : outline.front[1]]
    title = _title(clean.text, front)
    kind = _kind(title, front[:500] + text[:3000])
    region = _region(title, front, text)
    delivered = _delivered(fold(title + "\n" + front + "\n" + clean.text[:600]))
    undated = [_part(section, kind, text) for section in outline.sections]
    # A report of no named kind whose parts each name one year (１９５５年国家决算, １９５６年的国家预算)
    # is annual too, and so is one that reports on one year above all others.
    reported = _dominant_year(text) if kind == "other" else None
    annual = kind in {"work_report", "plan_report"} or kind == "other" and (sum(len(p.years) == 1 for p in undated) >= 2 or reported is not None)
    titled = _title_plans(title) if kind == "plan_report" else []
    plan = (min(titled) if titled else _plan_year(undated, title, delivered, text, reported)) if annual else None
    parts = _dated_parts(undated, plan)
    reviews = sorted({max(p.years) for p in parts if p.role == "review" and p.years})
    plans = sorted({y for p in parts if p.role in {"targets", "tasks"} for y in p.years if len(p.years) == 1} | set(titled))
    if not plans and not reviews and plan is not None:
        reviews = [plan - 1]  # no part says it: the report as a whole reviews one year and plans the next
    if not plans and reviews and annual:
        plans = [reviews[-1] + 1]  # an annual report plans the year after the one it reviews
    if titled and not reviews:
        reviews = [titled[0] - 1]  # a plan report looks back on the year before the first its title plans
    if kind == "five_year_plan":
        span = _five_year_span(title + text[:5000])
        plans = list(span) if span else plans
        reviews = []
    return Metadata(title, region, kind, delivered, tuple(reviews), tuple(plans), parts)


def _reviewed_by_mention(text: str, parts: list[Part]) -> int | None:
    """The year an annual report's review speaks of as done: the year its review
    parts (else its first fifth) write most often, the later one on a tie. The
    last resort for a report whose title, date and headings name no year."""
    reviews = [p.section for p in parts if p.role == "review"]
    spans = [(s.start, s.end) for s in reviews] or [(0, max(len(text) // 5, 2000))]
    counts = _year_counts("\n".join(text[a:b] for a, b in spans))
    for section in reviews:
        # a review that opens on a year (一、去年工作回顾 / 2005年，我国…) is about that year
        opening = _OPENING_YEAR.match(text, section.body_start)
        if opening:
            counts[_year_of(opening.group(1))] += MENTIONS
    if not counts:
        return None
    year = max(counts, key=lambda y: (counts[y], y))
    return year if counts[year] >= MENTIONS else None  # a year or two written is no evidence


def _year_counts(review: str) -> Counter[int]:
    """How often a review speaks of each year. A paragraph that opens on a year
    (１９８６年是开始执行…的一年) and a year whose results are estimates (一九七四年农业总产值预计…:
    the year just ended) each say as much as MENTIONS mentions."""
    review = re.sub(r"(?<=\d)\s+(?=\d)", "", review)  # 1 9 9 7 年
    counts: Counter[int] = Counter()
    for m in _FACT_YEAR.finditer(review):
        opens = m.start() == 0 or review[m.start() - 1] == "\n"
        counts[_year_of(m.group(1))] += 1 + MENTIONS * (opens + bool(_ESTIMATED.match(review, m.end())))
    return counts


def _dominant_year(folded: str) -> int | None:
    """The year a text of no named kind reports on: one it writes at least MENTIONS
    times and twice as often as any other (一九五九年 against 一九五八年 in a report on a
    programme's progress), else None."""
    written = Counter(_year_of(m.group(1)) for m in _FACT_YEAR.finditer(re.sub(r"(?<=\d)\s+(?=\d)", "", folded)))
    ranked = [*written.most_common(2), (0, 0), (0, 0)]
    (year, count), (_, runner_up) = ranked[0], ranked[1]
    return year if count >= MENTIONS and count >= 2 * runner_up else None


def _title_plans(title: str) -> list[int]:
    """The years a plan report's title plans (关于1980、1981年国民经济计划安排的报告;
    关于2024年…计划执行情况与2025年…计划草案的报告 plans 2025 only)."""
    planned = re.split(r"执行情况", fold(title))[-1]
    return sorted({int(y) for y in re.findall(r"((?:19|20)\d\d)(?=[、年])", planned)} | {_cn_year(y) for y in _CN_YEAR.findall(planned)})


def _plan_year(parts: list[Part], title: str, delivered: str, text: str, reported: int | None = None) -> int | None:
    """The year an annual report plans: the one its plan parts name, else the one after
    the year its review parts name, its delivery year, its title's year, or the year
    after the one its review speaks of most (`reported`, where that is known already)."""
    named = [y for p in parts if p.role in {"targets", "tasks"} and len(p.years) == 1 for y in p.years]
    # Parts that say only which year they are about (一九五七年经济战线上的胜利, 争取一九五八年…的新跃进)
    # name the year reviewed and the year planned: the later one is planned.
    unlabelled = {p.years[0] for p in parts if p.role == "other" and len(p.years) == 1}
    if not named and len(unlabelled) == 2 and max(unlabelled) - min(unlabelled) == 1:
        named = [max(unlabelled)]
    reviewed = [max(p.years) for p in parts if p.role == "review" and p.years]
    title_year = _YEAR.search(fold(title))
    plan = (
        named[0] if named
        else reviewed[0] + 1 if reviewed
        else int(delivered[:4]) if delivered
        else int(title_year.group(1)) if title_year
        else None
    )
    if plan is None:
        mentioned = reported or _reviewed_by_mention(text, parts)
        plan = mentioned + 1 if mentioned else None
        # A report that never writes the year it would then plan, but sets out a span opening the
        # year after (从一九七八年到一九八五年八年间…每年增长), plans that year: its review's
        # last year is written only as 去年.
        written = {_year_of(m.group(1)) for m in _FACT_YEAR.finditer(text)} | {_year_of(y) for span in _SPAN.findall(text) for y in span}
        if plan is not None and plan not in written and any(_year_of(a) == plan + 1 < _year_of(b) for a, b in _SPAN.findall(text)):
            plan += 1
    return plan


def _dated_parts(parts: list[Part], plan: int | None) -> tuple[Part, ...]:
    """Give a year to review and plan parts whose headings name none: an annual
    report's 一、工作回顾 and 二、对今年政府工作的建议 review the year before the one
    it plans and plan that one. A part of no role that names only the year before the
    plan year looks back on it (（一）一九五七年经济战线上的胜利), one naming only the plan
    year plans it. The numbered parts after the plan's first part that name no year go on
    with its plan: 三、加大宏观政策实施力度… to 八、… after 二、今年发展主要目标和下一阶段工作总体部署,
    三、全面加强政府自身建设 after 二、2025年重点工作. Where no part reviews the year before the
    plan year alone, a review of the period ending with it (一、“十四五”时期工作回顾) is that
    year's review too."""
    if plan is None:
        return tuple(parts)
    out: list[Part] = []
    for part in parts:
        if part.role == "other" and part.years in {(plan - 1,), (plan,)} and part.section.kind != "preface":
            part = replace(part, role="review" if part.years == (plan - 1,) else "tasks")
        planning = any(p.role in {"targets", "tasks"} and p.years == (plan,) for p in out)
        if part.role == "other" and not part.years and part.section.kind == "numbered" and planning:
            part = replace(part, role="tasks")
        if not part.years and part.role == "review":
            part = replace(part, years=(plan - 1,))
        elif not part.years and part.role in {"targets", "tasks"}:
            part = replace(part, years=(plan,))
        out.append(part)
    if not any(p.role == "review" and p.years == (plan - 1,) for p in out):
        period = next((p for p in out if p.role == "review" and len(p.years) > 1 and p.years[-1] == plan - 1), None)
        out = [replace(p, years=(plan - 1,)) if p is period else p for p in out]
    return tuple(out)


def _title(text: str, front: str) -> str:
    # The title heads the page: among its first lines, a name ending at its
    # last title word (1989年政府工作报告 without the subtitle run into it).
    lines = [_TITLE_END.split(line)[0].strip() for line in front.split("\n")[:6] if line and not line.startswith("——")]
    for line in lines:
        named = re.match(r".*(?:报告|纲要|规划|计划|草案)(?!的)", line)
        if named and 6 <= len(named.group(0)) <= 80 and not re.search(r"[，,。：:！!]", line):
            return named.group(0)
    # a plan that names itself where it opens: 《…纲要》（以下简称《纲要》）
    book = re.search(r"(?m)^《([^》]{4,60}(?:纲要|规划|报告))》", text[:3000])
    if book:
        return book.group(1)
    # …现在向大会提出关于1980、1981年国民经济计划安排的报告: the report names itself
    named = re.search(r"向[^，。]{0,30}(?:提出|作)(关于[^，。]{4,60}的报告)", text[:600])
    if named:
        return named.group(1)
    return ""


def _kind(title: str, text: str) -> Kind:
    """From the title, else from how the opening speaks of the report.

    Plan reports (关于…计划执行情况与…计划草案的报告) and work reports mention
    five-year plans in their first lines; only the title says what they are.
    """
    for source in (title, text[:600]):
        if re.search(r"(计划|规划)\s*执行情况|计划\s*[(（]?草案[)）]?的报告|国民经济(?:和社会发展)?计划", source):
            return "plan_report"
        if re.search(r"政府工作报告|向[^。]{0,24}(?:大会|会议)[^。]{0,4}报告[^。]{0,12}工作", source):
            return "work_report"
        if re.search(r"五年(?:规划|计划)|规划纲要|远景目标纲要", source):
            return "five_year_plan"
        # A government reporting to its assembly on no plan (我代表国务院，就当前的经济形势…向大会作以下报告)
        # gives its work report, whatever it is titled.
        if re.search(r"我代表[^。]{0,8}(?:国务院|政府)[^。]{0,80}向[^。]{0,12}大会[^。]{0,4}(?:作[^。]{0,6})?报告", source):
            return "work_report"
    return "other"


def _region(title: str, front: str, text: str) -> str:
    """The body that delivered the report (山东省第十四届人民代表大会, 某某区人民政府),
    else the district the text names most."""
    edges = title + "\n" + front + "\n" + text[:3000] + "\n" + text[-2000:]
    if _NATIONAL.search(edges):
        return "全国"
    bodies: Counter[str] = Counter()
    for m in _ASSEMBLY.finditer(edges):
        # The match may have swallowed a word before the name (在某某区, 市某某区):
        # of its tails, the one the text uses most is the name.
        # 某某市某某区: the district, not the city run into it
        name = re.sub(r"^.*[省市](?=.{2,}[区县]$)", "", m.group(1))
        suffix = 3 if name.endswith("自治区") else 1
        tails = [name[i:] for i in range(len(name) - suffix - 1) if name[i] not in _NOT_NAME and not _PREPOSITION.search(name[i:])]
        if tails:
            # a name occurs at least as often as any word it is part of
            best = max(tails, key=lambda t: (text.count(t), len(t)))
            bodies[best] = text.count(best)
    if bodies:
        return _most_specific(bodies)
    counts = Counter(
        m.group(0) for m in _REGION.finditer(text) if m.group(1) not in _GENERIC and m.group(1)[-1] not in "新老园社景街片校"
    )
    if counts and counts.most_common(1)[0][1] >= 3:
        return counts.most_common(1)[0][0]
    # No assembly or government of a place below the nation, and the country as its scope:
    # the State Council's report (the 1985 text opens with 各位代表 and no formula).
    if text.count("我国") >= 3:
        return "全国"
    return ""


def _most_specific(bodies: Counter) -> str:
    """A district over its city, a city over its province; ties by count."""
    rank = {"区": 0, "县": 0, "市": 1, "省": 2}
    return min(bodies, key=lambda name: (rank[name[-1]], -bodies[name]))


def _delivered(front: str) -> str:
    """The first date of the front matter, in digits or Chinese numerals (二〇二六年三月五日)."""
    found = [(m.start(), [int(g) for g in m.groups()]) for m in _DATE.finditer(front)][:1]
    found += [(m.start(), [_cn_year(m.group(1)), to_int(m.group(2)), to_int(m.group(3))]) for m in _CN_DATE.finditer(front)][:1]
    if not found:
        return ""
    year, month, day = min(found)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_of(written: str) -> int:
    return int(written) if written.isdigit() else _cn_year(written)


def _cn_year(numeral: str) -> int:
    return int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in numeral))


def states_targets(folded: str, section: Section) -> bool:
    """Whether a section opens with the year's targets (今年…主要预期目标是：…), as a unit
    of its own or in its opening text."""
    opening = folded[section.body_start : section.children[0].start if section.children else section.end]
    return bool(_STATES_TARGETS.search(opening)) or any(c.kind == "targets" for c in section.children[:1])


def _part(section: Section, kind: str, folded: str) -> Part:
    heading = section.heading
    if section.kind == "appendix":
        return Part(section, "appendix", ())
    folded = re.sub(r"(?<=\d)\s+(?=\d)", "", fold(heading))  # 关于1 9 9 8 年政府工作的建议
    years = tuple(int(y) for y in _YEAR.findall(folded)) or tuple(_cn_year(y) for y in _CN_YEAR.findall(folded))
    span = _five_year_span(folded)
    if span and not years:
        years = span
    role: Role
    review = _REVIEW.search(folded)
    if review:
        role = "review"
        # 1998年工作回顾和1999年工作的总体要求 reviews 1998: the year written before the word
        before = [int(y) for y in _YEAR.findall(folded[: review.start()])]
        years = (before[-1],) if before and not span else years
    elif _TASKS.search(folded) or _YEAR_TASKS.search(folded) and len(years) <= 1:
        role = "tasks"
    elif _TARGETS.search(folded):
        role = "targets"
    elif kind == "five_year_plan" and section.kind != "preface":
        role = "tasks"
    elif kind != "five_year_plan" and states_targets(folded, section):
        # a part under a slogan (三、一鼓作气勇争先，全力推动“十五五”开好局) that sets out the
        # year's targets is the year's plan, whatever period its heading names
        role, years = "tasks", ()
    else:
        role = "other"
    return Part(section, role, years)


def _five_year_span(text: str) -> tuple[int, ...]:
    """十四五 → 2021…2025. Each plan runs five years; the first began in 1953, the
    second in 1958, the third, after the 1963–65 readjustment, in 1966."""
    m = _FIVE_YEAR.search(text)
    if not m:
        return ()
    numeral = m.group(1) or (m.group(2) or m.group(3))[:-1]
    n = to_int(numeral)
    start = {1: 1953, 2: 1958}.get(n, 1966 + 5 * (n - 3))
    return tuple(range(start, start + 5))
