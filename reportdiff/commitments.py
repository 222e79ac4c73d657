"""Stage 7 — commitments: did last year's plan happen?

A plan report promises things for year N: quantitative targets
(``全年谋划实施重点项目80个以上``) and checkable deeds on named things
(``完成春天小学、稻香路小学二期项目建设``). The next report's review of year
N says what happened, or stays silent; unfinished promises come back in its
plan. Each commitment gets a status with the exact text that supports it.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .align import Alignment, align
from .clean import fold
from .document import Document
from .numbering import CN_DIGITS, to_int
from .numbers import CHANGE_ONLY, GROWTH, Quantity, canonical, dice, extract, label_similarity, longest_common, part_and_whole
from .quantities import PAIRED
from .structure import Section
from .tokens import STOPWORDS, Tokens, is_content, word_tags

# Deeds a review can confirm, and the words that say a deed is only under way.
_DEED = re.compile(r"(建成投用|建成投产|建成交付|建成|完成|开工建设|开工|投用|投产|竣工|通车|启动|打通)")
# Deeds that promise operation: a review saying only 建成 (built) has not delivered them.
_OPERATE = re.compile(r"投用|投产|达效|运营")
_DONE = re.compile(r"建成|完成|竣工|通车|投用|投产|交付|落成|运营|运行")
_STILL = re.compile(r"主体|在建|正在|续建|加快|推进|加紧")  # 主体完成 is not 完成
_UNDER_WAY = re.compile(r"主体完成|主体施工|加快|推进|在建|开工|启动|进入|正在|续建")
# A named thing: a project, school, road, park… (春天小学, 稻香路小学二期, 平高智能装备产业园).
_NAMED = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,18}(?:小学|中学|学校|幼儿园|医院|卫生院|中心|综合楼|病房楼|产业园|物流园|园区|"
    r"项目|工程|道路|大道|[路街桥](?:南延|北延|东延|西延)?|公园|游园|广场|厂|站|馆|场|基地|社区|小区|农田|安置房|住房)(?:[一二三]期|（[一二三]期）)?"
)
_VERB_PREFIX = re.compile(r"^(加紧|加快|全力|大力|积极|推进|推动|启动|实施|完成|建设|建成|新建|打通)+")
# The city, county or district a name opens with: a review of the same place leaves it out.
_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:省|市|县|(?<![小社园城片景街校厂矿新老辖郊山])区)(?=[\u4e00-\u9fff]{4})")
_GENERIC_NAMES = re.compile(r"^(重点|在建|新建|各类|一批|相关|全部|已建|续建|市级|省级|区级|全区|城市|农村|老旧|年度|民生|基础设施)")
# Allegiance and guiding ideology (以习近平新时代中国特色社会主义思想为指导, 全面贯彻党的二十大精神)
# frame every plan; no review reports them done or not.
_CREED = re.compile(r"习近平|党中央|总书记|党的[一二三四五六七八九十]+大|[一二三四五六七八九十]+届[一二三四五六七八九十]+中全会|思想为指导|精神为指导|党的领导")
# A profession of the guiding ideology (我们坚持以…思想为指导); a review sentence that credits the
# leadership (在以习近平同志为核心的党中央坚强领导下，…疫情防控实现平稳转段) still tells what was done.
_ALLEGIANCE = re.compile(r"(?:思想|精神|理论)为指导|坚持党的(?:全面)?领导")
# A review's account of its shortcomings (困难和问题) is not evidence that anything was done;
# but a shortcoming overcome (城乡居民收入差距继续缩小, 克服内部困难, 强化…薄弱环节) is.
# 困难 of people (困难群众, 困难家庭) names whom a measure helps, not a shortcoming.
_PROBLEMS = re.compile(r"困难(?!群众|家庭|群体|人员|职工|学生|老人|老年人|人群|儿童|户|地区)|问题|不足|短板|差距|堵点|不稳固|挑战|压力|薄弱|不少|有的")
# The sentence that opens a review's account of its shortcomings (我们也清醒看到面临的困难和挑战):
# what follows it in its part lists them (科技创新能力还不强), whatever its words.
_ACKNOWLEDGE = re.compile(r"(?:清醒|也要|更要|还要|同时)[^。；;]*?(?:看到|认识到)")
_LESSON = re.compile(r"(?:[一二三四五六七八九十]是)?必须")
_OVERCOME = re.compile(r"缩小|解决|破解|化解|克服|应对|补齐|补上|攻克|纾解|消除|弥补|战胜|顶住|强化|加强|打通|疏通")
# A plan's clauses are promises, but for the ones that describe the situation or the past.
_SITUATION = re.compile(r"面临|形势|挑战|困难|难度|当前|世界|全球|国际环境|依然|仍然|存在|问题|意义|必须看到|不确定|复杂|严峻|机遇|有利条件|今年是|之年|事关|关系[^，,]{0,12}全局")
# A clause: up to a comma, semicolon, full stop or colon, a quotation (“走出去、请进来”) whole.
_CLAUSE = re.compile(r"(?:“[^”\n]*”|[^，,；;。！？!?：:\n“])+")
# The targets statement (今年发展主要预期目标是：…): every clause of it is a target, figures or not.
_TARGETS = re.compile(r"(?:主要预期目标|预期目标|主要目标)(?:是|为|建议为)?[：:]")
# A sentence that announces what follows (下面简述几项重点, 重点抓好以下工作：) promises nothing itself.
_FRAMING = re.compile(r"(?:以下|下面|如下)[\u4e00-\u9fff\d]{0,8}?(?:方面|重点|工作|任务|几项|措施)|简述|着重抓好|主要做了")
# The words of a call to rally, not of a promise: 谱写新篇章, 共创伟业, 携手, 凝聚力量, 铸就辉煌.
_RALLYING = re.compile(r"谱写|篇章|共创|铸就|辉煌|携手|同心|伟业|新征程|汇聚|凝聚|不懈(?:奋斗|努力)|作出(?:新的|更大)?贡献|前行|迎难而上")
_ADDRESS = re.compile(r"各位代表[!！,，]")
_BELIEF = re.compile(r"才会|(?<!人)才能")  # not 人才能级
# The reasoning around promises, not promises: a condition (只要就业稳、收入增) and what will
# follow from it (我们就更有底气, 中国创新一定能更好发展, 规则越简约透明), what a thing is
# (就业是民生之本, 是减轻企业负担的重大举措), what it bears on (婴幼儿照护事关千家万户), a word on
# what was just said (上述主要预期目标, 这会给各级财政带来很大压力); and (_PURPOSE) a clause saying
# what the one before is for (让老年人拥有幸福的晚年, 使降费实实在在). 一是… and 特别是… list, 使用 acts.
_REASONING = re.compile(
    r"^(?:只要|如果|假如|倘若|一旦|要是)|就(?=一定|更|能|会|可以)|必将|一定(?:能|会)|定能|(?<![超跨卓优激穿逾飞])越"
    r"|事关|攸关|关乎|上述|这些|这是|这会|(?<![一二三四五六七八九十但就还或于总凡特别只正不即])是(?!否)"
    r"|^没有|(?:前面|上面)报告"  # 没有农村的现代化，就没有…; 前面报告的…各方面工作 speaks of the report
    r"|^只有|^这|相衔接"  # 只有一流的教育，…才…; 这直接关系…, 这件事一举多得; targets 与…规划目标相衔接
)
# How the country or its people are (中国人民勤劳智慧, 我国财政金融体系总体稳健, 人民群众身心健康) and
# a shortcoming told (自主创新能力不强, 复苏动力不足): the government promises with 我们, 国家 or no subject.
_STATE = re.compile(r"^(?:我国|中国|人民)(?!将|要|会|愿)|(?:不强|不足|不高|不够)$")
# After a comma only: a sentence of its own opening with 让 (让高质量发展成为最鲜明的标识) is an aim.
_PURPOSE = re.compile(r"^(?:让(?!利|渡)|使(?!用))")
# A frame of time or circumstance, not a deed: 在新的一年, 在推进改革开放中.
_FRAME = re.compile(
    r"^在[^，,]{1,12}(?:中|里|时|上|下|一年|过程中)$"
    r"|^从[^，,]{1,12}看$|^以[^，,]{1,14}为(?:重点|支点|抓手|牵引|依托|载体|突破口)$"  # 从财政收入看; 以主产区为重点, of the clause after
)
# A target of two indicators: the first one's name, then 和 and the second's.
_TWO_INDICATORS = re.compile(r"([\u4e00-\u9fff]{2,12})和[\u4e00-\u9fff]{2,}")
# A clause that goes on the one before it, whose subject it shares (…，也要坚持国际合作).
_CONTINUES = re.compile(r"(?:也|还|又|同时)要")
# What was done (已, 过去, 体现了主动作为, 鼓舞了斗志), not what will be: 了 after a verb, not 为了, 除了, 了解.
_PAST = re.compile(r"已经|已|了[，。；]?$|(?<![为除罢])了(?![解如])|过去|去年")
# What a review says of an action that is not yet done.
_NOT_DONE = re.compile(r"尚未|仍需|仍然|有待|还不|不够|不足|滞后|正在|逐步|初步|起步|部分|试点|有序展开|全面展开|基本完成")
_SHARE = re.compile(r"\d+(?:\.\d+)?%")
# A promise of full coverage (全覆盖, 全量门诊预约号源), and the words that report it whole.
_WHOLE_PROMISE = re.compile(r"全覆盖|全量")
_WHOLE_SAID = re.compile(r"全覆盖|全部|全面|100%|所有")
# How alike a review sentence and a promise must be for the review to speak of it: the
# share of the promise's content words (weighted by rarity) that the sentence repeats.
EVIDENCE_MATCH = 0.3
# In the review section aligned with the promise's plan section the topic is vouched for:
# less need be repeated, if a phrase of what the promise acts on is said whole.
LINKED_MATCH = 0.25
# A promise made again in the next plan repeats more of its wording.
REPEAT_MATCH = 0.35
# Less where the next plan's section on the same topic says it.
LINKED_REPEAT = 0.25
# And of what the promise acts on (its content words), this share at least.
CORE_MATCH = 0.5
KEY_WAIVED = 0.65
NAME_RUN = 4  # consecutive bigrams: five characters
NAME_REPEATS = 3  # and said in at most so many places of the report
_ROUND = re.compile(r"新?一[轮批]")  # which round or batch: no part of a name (_Sentences.names_whole)
# A name promised again counts from this length: 枣庄机场 names one project, 火车站 many.
NAME_CHARS = 4
NAMED_SHARE = 0.35  # how alike a sentence naming a promised item whole counts, where names count
# Bounds that keep the search for evidence linear in the length of the reports.
COMMON_BIGRAM = 64
CANDIDATES = 16
_SORTED_BELOW = 200  # votes up to which a whole sort finds the candidates sooner than a heap (measured: 6 µs against 14 at 100)
# A target that adds during the year (新增…75个) is met by what was added, not by a stock
# the year ended at (累计建设…2070个, 增至1125家).
_ADDS = re.compile(r"新增|新建|新培育|新认定|新开工|新开办|新创建|增加(?!到|至)")
_STOCK_LEVEL = re.compile(r"累计|增至|增加到|提高到|达到|总数|总量|共有|拥有|总计|保有|累积|覆盖")
# The earlier end of 从A提高到B (its label stops after 从…), which numbers may not mark when a
# year stands between (从2020年的51%): not the year's figure.
_FROM = re.compile(r"[从由][^，,；;、到至]*$")
_CURRENT = re.compile(r"现行[^，,；;、到至]*$")
_TO = re.compile(r"到|至")  # …提高到10万元: without it 从 says where from (从失业保险基金结余中拿出1000亿元)
_FROM_TO = re.compile(r"[从由][^，,；;、]*(?:到|至)[^，,；;、]*$")
# A list of figures told 分别 (…分别增长5.3%、7%); the two-part names such a list may open
# with (城乡 is 城镇 and 农村) are the numbers stage's, quantities.PAIRED.
_RESPECTIVELY = re.compile(r"分别[\u4e00-\u9fff]{0,3}?(?P<figures>\d+(?:\.\d+)?%?(?:、\d+(?:\.\d+)?%?)+)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_GOES_ON = re.compile(r"加快|推进|推动|实施|开展|完成|实现|增加|增长|达到|超过|突破|覆盖|投资|建成|开工|带动|惠及")
# The rest of a list's item after what it counts: up to the next item (、, 和40个…).
_ITEM_END = re.compile(r"(?:[^、和与及\d]|[和与及](?!\d))*")
_BOUND_AFTER = re.compile(r"%?(?:左右|以上|以内|以下)?")
# The words after a figure that name what it counts, up to the clause's next figure or stop
# (a bound written after the figure, 5个以上重大专项, is not of the name).
_NAME_AFTER = re.compile(r"(?:以上|以下|左右|以内|多|余)?(?P<name>[\u4e00-\u9fff“”]{2,12})")
# The figures of the year: over it, at its end (年末), as the mean of its months (平均为); a
# target that says neither is answered by either.
_THE_YEAR = frozenset({"annual", "year-end", "year-mean"})
# A target of a level the year keeps or reaches.
_HOLDS = re.compile(r"稳定在|保持在|保持|达到|总量|总面积|保有量|累计|提高到|增至")
# The share of the bigrams narrowing an indicator's head the other side may leave unsaid.
NARROWING_MISSING = 0.5
# The deed or framing an indicator's name may open with (新开辟外贸航线, 新建提升口袋公园,
# 目标产量): not what it counts. Longest first: 新增 before 新.
_LEAD_VERB = re.compile(r"^(?:新建改建|新培育|新开办|新开辟|争取|修建|入选|全年|全面|创建|加快|启动|培育|完成|实施|建好|建成|建设|开办|开展|举办|开工|开辟|引进|打造|持续|推进|提升|改建|改造|新增|新建|新开|有序|深入|目标|积极|累计|获批|认定|评价|预期|再|新(?=[建增开培认创改投]|$))+")
# Indicators whose target is a limit: lower is better (prices, unemployment, deficits, accidents, pollution).
_CEILING = re.compile(r"价格|物价|失业率|赤字率|负债率|事故|死亡|PM2\.?5|细颗粒物|浓度")
# An outcome so qualified is beyond its figure.
_AT_LEAST = frozenset({"突破", "超", "超过", "以上", "余", "多", "逾"})
# How far below a 左右 target an outcome may fall and still count as met.
ABOUT_LEVEL = 0.10  # ±10 % of a level
ABOUT_RATE = 0.5  # ±0.5 percentage points of a growth rate
# A review figure answers a target when their indicator names are this alike
# (建成老年助餐场所 / 新开办老年助餐服务场所 score 0.47).
OUTCOME_MATCH = 0.45
COUNTED_CHARS = 4  # the end of an indicator's name that says what it counts (关键技术, 营业收入)
# Two promises' character bigrams overlap this much when one is the other made again
# (社会政策要兜住兜牢民生底线 / 社会政策要兜牢民生底线 score 0.87).
SAME_PROMISE = 0.6
LONG_QUOTE = 120  # characters: a sentence longer is quoted by the clauses that speak of the promise


@dataclass
class Commitment:
    plan_text: str  # exact text of the old report
    kind: str  # quantitative | deed | action (a policy action) | qualitative (a target without a figure)
    status: str = "not_reported"  # met | missed | partial | not_reported | carried_over
    target: Quantity | None = None
    outcome: Quantity | None = None
    names: tuple[str, ...] = ()
    outcome_text: str | None = None
    carried_text: str | None = None
    # Why the status, a code: figure (the outcome against the target) | no_figure |
    # reported_done | reported_under_way | promised_again | not_mentioned | named_done |
    # named_under_way | built_not_operating | some_named_done | named_mentioned |
    # share_not_given (a promised share reported without one) |
    # admitted_short (the review says the target was not reached) | share_of_plan (the
    # review says what share of the year's plan was done) | figures_compared (two growth rates)
    reason: str = ""
    marker: str = ""  # the word of the new report the status rests on (建成, 正在), where one does
    section: Section | None = None  # the innermost plan section it stands in
    pair: int | None = None  # the index, in the alignment's pairs, of the plan→review pair of that section (or the nearest above)
    echo: int | None = None  # and of its same-topic pair: where the next plan speaks of its topic
    plan_section_text: str = ""  # the sentence the promise stands in (names its place)
    grams: tuple[str, ...] = ()  # its clause's bigrams in reading order, to find it again
    core: frozenset[str] = frozenset()  # the bigrams of its content words: what it acts on, not how
    terms: tuple[str, ...] = ()  # those content words themselves, whole (体制机制, 文化)
    # A clause that goes on the one before (科技政策要聚焦自立自强，也要坚持国际合作): what that one is of (科技政策).
    lead: str = ""

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.grams)

    @property
    def plan_section(self) -> str:
        return self.section.heading if self.section else ""


@dataclass
class Commitments:
    year: int | None  # the year planned by the old report and reviewed by the new
    applicable: bool
    # A code: checked (the old plan against the new review) | no_one_year_plan (the old
    # report, of kind old_kind, plans no single year) | other_year (the new report reviews `reviewed`)
    note: str
    items: list[Commitment] = field(default_factory=list)
    old_kind: str = ""
    reviewed: tuple[int, ...] = ()

    def counts(self) -> dict[str, int]:
        order = ("met", "missed", "partial", "not_reported", "carried_over")
        return {s: sum(1 for c in self.items if c.status == s) for s in order}


def track(
    old: Document,
    new: Document,
    old_quantities: list[Quantity] | None = None,
    new_quantities: list[Quantity] | None = None,
    old_tokens: Tokens | None = None,
    new_tokens: Tokens | None = None,
    alignment: Alignment | None = None,
) -> Commitments:
    """Every commitment of the old report's plan, checked against the new report; with the
    alignment of the two, each is looked for first where its plan section's review stands."""
    year = old.meta.plans[0] if old.meta.plans and old.meta.kind != "five_year_plan" else None
    if year is None:
        return Commitments(None, False, "no_one_year_plan", old_kind=old.meta.kind)
    if year not in new.meta.reviews:
        return Commitments(year, False, "other_year", reviewed=tuple(new.meta.reviews))
    old_q = old_quantities if old_quantities is not None else extract(old)
    new_q = new_quantities if new_quantities is not None else extract(new)
    links = _Links(alignment)
    review = _Review(new, year, new_q, new_tokens or Tokens.of(new.text), links)
    items = [_check(c, review) for c in _promises(old, year, old_q, old_tokens or Tokens.of(old.text), links)]
    # What a reader checks first: targets missed, then what was reported, the figures before the words.
    order = {"missed": 0, "partial": 1, "met": 2, "carried_over": 3, "not_reported": 4}
    kinds = {"quantitative": 0, "qualitative": 1, "deed": 2, "action": 3}
    items.sort(key=lambda c: (order[c.status], kinds[c.kind]))
    return Commitments(year, True, "checked", items)


