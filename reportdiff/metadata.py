"""Part of stage 3 — what a report is: region, kind, dates, years, part roles.

Read from the title and front matter first and the body second: a 湛河区 file
also mentions 漯河 and 湛江 (the source's own slips), so the region is the
name the title gives, else the one the text uses most.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .clean import CleanText
from .numbering import to_int
from .structure import Outline, Section

_TITLE_WORDS = re.compile(r"报告|纲要|规划|计划")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_REGION = re.compile(r"([\u4e00-\u9fff]{2})(区|县)")
_ASSEMBLY = re.compile(
    r"([\u4e00-\u9fff]{2,4}[省市区县])(?:第?[一二三四五六七八九十]+届\s*(?:人民代表大会|人大)|人民政府|发展和改革委员会)"
)
_NOT_NAME = set("在于我向对由代表的和与及")
_NATIONAL = re.compile(r"全国人民代表大会|国务院总理")
# 2-character stems that make generic nouns, not place names, with 区/县.
_GENERIC = set(
    "开发 示范 功能 产业 园区 城区 新区 老区 社区 辖区 片区 景区 街区 市区 郊区 山区 矿区 "
    "校区 商区 服务 集聚 标杆 试验 自贸 保税 高新 经济 核心 生态 居住 工业 农业 重点 全区 "
    "我区 本区 该区 各区 两区 城乡 主城 中心 文化 旅游 商务 商业 物流 贸易 宜居 保护 先行 "
    "特色 创新 改革 一流 现代 智能 综合 专业 聚集 发展 健康 乡村 美丽 湛河新 农村 小区".split()
)
_REVIEW = re.compile(r"执行情况|工作回顾|回顾|完成情况")
_TARGETS = re.compile(r"主要目标|预期目标|总体要求|发展目标")
_TASKS = re.compile(r"主要任务|重点工作|工作安排|重点任务|工作任务|项目计划|计划安排|政府工作任务")
_YEAR = re.compile(r"(20\d\d)\s*年")
_FIVE_YEAR = re.compile(r"第([一二三四五六七八九十]+)个五年规划|“?(十[一二三四五六七八九]五)”?(?:规划|时期)")


@dataclass(frozen=True)
class Part:
    """A top-level part of a report and what it is for."""

    heading: str
    role: str  # review | targets | tasks | appendix | other
    years: tuple[int, ...]


@dataclass(frozen=True)
class Metadata:
    title: str
    region: str
    kind: str  # plan_report | work_report | five_year_plan | other
    delivered: str  # ISO date or ""
    reviews: tuple[int, ...]
    plans: tuple[int, ...]
    parts: tuple[Part, ...]


def describe(clean: CleanText, outline: Outline) -> Metadata:
    """Work out a report's metadata from its text and outline."""
    text = clean.folded
    front = clean.text[outline.front[0] : outline.front[1]]
    title = _title(clean.text, front)
    kind = _kind(title + "\n" + front[:500] + text[:3000])
    region = _region(title, front, text)
    delivered = _delivered(title + "\n" + front)
    parts = tuple(_part(section, kind) for section in outline.sections)
    reviews = sorted({y for p in parts if p.role == "review" for y in p.years[:1]})
    plans = sorted({y for p in parts if p.role in {"targets", "tasks"} for y in p.years if len(p.years) == 1})
    if kind == "five_year_plan":
        span = _five_year_span(title + text[:5000])
        plans = list(span) if span else plans
        reviews = []
    return Metadata(title, region, kind, delivered, tuple(reviews), tuple(plans), parts)


def _title(text: str, front: str) -> str:
    lines = [line for line in front.split("\n") if line and not line.startswith("——")]
    for line in lines:
        if _TITLE_WORDS.search(line) and len(line) <= 80:
            return line
    book = re.search(r"《([^》]{4,60}(?:纲要|规划|报告))》", text[:3000])
    if book:
        return book.group(1)
    return lines[0][:60] if lines else ""


def _kind(text: str) -> str:
    if re.search(r"五年规划|五年规划纲要|远景目标纲要", text[:600]):
        return "five_year_plan"
    if "政府工作报告" in text[:600]:
        return "work_report"
    if re.search(r"(计划|规划)\s*执行情况|计划\s*[(（]?草案[)）]?的报告", text[:600]):
        return "plan_report"
    return "other"


def _region(title: str, front: str, text: str) -> str:
    """The body that delivered the report (湛河区第六届人民代表大会, 郾城区人民政府),
    else the district the text names most."""
    edges = title + "\n" + front + "\n" + text[:3000] + "\n" + text[-2000:]
    if _NATIONAL.search(edges):
        return "全国"
    bodies = Counter()
    for m in _ASSEMBLY.finditer(edges):
        # The match may have swallowed a word before the name (在湛河区, 市郾城区):
        # of its tails, the one the text uses most is the name.
        name = m.group(1)
        tails = [name[i:] for i in range(len(name) - 2) if name[i] not in _NOT_NAME]
        if tails:
            best = max(tails, key=lambda t: (text.count(t), -len(t)))
            bodies[best] = text.count(best)
    if bodies:
        return _most_specific(bodies)
    counts = Counter(
        m.group(0) for m in _REGION.finditer(text) if m.group(1) not in _GENERIC and m.group(1)[-1] not in "新老园社景街片校"
    )
    if counts and counts.most_common(1)[0][1] >= 3:
        return counts.most_common(1)[0][0]
    return ""


def _most_specific(bodies: Counter) -> str:
    """A district over its city, a city over its province; ties by count."""
    rank = {"区": 0, "县": 0, "市": 1, "省": 2}
    return min(bodies, key=lambda name: (rank[name[-1]], -bodies[name]))


def _delivered(front: str) -> str:
    m = _DATE.search(front)
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _part(section: Section, kind: str) -> Part:
    heading = section.heading
    if section.kind == "appendix":
        return Part(heading, "appendix", ())
    years = tuple(int(y) for y in _YEAR.findall(heading))
    span = _five_year_span(heading)
    if span and not years:
        years = span
    if _REVIEW.search(heading):
        role = "review"
    elif _TASKS.search(heading):
        role = "tasks"
    elif _TARGETS.search(heading):
        role = "targets"
    elif kind == "five_year_plan" and section.kind != "preface":
        role = "tasks"
    else:
        role = "other"
    return Part(heading, role, years)


def _five_year_span(text: str) -> tuple[int, ...]:
    """十四五 → 2021…2025 (the third plan began in 1966; each runs five years)."""
    m = _FIVE_YEAR.search(text)
    if not m:
        return ()
    numeral = m.group(1) or m.group(2)[:-1]
    n = to_int(numeral)
    start = 1966 + 5 * (n - 3)
    return tuple(range(start, start + 5))