def _parts(doc: Document, which: str, year: int) -> list[Section]:
    """The parts of a report that review (which="review") or plan one year. A report whose
    review covers five years reviews the year inside it; a report that plans the year though
    no part is known to be its plan plans it in the parts after its review."""
    roles = {"review"} if which == "review" else {"targets", "tasks"}
    one_year = [p.section for p in doc.meta.parts if p.role in roles and year in p.years and len(p.years) == 1]
    if one_year or which == "review":
        return one_year
    if any(p.role in roles for p in doc.meta.parts) or year not in doc.meta.plans:
        return []
    reviewed = [i for i, p in enumerate(doc.meta.parts) if p.role == "review"]
    after = reviewed[0] + 1 if reviewed else 0
    return [p.section for p in doc.meta.parts[after:] if p.role == "other"]


def _review_of(doc: Document, year: int) -> tuple[list[Section], _Spans, bool]:
    """The review of one year: its sections; the paragraphs in them on the year alone
    (刚刚过去的2025年，…), whose figures are the year's even inside a retrospective of five
    years; and whether the sections review the year alone (then all their figures are the
    year's, but for their retrospectives of several years) or a period that ends with it."""
    one_year = _parts(doc, "review", year)
    sections = one_year or [p.section for p in doc.meta.parts if p.role == "review" and year in p.years]
    opening = re.compile(rf"^(?:刚刚)?(?:过去|走过)?的?(?:{year}年|一年)")
    folded = doc.clean.folded
    spans = []
    for part in sections:
        for m in re.finditer(r"[^\n]+", folded[part.start : part.end]):
            if opening.search(m.group(0).lstrip("　 ")):
                spans.append((part.start + m.start(), part.start + m.end()))
    return sections, _Spans(spans), bool(one_year)


class _Links:
    """The alignment's pairs of an old plan section: which plan→review pair it stands in (the
    most alike, where several) and which same-topic pair (the new report's sections on its
    topic, its plan among them), and the new sections of each pair."""

    def __init__(self, alignment: Alignment | None):
        self.pair: dict[Section, int] = {}
        self.echo: dict[Section, int] = {}
        self.review: dict[int, _Spans] = {}
        pairs = alignment.pairs if alignment else []
        best: dict[tuple[str, Section], float] = {}
        for i, p in enumerate(pairs):
            if not p.old or not p.new:
                continue
            self.review[i] = _Spans(_extent(p.new))
            links = self.pair if p.relation == "plan_to_review" else self.echo
            for s in p.old:
                if p.similarity > best.get((p.relation, s), -1.0):
                    best[(p.relation, s)], links[s] = p.similarity, i


class _Spans:
    """Whether a position lies in some spans: a bisection, not a scan of the spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


class _Text:
    """A report's folded text with what the checks ask of it again and again, each answered
    without rescanning the text: sentence bounds, and where a phrase occurs (each phrase
    searched once; plans repeat the same names). This keeps the stage linear in length."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.folded = doc.clean.folded
        self.stops = [m.start() for m in re.finditer(r"[。;；\n]", self.folded)]
        self._found: dict[str, list[int]] = {}

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence (or clause list up to 。；) around pos."""
        i = bisect.bisect_left(self.stops, pos)
        start = self.stops[i - 1] + 1 if i > 0 else 0
        end = self.stops[i] + 1 if i < len(self.stops) else len(self.folded)
        return start, end

    def find(self, phrase: str) -> list[int]:
        """Where `phrase` starts, left to right, without overlaps (as re.finditer)."""
        if phrase not in self._found:
            self._found[phrase] = _occurrences(phrase, self.folded)
        return self._found[phrase]


def _occurrences(phrase: str, text: str) -> list[int]:
    """Where `phrase` starts in `text`, left to right, without overlaps (as re.finditer, but
    without compiling a pattern for every phrase asked of: most are asked once)."""
    found: list[int] = []
    at = text.find(phrase)
    while at >= 0 and phrase:
        found.append(at)
        at = text.find(phrase, at + len(phrase))
    return found


def _kind(q: Quantity) -> tuple[str, str]:
    """What a figure is, for finding the review's figures that may answer a target: its measure
    and unit family, the generic counter 个 of one family with 家 and 户 (7个国家区域医疗中心 /
    7家: the same things counted; numbers keeps them apart, where they name the indicator)."""
    return q.measure, "户" if q.family == "个" else q.family


class _Review:
    """The new report as evidence for one year's plan: its review of that year (five-year
    retrospectives aside), its plan for the next year, and the review's figures indexed by
    what they measure."""

    def __init__(self, doc: Document, year: int, quantities: list[Quantity], tokens: Tokens, links: _Links):
        self.text = _Text(doc)
        self.links = links
        review_parts, self.on_the_year, self.year_alone = _review_of(doc, year)
        self.review = _Spans(_extent(review_parts))
        self.periods = _Spans(_extent(_periods(doc)))
        self.plan_next = _parts(doc, "plan", year + 1)
        # The closing words (我们要更加紧密地团结…) rally; they promise no item again.
        closing = _closing(self.text.folded, self.plan_next)
        self.plan_spans = _Spans((s.start, min(s.end, closing)) for s in self.plan_next)
        folded = self.text.folded
        self.next_targets = _Spans((m.start(), _line_end(folded, m.end())) for s in self.plan_next for m in _TARGETS.finditer(folded, s.start, s.end))
        # A total over several years or an average is not the year's figure, nor the earlier
        # end of 从A提高到B. The plan's look back at the year (过去一年，…国内生产总值增长10.3%)
        # is the year's: the only one of a report that reviews five years.
        actual = [
            _outcome_of_change(_named_after(q, self.text.folded))
            for q in quantities
            if q.kind == "actual" and (self.reports(q.start) or q.year == year and q.start in self.plan_spans) and q.period in _THE_YEAR and q.role != "from" and not _FROM.search(q.label)
        ]
        # The earliest figure of each indicator: of equally close outcomes, the first one stands.
        self.by_indicator: dict[tuple[str, str], dict[str, Quantity]] = {}
        for q in actual:
            self.by_indicator.setdefault(_kind(q), {}).setdefault(q.indicator, q)
        self.by_kind: dict[tuple[str, str], list[Quantity]] = {}
        for q in sorted(actual, key=lambda q: q.start):
            self.by_kind.setdefault(_kind(q), []).append(q)
        self.kind_starts = {k: [q.start for q in kin] for k, kin in self.by_kind.items()}
        self.by_figure: dict[tuple[str, str, float, int], list[Quantity]] = {}
        for q in sorted(actual, key=lambda q: q.start):
            self.by_figure.setdefault((*_kind(q), q.base, q.sign), []).append(q)
        # Policy actions are looked for in the whole review, five-year retrospectives
        # included: they may say an action was done, though their figures are not the year's.
        self.said = _Sentences(self.text, tokens, review_parts, skip=_tells_problems, skip_rest=_acknowledges_problems)
        self.short_of = _short_of(self.text, review_parts, year)
        self.shares_done = _shares_done(self.text, review_parts)
        # A plan that names one item of a promised list again has promised it again; a review
        # that names it need not have done it.
        self.promised = _Sentences(self.text, tokens, self.plan_next, names_count=True, until=closing)
        # In how many sentences of either each bigram stands: the length of its postings (a sentence's bigrams are a set).
        df = Counter({w: len(found) for w, found in self.said.postings.items()})
        df.update({w: len(found) for w, found in self.promised.postings.items()})
        total = len(self.said.words) + len(self.promised.words) + 1
        self.weight = {w: math.log(total / n) for w, n in df.items()}
        self.rare = math.log(total * 2)  # a word the new report never uses

    def linked(self, c: Commitment) -> _Spans | None:
        """The review sections aligned with the promise's plan section."""
        return self.links.review.get(c.pair) if c.pair is not None else None

    def reports(self, pos: int) -> bool:
        """In the one-year review (not a five-year retrospective in it), or a paragraph on the year alone."""
        if pos in self.on_the_year:
            return True
        return self.year_alone and pos in self.review and pos not in self.periods


def _tells_problems(sentence: str) -> bool:
    """Whether a sentence is no account of what was done: one that tells of a shortcoming it
    does not say, in the same clause, was overcome (克服内部困难, 差距继续缩小); one that
    professes allegiance (我们坚持以习近平新时代…思想为指导); a lesson drawn (必须把…作为主攻方向);
    thanks (向全省人民…表示衷心感谢)."""
    if _ALLEGIANCE.search(sentence) or _LESSON.match(sentence.lstrip()) or "感谢" in sentence:
        return True
    for m in _PROBLEMS.finditer(sentence):
        start, end = _clause_at(sentence, m.start(), 0, len(sentence))
        if not _OVERCOME.search(sentence, start, end):
            return True
    return False


def _acknowledges_problems(sentence: str) -> bool:
    return bool(_ACKNOWLEDGE.search(sentence)) and _tells_problems(sentence)


class _Sentences:
    """The sentences of some sections with their bigrams, indexed by bigram. With `skip`,
    sentences that match it are left out, and with `skip_rest` those from one that matches
    it to the end of its section; a sentence said again word for word is its first
    occurrence (the earliest of equal evidence stands, and repeats would crowd the candidates)."""

    def __init__(
        self,
        text: _Text,
        tokens: Tokens,
        sections: list[Section],
        skip: Callable[[str], bool] | None = None,
        skip_rest: Callable[[str], bool] | None = None,
        names_count: bool = False,
        until: int | None = None,
    ):
        self.names_count = names_count
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.words: list[frozenset[str]] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        self.postings: dict[str, list[int]] = postings
        self._within: dict[_Spans, frozenset[int]] = {}
        seen: set[str] = set()
        for section in sections:
            pos, stop = section.start, min(section.end, len(text.folded) if until is None else until)
            while pos < stop:
                start, end = text.sentence_at(pos)
                start, end = max(start, section.start), min(end, stop)
                sentence = text.folded[start:end]
                if skip_rest and skip_rest(sentence):
                    break
                words = _telling(sentence) if sentence not in seen else frozenset()
                seen.add(sentence)
                if words and not (skip and skip(sentence)):
                    n = len(self.spans)
                    for w in words:
                        postings[w].append(n)
                    self.spans.append((start, end))
                    self.words.append(words)
                pos = end
        self._rare = {w: found for w, found in self.postings.items() if len(found) <= COMMON_BIGRAM}
        self._starts = [start for start, _ in self.spans]
        self._ordered = all(a <= b for a, b in itertools.pairwise(self._starts))

    def names_whole(self, grams: tuple[str, ...], shared: frozenset[str]) -> bool:
        """Whether a sentence says a name of the promise whole: a run of NAME_RUN bigrams or
        more that the report says in few places (黄山水利枢纽), not common wording said in
        many (经济社会发展). Which round or batch (新一轮, 一批) names nothing: 实施新一轮…行动 is said of
        every new round of any programme."""
        run = _longest_run_text(grams, shared)
        run = _ROUND.sub("", run)
        return len(run) > NAME_RUN and len(self.text.find(run)) <= NAME_REPEATS

    def votes(self, q: _Query) -> dict[int, float]:
        """Sentences sharing the promise's bigrams found in at most COMMON_BIGRAM sentences
        (a common one weighs little and would make the search quadratic), by the weight they share."""
        votes: dict[int, float] = {}
        rare = self._rare
        for w, weight in q.weight.items():
            if w in rare:
                for n in rare[w]:
                    votes[n] = votes.get(n, 0.0) + weight
        return votes

    def closest(self, q: _Query, votes: dict[int, float] | None = None, within: _Spans | None = None) -> tuple[float, tuple[int, int]] | None:
        """The sentence that repeats the largest (rarity-weighted) share of the promise's
        bigrams, among those that repeat at least CORE_MATCH of its core (what it acts on:
        two promises alike only in 深入开展 or 加快实施 are not the same promise): of the
        sentences `votes` found (those of `within`, if given), the CANDIDATES most alike.
        """
        votes = self.votes(q) if votes is None else votes
        if within is None:
            ranked = [(v, -n) for n, v in votes.items()]
        else:
            inside = self._inside(within)
            ranked = [(v, -n) for n, v in votes.items() if n in inside]
        # A sentence's score for a promise is the same whichever search asks (the aligned
        # sections', then the whole review's): reckoned once for each promise.
        scores = q.scores.setdefault(self, {})
        best: tuple[float, int] | None = None
        # The same CANDIDATES either way (no two alike: n differs); a sort in C is the quicker for the few hundred most promises draw.
        top = sorted(ranked, reverse=True)[:CANDIDATES] if len(ranked) <= _SORTED_BELOW else heapq.nlargest(CANDIDATES, ranked)
        for _, minus_n in top:
            n = -minus_n
            share = scores[n] if n in scores else scores.setdefault(n, self._score(q, n))
            # The largest share wins; of equal shares, the earliest sentence.
            if share is not None and (best is None or (share, -n) > (best[0], -best[1])):
                best = (share, n)
        if best is None:
            return None
        return best[0] / q.total, self.spans[best[1]]

    def _score(self, q: _Query, n: int) -> float | None:
        """How much of the promise sentence n repeats (None: it does not speak of it)."""
        shared = q.words & self.words[n]
        if len(shared) < 2:
            return None  # one shared bigram is a topic, not the same promise
        share = math.fsum(map(q.weight.__getitem__, shared))  # exact: a sum over a set must not hang on its order
        if len(q.core & shared) >= 3 and (self.names_count and self.names_whole(q.grams, shared) or _says_the_head(q, shared, self.text)):
            # A name said whole (黄山水利枢纽) speaks of the promise, though it is one item of a list.
            return max(share, NAMED_SHARE * q.total)
        if q.key is not None and not q.holds(shared, share):
            return None
        return share

    def _inside(self, within: _Spans) -> frozenset[int]:
        """The sentences that start within some spans (the sections of one aligned pair)."""
        inside = self._within.get(within)
        if inside is None:
            if self._ordered:  # the sentences in reading order: those of each span found by bisection
                starts = self._starts
                inside = frozenset(
                    n for a, b in zip(within.starts, within.ends) for n in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
                )
            else:
                inside = frozenset(n for n, start in enumerate(self._starts) if start in within)
            self._within[within] = inside
        return inside


class _Query:
    """A promise as the evidence search weighs it: its bigrams with their rarity in the new
    report, their total, its core's, and its key (the rarest core bigram the new report uses:
    国防 in 加快实施国防发展重大工程; a word it never uses is reworded, not a sign of silence)."""

    def __init__(self, c: Commitment, weight: dict[str, float], rare: float):
        self.grams = c.grams
        self.words = c.words
        self.weight = {w: weight.get(w, rare) for w in sorted(self.words | c.core)}  # in one order: votes add up alike every run
        self.total = math.fsum(map(self.weight.__getitem__, self.words))
        self.core = c.core
        self.core_total = math.fsum(map(self.weight.__getitem__, c.core))
        self.key = max([(weight[w], w) for w in c.core if w in weight], default=(None, None))[1]
        self.scores: dict[_Sentences, dict[int, float | None]] = {}  # by the sentences searched: each sentence's score

    def holds(self, shared: frozenset[str], share: float) -> bool:
        """Whether a sentence sharing these bigrams speaks of what the promise acts on: most
        of its core, with its key, unless the sentence repeats most of the promise (行政村 →
        村 reworded) or a name whole (济南机场二期)."""
        core_share = math.fsum(map(self.weight.__getitem__, self.core & shared)) / self.core_total if self.core else 1.0
        if core_share < CORE_MATCH:
            return False
        return self.key in shared or core_share >= KEY_WAIVED or share >= KEY_WAIVED * self.total or _longest_run(self.grams, shared) >= NAME_RUN


# What is not a letter (CJK or other): digits, punctuation, space, numerals (Ⅲ, ①).
_NOT_LETTER = re.compile(r"[\W\d_\u2150-\u218f\u2460-\u24ff\u2776-\u2793]")
# Two letters, each bigram of a run of letters found where it starts (overlapping: 改革开放 → 改革 革开 开放).
_BIGRAM = re.compile(r"(?=(" + _NOT_LETTER.pattern.replace("[", "[^", 1) + "{2}))")


def _grams(clause: str) -> tuple[str, ...]:
    """What a clause is about, as its character bigrams in reading order (figures and
    punctuation aside): bigrams find 国有企业改革 in 国企改革 and 前沿领域 in 前沿技术, where
    words would not; how rare each bigram is in the report weighs it."""
    # Within runs of letters: a bigram across a figure (动多 of 推动3900多个) is no word.
    return tuple(_BIGRAM.findall(clause))


@functools.lru_cache(maxsize=65536)  # labels and names are asked about again and again
def _telling(clause: str) -> frozenset[str]:
    return frozenset(_grams(clause))


def _longest_run_text(grams: tuple[str, ...], shared: frozenset[str]) -> str:
    """The letters of the longest run of consecutive bigrams of a clause a sentence repeats
    (bigrams of one run of letters: 推动 and 多个 of 推动3900多个 do not follow each other)."""
    best: tuple[int, int] = (0, 0)
    start = 0
    for i, g in enumerate((*grams, "")):
        if g not in shared or (i > start and grams[i - 1][1] != g[0]):
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1 if g not in shared else i
    run = grams[best[0] : best[1]]
    return run[0] + "".join(g[1] for g in run[1:]) if run else ""


def _says_the_head(q: _Query, shared: frozenset[str], text: _Text) -> bool:
    """Whether a sentence says a promise's head whole: the run of its last bigrams, more than
    NAME_RUN + 1 letters and not from a joining word on, that the report says in few places, its
    rarest word among them. The head is what the promise makes; the words before it only narrow
    it, and a sentence that says it need not repeat them."""
    grams, n = q.grams, 0
    while n < len(grams) and grams[-1 - n] in shared and (n == 0 or grams[-1 - n][1] == grams[-n][0]):
        n += 1
    head = grams[-n] + "".join(g[1] for g in grams[len(grams) - n + 1 :]) if n else ""
    head = head[1:] if _JOINING.match(head) else head
    return len(head) > NAME_RUN + 1 and q.key is not None and q.key in _telling(head) and len(text.find(head)) <= NAME_REPEATS


def _longest_run(grams: tuple[str, ...], shared: frozenset[str]) -> int:
    """The most consecutive bigrams of a clause a sentence repeats: 5 for 济南机场二期."""
    return max(len(_longest_run_text(grams, shared)) - 1, 0)


# The verbs a plan acts with (what the review says of them is how far it got, not what it is
# about), and the nouns that name a piece of work, not which (完成保交房任务: 12个保交房项目完成交付).
_ACTION_VERB = re.compile(_LEAD_VERB.pattern.removeprefix("^") + r"|" + _DEED.pattern + r"|制定|完善|加强|落实|开展|实现|保障|处置|接受|办好|坚持|推广|强化|任务|工作|项目|事项")
# The words before a figure that say only how it is reached (继续实施, 力争新建), not what it counts.
_VERBS_ONLY = re.compile(r"(?:" + _LEAD_VERB.pattern.removeprefix("^").removesuffix("+") + r"|" + _DEED.pattern + r"|继续|力争|确保|推动|新|再)*")


def _content_words(tokens: list[str]) -> tuple[str, ...]:
    """The content words of a clause (those `_content_bigrams` draws on), each once, in order;
    and its nouns of one letter, which say what the words beside them name (碳 of 全国碳市场:
    全国统一大市场 is another market), by jieba's part-of-speech tags (好 of 建设运营好 is none)."""
    return tuple(dict.fromkeys(filter(_is_term, tokens)))


@functools.lru_cache(maxsize=65536)  # of a token: a report's vocabulary is a few thousand words, each asked of in many clauses
def _is_term(w: str) -> bool:
    return bool(
        (len(w) == 1 and _LETTER.match(w) and word_tags().get(w, "").startswith(_NOUN_TAGS))
        or (not _ACTION_VERB.fullmatch(w) and any(not _COUNTING.match(g) for g in _word_core(w)))
    )


_NOUN_TAGS = ("n", "ng", "nz", "ns")  # jieba's tags of nouns, names of people (nr) aside


def _content_bigrams(tokens: list[str]) -> frozenset[str]:
    """The bigrams of a clause's content words: what it acts on, without the verbs and
    manner words every plan repeats (加快, 实施, 深入开展)."""
    return frozenset().union(*map(_content_grams, tokens))


@functools.lru_cache(maxsize=65536)  # of a token, as _is_term
def _content_grams(word: str) -> frozenset[str]:
    return frozenset(g for g in _word_core(word) if not _COUNTING.match(g))


# Words of manner, degree and stance that plans put before what they act on (把…摆在更加
# 突出的位置, 稳步扩大, 大兴…之风, 认真落实): they say how, not what, so two clauses
# sharing them are not about one thing.
_MANNER = frozenset(
    [
        "位置", "摆在", "更加", "突出", "优先", "特别", "重视", "继续", "有效", "稳步", "认真", "高水平", "积极", "主动", "参与", "支持", "鼓励",
        "吸引", "更多", "多渠道", "渠道", "大兴", "之风", "繁荣", "创造", "科学", "精准", "高效", "加大", "力度", "加力", "提效", "深化", "健全",
        "构建", "促进", "保持", "着力", "努力", "用好", "发挥", "作用", "水平", "高质量", "有序", "统筹", "重点", "提高", "增加", "扩大", "优化",
        "规范", "创新", "加紧", "加速", "稳妥", "逐步", "不断", "充分", "坚决", "务实", "全力", "大幅", "切实", "聚焦", "围绕", "更好", "一批",
    ]
)
_FILLER = STOPWORDS | _MANNER
# What is left of a figure once its digits are set aside (3900多个 → 多个, 5000亿元 → 亿元): a count, not a
# thing; and a rank (全国首个, 第二批): which in order, not what.
_COUNTING = re.compile(r"^(?:[多余几近约超]?[万亿千百十]?(?:个|项|家|条|所|座|处|元|人|吨|亩|公里|台|户|套|次|人次|批|倍)?|首[个批家次]|第[一二三四五六七八九十]+[个批家次]?)$")


@functools.lru_cache(maxsize=65536)
def _word_core(word: str) -> frozenset[str]:
    """A token's bigrams if it is a content word, not filler (tokens repeat: asked once each)."""
    return _telling(word) if is_content(word) and word not in _MANNER and not _COUNTING.match(word) and not _stock(word) else frozenset()


def _stock(word: str) -> bool:
    """A word made of filler words only (深入开展 = 深入 + 开展)."""
    return any(word[:i] in _FILLER and (word[i:] in _FILLER or _stock(word[i:])) for i in range(2, len(word) - 1))


def _clause_at(folded: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, within the sentence start–end) around pos."""
    clause_start = max([folded.rfind(ch, start, pos) + 1 for ch in "，,"] + [start])
    clause_end = min([i for i in (folded.find(ch, pos, end) for ch in "，,") if i >= 0] + [end])
    return clause_start, clause_end


def _figure_text(text: _Text, q: Quantity, clause: tuple[int, int]) -> str:
    """A figure as a reader quotes it: its own text where that names what it counts, else
    its whole clause (培育10个左右 says nothing; 培育10个左右海洋特色产业集聚区 does). A
    figure of a 分别 list is quoted with the list's subject whole, up to it: the first of
    城镇、农村居民人均可支配收入分别增长5%、6.5% is not 农村居民…增长5%."""
    at = text.folded.rfind("分别", clause[0], q.start)
    respective = _RESPECTIVELY.match(text.folded, at) if at >= 0 else None
    if respective and respective.start("figures") <= q.start < respective.end("figures"):
        return text.doc.span_text(clause[0], _run_end(_BOUND_AFTER, text.folded, q.end, clause[1])).strip()
    after = _name_after(text.folded, q.end)
    if set(_grams(q.indicator)) & set(_grams(q.text)) and not (after and q.indicator.startswith(after[:2])):
        return q.text
    start = min(clause[0], q.text_start) if q.text_start >= 0 else clause[0]
    if after:  # its own clause and item of a list, what it counts (…床位、200个农村邻里互助养老服务点)
        start = max([clause[0]] + [text.folded.rfind(ch, clause[0], q.start) + 1 for ch in "、和与及"])
        end = q.end + len(after)
        return text.doc.span_text(start, _run_end(_ITEM_END, text.folded, end, clause[1])).strip().rstrip("，。；,;")
    listed = text.folded.find("、", q.end, clause[1])  # up to the next item of a list
    return text.doc.span_text(start, max(listed if listed >= 0 else clause[1], q.end)).strip().rstrip("，。；,;")


def _run_end(pattern: re.Pattern, text: str, pos: int, end: int) -> int:
    """Where a run of `pattern` (which may be empty) from pos, before end, stops."""
    m = pattern.match(text, pos, end)
    return m.end() if m else pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _extent(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections]


def _periods(doc: Document) -> list[Section]:
    return [s for s in doc.outline.walk() if s.kind == "period"]


def _promises(doc: Document, year: int, quantities: list[Quantity], tokens: Tokens, links: _Links) -> list[Commitment]:
    plan = _parts(doc, "plan", year)
    in_plan = _Spans(_extent(plan))
    text = _Text(doc)
    folded = text.folded
    places = _Places(plan, links)
    out: list[Commitment] = []
    seen_spans: set[tuple[int, int]] = set()
    sentence_of: list[int] = []
    earlier_end: dict[int, int] = {}  # by clause start: where the from-end of its 从A到B is quoted from
    for q in quantities:
        if q.kind != "target" or q.source != "text" or len(q.indicator) < 2 or q.start not in in_plan:
            continue
        if q.label.rstrip().endswith("等"):
            continue  # …健康养护中心等23个项目开工: a deed on named projects, checked by their names
        if folded[q.start - 1 : q.start] in {"将", "把"} and q.measure == "level":
            continue  # 将18项收费的免征范围…扩大: the things a deed acts on, counted; not the year's target
        q = _named_after(q, folded)
        s_start, s_end = text.sentence_at(q.start)
        c_start, c_end = _clause_at(folded, q.start, s_start, s_end)
        if q.role == "from" or (_FROM.search(q.label) or _CURRENT.search(q.label)) and _TO.search(folded, q.end, c_end):
            # The earlier end of 从3万元提高到10万元, the rate in force (现行16%的税率降至13%): where
            # the promise starts, not what it promises; the clause is quoted whole with its figure.
            earlier_end.setdefault(c_start, q.text_start if 0 <= q.text_start < q.start else c_start)
            continue
        quoted = _figure_text(text, q, (c_start, c_end))
        if c_start in earlier_end:
            quoted = doc.span_text(earlier_end[c_start], q.end).strip()
        out.append(
            Commitment(
                plan_text=quoted, kind="quantitative", target=q, **places.at(q.start),
                plan_section_text=folded[s_start:q.start],
                grams=_grams(folded[c_start:c_end]), core=_content_bigrams(tokens.between(c_start, c_end)),
            )
        )
        sentence_of.append(s_start)
    # One promise per clause: a figure quoted inside another's quotation of the same sentence
    # (规模近9.8万亿元 of 规模近9.8万亿元，增长18%) is that promise again, a fragment of it; but the
    # items of a 分别 list are promises each (城镇、农村居民人均可支配收入分别增长5%、6.5%).
    by_sentence: defaultdict[int, list[int]] = defaultdict(list)
    for i, at in enumerate(sentence_of):
        by_sentence[at].append(i)
    out = [
        c for i, c in enumerate(out)
        if "分别" in c.plan_text or not any(j != i and c.plan_text in out[j].plan_text and (c.plan_text != out[j].plan_text or j < i) for j in by_sentence[sentence_of[i]])
    ]
    # A target said again where the plan explains it (把居民消费价格涨幅控制在3.5%左右，考虑了…) is
    # the one promise of the targets list, not a second.
    stated: set[tuple] = set()
    once, restated = [], []
    for c in out:
        key = _stated(c.target) if c.target is not None else None
        if key not in stated:
            once.append(c)
        elif c.target is not None:
            restated.append(c.target)
        if key is not None:
            stated.add(key)
    out = once
    # Targets that count as checked already, by position: a deed clause holding one is not a second promise.
    target_starts = sorted(q.start for q in quantities if q.kind == "target" and not q.label.rstrip().endswith("等"))
    for section in plan:
        for m in _DEED.finditer(folded, section.start, section.end):
            start, end = text.sentence_at(m.start())
            # The clause around the verb: 推动X建成投用 names X before it, 完成X after.
            clause_start = max([folded.rfind(c, start, m.start()) + 1 for c in "，,"] + [start])
            clause_end = min([i for i in (folded.find(c, m.end(), end) for c in "，,") if i >= 0] + [end])
            names = _names(doc.text[m.end() : clause_end]) + _names(doc.text[clause_start : m.start()])
            # Two deeds in one clause (…厂房建成投用、…项目投产达效) are two promises.
            pieces = [p for p in re.finditer(r"[^、]+", folded[clause_start:clause_end]) if _DEED.search(p.group(0))]
            if len(pieces) > 1:
                piece = next(p for p in pieces if p.start() <= m.start() - clause_start < p.end())
                clause_start, clause_end = clause_start + piece.start(), clause_start + piece.end()
                names = _names(doc.text[clause_start:clause_end])
            first = bisect.bisect_left(target_starts, clause_start)
            counted = first < len(target_starts) and target_starts[first] < clause_end
            if not names or (clause_start, clause_end) in seen_spans or counted:
                continue  # no named thing, or a figure already checked as a target
            seen_spans.add((clause_start, clause_end))
            out.append(
                Commitment(
                    plan_text=doc.span_text(clause_start, clause_end).rstrip("，。；,;"),
                    kind="deed",
                    names=names,
                    **places.at(m.start()),
                )
            )
    taken = [_quoted_span(c.target) for c in out if c.target]
    # A target restated (经济增长预期目标6.5%－7%, and with no name but 目标: 把增长预期目标定在7.5%左右)
    # is that target explained, not a policy action promising it again.
    figures = {(q.measure, q.value, q.qualifier) for q in (c.target for c in out) if q is not None}
    restated += [
        q for q in quantities
        if q.kind == "target" and len(q.indicator) < 2 and "目标" in q.label and q.start in in_plan and (q.measure, q.value, q.qualifier) in figures
    ]
    taken += [_quoted_span(q) for q in restated]
    out += _actions(doc, plan, tokens, text, places, sorted(taken) + sorted(seen_spans))
    return out


def _actions(doc: Document, plan: list[Section], tokens: Tokens, text: _Text, places: _Places, taken: list[tuple[int, int]]) -> list[Commitment]:
    """Policy actions of a plan, one per clause; clauses holding a target or a deed already
    listed are not listed again, numbered headings (the topic of what follows) are not
    promises, and neither are sentences about the past or the situation."""
    folded = text.folded
    heading_lines = _Spans((s.start, s.body_start) for part in plan for s in part.walk() if s.kind == "numbered")
    targets = _Spans((m.end(), _line_end(folded, m.end())) for part in plan for m in _TARGETS.finditer(folded, part.start, part.end))
    starts = sorted(a for a, _ in taken)
    ends = {a: b for a, b in taken}
    closing = _closing(folded, plan)
    out = []
    for part in plan:
        for m in _CLAUSE.finditer(folded, part.start, part.end):
            start, end = m.start(), m.end()
            clause = m.group(0).strip()
            line = folded[folded.rfind("\n", 0, start) + 1 : _line_end(folded, end)]
            sentence = folded[slice(*text.sentence_at(start))]
            if start in heading_lines or _PAST.search(clause) or _FRAMING.search(clause) or _CREED.search(sentence) or (start not in targets and _SITUATION.search(clause)):
                continue  # a framing sentence (做好政府工作，要在…党中央…领导下，…) is not a list of promises
            if "\t" in line or folded.startswith(("!", "！"), end) or _TARGETS.search(folded, start, end + 1) or len(_telling(clause)) < 4:
                continue  # a table row, an exclamation (各位代表！, …创有所成！), the targets statement's lead, a fragment
            if _RALLYING.search(clause) or _BELIEF.search(clause) or _REASONING.search(clause) or start >= closing:
                continue  # a call to rally (同心共创复兴伟业), a belief (…江西发展才会好), reasoning, the closing words: no review reports them
            if _PURPOSE.match(clause) and folded[start - 1 : start] in {"，", ","}:
                continue  # what the clause before is for
            if _FRAME.match(clause) or _STATE.search(clause):
                continue  # when or where what follows is done; how things are
            i = bisect.bisect_right(starts, end) - 1
            if i >= 0 and ends[starts[i]] > start:
                continue
            kind = "qualitative" if start in targets else "action"
            out.append(
                Commitment(
                    plan_text=doc.span_text(start, end).strip(), kind=kind, **places.at(start),
                    grams=_grams(clause), core=_content_bigrams(words := tokens.between(start, end)), terms=_content_words(words),
                    lead=_lead(folded, text.sentence_at(start)[0], start) if _CONTINUES.match(clause) else "",
                )
            )
    return out


def _quoted_span(q: Quantity) -> tuple[int, int]:
    """Where a figure's quotation stands: from its words before (or the figure) to its end."""
    return (q.text_start if q.text_start >= 0 else q.start, q.end)


def _stated(q: Quantity) -> tuple:
    return canonical(q.indicator), q.measure, q.family, q.value, q.high, q.qualifier, q.scope


def _lead(folded: str, sentence_start: int, start: int) -> str:
    """What the clause before `start` in its sentence is of: its words before 要 (科技政策 of 科技政策要聚焦自立自强)."""
    before = re.split(r"[，,；;]", folded[sentence_start:start].rstrip("，,；; "))[-1]
    return before.split("要")[0] if "要" in before else ""


def _closing(folded: str, plan: list[Section]) -> int:
    """Where the plan's closing words start: its last address to the delegates (各位代表！)
    after which no numbered section begins (奋斗铸就辉煌，实干赢得未来。我们要更加紧密地团结…:
    the run-in lead of a closing paragraph is no task)."""
    end = max((part.end for part in plan), default=0)
    last = max((m.start() for part in plan for m in _ADDRESS.finditer(folded, part.start, part.end)), default=end)
    return end if any(s.start > last and s.kind == "numbered" for part in plan for s in part.walk()) else last


class _Places:
    """Where a position of the plan stands: its innermost section, and the plan→review pair
    of that section or of the nearest section above it that has one."""

    def __init__(self, parts: list[Section], links: _Links):
        self.sections = [s for part in parts for s in part.walk()]  # reading order: an outer section before its inner ones
        self.starts = [s.start for s in self.sections]
        self.parent = {child: s for s in self.sections for child in s.children}
        self.links = links

    def section(self, pos: int) -> Section | None:
        # The innermost section holding pos is the last-starting one that holds it.
        for i in range(bisect.bisect_right(self.starts, pos) - 1, -1, -1):
            section = self.sections[i]
            if section.start <= pos < section.end:
                return section
        return None

    def at(self, pos: int) -> dict:
        """The fields of a Commitment that say where it stands."""
        section = self.section(pos)
        return {"section": section, "pair": self._nearest(section, self.links.pair), "echo": self._nearest(section, self.links.echo)}

    def _nearest(self, section: Section | None, links: dict[Section, int]) -> int | None:
        """The pair of the section, or of the nearest section above it that has one."""
        while section is not None and section not in links:
            section = self.parent.get(section)
        return links[section] if section is not None else None


def _names(text: str) -> tuple[str, ...]:
    names = []
    for piece in re.split(r"[、和及与]", text):
        for m in _NAMED.finditer(piece):
            name = _PLACE_PREFIX.sub("", _VERB_PREFIX.sub("", m.group(0)))
            if len(name) >= 3 and not _GENERIC_NAMES.match(name):
                names.append(name)
                break
    return tuple(names)


def _check(c: Commitment, review: _Review) -> Commitment:
    text = review.text
    if c.kind in ("action", "qualitative") and (compared := _compared(c, review)) is not None:
        return compared
    if c.kind in ("action", "qualitative"):
        return _check_action(c, review)
    if c.target is not None:
        return _admitted_short(_check_figure(c, c.target, review), c.target, review)
    folded = text.folded
    for name in [v for n in c.names for v in _variants(n)]:
        core = _core(name)
        for pos in text.find(core):
            if not review.reports(pos):
                continue
            start, end = text.sentence_at(pos)
            # What the review says of the thing: from just before it to the end of its clause.
            clause_end = min([i for i in (folded.find(ch, pos + len(core), end) for ch in "，,") if i >= 0] + [end])
            local = folded[max(start, pos - 12) : max(clause_end, pos + len(core) + 8)]
            c.outcome_text = text.doc.span_text(start, end).strip()
            promised = _DEED.search(c.plan_text)
            under_way = _UNDER_WAY.search(local)
            if promised and promised.group(0) in local and not _STILL.search(local):
                c.status, c.reason, c.marker = "met", "named_done", promised.group(0)  # 开工 promised, 开工 reported
            elif under_way and not re.search(r"建成投用|竣工|交付", local):
                c.status, c.reason, c.marker = "partial", "named_under_way", under_way.group(0)
                again = _mention(text, review.plan_spans, [_core(v) for n in c.names for v in _variants(n) if len(_core(v)) >= NAME_CHARS])
                if again:  # unfinished and promised again
                    c.status, c.carried_text = "carried_over", again
            elif (done := _DONE.search(local)) and _OPERATE.search(c.plan_text) and not _OPERATE.search(local):
                c.status, c.reason, c.marker = "partial", "built_not_operating", done.group(0)
            elif done:
                every = len(c.names) == 1 or _all_done(c.names, review)
                c.status, c.reason, c.marker = "met" if every else "partial", "named_done" if every else "some_named_done", done.group(0)
            else:
                c.status, c.reason = "partial", "named_mentioned"
            return c
    # Promised again under a shorter name (市第六人民医院健康养护院 for …健康养护中心)
    # counts, but not a bare place word (火车站) that names another project.
    return _carried_or_silent(c, review, [_core(v) for n in c.names for v in _variants(n) if len(_core(v)) >= NAME_CHARS])


# The review's own word that targets were not reached (…增速和CPI涨幅也未达年初预期).
_SHORT_OF = re.compile(r"(?:未|没有|没能|未能)(?:能)?(?:达到|达|完成|实现)了?(?:年初|年度|全年|预期|计划|目标|既定)")
_THE_YEARS_WORD = re.compile(r"年初|年度|全年|去年|当年")
_OTHER_PERIOD = re.compile(r"规划|五年|十[一二三四五六七八九]?五")
_LEAD_WORDS = re.compile(r"^(?:去年|今年|全年|当年|其中|但是?|而|也|同时|此外|[0-9]{4}年)+")
# What follows an indicator's name in such a clause: its rate (增速, 涨幅) and adverbs (也, 均).
_RATE_WORDS = re.compile(r"(?:的|增速|增幅|增长|涨幅|降幅|幅度|降低|下降|提高|目标|也|均|都|还|仍|等)+$")
ADMITTED_MATCH = 0.6


def _short_of(text: _Text, sections: list[Section], year: int) -> list[tuple[str, str]]:
    """The indicators the review says in so many words fell short of the year's targets,
    each with the clause that says so. A clause on a plan of several years (两个指标没有达到
    规划预期) is not about the year; one that names neither the year nor its targets may not be."""
    folded, out = text.folded, []
    for section in sections:
        for m in _SHORT_OF.finditer(folded, section.start, section.end):
            start, end = _clause_at(folded, m.start(), *text.sentence_at(m.start()))
            clause = folded[start:end]
            if _OTHER_PERIOD.search(clause) or not (_THE_YEARS_WORD.search(clause) or f"{year}年" in clause):
                continue
            said = text.doc.span_text(start, end).strip()
            for item in re.split(r"[、和与及]", folded[start : m.start()]):
                item = _RATE_WORDS.sub("", _LEAD_WORDS.sub("", item.strip()))
                for name in [p + item[2:] for p in PAIRED[item[:2]]] if item[:2] in PAIRED else [item]:
                    out.append((name, said))
    return out


# The share of the year's plan the review says was done: …分别完成年计划的118.2%、248.57%.
_SHARE_DONE = re.compile(r"(?P<lead>分别)?完成了?(?:年度|全年|年初|年)?(?:计划|目标|任务)(?:任务)?的(?P<figures>\d+(?:\.\d+)?%(?:、\d+(?:\.\d+)?%)*)")


def _shares_done(text: _Text, sections: list[Section]) -> list[tuple[str, float, tuple[int, int]]]:
    """The indicators the review says it did a share of the year's plan of, each with that
    share and the clause that says so: the clause's subject before 完成, item by item where
    it lists several (分别)."""
    folded, out = text.folded, []
    for section in sections:
        for m in _SHARE_DONE.finditer(folded, section.start, section.end):
            start, end = _clause_at(folded, m.start(), *text.sentence_at(m.start()))
            items = [i.strip() for i in re.split(r"[、和与及]", folded[start : m.start()]) if i.strip()]
            figures = [float(f) for f in _FIGURE.findall(m.group("figures"))]
            if items and len(items) == len(figures) and (m.group("lead") or len(items) == 1):
                out += [(_LEAD_WORDS.sub("", item), share, (start, max(end, m.end()))) for item, share in zip(items, figures)]
    return out


def _names_target(name: str, target: Quantity) -> bool:
    """Whether the review's name for what it says of a target (…未达年初预期, …完成年计划的)
    names the target's indicator."""
    indicator = canonical(_RATE_WORDS.sub("", target.indicator))
    return canonical(name) == indicator or label_similarity(name, indicator, scoped=False) >= ADMITTED_MATCH


def _share_of_plan(c: Commitment, target: Quantity, review: _Review) -> Commitment | None:
    """A level target the review reports as a share of the year's plan done (118.2% of
    41万人): judged as that share of the target, quoted as the review writes it."""
    if target.measure != "level":
        return None
    for name, share, (start, end) in review.shares_done:
        if _names_target(name, target):
            text = review.text.doc.span_text(start, end).strip().rstrip("，。；,;")
            written = dataclasses.replace(
                target, value=share, unit="%", qualifier="", kind="actual", measure="share", start=start, end=end, text_start=start, text=text, label=name, indicator=name
            )
            c.status = _judge(target, dataclasses.replace(target, value=target.value * share / 100, qualifier="", kind="actual"))
            c.outcome, c.outcome_text, c.reason = written, text, "share_of_plan"
            return c
    return None


def _admitted_short(c: Commitment, target: Quantity, review: _Review) -> Commitment:
    """A target the review itself says was not reached is missed, whatever its figure reads
    as against 左右 or a ceiling: a careful reader takes the report's own word."""
    said = next((clause for name, clause in review.short_of if _names_target(name, target)), None)
    if said is None:
        return c
    c.status, c.reason = "missed", "admitted_short"
    c.outcome_text = c.outcome_text or said
    return c


# A target that compares two growth rates: 居民收入增长与经济增长基本同步, 居民收入增长快于经济增长.
# 经济发展 and 保持 say nothing more: 居民收入增长和经济发展同步, …与经济增长保持同步.
_IN_STEP = re.compile(r"^(?P<a>[\u4e00-\u9fff]+?)(?:增长|增速)?(?:与|和|同)(?P<b>[\u4e00-\u9fff]+?)(?:增长|增速|发展)?(?:保持)?(?P<loose>基本)?同步$")
# How the plan reaches for it (努力实现居民收入增长和经济发展同步): no part of what is compared.
_STRIVING = re.compile(r"^(?:努力|力争|确保|争取)?(?:实现|保持|促进)?")
_FASTER = re.compile(r"^(?P<a>[\u4e00-\u9fff]+?)(?:增长|增速)?(?:快于|高于)(?P<b>[\u4e00-\u9fff]+?)(?:增长|增速)?$")


# A target of a direction alone, of one indicator (居民收入稳步增长, 单位地区生产总值能耗保持下降);
# 量稳质升 and its kin promise that the quantity at least holds.
_HEADING = re.compile(r"^(?P<a>[\u4e00-\u9fff]{2,16}?)(?:稳步|持续|稳定|保持|继续|平稳|较快|合理)*(?P<way>增长|下降|降低|量稳质升|稳中提质|保稳提质)\W?$")


def _compared(c: Commitment, review: _Review) -> Commitment | None:
    """A target comparing two growth rates against the review's figures of both: in step is
    met when the first grew at least as fast (基本: within ABOUT_RATE points), faster when it
    grew faster; of a list (城镇、农村居民人均可支配收入分别增长…), the slower item counts.
    A target of a direction alone is met by the indicator's change the way it names."""
    text = _STRIVING.sub("", _LEAD_WORDS.sub("", fold(c.plan_text).strip()))
    heading = _HEADING.match(text)
    if heading and (found := _growth_of(heading.group("a"), review)):
        way = heading.group("way")
        falls = way in ("下降", "降低")
        q = max(found, key=lambda q: q.signed) if falls else min(found, key=lambda q: q.signed)  # the item furthest from the aim
        s_start, s_end = review.text.sentence_at(q.start)
        c.outcome, c.outcome_text = q, review.text.doc.span_text(s_start, s_end).strip()
        c.status, c.reason = _of_items([(f.signed < 0) if falls else (f.signed > 0) if way == "增长" else (f.signed >= 0) for f in found]), "figures_compared"
        return c
    m = _IN_STEP.match(text) or _FASTER.match(text)
    if m is None:
        return None
    first, second = _growth_of(m.group("a"), review), _growth_of(m.group("b"), review)
    if not first or not second:
        return None
    slowest = min(first, key=lambda q: q.signed)
    margin = ABOUT_RATE if m.re is _IN_STEP and m.group("loose") else 0.0
    pace = second[0].signed
    s_start, s_end = review.text.sentence_at(slowest.start)
    c.outcome, c.outcome_text = slowest, review.text.doc.span_text(s_start, s_end).strip()
    c.status, c.reason = _of_items([f.signed >= pace - margin if m.re is _IN_STEP else f.signed > pace for f in first]), "figures_compared"
    return c


def _of_items(ahead: list[bool]) -> str:
    """The status of a target judged item by item (城镇、农村居民人均可支配收入分别增长4.5%、5.7%
    against 居民收入增长与经济增长同步 at 5%): met by all, missed by none, partial by some."""
    return "met" if all(ahead) else "partial" if any(ahead) else "missed"


def _growth_of(name: str, review: _Review) -> list[Quantity]:
    """The review's growth figures of an indicator: of its own name (or of 全体, all of it),
    else of the items that name it (城镇居民人均可支配收入 and 农村… for 居民收入); a part's
    (其中…) aside."""
    wanted = canonical(name)
    kin = [q for q in review.by_indicator.get(("growth", "%"), {}).values() if not q.scope]
    own = [q for q in kin if canonical(q.indicator.removeprefix("全体")) == wanted]  # 全体居民人均可支配收入 is 居民收入
    return own[:1] or [q for q in kin if canonical(q.indicator).endswith(wanted) and len(canonical(q.indicator)) - len(wanted) == 2]


def _check_figure(c: Commitment, target: Quantity, review: _Review) -> Commitment:
    """A target against the review's figure of the same indicator (or, where the review
    names it otherwise, the figure of the sentence that reports on it)."""
    kin = review.by_indicator.get(_kind(target), {})
    mapped = [(indicator, _respective(target, q, review)) for indicator, q in kin.items() if _answers(c, target, q)]
    alike = [(label_similarity(indicator, target.indicator, scoped=False), -q.start, q) for indicator, q in mapped if q is not None]
    scored = [x for x in alike if x[0] >= OUTCOME_MATCH and _same_indicator(target, x[2], review)]
    outcome = max(scored, key=lambda x: (x[0], x[1]))[2] if scored else _by_named_context(c, target, review) or _in_reporting_sentence(c, target, review)
    outcome = outcome or _same_figure(c, target, review)
    if outcome is not None and part_and_whole(outcome.indicator, target.indicator):
        outcome = None  # a sentence on exports (外贸出口总额增长8%) does not answer a trade target
    if outcome is None and (done := _share_of_plan(c, target, review)) is not None:
        return done
    if outcome is not None:
        s_start, s_end = review.text.sentence_at(outcome.start)
        clause = _clause_at(review.text.folded, outcome.start, s_start, s_end)
        # Judged on the like-for-like figure, quoted with the headline one it stands beside.
        twin = c.outcome = _like_for_like(outcome, review)
        c.outcome_text = _figure_text(review.text, outcome, clause) if twin is outcome else review.text.doc.span_text(*clause).strip()
        c.status, c.reason = _judge(target, twin), "figure"
        return c
    # A figure not reported stays not reported though the next plan sets the same
    # indicator again: a new year's target is not the same unfinished promise.
    c.status, c.reason = "not_reported", "no_figure"
    return c


def _check_action(c: Commitment, review: _Review) -> Commitment:
    """Reported done is met, reported under way is partial; not done and promised again in
    the next plan is carried over; silence is not reported."""
    q = _Query(c, review.weight, review.rare)
    said = _evidence(q, c, review)
    if said and not _reports(c, review.text.folded[slice(*said[1])], review.text, q):
        said = None
    if said:
        start, end = said[1]
        c.outcome_text = review.text.doc.span_text(start, end).strip()
        # Incompleteness is read in the clause that speaks of the promise, and a word the
        # promise itself uses (开展…试点) says nothing of how far it got.
        clause = _closest_clause(review.text.folded[start:end], c.words)
        unfinished = [m.group(0) for m in _NOT_DONE.finditer(clause) if m.group(0) not in c.plan_text]
        # A promise of the whole (全覆盖) reported in part (覆盖5634万人) is under way.
        in_part = _WHOLE_PROMISE.search(c.plan_text) and not _WHOLE_SAID.search(clause)
        if not unfinished and not in_part and _SHARE.search(fold(c.plan_text)) and not _SHARE.search(clause):
            # A promise of a share (50%县区基本达到…标准) reported without one (20个县区…完成评估验收)
            # is reported, not shown done.
            c.status, c.reason = "partial", "share_not_given"
            return c
        if not unfinished and not in_part:
            c.status, c.reason = "met", "reported_done"
            # Two indicators under one aim (单位国内生产总值能耗和主要污染物排放量继续下降): a review
            # that names only the second (主要污染物排放量继续下降) reports half of it.
            both = _TWO_INDICATORS.match(fold(c.plan_text)) if c.kind == "qualitative" else None
            if both and both.group(1)[-2:] not in review.text.folded[start:end]:
                c.status, c.reason = "partial", "some_named_done"
            if c.kind == "action" and _one_of_two(c, review.text.folded[start:end]):
                c.status, c.reason = "partial", "some_named_done"
            return c
        c.status, c.reason, c.marker = "partial", "reported_under_way", unfinished[0] if unfinished else ""
    # A qualitative target set again among next year's targets is a new year's target, not a
    # promise carried over; promised again as a task (控制化石能源消费), it is carried over. An
    # action is never set as a target: a target sentence sharing its words (制造业投资…占比稳步提升
    # for 开展制造业投资巩固提升行动) promises another thing.
    again = _again(q, c, review)
    if again and again[1][1] - 1 in review.next_targets:
        again = None
    promised = review.text.folded[slice(*again[1])] if again else ""
    if again and not _same_edition(c, promised):
        again = None  # 办好第二届…场景汇 is not promised again by 办好第三届…场景汇
    if again and not _says_the_quoted(c, promised):
        again = None  # “八五”普法 is not promised again by “九五”普法
    if again and not _says_the_aim(c, promised):
        again = None  # a stance with another aim is a new year's stance (财政政策要提升效能 → 要加力提效)
    named = review.promised.names_whole(q.grams, q.words & _telling(promised)) and not _narrowed(c, promised, review.text)
    if again and not named and not _speaks_of(c, promised, review.text, q):
        # Another thing promised (抓好标志性项目在雄安新区落地建设 for 推动外资标志性项目落地建设), but
        # for one item of a list named whole; a name with a word of its own in the place of the
        # promise's (申建芜湖空港保税物流中心 for 申建合肥陆港保税物流中心) is another item of the same kind,
        # before the name or after it (淮河流域水运能级提升工程 for 淮河流域水质提升攻坚行动).
        again = None
    if again:
        start, end = again[1]
        c.status, c.carried_text, c.reason = "carried_over", _quote(review.text, start, end, c.words), "promised_again"
    elif c.status != "partial":
        c.status, c.reason = "not_reported", "not_mentioned"
    return c


def _reports(c: Commitment, sentence: str, text: _Text, q: _Query) -> bool:
    """Whether the sentence found for a policy action reports it, not another thing of the
    same kind; each test names the wrong evidence it turns away."""
    return (
        _speaks_of(c, sentence, text, q)  # 投融资体制机制 for 文化体制机制
        and _says_the_aim(c, sentence)
        # …也要坚持国际合作 is of 科技政策: a summit's 国际合作 does not report it
        and (len(c.lead) < 2 or any(c.lead[k : k + 2] in sentence for k in range(len(c.lead) - 1)))
        and _says_the_benchmark(c, sentence)  # 增速高于全国平均水平 is not reported by the growth alone
        and _says_the_quoted(c, sentence)  # 持续巩固“双减”成果 is not reported by 持续巩固脱贫攻坚成果
        and _says_the_change(c, sentence)  # 能耗保持下降 is not reported by a level (约为全国平均的70%)
    )


def _one_of_two(c: Commitment, sentence: str) -> bool:
    """Whether a promise of two things (推动RCEP早日生效实施、中欧投资协定如期签署; 加强城乡医疗救助、
    疾病应急救助) is reported for one of them only: each has words of its own, and the sentence
    says every word of one and none of the other's. Done for one, the promise is done in part."""
    items = [i for i in re.split(r"[、和及与]", fold(c.plan_text)) if i]
    if len(items) != 2 or '"' in fold(c.plan_text) or items[0].endswith("性"):
        return False  # 区域性、系统性金融风险: two kinds of one thing, not two things
    own = [[t for t in c.terms if len(t) > 1 and t in item and t not in other] for item, other in (items, items[::-1])]
    if not all(own):
        return False
    said = [[t in sentence for t in words] for words in own]
    return any(all(a) and not any(b) for a, b in (said, said[::-1]))


_LETTER = re.compile(r"[\u4e00-\u9fff]")
_JOINING = re.compile(r"[等和及与的、]")


def _speaks_of(c: Commitment, sentence: str, text: _Text, q: _Query) -> bool:
    """Whether a sentence sharing a policy action's bigrams speaks of what it acts on, word
    by word: it says at least half of the action's content words of two letters or more
    (verbs aside, by length: 环境污染 reworded 污染 is half said), and the phrase the two
    share is not `_narrowed`."""
    words = [t for t in c.terms if len(t) > 1]
    if len(words) < 2:
        return True
    if _says_the_head(q, c.words & _telling(sentence), text):
        return not _narrowed(c, sentence, text)
    if 2 * sum(_said_of(term, sentence) for term in words) < sum(map(len, words)):
        return False
    longest = longest_common(fold(c.plan_text), sentence) if len(words) >= 3 else None
    if longest is not None and longest[2] < 4:
        return False  # its words said apart (黄河口“鸟浪”…国家生态文明), not a phrase of it (黄河口国家公园)
    return not _narrowed(c, sentence, text, longest=longest)


def _narrowed(c: Commitment, sentence: str, text: _Text, longest: tuple[int, int, int] | None = None) -> bool:
    """Whether the phrase of what a promise acts on that a sentence shares is narrowed, in the
    sentence, by a word of its own in the place of the promise's words beside it: another
    thing of the same kind (全球数字经济标杆城市 for 国际绿色经济标杆城市, 投融资体制机制 for
    文化体制机制, 城市内涵式发展 for 省属高校内涵式发展, though 高校 stands elsewhere in it;
    全国统一大市场 for 全国碳市场), not the same words shortened (自贸试验区 for 自由贸易试验区);
    and whether the longest phrase they share, their verbs (深入实施), goes on to another object
    (深入实施国企改革三年行动 for 深入实施质量提升行动). A list's next item (、药品流通) narrows
    nothing. What follows a name said whole, one the report says in few places (“高效办成一件事”
    上线运行), is what became of it, not which thing it is (but a common phrase, 房地产市场, is
    narrowed by what follows); `longest`, their longest_common where known."""
    if len(c.terms) < 2:
        return False
    plan = fold(c.plan_text)
    longest = longest_common(plan, sentence) if longest is None else longest
    content = _shared_phrase(plan, sentence, c.terms)
    runs = [(content, False)]
    if longest[2] and longest != content:
        runs.append((longest, True))  # of its verbs: the object right after them
    for (a, b, size), verbs in runs:
        # The shared phrase from word to word: a word it cuts (港 of 陆港 in 空港保税…) is not said.
        for term in c.terms:
            at = plan.find(term)
            if at < a < at + len(term) < a + size:
                a, b, size = at + len(term), b + at + len(term) - a, size - (at + len(term) - a)
            if a < at < a + size < at + len(term):
                size = at - a
        if size <= 0:
            continue
        # The promise's words right before and after it, one after another (of its verbs, the first).
        before, after = _beside(plan[:a], c.terms, reverse=True), _beside(plan[a + size :], c.terms)
        if before and "".join(reversed(before)) == plan[:a]:
            before = before[:-1]  # a word opening the promise is its verb (备战全运会 by 勇夺全运会), not what narrows its object
        if verbs:
            before, after = before[:1], after[:1]
        named = size > NAME_RUN + 1 and len(text.find(plan[a : a + size])) <= NAME_REPEATS
        # A list closed by 等 before the phrase (低保等社会保障政策) names the kinds it means; a modifier
        # joined to it by 的 is the word before the 的 (就业创业的不合理限制: another thing's).
        joiner = 1 if b and sentence[b - 1] in "等的" else 0
        # (the promise's words there, the sentence's two letters there, the phrase's letter at
        # that edge, whether they are joined to it by 的 as a modifier: 积极的|财政政策)
        edges = [(before, sentence[max(b - 2 - joiner, 0) : b - joiner], plan[a], plan[a] == "的")]
        if not named:
            edges.append((after, sentence[b + size : b + size + 2], plan[a + size - 1], False))
        for words, theirs, edge, attributive in edges:
            shortened = _shortened(theirs, "".join(sorted(words, key=plan.find)))
            if words and _LETTER.match(edge) and any(w not in sentence for w in words) and _another_word(theirs, plan, attributive) and not shortened:
                return True
    return False


def _shared_phrase(plan: str, sentence: str, terms: tuple[str, ...]) -> tuple[int, int, int]:
    """The longest run of letters a promise and a sentence share around a part of one of its
    content words (分级诊疗, not 加快建设 of 加快建设分级诊疗体系; 促进房地产 of 促进房地产业), of
    equally long ones the one holding most of them (文化和旅游, not 推进文化和): where it starts
    in each, its length."""
    inside = {i for t in terms for at in [plan.find(t)] if at >= 0 for i in range(at, at + len(t))}
    # How many of the plan's letters before each position are inside: a run's count by subtraction.
    counted = list(itertools.accumulate((i in inside for i in range(len(plan))), initial=0))
    best = (0, 0, 0, 0)
    n_plan, n_sentence = len(plan), len(sentence)
    for a in sorted(inside):
        if a + 1 not in inside:
            continue
        for b in _occurrences(plan[a : a + 2], sentence):
            # The run through plan[a:a + 2] = sentence[b:b + 2], grown both ways.
            lo, most = 0, min(a, b)
            while lo < most and plan[a - lo - 1] == sentence[b - lo - 1]:
                lo += 1
            hi = 2
            while a + hi < n_plan and b + hi < n_sentence and plan[a + hi] == sentence[b + hi]:
                hi += 1
            size = lo + hi
            best = max(best, (size, counted[a - lo + size] - counted[a - lo], lo - a, b - lo))
    size, _, a, b = best
    return -a, b, size


def _beside(text: str, terms: tuple[str, ...], reverse: bool = False) -> list[str]:
    """The promise's words that `text` opens with (or, reversed, ends with), one after another."""
    out: list[str] = []
    while True:
        word = next((t for t in terms if (text.endswith(t) if reverse else text.startswith(t))), None)
        if word is None:
            # A word of manner between (服务业|高水平|对外开放, 产业绿色|发展|综合服务平台) does not
            # part the phrase from the words that say which thing it is.
            filler = next((f for f in _BETWEEN if (text.endswith(f) if reverse else text.startswith(f))), None)
            rest = (text[: -len(filler)] if reverse else text[len(filler) :]) if filler else ""
            if not reverse or filler is None or not any(rest.endswith(t) for t in terms):
                return out
            text = rest
            continue
        out.append(word)
        text = text[: -len(word)] if reverse else text[len(word) :]


_BETWEEN = sorted((w for w in _MANNER | {"发展", "全面"} if len(w) >= 2), key=len, reverse=True)


def _shortened(word: str, words: str) -> bool:
    """Whether a word is others said shortly, its letters theirs in order (自贸 of 自由贸易, 综治 of 综合治理)."""
    rest = iter(words)
    return all(ch in rest for ch in word)


# A target measured against another figure: 增速高于全国平均水平, 快于经济增长.
_BENCHMARK = re.compile(r"(?:高于|快于|低于|优于|好于|领先于?)(?P<than>[\u4e00-\u9fff]{2,})")


_QUOTED_NAME = re.compile(r'"([^"]{2,12})"')
# The items of a list, a quotation kept whole (“选种、育苗、培优”).
_ITEM = re.compile(r'(?:"[^"]*"|[^、和及与"])+')


def _says_the_quoted(c: Commitment, sentence: str) -> bool:
    """A promise about a thing the plan names in quotation marks (“双减”, “海上福建”) is spoken
    of only by a sentence that says two letters of one of those names together, as a shortened
    name does (“七大工程” for “七大提升工程”, 府院联动 for “府院联动”), or another item of its
    list whole (加快白濑水利枢纽 for 白濑水利枢纽、“五江一溪”防洪治理): the rest of its words
    are of a kind (持续巩固脱贫攻坚成果 for 持续巩固“双减”成果)."""
    plan = fold(c.plan_text)
    names = _QUOTED_NAME.findall(plan)
    return (
        not names
        or any(name[k : k + 2] in sentence for name in names for k in range(len(name) - 1))
        or any(len(item) >= 4 and '"' not in item and item in sentence for item in _ITEM.findall(plan))
    )


# An edition of a recurring thing: 第二届 (a fair), 第五轮 (a programme), 第四次 (a census), 第二批.
_EDITION = re.compile(rf"第([{CN_DIGITS}\d]+)([届轮次批期])")


def _same_edition(c: Commitment, sentence: str) -> bool:
    """A promise of one edition (办好第二十五届投洽会) is not promised again by a sentence that
    names another edition of that counter and not its own (办好第二十六届投洽会, 办好省第十七届
    运动会): that is next year's fair or another event. 第2轮 is 第二轮."""
    promised = {(to_int(n), kind) for n, kind in _EDITION.findall(fold(c.plan_text))}
    said = {(to_int(n), kind) for n, kind in _EDITION.findall(sentence)}
    kinds = {kind for _, kind in promised} & {kind for _, kind in said}
    return not kinds or bool(promised & said)


# A target of a direction alone (能耗保持下降, 水质持续改善): what it promises is the change.
# Not 提升 or 提高, which close actions as often (推动传统产业改造提升).
_DIRECTION = re.compile(r"(?:下降|降低|减少|增长|上升|改善|好转)\W?$")
_CHANGE_SAID = re.compile(r"下降|降低|减少|降幅|提高|提升|增长|增加|上升|改善|好转|优化")


def _says_the_change(c: Commitment, sentence: str) -> bool:
    """A target of a direction is reported only by a sentence that says a change: a level
    (能耗约为全国平均的70%) says nothing of which way it went."""
    return not _DIRECTION.search(fold(c.plan_text)) or bool(_CHANGE_SAID.search(sentence))


def _says_the_benchmark(c: Commitment, sentence: str) -> bool:
    """A target against a benchmark is reported only by a sentence that names the benchmark
    (高于全国) or some comparison: its own figure alone says nothing of the other."""
    m = _BENCHMARK.search(fold(c.plan_text))
    return m is None or bool(_BENCHMARK.search(sentence)) or m.group("than")[:2] in sentence


# A stance: what a policy is to be (宏观政策要稳健有效, 积极的财政政策要加力提效), not 要求, 重要, 主要….
_STANCE = re.compile(r"^(?P<subject>[^，,]{2,}?)(?<![重主需必只纲紧])要(?![求素件点害务])(?P<aim>.{2,})$")


def _says_the_aim(c: Commitment, sentence: str) -> bool:
    """A stance is reported by what it promised the policy would be: a sentence that names
    the policy (为宏观政策实施提供了空间) but says less than half of its aim (稳健有效)
    does not report it (财政政策加力提效 reports 积极的财政政策要加力提效)."""
    m = _STANCE.match(fold(c.plan_text))
    if m is None:
        return True
    aim = set(_grams(m.group("aim")))
    return 2 * len(aim & _telling(sentence)) >= len(aim)


def _said_of(term: str, sentence: str) -> int:
    """How much of a word a sentence says: its longest part of two letters or more there
    (污染 of 环境污染, reworded 污染防治), 0 for none."""
    shortest = min(len(term), 2)  # a word of one letter (碳) is said only whole
    return next((n for n in range(len(term), shortest - 1, -1) if any(term[i : i + n] in sentence for i in range(len(term) - n + 1))), 0)


def _another_word(word: str, plan: str, attributive: bool = False) -> bool:
    """Whether the letters beside the shared phrase are a word the action does not use (not
    a joining word: 中小金融机构等领域 lists, it does not narrow; nor a word of manner or
    action: 养老金稳步增加 says how the thing went, not which thing), a word at all (租并 of
    健全购租并举 is none: the two letters stand across words). Joined to the phrase by 的
    (`attributive`), a word of manner says which thing it is: 积极的财政政策 is not 稳健的财政政策."""
    return (
        len(word) == 2 and all(map(_LETTER.match, word)) and not _JOINING.search(word) and word not in plan
        and (attributive or word not in _FILLER and not _ACTION_VERB.fullmatch(word)) and word in word_tags()
    )


def _evidence(q: _Query, c: Commitment, review: _Review) -> tuple[float, tuple[int, int]] | None:
    """The review sentence that reports on a policy action: first in the review sections
    aligned with its plan section, where the topic is vouched for and less of the wording
    need be repeated, then anywhere in the review."""
    votes = review.said.votes(q)
    linked = review.linked(c)
    if linked is not None:
        said = review.said.closest(q, votes, within=linked)
        if said and (said[0] >= EVIDENCE_MATCH or said[0] >= LINKED_MATCH and _says_a_phrase(q, review.text.folded[slice(*said[1])])):
            return said
    said = review.said.closest(q, votes)
    return said if said and said[0] >= EVIDENCE_MATCH else None


def _says_a_phrase(q: _Query, sentence: str) -> bool:
    """Whether a sentence says a phrase of what the promise acts on whole (老旧小区 of
    加快推进老旧小区和危旧房改造), not only words of it apart (乡村 and 推进 of 乡村振兴扎实推进
    for 推进乡村建设行动): what a sentence less alike must say to speak of it."""
    run = _longest_run_text(q.grams, q.words & _telling(sentence))
    return len(run) >= 3 and any(run[k : k + 2] in q.core for k in range(len(run) - 1))


def _again(q: _Query, c: Commitment, review: _Review) -> tuple[float, tuple[int, int]] | None:
    """The next plan's sentence that promises the same again: anywhere in that plan, or, less
    alike, in its sections on the promise's topic (the same-topic pair of its plan section)."""
    votes = review.promised.votes(q)
    again = review.promised.closest(q, votes)
    if again and again[0] >= REPEAT_MATCH:
        return again
    echo = review.links.review.get(c.echo) if c.echo is not None else None
    again = review.promised.closest(q, votes, within=echo) if echo is not None and again else None
    return again if again and again[0] >= LINKED_REPEAT else None


def _quote(text: _Text, start: int, end: int, words: frozenset[str]) -> str:
    """A sentence quoted as evidence, in the report's exact words: whole, or where it is long (a
    plan's whole 总体要求 is one sentence), the clause sharing most of `words` and the one after it."""
    if end - start <= LONG_QUOTE:
        return text.doc.span_text(start, end).strip()
    bounds = [start, *(start + m.end() for m in re.finditer(r"[，,：:；;]", text.folded[start:end])), end]
    clauses = list(itertools.pairwise(bounds))
    best = max(range(len(clauses)), key=lambda i: len(words & _telling(text.folded[slice(*clauses[i])])))
    a, b = clauses[best][0], clauses[min(best + 1, len(clauses) - 1)][1]
    return text.doc.span_text(a, b).strip().rstrip("，,：:；;")


def _closest_clause(sentence: str, words: frozenset[str]) -> str:
    """The clause of a sentence that shares most of the bigrams in `words`, with the clause
    that continues it (…中央层面基本完成，地方层面有序展开); of a list in it, the items that
    share most (成功争创中欧班列集结中心 of …集结中心、跨境经贸专用通道国家试点: another
    item's 试点 says nothing of how far the promise got)."""
    clauses = re.split(r"[，,：:]", sentence)
    best = max(range(len(clauses)), key=lambda i: len(words & _telling(clauses[i])))
    items = clauses[best].split("、")
    most = max(len(words & _telling(item)) for item in items)
    closest = "、".join(item for item in items if len(words & _telling(item)) == most)
    return "，".join([closest, *clauses[best + 1 : best + 2]])


def _respective(target: Quantity, q: Quantity, review: _Review) -> Quantity | None:
    """In a 分别 list (城乡居民人均可支配收入分别增长5.3%、7%; 城镇、农村…分别…) the figure of
    the item the target names: the second for 农村居民人均可支配收入. Where the list's items
    are known but the target names none of them, no figure of the list answers it."""
    folded = review.text.folded
    # A later figure of the list (7% of …5.3%、7%) is named by the clause it stands in.
    lead = q.text_start if 0 <= q.text_start < q.start else _clause_at(folded, q.start, *review.text.sentence_at(q.start))[0]
    at = folded.rfind("分别", lead, q.start)
    m = _RESPECTIVELY.match(folded, at) if at >= 0 else None
    if m is None or not m.start("figures") <= q.start < m.end("figures"):
        return q
    subject = folded[lead:at]
    items = re.split(r"[、和与及]", subject)
    if len(items) == 1:
        items = list(PAIRED.get(subject[:2], items))
    figures = list(_FIGURE.finditer(m.group("figures")))
    if len(items) == 1:
        return q  # the items are not said: numbers' reading stands
    named = [i for i, item in enumerate(items) if item[:2] in target.indicator]
    if len(items) != len(figures) or len(named) != 1:
        return None
    f = figures[named[0]]
    start, end = m.start("figures") + f.start(), m.start("figures") + f.end()
    # The item's own name: its word with the name the items share (城镇 + 居民人均可支配收入).
    shared = subject[2:] if len(re.split(r"[、和与及]", subject)) == 1 else items[-1][2:]
    return dataclasses.replace(
        q, value=float(f.group(0)), start=start, end=end, indicator=items[named[0]][:2] + shared, label=items[named[0]][:2] + shared,
        text=review.text.doc.span_text(lead, end + 1).strip(),
    )


def _by_named_context(c: Commitment, target: Quantity, review: _Review) -> Quantity | None:
    """A target about a named place (泰顺达物流园营业收入突破7.5亿元): the first review
    figure of the same unit in a sentence that names the same place."""
    kin = review.by_kind.get(_kind(target), [])
    starts = review.kind_starts.get(_kind(target), [])
    best: Quantity | None = None
    for name in [_core(n) for n in _names(c.plan_section_text)] if c.plan_section_text else []:
        for pos in review.text.find(name):
            start, end = review.text.sentence_at(pos)
            i = bisect.bisect_left(starts, start)
            if i < len(kin) and kin[i].start < end and _answers(c, target, kin[i]) and _counts_alike(target, kin[i], review) and (best is None or kin[i].start < best.start):
                best = _respective(target, kin[i], review) or best
    return best


def _counts_alike(target: Quantity, q: Quantity, review: _Review) -> bool:
    """Whether a figure beside a promise's place names what the target counts: its own name says
    two characters of the end of the target's indicator, the thing counted (营收 of 营业收入; not
    入选国家首批领航级智能工厂 for 人才效能提升重点平台, nor 取得创新成果 for 工业创新等方面突破关键技术:
    figures of other things the sentence also tells)."""
    return len(set(_own_name(q, review.text.folded)) & set(_LEAD_VERB.sub("", target.indicator)[-COUNTED_CHARS:])) >= 2


# A figure's like-for-like twin written right after it: 增长1.7%（同口径增长2.5%以上）, in folded text.
_LIKE_FOR_LIKE = re.compile(r"\(同口径")


def _like_for_like(q: Quantity, review: _Review) -> Quantity:
    """The like-for-like figure where the review gives one beside the headline one: a target is
    set on a comparable basis (一般公共预算收入同口径增长5.5%左右), and the report says which
    figure compares (增长1.7%（同口径增长2.5%以上）)."""
    if not _LIKE_FOR_LIKE.match(review.text.folded, q.end):
        return q
    kin = review.by_kind.get(_kind(q), [])
    i = bisect.bisect_right(review.kind_starts.get(_kind(q), []), q.start)
    twin = kin[i] if i < len(kin) else None
    return twin if twin is not None and q.end < twin.start < review.text.folded.find(")", q.end) else q


def _in_reporting_sentence(c: Commitment, target: Quantity, review: _Review) -> Quantity | None:
    """A target whose indicator the review names otherwise (推动3900多个项目投产达效 /
    3920个新投产项目): a figure of the same measure and unit in the review sentence that
    reports on the promise's clause, whose own words share what the promise acts on."""
    query = _Query(c, review.weight, review.rare)
    # The figure's own name is checked below: in the review sections aligned with the promise's,
    # the sentence most alike will do, though it repeats less of the promise's wording.
    linked = review.linked(c)
    said = _evidence(query, c, review) or (review.said.closest(query, within=linked) if linked is not None else None)
    if said is None:
        return None
    start, end = said[1]
    kin = review.by_kind.get(_kind(target), [])
    i = bisect.bisect_left(review.kind_starts.get(_kind(target), []), start)
    for q in kin[i:]:
        if q.start >= end:
            break
        if not _answers(c, target, q):
            continue
        if c.core & _telling(q.label) and (_same_indicator(target, q, review) or _counts_a_kind_of(target, q, review)):
            return _respective(target, q, review)
        # A figure named by the words after it (3920个新投产项目) that say what the promise acts
        # on, their last word (what they count) among the indicator's (not 50个区域养老服务中心
        # for 200个农村邻里互助养老服务点).
        after = _grams(_name_after(review.text.folded, q.end))
        if _VERBS_ONLY.fullmatch(q.label.strip()) and len(c.core & set(after)) >= 2 and after[-1] in _telling(target.indicator):
            return q
    return None


def _counts_a_kind_of(target: Quantity, q: Quantity, review: _Review) -> bool:
    """Whether a count in the sentence reporting on a promise counts a kind of what the target
    counts, its name ending with the target's whole (新培育省级现代海洋特色产业集聚区7个 for
    培育10个左右海洋特色产业集聚区): so many of the kind are at least so many of the whole, and a
    report that counts only those is read as its account of the target. Not a growth rate, nor a
    ceiling: a part's rate or level says nothing of the whole's."""
    if target.measure != "level" or is_ceiling(target) or len(target.indicator) < NAME_CHARS:
        return False
    return _own_name(q, review.text.folded).endswith(_LEAD_VERB.sub("", target.indicator))


def _same_figure(c: Commitment, target: Quantity, review: _Review) -> Quantity | None:
    """The target's own figure, of three significant digits and not round (17.6万平方米, not
    100个, 5个 or 1.6万场), said again in the review of the year: the review reports it under
    another name (新增绿地面积17.6万平方米 / 完成城区绿化17.6万平方米)."""
    written = f"{target.value:g}".lstrip("0.")
    if len(written.replace(".", "")) < 3 or written.endswith("0"):
        return None
    same = review.by_figure.get((*_kind(target), target.base, target.sign), [])
    return next((q for q in same if _answers(c, target, q)), None)


def _answers(c: Commitment, target: Quantity, q: Quantity) -> bool:
    """Whether a review figure can answer a target at all: the same scope (a figure of 其中…
    or of a part answers another target), and the same measure: an
    addition (its clause up to the figure says 新增) answered by an addition, a level the
    year holds (稳定在1亿亩以上) not by what was added to it (新增…536万亩)."""
    clause = re.split(r"[，,；;]", c.plan_section_text)[-1]
    if q.scope != target.scope or {q.period, target.period} == {"year-end", "year-mean"}:
        return False
    if q.family != target.family and target.indicator[-2:] not in q.indicator:
        return False  # 个 and 家 count alike only what both name: not 9000家创业企业 for 20个孵化基地
    if _ADDS.search(clause):
        return not _STOCK_LEVEL.search(q.label)
    return not (_HOLDS.search(clause) and (q.added or _ADDS.search(q.label)))


def _same_indicator(target: Quantity, q: Quantity, review: _Review) -> bool:
    """Two indicator names name one thing when what narrows their shared head (the end they
    share: 增加值, 集聚区, 里程) is one: 汽车制造业增加值 is not 规上工业增加值, 公路通车总里程
    not 高速公路通车里程, 普惠性资源覆盖率 not 研发覆盖率. A narrowing word counts as said
    where the clause before the figure says it (集装箱航线增至150条、吞吐量超2400万标准箱).
    numbers may open an indicator with words of the clause before (发放就业创业补贴新增就业,
    目标产量 → 粮食作物种植面积产量): the words written before the figure name it then."""
    other = _own_name(q, review.text.folded)
    if not other:
        return False
    start, _ = review.text.sentence_at(q.start)
    said = _telling(re.split(r"[，,；;]", review.text.folded[start : q.start])[-1] + q.indicator)
    plan_said = _telling(target.label + target.indicator)
    names = {target.indicator, target.label} if target.indicator not in target.label else {target.indicator}
    return any(_one_indicator(name, other, said, plan_said) for name in names)


# An indicator said shortly: 粮食总产 is 粮食总产量 (粮食产量).
_SHORT_HEAD = re.compile(r"总产(?![量值])")


def _name_after(folded: str, pos: int) -> str:
    """The words right after a figure that name what it counts, up to where the clause goes on
    to say what was done (…试点加快推进, …项目增加产值) or to its next item (50个地铁站和…)."""
    after = _NAME_AFTER.match(folded, pos)
    if not after:
        return ""
    name = after.group("name").rstrip("和与及")
    verb = _GOES_ON.search(name, 2)
    return name[: verb.start()] if verb else name


def _named_after(q: Quantity, folded: str) -> Quantity:
    """A figure's indicator as its own words name it. A count whose words before it only act
    (新建, 继续实施, or none: the second item of 新建2000张家庭养老床位、200个农村邻里互助养老服务点)
    counts what the words after it name, not what the figure before it counted; a name said
    shortly (粮食总产) is said whole."""
    after = _name_after(folded, q.end)
    said_after = q.indicator[:2] and q.indicator[:2] in folded[q.end : q.end + 4]  # numbers read it so
    if q.measure == "level" and after and not said_after and _VERBS_ONLY.fullmatch(q.label.strip()):
        return dataclasses.replace(q, indicator=after)
    if _SHORT_HEAD.search(q.indicator):
        return dataclasses.replace(q, indicator=_SHORT_HEAD.sub("总产量", q.indicator), label=_SHORT_HEAD.sub("总产量", q.label))
    return q


def _own_name(q: Quantity, folded: str) -> str:
    """What a figure's own words call it: those right after it where they name it (42个源网荷储
    一体化试点, …基地等13家企业入驻), else those before it; nothing where its name is
    borrowed from the figures before it (7.6% of …分别增长20%、7.6%)."""
    if q.indicator[:2] and q.indicator[:2] in folded[q.end : q.end + 4]:
        return q.indicator
    label = _SINCE.sub("", q.label.strip())
    if CHANGE_ONLY.match(label):
        return q.indicator  # its change alone (国内生产总值达到63.6万亿元，比上年增长7.4%): the name it continues
    if not _VERBS_ONLY.fullmatch(label):
        # Said by another of its names (CPI微降0.1%), the figure is of the indicator it was read as.
        return q.indicator if q.indicator in label or canonical(GROWTH.sub("", label)) == q.indicator else label
    return ""


# What a figure is compared with (国内生产总值达到63.6万亿元，比上年增长7.4%): no word of its name.
_SINCE = re.compile(r"^(?:比|较)(?:上年|去年)(?:同期)?|^同比")


_ADDITION_TAIL = re.compile(r"(?:增加|新增)$")


def _one_indicator(indicator: str, other: str, said: frozenset[str], plan_said: frozenset[str]) -> bool:
    if indicator == other or (len(other) >= 4 and indicator.startswith(other)):
        return True  # or said without its head: 高速公路由7473公里增至9310公里
    head = next(i for i in range(min(len(indicator), len(other)), -1, -1) if indicator.endswith(other[len(other) - i :]))
    # What narrows the head, without the verb of an addition before it (新投产项目增加产值 is 投产项目's
    # 产值): whether a figure is an addition _answers asks.
    mine, theirs = (_ADDITION_TAIL.sub("", _LEAD_VERB.sub("", name[: len(name) - head])) for name in (indicator, other))
    if not theirs and len(mine) <= 2:
        return True  # the head said alone for one narrowing word: 新增就业 for 城镇新增就业
    if not mine and len(theirs) == 1 and not any(theirs in g for g in plan_said):
        return False  # one character more names another thing: 进出口 is not 出口
    if theirs and len(mine) - len(theirs) >= 2 and mine.startswith(theirs):
        return False  # the target narrows what the figure counts: 智能制造标杆企业 are not all 智能制造企业
    return _narrowed_alike(mine, said) and _narrowed_alike(theirs, plan_said)


def _narrowed_alike(modifier: str, context: frozenset[str]) -> bool:
    """Whether the other side's text says what narrows one side's head: its leading word
    (高速 of 高速公路通车里程, 规上 of 规上工业增加值) and at least half of the rest
    (特殊困难老年人家庭 for 特殊困难家庭)."""
    grams = _grams(modifier)
    return not grams or (grams[0] in context and len(set(grams) - context) <= NARROWING_MISSING * len(set(grams)))


def _outcome_of_change(q: Quantity) -> Quantity:
    """The figure B of 从A提升到B names its indicator before 从: 农产品加工转化率 of
    农产品加工转化率从2020年的51%提升到2025年的70%."""
    m = _FROM_TO.search(q.indicator)
    return dataclasses.replace(q, indicator=q.indicator[: m.start()]) if m and m.start() >= 2 else q


def _all_done(names, review: _Review) -> bool:
    folded = review.text.folded
    for name in names:
        core = _core(name)
        hits = [pos for pos in review.text.find(core) if pos in review.review]
        if not hits or not any(_DONE.search(folded[max(0, h - 12) : h + len(core) + 16]) for h in hits):
            return False
    return True


def _variants(name: str) -> list[str]:
    """A name, then its shortest reading (稻香路小学二期 → 稻香路), for review text that
    abbreviates; carried-over checks use the full name only."""
    short = re.match(_NAMED.pattern.replace("{2,18}", "{2,18}?"), name)
    return [name] + ([short.group(0)] if short and short.group(0) != name and len(short.group(0)) >= 3 else [])


def _core(name: str) -> str:
    """春天小学项目 → 春天小学, 临沂至滕州等15个项目 → 临沂至滕州: the distinctive part of a
    name (a list's first item, where it ends 等…项目)."""
    return re.sub(r"(?:等[\d一二三四五六七八九十两]*[个项座条处家]?)?(?:项目|工程)$", "", name)


def _carried_or_silent(c: Commitment, review: _Review, needles: list[str]) -> Commitment:
    again = _mention(review.text, review.plan_spans, needles)
    if again:
        c.status, c.carried_text, c.reason = "carried_over", again, "promised_again"
    else:
        c.status, c.reason = "not_reported", "not_mentioned"
    return c


def is_ceiling(target: Quantity) -> bool:
    """居民消费价格涨幅3%左右, 失业率5.5%左右: a limit to stay under, not a level to reach."""
    return bool(_CEILING.search(target.indicator)) and target.qualifier in {"左右", "", "以内", "以下", "不超过", "不高于", "低于", "控制在"}


def _judge(target: Quantity, outcome: Quantity) -> str:
    goal, got = target.base, outcome.base
    growth = target.measure == "growth"
    q = target.qualifier
    if is_ceiling(target):
        band = (ABOUT_RATE if growth or target.unit == "%" else abs(goal) * ABOUT_LEVEL) if q == "左右" else 0.0
        if q == "低于":  # 低于4.6% is not met at 4.6%
            return "met" if outcome.sign * got < target.sign * goal else "missed"
        return ("met" if outcome.sign * got <= target.sign * goal + band else "missed")
    if outcome.sign != target.sign:
        return "missed"  # a decline (下降3.3%) against a target of growth, a rise against one of reduction
    if q == "突破":
        # 突破9500公里 is met by 突破9500公里 (or 超/超过/以上 it): at least the figure, beyond it.
        return ("met" if got > goal or (got == goal and outcome.qualifier in _AT_LEAST) else "missed")
    if q == "左右":
        band = ABOUT_RATE if growth else abs(goal) * ABOUT_LEVEL
        return ("met" if got >= goal - band else "missed")
    if q in {"以下", "不超过", "不高于", "以内", "控制在"}:
        return ("met" if got <= goal else "missed")
    if q == "低于":
        return ("met" if got < goal else "missed")
    if q == "高于":
        return ("met" if got > goal else "missed")
    if got >= goal:
        return "met"
    if not growth and goal > 0 and got >= goal * 0.5 and q not in {"以上", "不少于", "不低于"}:
        return "partial"
    return "missed"


class Stage(NamedTuple):
    """A step of a series of reports: the report (its position in the series given to
    `lives`) and its part (plan | review) for a year."""

    report: int
    part: str
    year: int | None


class Event(NamedTuple):
    stage: Stage
    event: str  # a status (met, missed, partial, not_reported, carried_over) or repeated
    text: str  # the evidence, exact text of that report


class Gap(NamedTuple):
    """The report at this position plans `year`, and no later report reviews it."""

    report: int
    year: int


@dataclass
class Life:
    """One promise followed through later reports."""

    promised_in: Stage
    plan_text: str
    events: list[Event] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        final = [e.event for e in self.events if e.event in {"met", "missed", "partial", "not_reported", "carried_over"}]
        if final:
            return final[-1]
        if any(e.event == "repeated" for e in self.events):
            return "repeated"
        return "open"


def lives(docs: list[Document]) -> tuple[list[Life], list[Gap]]:
    """Every promise of every report's one-year plan, followed through the later reports:
    judged against the first later report that reviews its year exactly as compare judges
    it (with the two reports' alignment), and found again in the later plans by its names.

    Returns the lives and the gaps: plans that no later report reviews.
    """
    out: list[Life] = []
    gaps: list[Gap] = []
    texts = [_Text(doc) for doc in docs]
    plans = [_Spans(_extent(_parts(doc, "plan", doc.meta.plans[0])) if doc.meta.plans else ()) for doc in docs]
    tokens = [Tokens.of(doc.text) for doc in docs]
    for i, doc in enumerate(docs):
        if not doc.meta.plans or doc.meta.kind == "five_year_plan":
            continue
        year = doc.meta.plans[0]
        quantities = extract(doc)
        k = next((k for k in range(i + 1, len(docs)) if year in docs[k].meta.reviews), None)
        if k is None:
            promises = _promises(doc, year, quantities, tokens[i], _Links(None))
            if i + 1 < len(docs):
                gaps.append(Gap(i, year))
        else:
            promises = track(doc, docs[k], quantities, None, tokens[i], tokens[k], align(doc, docs[k], tokens[i], tokens[k])).items
        for promise in promises:
            out.append(_life(promise, Stage(i, "plan", year), k, docs, texts, plans))
    return _chained(out), gaps


def _chained(found: list[Life]) -> list[Life]:
    """A promise made again in a later plan is a promise of that report too, judged by the
    report after it: the two are one life, the later one's events continuing the first's
    (and it is not listed again). Of the later plan's promises in the sentence that repeats
    it, the one most alike in its words continues it, where the two are alike enough to be
    one promise (SAME_PROMISE). Cost: each repeat against the promises
    of one report."""
    by_report: dict[int, list[Life]] = {}
    for life in found:
        by_report.setdefault(life.promised_in.report, []).append(life)
    squashed = {id(life): _squashed(life.plan_text) for life in found}
    absorbed: set[int] = set()
    for life in found:  # in report order: a chain grows through every later report
        if id(life) in absorbed:
            continue
        while life.events and life.events[-1].event == "repeated":
            again = life.events[-1]
            sentence = _squashed(again.text)
            later = [c for c in by_report.get(again.stage.report, ()) if id(c) not in absorbed and c is not life and squashed[id(c)] in sentence]
            if not later:
                break
            score, successor = max(((dice(squashed[id(c)], squashed[id(life)]), c) for c in later), key=lambda x: x[0])
            if score < SAME_PROMISE:
                break  # the sentence repeats its topic, not this promise (完成今年发展目标任务 is no growth target)
            absorbed.add(id(successor))
            life.events.extend(successor.events)
    return [life for life in found if id(life) not in absorbed]


def _squashed(text: str) -> str:
    return "".join(fold(text).split())


def _life(promise: Commitment, made: Stage, reviewer: int | None, docs: list[Document], texts: list[_Text], plans: list[_Spans]) -> Life:
    life = Life(made, promise.plan_text)
    # A new year's figure for the same indicator is a new target, not the promise repeated
    # (地区生产总值增长7.5% is not repeated by 增长6.5%): only named things are followed.
    needles = [_core(n) for n in promise.names]
    for j in range(made.report + 1, len(docs)):
        later_year = docs[j].meta.plans[0] if docs[j].meta.plans else None
        if j == reviewer:
            life.events.append(Event(Stage(j, "review", made.year), promise.status, (promise.outcome_text or "").strip()))
            if promise.status == "carried_over":
                life.events.append(Event(Stage(j, "plan", later_year), "repeated", promise.carried_text or ""))
                continue
        if later_year and made.year and later_year > made.year:
            hit = _mention(texts[j], plans[j], needles)
            if hit:
                life.events.append(Event(Stage(j, "plan", later_year), "repeated", hit))
    return life


def _mention(text: _Text, sections: _Spans, needles: list[str]) -> str:
    for needle in needles:
        if len(needle) < 3:
            continue
        for pos in text.find(needle):
            if pos in sections:
                start, end = text.sentence_at(pos)
                return text.doc.span_text(start, end).strip()
    return ""
